import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { errorCode, payload, userErrors } from './helpers.js';

let app: TestApp;
let org: TestOrg;
let other: TestOrg;

async function count(table: string, o: TestOrg = org): Promise<number> {
  const [row] = await app.sql<{ n: number }>(`select count(*)::int as n from ${table} where organisation_id = $1`, [o.organisationId]);
  return row!.n;
}

const run = (query: string, input: Record<string, unknown>, o: TestOrg = org) => app.gql(query, { input }, { token: o.token });

const CREATE_LOCATION = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id name address timeZone } userErrors { code field message } } }`;
const CREATE_RESOURCE = `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id name kind status location { id name } } userErrors { code field message } } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name } userErrors { code } } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id reference name customer { id name } } userErrors { code field message } } }`;
const CREATE_PROPERTY = `mutation($input: CreatePropertyInput!) { createProperty(input: $input) { property { id address postcode account { id reference } } userErrors { code field message } } }`;
const CREATE_OPERATION = `mutation($input: CreateOperationInput!) { createOperation(input: $input) { operation { id reference description property { id address } } userErrors { code field message } } }`;
const CREATE_TIME_BAND = `mutation($input: CreateTimeBandInput!) { createTimeBand(input: $input) { timeBand { id name startTime endTime } userErrors { code field message } } }`;
const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { case { id title status customer { id name } } userErrors { code field message } } }`;
const CREATE_PACKAGE = `mutation($input: CreateClientPackageInput!) { createClientPackage(input: $input) { clientPackage { id sessionsTotal sessionsUsed customer { id } treatment { id name } } userErrors { code field message } } }`;
const CREATE_REASON = `mutation($input: CreateCancellationReasonInput!) { createCancellationReason(input: $input) { cancellationReason { id name } userErrors { code field message } } }`;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Field team');
  other = await app.createOrg('Other team');
});
afterAll(() => app?.stop());

describe('locations and resources', () => {
  it('creates a location and a room in it, listed by locations and resources(kind:) and readable by id', async () => {
    const location = payload(await run(CREATE_LOCATION, { name: 'Central clinic', address: 'Abay Ave 1', timeZone: 'Asia/Almaty' }), 'createLocation').location;
    expect(location).toMatchObject({ name: 'Central clinic', address: 'Abay Ave 1', timeZone: 'Asia/Almaty' });
    const room = payload(await run(CREATE_RESOURCE, { name: 'Room 1', kind: 'ROOM', locationId: location.id }), 'createResource').resource;
    expect(room).toMatchObject({ name: 'Room 1', kind: 'ROOM', status: 'active', location: { id: location.id, name: 'Central clinic' } });
    const van = payload(await run(CREATE_RESOURCE, { name: 'Van', kind: 'VEHICLE', status: 'maintenance' }), 'createResource').resource;
    expect(van).toMatchObject({ status: 'maintenance', location: null });

    const read = await app.gql(
      `query($r: ID!, $l: ID!) {
        resource(id: $r) { name location { name } } location(id: $l) { timeZone }
        rooms: resources(kind: ROOM) { edges { node { id } } totalCount }
        all: resources { totalCount }
        locations { edges { node { id name } } totalCount }
      }`,
      { r: room.id, l: location.id },
      { token: org.token },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      resource: { name: 'Room 1', location: { name: 'Central clinic' } },
      location: { timeZone: 'Asia/Almaty' },
      rooms: { edges: [{ node: { id: room.id } }], totalCount: 1 },
      all: { totalCount: 2 },
      locations: { edges: [{ node: { id: location.id, name: 'Central clinic' } }], totalCount: 1 },
    });
    const theirs = await app.gql(`{ resources { totalCount } locations { totalCount } }`, {}, { token: other.token });
    expect(theirs.data).toEqual({ resources: { totalCount: 0 }, locations: { totalCount: 0 } });
  });

  it('refuses an unknown IANA time zone with VALIDATION and writes nothing', async () => {
    const before = await count('location');
    for (const timeZone of ['Mars/Olympus', 'GMT+5 Almaty']) {
      const errors = userErrors(await run(CREATE_LOCATION, { name: 'Nowhere', timeZone }), 'createLocation', 'location');
      expect(errors.map((e) => [e.code, e.field])).toEqual([['VALIDATION', ['input', 'timeZone']]]);
    }
    expect(await count('location')).toBe(before);
  });

  it('refuses an empty resource name and another organisation\'s location', async () => {
    const before = await count('resource');
    const errors = userErrors(await run(CREATE_RESOURCE, { name: ' ', kind: 'ROOM' }), 'createResource', 'resource');
    expect(errors.map((e) => [e.code, e.field])).toEqual([['VALIDATION', ['input', 'name']]]);
    const theirs = payload(await run(CREATE_LOCATION, { name: 'Their place' }, other), 'createLocation').location;
    expect(errorCode(await run(CREATE_RESOURCE, { name: 'Room 9', kind: 'ROOM', locationId: theirs.id }))).toBe('NOT_FOUND');
    expect(await count('resource')).toBe(before);
  });
});

