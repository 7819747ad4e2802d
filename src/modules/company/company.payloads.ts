import { payloadType } from '../../shared/mutation.js';
import { Company } from './company.entity.js';

export const CreateCompanyPayload = payloadType('CreateCompanyPayload', 'company', Company);
export const UpdateCompanyPayload = payloadType('UpdateCompanyPayload', 'company', Company, { idempotent: false });
