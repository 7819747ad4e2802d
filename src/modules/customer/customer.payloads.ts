import { payloadType } from '../../shared/mutation.js';
import { Customer } from './customer.entity.js';

export const CreateCustomerPayload = payloadType('CreateCustomerPayload', 'customer', Customer);
export const UpdateCustomerPayload = payloadType('UpdateCustomerPayload', 'customer', Customer, { idempotent: false });
export const DeleteCustomerPayload = payloadType('DeleteCustomerPayload', 'customer', Customer, { idempotent: false });
