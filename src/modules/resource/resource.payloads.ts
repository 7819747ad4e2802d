import { payloadType } from '../../shared/mutation.js';
import { Resource } from './resource.entity.js';

export const CreateResourcePayload = payloadType('CreateResourcePayload', 'resource', Resource);
export const UpdateResourcePayload = payloadType('UpdateResourcePayload', 'resource', Resource, { idempotent: false });
export const ArchiveResourcePayload = payloadType('ArchiveResourcePayload', 'resource', Resource, { idempotent: false });
