import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { checkUpdateRules, errorCode, memberToken, mutate, payload, userErrors } from './helpers.js';

let app: TestApp;
let org: TestOrg;
let other: TestOrg;
let readOnly: string;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Utility');
  other = await app.createOrg('Other');
  readOnly = await memberToken(app, org, 'READ_ONLY');
});
afterAll(() => app?.stop());

const create = async (mutation: string, objectField: string, input: Record<string, unknown>) =>
  payload(await mutate(app, org.token, mutation, objectField, input, mutation === 'createCustomer' ? 'id' : 'id version'), mutation)[objectField];
const rules = (spec: Omit<Parameters<typeof checkUpdateRules>[1], 'org' | 'other' | 'readOnly'>) => checkUpdateRules(app, { org, other, readOnly, ...spec });

describe('field service', () => {
  it('updateAccount: reference, name, customer link (null unlinks; another organisation\'s customer is NOT_FOUND)', async () => {
    const customer = await create('createCustomer', 'customer', { name: 'Ann' });
    const account = await create('createAccount', 'account', { reference: 'SUP-1' });
    await rules({ mutation: 'updateAccount', objectField: 'account', id: account.id, change: { reference: 'SUP-2', name: 'Home', customerId: customer.id }, expected: { reference: 'SUP-2', name: 'Home', customer: { id: customer.id } }, fields: 'reference name customer { id }', required: 'reference' });
    const theirs = await mutate(app, other.token, 'createCustomer', 'customer', { name: 'Theirs' }, 'id');
    expect(errorCode(await mutate(app, org.token, 'updateAccount', 'account', { id: account.id, customerId: theirs.data.createCustomer.customer.id }))).toBe('NOT_FOUND');
    const unlinked = payload(await mutate(app, org.token, 'updateAccount', 'account', { id: account.id, customerId: null }, 'customer { id } reference'), 'updateAccount').account;
    expect(unlinked).toEqual({ customer: null, reference: 'SUP-2' });
  });

  it('updateProperty: address, postcode, account', async () => {
    const account = await create('createAccount', 'account', { reference: 'SUP-9' });
    const property = await create('createProperty', 'property', { address: '1 High St' });
    await rules({ mutation: 'updateProperty', objectField: 'property', id: property.id, change: { address: '2 High St', postcode: 'AB1 2CD', accountId: account.id }, expected: { address: '2 High St', postcode: 'AB1 2CD', account: { id: account.id } }, fields: 'address postcode account { id }', required: 'address' });
  });

  it('updateTimeBand: the window is checked as it will be', async () => {
    const band = await create('createTimeBand', 'timeBand', { name: 'AM', startTime: '08:00', endTime: '12:00' });
    await rules({ mutation: 'updateTimeBand', objectField: 'timeBand', id: band.id, change: { name: 'Morning', endTime: '13:00' }, expected: { name: 'Morning', startTime: '08:00', endTime: '13:00' }, required: 'startTime' });
    const inverted = userErrors(await mutate(app, org.token, 'updateTimeBand', 'timeBand', { id: band.id, startTime: '14:00' }), 'updateTimeBand', 'timeBand');
    expect(inverted).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'endTime'] })]);
  });

  it('updateOperation: reference, description, premises', async () => {
    const property = await create('createProperty', 'property', { address: '5 Low St' });
    const operation = await create('createOperation', 'operation', { reference: 'WO-1', description: 'Meter' });
    await rules({ mutation: 'updateOperation', objectField: 'operation', id: operation.id, change: { reference: 'WO-1b', description: null, propertyId: property.id }, expected: { reference: 'WO-1b', description: null, property: { id: property.id } }, fields: 'reference description property { id }', required: 'reference' });
  });
});

describe('care', () => {
  it('updateCase: title, status, customer', async () => {
    const customer = await create('createCustomer', 'customer', { name: 'Bob' });
    const care = await create('createCase', 'case', { title: 'Back pain' });
    await rules({ mutation: 'updateCase', objectField: 'case', id: care.id, change: { title: 'Lower back pain', status: 'closed', customerId: customer.id }, expected: { title: 'Lower back pain', status: 'closed', customer: { id: customer.id } }, fields: 'title status customer { id }', required: 'title' });
  });

  it('updateClientPackage: sessions checked against each other as they will be; the treatment link', async () => {
    const customer = await create('createCustomer', 'customer', { name: 'Cleo' });
    const treatment = await create('createTreatment', 'treatment', { name: 'Massage' });
    const pack = await create('createClientPackage', 'clientPackage', { customerId: customer.id, sessionsTotal: 5, sessionsUsed: 1 });
    await rules({ mutation: 'updateClientPackage', objectField: 'clientPackage', id: pack.id, change: { sessionsUsed: 3, treatmentId: treatment.id }, expected: { sessionsTotal: 5, sessionsUsed: 3, treatment: { id: treatment.id } }, fields: 'sessionsTotal sessionsUsed treatment { id }', required: 'sessionsTotal' });
    const below = userErrors(await mutate(app, org.token, 'updateClientPackage', 'clientPackage', { id: pack.id, sessionsTotal: 2 }), 'updateClientPackage', 'clientPackage');
    expect(below).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'sessionsTotal'] })]);
  });

  it('updateCancellationReason: rewords it', async () => {
    const reason = await create('createCancellationReason', 'cancellationReason', { name: 'Ill' });
    await rules({ mutation: 'updateCancellationReason', objectField: 'cancellationReason', id: reason.id, change: { name: 'Customer ill' }, expected: { name: 'Customer ill' }, required: 'name' });
  });
});
