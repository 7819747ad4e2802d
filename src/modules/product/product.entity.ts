import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { ArchivableEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';
import { DecimalScalar } from '../../shared/scalars.js';
import { Brand, ProductCategory, ProductType, UnitCode } from './product-lookups.entity.js';

/** A product a treatment uses (Flextell `treatments[].products[]`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A product a treatment uses (Flextell `products[]`).' })
@Entity()
@Check({ name: 'product_amounts_non_negative', expression: '(price is null or price >= 0) and (tax_rate is null or tax_rate >= 0) and (critical_stock_level is null or critical_stock_level >= 0)' })
export class Product extends ArchivableEntity {
  declare [OptionalProps]?: 'isActive' | 'createdAt' | 'updatedAt' | 'globalId';

  @Field({ description: 'Short name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  @Property({ type: 'text', nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Barcode (EAN/UPC as given).' })
  @Property({ type: 'text', nullable: true })
  barcode?: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Units per box, as given (Flextell `box_quantity`).' })
  @Property({ type: 'text', nullable: true })
  boxQuantity?: string | null;

  @Field(() => String, { nullable: true, description: 'Volume of one unit, as given (Flextell `unit_volume`), in `unitCode` units.' })
  @Property({ type: 'text', nullable: true })
  unitVolume?: string | null;

  @Field(() => Int, { nullable: true, description: 'Stock level (units) under which the product is critical.' })
  @Property({ type: 'integer', nullable: true })
  criticalStockLevel?: number | null;

  @Field(() => String, { nullable: true, description: 'Name printed on invoices.' })
  @Property({ type: 'text', nullable: true })
  invoiceName?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Unit price in major units of the organisation\'s currency.' })
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  price?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Tax rate in percent (e.g. `"12"` is 12 %).' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  taxRate?: string | null;

  @Field({ description: 'False when the product is no longer used.' })
  @Property({ type: 'boolean' })
  isActive: boolean = true;

  @ManyToOne({ entity: () => Brand, nullable: true, deleteRule: 'set null' })
  brand?: Brand | null;

  @ManyToOne({ entity: () => ProductType, nullable: true, deleteRule: 'set null' })
  productType?: ProductType | null;

  @ManyToOne({ entity: () => ProductCategory, nullable: true, deleteRule: 'set null' })
  category?: ProductCategory | null;

  @ManyToOne({ entity: () => UnitCode, nullable: true, deleteRule: 'set null' })
  unitCode?: UnitCode | null;
}