describe('field service', () => {
  it('creates account → property → operation linked to a customer, readable through the nested fields', async () => {
    const customer = payload(await run(CREATE_CUSTOMER, { name: 'Jane Doe' }), 'createCustomer').customer;
    const account = payload(await run(CREATE_ACCOUNT, { reference: 'MPAN-1200', name: 'Home supply', customerId: customer.id }), 'createAccount').account;
    expect(account).toMatchObject({ reference: 'MPAN-1200', name: 'Home supply', customer: { id: customer.id, name: 'Jane Doe' } });
    const property = payload(await run(CREATE_PROPERTY, { address: '1 High St', postcode: 'SW1A 1AA', accountId: account.id }), 'createProperty').property;
    expect(property).toMatchObject({ address: '1 High St', postcode: 'SW1A 1AA', account: { id: account.id, reference: 'MPAN-1200' } });
    const operation = payload(await run(CREATE_OPERATION, { reference: 'WO-77', description: 'Meter exchange', propertyId: property.id }), 'createOperation').operation;
    expect(operation).toMatchObject({ reference: 'WO-77', description: 'Meter exchange', property: { id: property.id, address: '1 High St' } });

    const read = await app.gql(
      `query($id: ID!) { operation(id: $id) { reference property { postcode account { name customer { name } } } } }`,
      { id: operation.id },
      { token: org.token },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.operation).toEqual({ reference: 'WO-77', property: { postcode: 'SW1A 1AA', account: { name: 'Home supply', customer: { name: 'Jane Doe' } } } });
    const hidden = await app.gql(`query($id: ID!) { operation(id: $id) { id } account(id: "${account.id}") { id } }`, { id: operation.id }, { token: other.token });
    expect(hidden.data).toEqual({ operation: null, account: null });
  });

  it('answers NOT_FOUND for another organisation\'s account or property', async () => {
    const theirAccount = payload(await run(CREATE_ACCOUNT, { reference: 'THEIRS' }, other), 'createAccount').account;
    const theirProperty = payload(await run(CREATE_PROPERTY, { address: 'Their road' }, other), 'createProperty').property;
    expect(errorCode(await run(CREATE_PROPERTY, { address: 'x', accountId: theirAccount.id }))).toBe('NOT_FOUND');
    expect(errorCode(await run(CREATE_OPERATION, { reference: 'x', propertyId: theirProperty.id }))).toBe('NOT_FOUND');
  });

  it('creates time bands, allowing 24:00 as the end', async () => {
    const am = payload(await run(CREATE_TIME_BAND, { name: 'AM', startTime: '08:00', endTime: '12:00' }), 'createTimeBand').timeBand;
    expect(am).toMatchObject({ name: 'AM', startTime: '08:00', endTime: '12:00' });
    const evening = payload(await run(CREATE_TIME_BAND, { name: 'Evening', startTime: '18:00', endTime: '24:00' }), 'createTimeBand').timeBand;
    const read = await app.gql(`query($id: ID!) { timeBand(id: $id) { name startTime endTime } }`, { id: evening.id }, { token: org.token });
    expect(read.data.timeBand).toEqual({ name: 'Evening', startTime: '18:00', endTime: '24:00' });
  });

  it('refuses a band that ends before it starts, malformed times and 24:00 as a start, writing nothing', async () => {
    const before = await count('time_band');
    const cases: [Record<string, string>, string[]][] = [
      [{ startTime: '12:00', endTime: '08:00' }, ['endTime']],
      [{ startTime: '09:00', endTime: '09:00' }, ['endTime']],
      [{ startTime: '8:00', endTime: '25:00' }, ['startTime', 'endTime']],
      [{ startTime: '24:00', endTime: '24:00' }, ['startTime']],
      [{ startTime: '10:60', endTime: '11:00' }, ['startTime']],
    ];
    for (const [times, fields] of cases) {
      const errors = userErrors(await run(CREATE_TIME_BAND, { name: 'Bad', ...times }), 'createTimeBand', 'timeBand');
      expect(errors.map((e) => [e.code, e.field.at(-1)])).toEqual(fields.map((f) => ['VALIDATION', f]));
    }
    expect(await count('time_band')).toBe(before);
  });
});

