import { payloadType } from '../../shared/mutation.js';
import { Company } from './company.entity.js';

export const CreateCompanyPayload = payloadType('CreateCompanyPayload', 'company', Company);
