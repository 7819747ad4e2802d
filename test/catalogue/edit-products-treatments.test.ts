import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { checkUpdateRules, errorCode, memberToken, mutate, payload, userErrors } from './helpers.js';

let app: TestApp;
let org: TestOrg;
let other: TestOrg;
let readOnly: string;
let staff: string;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Clinic');
  other = await app.createOrg('Other');
  readOnly = await memberToken(app, org, 'READ_ONLY');
  staff = await memberToken(app, org, 'STAFF');
});
afterAll(() => app?.stop());

const create = async (mutation: string, objectField: string, input: Record<string, unknown>) => payload(await mutate(app, org.token, mutation, objectField, input), mutation)[objectField];

describe('updateProduct', () => {
  it('fixes a product: fields, price, lookups found or created, null clears; the shared update rules', async () => {
    const product = await create('createProduct', 'product', { name: 'Serum', price: '10', brand: 'Dermacare', barcode: '123' });
    await checkUpdateRules(app, {
      org, other, readOnly, mutation: 'updateProduct', objectField: 'product', id: product.id,
      change: { name: 'Serum 30 ml', price: '12.5', barcode: null, brand: 'Skinlab', unitCode: { code: 'ML', name: 'millilitre' } },
      expected: { name: 'Serum 30 ml', price: '12.5', barcode: null, brand: { name: 'Skinlab' }, unitCode: { code: 'ML' }, isActive: true },
      fields: 'name price barcode brand { name } unitCode { code } isActive',
      required: 'name',
    });
    const cleared = payload(await mutate(app, org.token, 'updateProduct', 'product', { id: product.id, brand: null }, 'brand { name } name'), 'updateProduct').product;
    expect(cleared).toEqual({ brand: null, name: 'Serum 30 ml' });
    const bad = userErrors(await mutate(app, org.token, 'updateProduct', 'product', { id: product.id, price: '-1', taxRate: '101' }), 'updateProduct', 'product');
    expect(bad.map((e) => e.field)).toEqual([['input', 'price'], ['input', 'taxRate']]);
  });

  it('concurrent edits with the same expectedVersion: exactly one wins, the others are STALE_VERSION', async () => {
    const product = await create('createProduct', 'product', { name: 'Cream', price: '5' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => mutate(app, i % 2 ? staff : org.token, 'updateProduct', 'product', { id: product.id, expectedVersion: 1, price: String(100 + i) }, 'version price')),
    );
    const won = results.filter((r) => r.data.updateProduct.product);
    const stale = results.filter((r) => r.data.updateProduct.userErrors[0]?.code === 'STALE_VERSION');
    expect(won).toHaveLength(1);
    expect(stale).toHaveLength(7);
    const read = await app.gql(`query($id: ID!) { product(id: $id) { version price } }`, { id: product.id }, { token: org.token });
    expect(read.data.product).toEqual(won[0]!.data.updateProduct.product);
    expect(read.data.product.version).toBe(2);
    const [row] = await app.sql<{ version: number }>(`select version from product where name = 'Cream' and organisation_id = $1`, [org.organisationId]);
    expect(row!.version).toBe(2);
  });

  it('archiveProduct: OWNER/ADMIN only, inactive, still on the treatments that use it', async () => {
    const product = await create('createProduct', 'product', { name: 'Gel' });
    const treatment = await create('createTreatment', 'treatment', { name: 'Peel', productIds: [product.id] });
    expect(errorCode(await mutate(app, staff, 'archiveProduct', 'product', { id: product.id }))).toBe('FORBIDDEN');
    expect(errorCode(await mutate(app, other.token, 'archiveProduct', 'product', { id: product.id }))).toBe('NOT_FOUND');
    const stale = userErrors(await mutate(app, org.token, 'archiveProduct', 'product', { id: product.id, expectedVersion: 7 }), 'archiveProduct', 'product');
    expect(stale[0]!.code).toBe('STALE_VERSION');
    const archived = payload(await mutate(app, org.token, 'archiveProduct', 'product', { id: product.id, expectedVersion: 1 }, 'isActive version archivedAt'), 'archiveProduct').product;
    expect(archived).toMatchObject({ isActive: false, version: 2 });
    expect(archived.archivedAt).not.toBeNull();
    const read = await app.gql(`query($id: ID!) { treatment(id: $id) { products { id isActive archivedAt } } }`, { id: treatment.id }, { token: org.token });
    expect(read.data.treatment.products).toEqual([{ id: product.id, isActive: false, archivedAt: archived.archivedAt }]);
  });
});

