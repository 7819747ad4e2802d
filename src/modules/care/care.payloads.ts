import { payloadType } from '../../shared/mutation.js';
import { CancellationReason, Case, ClientPackage } from './care.entities.js';

export const CreateCasePayload = payloadType('CreateCasePayload', 'case', Case);
export const CreateClientPackagePayload = payloadType('CreateClientPackagePayload', 'clientPackage', ClientPackage);
export const CreateCancellationReasonPayload = payloadType('CreateCancellationReasonPayload', 'cancellationReason', CancellationReason);
