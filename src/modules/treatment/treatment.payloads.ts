import { payloadType } from '../../shared/mutation.js';
import { Treatment } from './treatment.entity.js';

export const CreateTreatmentPayload = payloadType('CreateTreatmentPayload', 'treatment', Treatment);

export const UpdateTreatmentPayload = payloadType('UpdateTreatmentPayload', 'treatment', Treatment, { idempotent: false });