describe('updateTreatment (versioned like every catalogue update)', () => {
  it('the shared update rules: version, STALE_VERSION, NOT_FOUND across tenants, FORBIDDEN for READ_ONLY, name not cleared', async () => {
    const treatment = await create('createTreatment', 'treatment', { name: 'Facial', durationMinutes: 45, price: '30' });
    await checkUpdateRules(app, {
      org, other, readOnly, mutation: 'updateTreatment', objectField: 'treatment', id: treatment.id,
      change: { name: 'Deep facial', durationMinutes: 60, price: '45' }, expected: { name: 'Deep facial', durationMinutes: 60, price: '45' }, required: 'name',
    });
  });

  it('concurrent edits with the same expectedVersion: exactly one wins, the others are STALE_VERSION and change nothing', async () => {
    const treatment = await create('createTreatment', 'treatment', { name: 'Massage', durationMinutes: 30 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => mutate(app, i % 2 ? staff : org.token, 'updateTreatment', 'treatment', { id: treatment.id, expectedVersion: 1, durationMinutes: 40 + i }, 'version durationMinutes')),
    );
    const won = results.filter((r) => r.data.updateTreatment.treatment);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.data.updateTreatment.userErrors[0]?.code === 'STALE_VERSION')).toHaveLength(7);
    const read = await app.gql(`query($id: ID!) { treatment(id: $id) { version durationMinutes } }`, { id: treatment.id }, { token: org.token });
    expect(read.data.treatment).toEqual(won[0]!.data.updateTreatment.treatment);
    expect(read.data.treatment.version).toBe(2);
  });
});

describe('archiveTreatment', () => {
  const BOOK = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id treatments { id name archivedAt isActive } } userErrors { code field message } } }`;

  it('archives for OWNER/ADMIN only; old appointments keep it; it cannot be booked; lists hide it unless includeArchived', async () => {
    const treatment = await create('createTreatment', 'treatment', { name: 'Laser', durationMinutes: 30 });
    const booked = payload(await app.gql(BOOK, { input: { startsAt: '2031-05-01T09:00:00Z', treatmentIds: [treatment.id] } }, { token: org.token }), 'createAppointment').appointment;

    expect(errorCode(await mutate(app, staff, 'archiveTreatment', 'treatment', { id: treatment.id }))).toBe('FORBIDDEN');
    expect(errorCode(await mutate(app, readOnly, 'archiveTreatment', 'treatment', { id: treatment.id }))).toBe('FORBIDDEN');
    expect(errorCode(await mutate(app, other.token, 'archiveTreatment', 'treatment', { id: treatment.id }))).toBe('NOT_FOUND');
    const archived = payload(await mutate(app, org.token, 'archiveTreatment', 'treatment', { id: treatment.id, expectedVersion: 1 }, 'version isActive archivedAt'), 'archiveTreatment').treatment;
    expect(archived).toMatchObject({ version: 2, isActive: false });
    const again = payload(await mutate(app, org.token, 'archiveTreatment', 'treatment', { id: treatment.id, expectedVersion: 1 }, 'version isActive archivedAt'), 'archiveTreatment').treatment;
    expect(again).toEqual(archived);

    const refused = await app.gql(BOOK, { input: { startsAt: '2031-05-02T09:00:00Z', treatmentIds: [treatment.id] } }, { token: org.token });
    expect(refused.data.createAppointment).toEqual({ appointment: null, userErrors: [{ code: 'VALIDATION', field: ['input', 'treatmentIds'], message: expect.stringContaining('archived') }] });

    const old = await app.gql(`query($id: ID!) { appointment(id: $id) { treatments { id name archivedAt } } }`, { id: booked.id }, { token: org.token });
    expect(old.data.appointment.treatments).toEqual([{ id: treatment.id, name: 'Laser', archivedAt: archived.archivedAt }]);

    const lists = await app.gql(`{ treatments(first: 100) { edges { node { id } } } all: treatments(first: 100, includeArchived: true) { edges { node { id } } } }`, {}, { token: org.token });
    expect(lists.data.treatments.edges.map((e: any) => e.node.id)).not.toContain(treatment.id);
    expect(lists.data.all.edges.map((e: any) => e.node.id)).toContain(treatment.id);
  });
});
