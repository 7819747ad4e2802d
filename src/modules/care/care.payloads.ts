import { payloadType } from '../../shared/mutation.js';
import { CancellationReason, Case, ClientPackage } from './care.entities.js';

export const CreateCasePayload = payloadType('CreateCasePayload', 'case', Case);
export const CreateClientPackagePayload = payloadType('CreateClientPackagePayload', 'clientPackage', ClientPackage);
export const CreateCancellationReasonPayload = payloadType('CreateCancellationReasonPayload', 'cancellationReason', CancellationReason);
export const UpdateCasePayload = payloadType('UpdateCasePayload', 'case', Case, { idempotent: false });
export const UpdateClientPackagePayload = payloadType('UpdateClientPackagePayload', 'clientPackage', ClientPackage, { idempotent: false });
export const UpdateCancellationReasonPayload = payloadType('UpdateCancellationReasonPayload', 'cancellationReason', CancellationReason, { idempotent: false });
