import { payloadType } from '../../shared/mutation.js';
import { Account, TimeBand } from './field-service.entities.js';
import { Operation } from './operation.entity.js';
import { Property } from './property.entity.js';

export const CreateAccountPayload = payloadType('CreateAccountPayload', 'account', Account);
export const CreatePropertyPayload = payloadType('CreatePropertyPayload', 'property', Property);
export const CreateTimeBandPayload = payloadType('CreateTimeBandPayload', 'timeBand', TimeBand);
export const CreateOperationPayload = payloadType('CreateOperationPayload', 'operation', Operation);
export const UpdateAccountPayload = payloadType('UpdateAccountPayload', 'account', Account, { idempotent: false });
export const UpdatePropertyPayload = payloadType('UpdatePropertyPayload', 'property', Property, { idempotent: false });
export const UpdateTimeBandPayload = payloadType('UpdateTimeBandPayload', 'timeBand', TimeBand, { idempotent: false });
export const UpdateOperationPayload = payloadType('UpdateOperationPayload', 'operation', Operation, { idempotent: false });
