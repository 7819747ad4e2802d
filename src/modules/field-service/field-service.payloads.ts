import { payloadType } from '../../shared/mutation.js';
import { Account, TimeBand } from './field-service.entities.js';
import { Operation } from './operation.entity.js';
import { Property } from './property.entity.js';

export const CreateAccountPayload = payloadType('CreateAccountPayload', 'account', Account);
export const CreatePropertyPayload = payloadType('CreatePropertyPayload', 'property', Property);
export const CreateTimeBandPayload = payloadType('CreateTimeBandPayload', 'timeBand', TimeBand);
export const CreateOperationPayload = payloadType('CreateOperationPayload', 'operation', Operation);
