import { payloadType } from '../../shared/mutation.js';
import { Product } from './product.entity.js';

export const CreateProductPayload = payloadType('CreateProductPayload', 'product', Product);
