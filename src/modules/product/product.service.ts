import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../app/context.js';
import { UserErrorList } from '../../shared/errors.js';
import { archiveMutation, patch, updateMutation } from '../../shared/crud.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { checkAmount, checkInt, checkOptionalText, checkNotCleared, checkRequiredText, clean } from '../../shared/validation.js';
import { Brand, ProductCategory, ProductType, UnitCode } from './product-lookups.entity.js';
import type { ArchiveProductInput, CreateProductInput, UpdateProductInput } from './product.inputs.js';
import { Product } from './product.entity.js';

/**
 * Finds the lookup row of the organisation whose `key` is `value`, or creates it. Uses
 * `INSERT … ON CONFLICT DO NOTHING` on the `(organisation, key)` unique index, so concurrent creates of
 * the same name end with one row. `extra` fields are set on a new row, and on an existing row only
 * where it has none.
 */
async function findOrCreateLookup<T extends { id: string }>(
  em: EntityManager,
  organisationId: string,
  entity: EntityClass<T>,
  key: keyof T & string,
  value: string,
  extra: Partial<Record<keyof T & string, string | null>> = {},
): Promise<T> {
  const meta = em.getMetadata().get(entity);
  const column = (prop: string) => `"${(meta.properties as unknown as Record<string, { fieldNames: string[] }>)[prop]!.fieldNames[0]!}"`;
  const given = Object.entries(extra).filter((e): e is [string, string] => e[1] != null);
  const columns = [column(key), ...given.map(([prop]) => column(prop))];
  await em.execute(
    `insert into "${meta.tableName}" (id, created_at, updated_at, organisation_id, ${columns.join(', ')})
     values (?, now(), now(), ?, ${columns.map(() => '?').join(', ')})
     on conflict (organisation_id, ${column(key)}) do nothing`,
    [uuidv7(), organisationId, value, ...given.map(([, v]) => v)],
  );
  const row = await em.findOneOrFail(entity, { organisation: organisationId, [key]: value } as never);
  for (const [prop, v] of given) {
    const record = row as unknown as Record<string, unknown>;
    if (record[prop] == null) record[prop] = v;
  }
  return row;
}

type ProductFields = Omit<CreateProductInput, 'name' | 'idempotencyKey'> & { name?: string | null };

/** Checks the product fields given (all of `createProduct`'s, or those an update sends). @returns VALIDATION userErrors. */
function validateProduct(input: ProductFields, create: boolean): UserErrorList {
  const errors = new UserErrorList();
  const at = (field: string, ...rest: string[]) => ['input', field, ...rest];
  if (create || input.name != null) checkRequiredText(errors, input.name, 200, at('name'));
  for (const field of ['fullName', 'barcode', 'boxQuantity', 'unitVolume', 'invoiceName'] as const) checkOptionalText(errors, input[field], 200, at(field));
  checkOptionalText(errors, input.description, 1000, at('description'));
  checkInt(errors, input.criticalStockLevel, 0, at('criticalStockLevel'));
  checkAmount(errors, input.price, at('price'));
  checkAmount(errors, input.taxRate, at('taxRate'), { max: 100 });
  if (input.brand != null) checkRequiredText(errors, input.brand, 200, at('brand'));
  if (input.category != null) checkRequiredText(errors, input.category, 200, at('category'));
  if (input.productType) {
    checkRequiredText(errors, input.productType.name, 200, at('productType', 'name'));
    checkOptionalText(errors, input.productType.category, 200, at('productType', 'category'));
  }
  if (input.unitCode) {
    checkRequiredText(errors, input.unitCode.code, 50, at('unitCode', 'code'));
    checkOptionalText(errors, input.unitCode.name, 200, at('unitCode', 'name'));
  }
  return errors;
}

/** The lookups an input gives, found or created: a lookup left out (undefined) stays undefined, null stays null. */
async function resolveLookups(em: EntityManager, organisation: string, input: ProductFields) {
  const given = <V, R>(value: V | null | undefined, find: (value: V) => Promise<R>): Promise<R | null | undefined> =>
    value == null ? Promise.resolve(value as null | undefined) : find(value);
  return {
    brand: await given(input.brand, (name) => findOrCreateLookup(em, organisation, Brand, 'name', clean(name)!)),
    category: await given(input.category, (name) => findOrCreateLookup(em, organisation, ProductCategory, 'name', clean(name)!)),
    productType: await given(input.productType, (type) => findOrCreateLookup(em, organisation, ProductType, 'name', clean(type.name)!, { category: clean(type.category) })),
    unitCode: await given(input.unitCode, (unit) => findOrCreateLookup(em, organisation, UnitCode, 'code', clean(unit.code)!, { name: clean(unit.name) })),
  };
}

const TEXT_FIELDS = ['name', 'fullName', 'barcode', 'description', 'boxQuantity', 'unitVolume', 'invoiceName'] as const;

/**
 * `createProduct`: a product with its brand, product type, category and unit code found by name/code
 * in the organisation or created. Idempotent by `input.idempotencyKey`. userErrors: VALIDATION.
 */
export function createProduct(ctx: Context, input: CreateProductInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createProduct', input, Product, async () => {
      validateProduct(input, true).throwIfAny();
      const organisation = ctx.viewer!.organisationId;
      const lookups = await resolveLookups(em, organisation, input);
      return em.create(Product, {
        organisation,
        name: clean(input.name)!,
        fullName: clean(input.fullName),
        barcode: clean(input.barcode),
        description: clean(input.description),
        boxQuantity: clean(input.boxQuantity),
        unitVolume: clean(input.unitVolume),
        criticalStockLevel: input.criticalStockLevel ?? null,
        invoiceName: clean(input.invoiceName),
        price: input.price ?? null,
        taxRate: input.taxRate ?? null,
        isActive: input.isActive ?? true,
        brand: lookups.brand ?? null,
        productType: lookups.productType ?? null,
        category: lookups.category ?? null,
        unitCode: lookups.unitCode ?? null,
      });
    }),
  );
}

/**
 * `updateProduct`: only the fields present change (null clears one); lookups given by name/code are
 * found or created as on create. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND.
 */
export function updateProduct(ctx: Context, input: UpdateProductInput) {
  return updateMutation(ctx, Product, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['name', 'isActive']);
      errors.errors.push(...validateProduct(input, false).errors);
    },
    apply: async (product, _input, em) => {
      const lookups = await resolveLookups(em, ctx.viewer!.organisationId, input);
      patch(product, lookups, ['brand', 'category', 'productType', 'unitCode']);
      patch(product, input, [...TEXT_FIELDS, 'criticalStockLevel', 'price', 'taxRate', 'isActive'], Object.fromEntries(TEXT_FIELDS.map((f) => [f, clean])));
    },
  });
}

/** `archiveProduct` (OWNER/ADMIN): archived and inactive; stays on the treatments that use it. userErrors: STALE_VERSION. */
export function archiveProduct(ctx: Context, input: ArchiveProductInput) {
  return archiveMutation(ctx, Product, input);
}
