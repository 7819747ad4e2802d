import { payloadType } from '../../shared/mutation.js';
import { Resource } from './resource.entity.js';

export const CreateResourcePayload = payloadType('CreateResourcePayload', 'resource', Resource);
