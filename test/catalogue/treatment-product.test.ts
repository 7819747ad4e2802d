import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { toGlobalId } from '../../src/shared/global-id.js';
import { errorCode, payload, userErrors } from './helpers.js';

let app: TestApp;
let org: TestOrg;
let other: TestOrg;

const PRODUCT = `id name fullName barcode description boxQuantity unitVolume criticalStockLevel invoiceName price taxRate isActive
  brand { id name } productType { id name category } category { id name } unitCode { id code name }`;
const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { ${PRODUCT} } userErrors { code field message } replayed } }`;
const TREATMENT = `id name description durationMinutes price sessionCount isActive extraInfo
  products { id name brand { name } } users { id name } sessions { sessionOrder sessionType nextGapDays offsetDays }`;
const CREATE_TREATMENT = `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { treatment { ${TREATMENT} } userErrors { code field message } replayed } }`;

async function count(table: string, o: TestOrg = org): Promise<number> {
  const [row] = await app.sql<{ n: number }>(`select count(*)::int as n from ${table} where organisation_id = $1`, [o.organisationId]);
  return row!.n;
}

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Clinic');
  other = await app.createOrg('Other');
});
afterAll(() => app?.stop());

describe('createProduct', () => {
  it('creates a product with all fields and finds-or-creates its brand, type, category and unit per organisation', async () => {
    const input = {
      name: 'Serum',
      fullName: 'Hyaluronic Serum 30 ml',
      barcode: '4006381333931',
      description: 'For dry skin',
      boxQuantity: '12',
      unitVolume: '30',
      criticalStockLevel: 5,
      invoiceName: 'HA Serum',
      price: '1250.50',
      taxRate: 12,
      isActive: true,
      brand: 'Dermacare',
      productType: { name: 'Cosmetic', category: 'Skin' },
      category: 'Serums',
      unitCode: { code: 'ML', name: 'millilitre' },
    };
    const first = payload(await app.gql(CREATE_PRODUCT, { input }, { token: org.token }), 'createProduct').product;
    expect(first).toMatchObject({
      name: 'Serum',
      fullName: 'Hyaluronic Serum 30 ml',
      criticalStockLevel: 5,
      isActive: true,
      brand: { name: 'Dermacare' },
      productType: { name: 'Cosmetic', category: 'Skin' },
      category: { name: 'Serums' },
      unitCode: { code: 'ML', name: 'millilitre' },
    });
    expect(Number(first.price)).toBe(1250.5);
    expect(Number(first.taxRate)).toBe(12);

    // A second product with the same lookups reuses them; the type's category is not overwritten.
    const second = payload(
      await app.gql(CREATE_PRODUCT, { input: { name: 'Cream', brand: 'Dermacare', productType: { name: 'Cosmetic', category: 'Other' }, category: 'Serums', unitCode: { code: 'ML' } } }, { token: org.token }),
      'createProduct',
    ).product;
    expect(second.brand.id).toBe(first.brand.id);
    expect(second.productType).toEqual(first.productType);
    expect(second.category.id).toBe(first.category.id);
    expect(second.unitCode).toEqual(first.unitCode);
    expect(await count('brand')).toBe(1);

    // Another organisation gets its own brand.
    const theirs = payload(await app.gql(CREATE_PRODUCT, { input: { name: 'Serum', brand: 'Dermacare' } }, { token: other.token }), 'createProduct').product;
    expect(theirs.brand.id).not.toBe(first.brand.id);

    const read = await app.gql(`query($id: ID!) { product(id: $id) { ${PRODUCT} } brand(id: "${first.brand.id}") { name } }`, { id: first.id }, { token: org.token });
    expect(read.errors).toBeUndefined();
    // Decimal strings are compared by value: the scalar answers the created value as given ("1250.5")
    // but the stored one with the column's scale ("1250.5000").
    const { price, taxRate, ...rest } = read.data.product;
    const { price: firstPrice, taxRate: firstTax, ...firstRest } = first;
    expect(rest).toEqual(firstRest);
    expect([Number(price), Number(taxRate)]).toEqual([Number(firstPrice), Number(firstTax)]);
    expect(read.data.brand).toEqual({ name: 'Dermacare' });
  });

  it('creates one brand when concurrent products name the same new brand', async () => {
    const o = await app.createOrg('Race clinic');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => app.gql(CREATE_PRODUCT, { input: { name: `P${i}`, brand: 'Racer', unitCode: { code: 'PCS' } } }, { token: o.token })),
    );
    const brands = new Set(results.map((r) => payload(r, 'createProduct').product.brand.id));
    expect(brands.size).toBe(1);
    expect([await count('brand', o), await count('unit_code', o), await count('product', o)]).toEqual([1, 1, 6]);
  });

  it('refuses a negative price or tax rate with VALIDATION and writes nothing (no lookups either)', async () => {
    const before = [await count('product'), await count('brand')];
    const errors = userErrors(await app.gql(CREATE_PRODUCT, { input: { name: 'Cheap', price: '-1', taxRate: '-0.5', brand: 'Newbrand' } }, { token: org.token }), 'createProduct', 'product');
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['VALIDATION', ['input', 'price']],
      ['VALIDATION', ['input', 'taxRate']],
    ]);
    expect([await count('product'), await count('brand')]).toEqual(before);
  });
});

describe('createTreatment', () => {
  it('creates a treatment with products, performers and a session plan, readable back in plan order', async () => {
    const product = payload(await app.gql(CREATE_PRODUCT, { input: { name: 'Botox vial', brand: 'Allergan' } }, { token: org.token }), 'createProduct').product;
    const owner = toGlobalId('User', org.userId);
    const input = {
      name: ' Botox ',
      description: 'Three sessions and a check-up',
      durationMinutes: 45,
      price: 30000,
      sessionCount: 3,
      extraInfo: { area: 'forehead', units: 20 },
      productIds: [product.id],
      userIds: [owner],
      sessions: [
        { sessionOrder: 2, sessionType: 'TREATMENT', nextGapDays: 14, offsetDays: 14 },
        { sessionOrder: 1, nextGapDays: 14, offsetDays: 0 },
        { sessionOrder: 3, sessionType: 'CONTROL', offsetDays: 28 },
      ],
    };
    const created = payload(await app.gql(CREATE_TREATMENT, { input }, { token: org.token }), 'createTreatment').treatment;
    const expected = {
      name: 'Botox',
      description: 'Three sessions and a check-up',
      durationMinutes: 45,
      sessionCount: 3,
      isActive: true,
      extraInfo: { area: 'forehead', units: 20 },
      products: [{ id: product.id, name: 'Botox vial', brand: { name: 'Allergan' } }],
      users: [{ id: owner, name: 'Clinic Owner' }],
      sessions: [
        { sessionOrder: 1, sessionType: 'TREATMENT', nextGapDays: 14, offsetDays: 0 },
        { sessionOrder: 2, sessionType: 'TREATMENT', nextGapDays: 14, offsetDays: 14 },
        { sessionOrder: 3, sessionType: 'CONTROL', nextGapDays: null, offsetDays: 28 },
      ],
    };
    expect(created).toMatchObject(expected);
    const read = await app.gql(`query($id: ID!) { treatment(id: $id) { ${TREATMENT} } }`, { id: created.id }, { token: org.token });
    expect(read.errors).toBeUndefined();
    expect(read.data.treatment).toMatchObject(expected);
    expect(Number(read.data.treatment.price)).toBe(30000);
  });

  it('lists treatments filtered by isActive', async () => {
    const o = await app.createOrg('Filter clinic');
    const active = payload(await app.gql(CREATE_TREATMENT, { input: { name: 'Active one' } }, { token: o.token }), 'createTreatment').treatment;
    const retired = payload(await app.gql(CREATE_TREATMENT, { input: { name: 'Retired one', isActive: false } }, { token: o.token }), 'createTreatment').treatment;
    const list = async (isActive: boolean | null) =>
      (await app.gql(`query($a: Boolean) { treatments(isActive: $a) { edges { node { id } } totalCount } }`, { a: isActive }, { token: o.token })).data.treatments;
    expect((await list(true)).edges.map((e: any) => e.node.id)).toEqual([active.id]);
    expect((await list(false)).edges.map((e: any) => e.node.id)).toEqual([retired.id]);
    expect((await list(null)).totalCount).toBe(2);
  });

  it('refuses a negative price, a zero duration and a duplicate session order with VALIDATION, writing nothing', async () => {
    const before = [await count('treatment'), await count('treatment_session')];
    const errors = userErrors(
      await app.gql(
        CREATE_TREATMENT,
        { input: { name: 'Bad', price: '-0.01', durationMinutes: 0, sessionCount: 0, sessions: [{ sessionOrder: 1 }, { sessionOrder: 1 }] } },
        { token: org.token },
      ),
      'createTreatment',
      'treatment',
    );
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['VALIDATION', ['input', 'durationMinutes']],
      ['VALIDATION', ['input', 'price']],
      ['VALIDATION', ['input', 'sessionCount']],
      ['VALIDATION', ['input', 'sessions', '1', 'sessionOrder']],
    ]);
    expect([await count('treatment'), await count('treatment_session')]).toEqual(before);
  });

  it('answers NOT_FOUND for another organisation\'s product or user and writes nothing', async () => {
    const theirs = payload(await app.gql(CREATE_PRODUCT, { input: { name: 'Theirs' } }, { token: other.token }), 'createProduct').product;
    const before = await count('treatment');
    const byProduct = await app.gql(CREATE_TREATMENT, { input: { name: 'X', productIds: [theirs.id] } }, { token: org.token });
    expect(errorCode(byProduct)).toBe('NOT_FOUND');
    expect(byProduct.errors![0]!.extensions!.field).toBe('productIds');
    const byUser = await app.gql(CREATE_TREATMENT, { input: { name: 'X', userIds: [toGlobalId('User', other.userId)] } }, { token: org.token });
    expect(errorCode(byUser)).toBe('NOT_FOUND');
    expect(await count('treatment')).toBe(before);
  });

  it('replays an idempotent create with the same input and refuses the key with another input', async () => {
    const input = { name: 'Peel', idempotencyKey: 'peel-1', sessions: [{ sessionOrder: 1 }] };
    const a = payload(await app.gql(CREATE_TREATMENT, { input }, { token: org.token }), 'createTreatment');
    const b = payload(await app.gql(CREATE_TREATMENT, { input }, { token: org.token }), 'createTreatment');
    expect(b).toMatchObject({ replayed: true, treatment: { id: a.treatment.id } });
    const c = userErrors(await app.gql(CREATE_TREATMENT, { input: { ...input, name: 'Peel 2' } }, { token: org.token }), 'createTreatment', 'treatment');
    expect(c.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });
});
