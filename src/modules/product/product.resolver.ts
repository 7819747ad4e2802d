import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Brand, ProductCategory, ProductType, UnitCode } from './product-lookups.entity.js';
import { Product } from './product.entity.js';
import { ArchiveProductInput, CreateProductInput, UpdateProductInput } from './product.inputs.js';
import { ArchiveProductPayload, CreateProductPayload, UpdateProductPayload } from './product.payloads.js';
import { archiveProduct, createProduct, updateProduct } from './product.service.js';

@Resolver(() => Product)
export class ProductResolver {
  @FieldResolver(() => Brand, { nullable: true, description: 'Brand (Flextell `brand`).' })
  brand(@Ctx() ctx: Context, @Root() product: Product) {
    return product.brand ? ctx.loaders.byId(Brand).load(product.brand.id) : null;
  }

  @FieldResolver(() => ProductType, { nullable: true, description: 'Product type (Flextell `product_type`).' })
  productType(@Ctx() ctx: Context, @Root() product: Product) {
    return product.productType ? ctx.loaders.byId(ProductType).load(product.productType.id) : null;
  }

  @FieldResolver(() => ProductCategory, { nullable: true, description: 'Category (Flextell `category`).' })
  category(@Ctx() ctx: Context, @Root() product: Product) {
    return product.category ? ctx.loaders.byId(ProductCategory).load(product.category.id) : null;
  }

  @FieldResolver(() => UnitCode, { nullable: true, description: 'Unit of measure of `unitVolume` (Flextell `unit_code`).' })
  unitCode(@Ctx() ctx: Context, @Root() product: Product) {
    return product.unitCode ? ctx.loaders.byId(UnitCode).load(product.unitCode.id) : null;
  }

  @Mutation(() => CreateProductPayload, { description: 'Creates a product (Flextell `products[]`); its brand, product type, category and unit code are found by name/code or created. userErrors: VALIDATION.' })
  createProduct(@Ctx() ctx: Context, @Arg('input', { description: 'The new product.' }) input: CreateProductInput) {
    return createProduct(ctx, input);
  }

  @Mutation(() => UpdateProductPayload, { description: 'Changes a product (name, price, lookups…); only the fields present change. userErrors: VALIDATION, STALE_VERSION.' })
  updateProduct(@Ctx() ctx: Context, @Arg('input', () => UpdateProductInput, { description: 'The changes.' }) input: UpdateProductInput) {
    return updateProduct(ctx, input);
  }

  @Mutation(() => ArchiveProductPayload, { description: 'Archives a product (OWNER or ADMIN): inactive, still shown on the treatments that use it. Archiving again changes nothing. userErrors: STALE_VERSION.' })
  archiveProduct(@Ctx() ctx: Context, @Arg('input', () => ArchiveProductInput, { description: 'The product.' }) input: ArchiveProductInput) {
    return archiveProduct(ctx, input);
  }
}
