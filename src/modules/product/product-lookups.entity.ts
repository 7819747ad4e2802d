import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Node } from '../../shared/node.js';

/** A product brand (Flextell `brand`); found or created by name when a product is written. */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A product brand (Flextell `brand`).' })
@Entity()
@Unique({ properties: ['organisation', 'name'] })
export class Brand extends TenantEntity {
  @Field({ description: 'Brand name.' })
  @Property({ type: 'text' })
  name!: string;
}

/** A product type (Flextell `product_type`); found or created by name. */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A product type (Flextell `product_type`).' })
@Entity()
@Unique({ properties: ['organisation', 'name'] })
export class ProductType extends TenantEntity {
  @Field({ description: 'Type name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Category label of the type.' })
  @Property({ type: 'text', nullable: true })
  category?: string | null;
}

/** A product category (Flextell `category`); found or created by name. */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A product category (Flextell `category`).' })
@Entity()
@Unique({ properties: ['organisation', 'name'] })
export class ProductCategory extends TenantEntity {
  @Field({ description: 'Category name.' })
  @Property({ type: 'text' })
  name!: string;
}

/** A unit of measure (Flextell `unit_code`); found or created by code. */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A unit of measure (Flextell `unit_code`), e.g. `ML` millilitre.' })
@Entity()
@Unique({ properties: ['organisation', 'code'] })
export class UnitCode extends TenantEntity {
  @Field({ description: 'Short code, e.g. `ML`.' })
  @Property({ type: 'text' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Name, e.g. `millilitre`.' })
  @Property({ type: 'text', nullable: true })
  name?: string | null;
}
