import { payloadType } from '../../shared/mutation.js';
import { Location } from './location.entity.js';

export const CreateLocationPayload = payloadType('CreateLocationPayload', 'location', Location);
export const UpdateLocationPayload = payloadType('UpdateLocationPayload', 'location', Location, { idempotent: false });
export const ArchiveLocationPayload = payloadType('ArchiveLocationPayload', 'location', Location, { idempotent: false });
