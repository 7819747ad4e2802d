import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { Brand, ProductCategory, ProductType, UnitCode } from './product-lookups.entity.js';
import type { CreateProductInput } from './product.inputs.js';
import { Product } from './product.entity.js';

/** Trims a given string; an empty one becomes null. */
export function clean(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** VALIDATION unless the trimmed `value` is 1–`max` characters. */
export function checkRequiredText(errors: UserErrorList, value: string | null | undefined, max: number, field: string[]): void {
  const text = clean(value);
  if (!text || text.length > max) errors.add(UserErrorCode.VALIDATION, `${field.at(-1)} must be 1–${max} characters.`, field);
}

/** VALIDATION when a given `value` is longer than `max` characters once trimmed. */
export function checkOptionalText(errors: UserErrorList, value: string | null | undefined, max: number, field: string[]): void {
  const text = clean(value);
  if (text && text.length > max) errors.add(UserErrorCode.VALIDATION, `${field.at(-1)} must be at most ${max} characters.`, field);
}

/**
 * VALIDATION for a given decimal amount that is below `min` (default 0), above `max`, or does not
 * fit a `numeric(19, 4)` column (more than 4 decimals or 15 integer digits).
 */
export function checkAmount(errors: UserErrorList, value: string | null | undefined, field: string[], limits: { min?: number; max?: number } = {}): void {
  if (value == null) return;
  const amount = new Decimal(value);
  const name = field.at(-1);
  const min = limits.min ?? 0;
  if (amount.lt(min)) errors.add(UserErrorCode.VALIDATION, `${name} must be at least ${min}.`, field);
  else if (limits.max !== undefined && amount.gt(limits.max)) errors.add(UserErrorCode.VALIDATION, `${name} must be at most ${limits.max}.`, field);
  else if (amount.decimalPlaces() > 4) errors.add(UserErrorCode.VALIDATION, `${name} must have at most 4 decimals.`, field);
  else if (amount.abs().gte('1e15')) errors.add(UserErrorCode.VALIDATION, `${name} must be below 10^15.`, field);
}

/** VALIDATION for a given integer outside `min`–2147483647 (a PostgreSQL integer). */
export function checkInt(errors: UserErrorList, value: number | null | undefined, min: number, field: string[], message = `${field.at(-1)} must be at least ${min}.`): void {
  if (value == null) return;
  if (value < min) errors.add(UserErrorCode.VALIDATION, message, field);
}

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

/** Checks a `createProduct` input. @returns VALIDATION userErrors. */
function validateProduct(input: CreateProductInput): UserErrorList {
  const errors = new UserErrorList();
  const at = (field: string, ...rest: string[]) => ['input', field, ...rest];
  checkRequiredText(errors, input.name, 200, at('name'));
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

/**
 * `createProduct`: a product with its brand, product type, category and unit code found by name/code
 * in the organisation or created. Idempotent by `input.idempotencyKey`. userErrors: VALIDATION.
 */
export function createProduct(ctx: Context, input: CreateProductInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createProduct', input, Product, async () => {
      validateProduct(input).throwIfAny();
      const organisation = ctx.viewer!.organisationId;
      const brand = input.brand != null ? await findOrCreateLookup(em, organisation, Brand, 'name', clean(input.brand)!) : null;
      const category = input.category != null ? await findOrCreateLookup(em, organisation, ProductCategory, 'name', clean(input.category)!) : null;
      const productType = input.productType
        ? await findOrCreateLookup(em, organisation, ProductType, 'name', clean(input.productType.name)!, { category: clean(input.productType.category) })
        : null;
      const unitCode = input.unitCode
        ? await findOrCreateLookup(em, organisation, UnitCode, 'code', clean(input.unitCode.code)!, { name: clean(input.unitCode.name) })
        : null;
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
        brand,
        productType,
        category,
        unitCode,
      });
    }),
  );
}
