import { payloadType } from '../../shared/mutation.js';
import { Product } from './product.entity.js';

export const CreateProductPayload = payloadType('CreateProductPayload', 'product', Product);
export const UpdateProductPayload = payloadType('UpdateProductPayload', 'product', Product, { idempotent: false });
export const ArchiveProductPayload = payloadType('ArchiveProductPayload', 'product', Product, { idempotent: false });