describe('care', () => {
  it('creates a case, a client package and a cancellation reason, readable back with their links', async () => {
    const customer = payload(await run(CREATE_CUSTOMER, { name: 'Patient Zero' }), 'createCustomer').customer;
    const treatment = payload(
      await run(`mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { treatment { id } userErrors { code } } }`, { name: 'Physio', sessionCount: 10 }),
      'createTreatment',
    ).treatment;
    const care = payload(await run(CREATE_CASE, { title: 'Knee rehab', customerId: customer.id }), 'createCase').case;
    expect(care).toMatchObject({ title: 'Knee rehab', status: 'open', customer: { id: customer.id, name: 'Patient Zero' } });
    const pkg = payload(await run(CREATE_PACKAGE, { customerId: customer.id, treatmentId: treatment.id, sessionsTotal: 10, sessionsUsed: 2 }), 'createClientPackage').clientPackage;
    expect(pkg).toMatchObject({ sessionsTotal: 10, sessionsUsed: 2, customer: { id: customer.id }, treatment: { id: treatment.id, name: 'Physio' } });
    const reason = payload(await run(CREATE_REASON, { name: 'Customer ill' }), 'createCancellationReason').cancellationReason;
    expect(reason.name).toBe('Customer ill');

    const read = await app.gql(
      `query($c: ID!, $p: ID!, $r: ID!) { case(id: $c) { title customer { name } } clientPackage(id: $p) { sessionsUsed treatment { name } } cancellationReason(id: $r) { name } }`,
      { c: care.id, p: pkg.id, r: reason.id },
      { token: org.token },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      case: { title: 'Knee rehab', customer: { name: 'Patient Zero' } },
      clientPackage: { sessionsUsed: 2, treatment: { name: 'Physio' } },
      cancellationReason: { name: 'Customer ill' },
    });
  });

  it('refuses used sessions beyond the total, negative totals and an empty reason with VALIDATION, writing nothing', async () => {
    const customer = payload(await run(CREATE_CUSTOMER, { name: 'Patient One' }), 'createCustomer').customer;
    const before = [await count('client_package'), await count('cancellation_reason')];
    const over = userErrors(await run(CREATE_PACKAGE, { customerId: customer.id, sessionsTotal: 3, sessionsUsed: 4 }), 'createClientPackage', 'clientPackage');
    expect(over.map((e) => [e.code, e.field])).toEqual([['VALIDATION', ['input', 'sessionsUsed']]]);
    const negative = userErrors(await run(CREATE_PACKAGE, { customerId: customer.id, sessionsTotal: -1 }), 'createClientPackage', 'clientPackage');
    expect(negative.map((e) => [e.code, e.field])).toEqual([['VALIDATION', ['input', 'sessionsTotal']]]);
    const empty = userErrors(await run(CREATE_REASON, { name: '' }), 'createCancellationReason', 'cancellationReason');
    expect(empty.map((e) => [e.code, e.field])).toEqual([['VALIDATION', ['input', 'name']]]);
    expect([await count('client_package'), await count('cancellation_reason')]).toEqual(before);
  });

  it('answers NOT_FOUND for another organisation\'s customer in a case or package', async () => {
    const theirs = payload(await run(CREATE_CUSTOMER, { name: 'Not yours' }, other), 'createCustomer').customer;
    expect(errorCode(await run(CREATE_CASE, { title: 'x', customerId: theirs.id }))).toBe('NOT_FOUND');
    expect(errorCode(await run(CREATE_PACKAGE, { customerId: theirs.id, sessionsTotal: 1 }))).toBe('NOT_FOUND');
  });
});
