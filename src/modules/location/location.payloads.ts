import { payloadType } from '../../shared/mutation.js';
import { Location } from './location.entity.js';

export const CreateLocationPayload = payloadType('CreateLocationPayload', 'location', Location);
