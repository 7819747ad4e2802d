import { Field, InputType, Int } from 'type-graphql';
import { archiveInputType, UpdateInputBase } from '../../shared/crud.inputs.js';
import { DecimalScalar } from '../../shared/scalars.js';

/** The product type of `createProduct`, found or created by name. */
@InputType({ description: 'A product type (Flextell `product_type`), found by name in the organisation or created.' })
export class ProductTypeInput {
  @Field({ description: 'Type name, 1–200 characters; the lookup key.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Category label of the type, at most 200 characters; sets it only on a new type or one that has none.' })
  category?: string | null;
}

/** The unit of measure of `createProduct`, found or created by code. */
@InputType({ description: 'A unit of measure (Flextell `unit_code`), found by code in the organisation or created.' })
export class UnitCodeInput {
  @Field({ description: 'Short code, e.g. `ML`, 1–50 characters; the lookup key.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Name, e.g. `millilitre`, at most 200 characters; sets it only on a new unit or one that has none.' })
  name?: string | null;
}

/** Input of `createProduct`. */
@InputType({ description: 'A new product a treatment uses (Flextell `products[]`). Brand, product type, category and unit code are found by name/code in the organisation or created.' })
export class CreateProductInput {
  @Field({ description: 'Short name, 1–200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Full name, at most 200 characters.' })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Barcode (EAN/UPC as given), at most 200 characters.' })
  barcode?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, at most 1,000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Units per box, as given (Flextell `box_quantity`), at most 200 characters.' })
  boxQuantity?: string | null;

  @Field(() => String, { nullable: true, description: 'Volume of one unit, as given (Flextell `unit_volume`), in `unitCode` units; at most 200 characters.' })
  unitVolume?: string | null;

  @Field(() => Int, { nullable: true, description: 'Stock level (units) under which the product is critical, ≥ 0 (Flextell `critical_stock_level`).' })
  criticalStockLevel?: number | null;

  @Field(() => String, { nullable: true, description: 'Name printed on invoices, at most 200 characters.' })
  invoiceName?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Unit price in major units of the organisation\'s currency, ≥ 0, at most 4 decimals.' })
  price?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Tax rate in percent, 0–100, at most 4 decimals (e.g. `"12"` is 12 %).' })
  taxRate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False when the product is no longer used; default true.' })
  isActive?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Brand name (Flextell `brand`), 1–200 characters; found or created in the organisation.' })
  brand?: string | null;

  @Field(() => ProductTypeInput, { nullable: true, description: 'Product type (Flextell `product_type`); found by name or created.' })
  productType?: ProductTypeInput | null;

  @Field(() => String, { nullable: true, description: 'Category name (Flextell `category`), 1–200 characters; found or created in the organisation.' })
  category?: string | null;

  @Field(() => UnitCodeInput, { nullable: true, description: 'Unit of measure (Flextell `unit_code`); found by code or created.' })
  unitCode?: UnitCodeInput | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay with the same input answers the same product (`replayed: true`).' })
  idempotencyKey?: string | null;
}

/** Input of `updateProduct`: only the fields present change; null clears a field. */
@InputType({ description: 'Changes a product: only the fields present change; null clears a field (not name or isActive). Brand, product type, category and unit code are found by name/code or created, as on create.' })
export class UpdateProductInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Short name, 1–200 characters; cannot be cleared.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Full name, at most 200 characters.' })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Barcode (EAN/UPC as given), at most 200 characters.' })
  barcode?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, at most 1,000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Units per box, as given, at most 200 characters.' })
  boxQuantity?: string | null;

  @Field(() => String, { nullable: true, description: 'Volume of one unit, as given, in `unitCode` units; at most 200 characters.' })
  unitVolume?: string | null;

  @Field(() => Int, { nullable: true, description: 'Stock level (units) under which the product is critical, ≥ 0.' })
  criticalStockLevel?: number | null;

  @Field(() => String, { nullable: true, description: 'Name printed on invoices, at most 200 characters.' })
  invoiceName?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Unit price in major units of the organisation\'s currency, ≥ 0, at most 4 decimals.' })
  price?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Tax rate in percent, 0–100, at most 4 decimals.' })
  taxRate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False when the product is no longer used; cannot be cleared.' })
  isActive?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Brand name, 1–200 characters; found or created.' })
  brand?: string | null;

  @Field(() => ProductTypeInput, { nullable: true, description: 'Product type; found by name or created.' })
  productType?: ProductTypeInput | null;

  @Field(() => String, { nullable: true, description: 'Category name, 1–200 characters; found or created.' })
  category?: string | null;

  @Field(() => UnitCodeInput, { nullable: true, description: 'Unit of measure; found by code or created.' })
  unitCode?: UnitCodeInput | null;
}

export const ArchiveProductInput = archiveInputType('Product');
export type ArchiveProductInput = InstanceType<typeof ArchiveProductInput>;
