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

describe('updateCompany', () => {
  it('renames a company, with the shared update rules', async () => {
    const company = await create('createCompany', 'company', { name: 'Acme' });
    expect(company.version).toBe(1);
    await checkUpdateRules(app, { org, other, readOnly, mutation: 'updateCompany', objectField: 'company', id: company.id, change: { name: '  Acme Ltd ' }, expected: { name: 'Acme Ltd' }, required: 'name' });
  });

  it('lets STAFF update', async () => {
    const company = await create('createCompany', 'company', { name: 'Beta' });
    const updated = payload(await mutate(app, staff, 'updateCompany', 'company', { id: company.id, name: 'Beta 2' }, 'name version'), 'updateCompany').company;
    expect(updated).toEqual({ name: 'Beta 2', version: 2 });
  });
});

describe('updateLocation and archiveLocation', () => {
  it('changes name, address and time zone; an unknown zone is VALIDATION', async () => {
    const location = await create('createLocation', 'location', { name: 'Central', address: 'Main St 1' });
    await checkUpdateRules(app, {
      org, other, readOnly, mutation: 'updateLocation', objectField: 'location', id: location.id,
      change: { name: 'Central clinic', address: null, timeZone: 'Asia/Almaty' }, expected: { name: 'Central clinic', address: null, timeZone: 'Asia/Almaty' }, required: 'name',
    });
    const bad = userErrors(await mutate(app, org.token, 'updateLocation', 'location', { id: location.id, timeZone: 'Mars/Olympus' }), 'updateLocation', 'location');
    expect(bad).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'timeZone'] })]);
  });

  it('archives for OWNER/ADMIN only, idempotently; lists hide it unless includeArchived; a resource cannot move there', async () => {
    const location = await create('createLocation', 'location', { name: 'Old branch' });
    expect(errorCode(await mutate(app, staff, 'archiveLocation', 'location', { id: location.id }))).toBe('FORBIDDEN');
    expect(errorCode(await mutate(app, other.token, 'archiveLocation', 'location', { id: location.id }))).toBe('NOT_FOUND');
    const admin = await memberToken(app, org, 'ADMIN');
    const archived = payload(await mutate(app, admin, 'archiveLocation', 'location', { id: location.id, expectedVersion: 1 }, 'id version archivedAt'), 'archiveLocation').location;
    expect(archived.version).toBe(2);
    expect(archived.archivedAt).not.toBeNull();
    const again = payload(await mutate(app, org.token, 'archiveLocation', 'location', { id: location.id }, 'id version archivedAt'), 'archiveLocation').location;
    expect(again).toEqual(archived);

    const list = async (includeArchived: boolean) =>
      (await app.gql(`query($a: Boolean!) { locations(includeArchived: $a, first: 100) { totalCount edges { node { id } } } }`, { a: includeArchived }, { token: org.token })).data.locations;
    const hidden = await list(false);
    expect(hidden.edges.map((e: any) => e.node.id)).not.toContain(location.id);
    expect(hidden.totalCount).toBe(hidden.edges.length);
    expect((await list(true)).edges.map((e: any) => e.node.id)).toContain(location.id);
    const byId = await app.gql(`query($id: ID!) { location(id: $id) { name archivedAt } }`, { id: location.id }, { token: org.token });
    expect(byId.data.location).toEqual({ name: 'Old branch', archivedAt: archived.archivedAt });

    const room = await create('createResource', 'resource', { name: 'Room 9', kind: 'ROOM' });
    const moved = userErrors(await mutate(app, org.token, 'updateResource', 'resource', { id: room.id, locationId: location.id }), 'updateResource', 'resource');
    expect(moved).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'locationId'] })]);
    const booked = await app.gql(`mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id } userErrors { code field message } } }`, {
      input: { startsAt: '2031-03-03T09:00:00Z', endsAt: '2031-03-03T10:00:00Z', locationId: location.id },
    }, { token: org.token });
    expect(booked.data.createAppointment.userErrors).toEqual([{ code: 'VALIDATION', field: ['input', 'locationId'], message: expect.stringContaining('archived') }]);
  });
});

describe('updateResource and archiveResource', () => {
  it('renames, closes (status) and moves a resource to another location; null detaches it', async () => {
    const a = await create('createLocation', 'location', { name: 'A' });
    const b = await create('createLocation', 'location', { name: 'B' });
    const room = await create('createResource', 'resource', { name: 'Room 1', kind: 'ROOM', locationId: a.id });
    await checkUpdateRules(app, {
      org, other, readOnly, mutation: 'updateResource', objectField: 'resource', id: room.id,
      change: { name: 'Room 1A', status: 'closed', locationId: b.id }, expected: { name: 'Room 1A', status: 'closed', location: { id: b.id } }, fields: 'name status location { id }', required: 'status',
    });
    const detached = payload(await mutate(app, org.token, 'updateResource', 'resource', { id: room.id, locationId: null }, 'location { id } version'), 'updateResource').resource;
    expect(detached).toEqual({ location: null, version: 3 });
    expect(errorCode(await mutate(app, org.token, 'updateResource', 'resource', { id: room.id, locationId: (await mutate(app, other.token, 'createLocation', 'location', { name: 'Theirs' })).data.createLocation.location.id }))).toBe('NOT_FOUND');
  });

  it('archives a room: it stays on its appointments but cannot be booked again', async () => {
    const room = await create('createResource', 'resource', { name: 'Laser room', kind: 'ROOM' });
    const BOOK = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id room { id name archivedAt } } userErrors { code field message } } }`;
    const first = await app.gql(BOOK, { input: { startsAt: '2031-04-01T09:00:00Z', endsAt: '2031-04-01T10:00:00Z', roomId: room.id } }, { token: org.token });
    const appointment = payload(first, 'createAppointment').appointment;
    expect(errorCode(await mutate(app, staff, 'archiveResource', 'resource', { id: room.id }))).toBe('FORBIDDEN');
    payload(await mutate(app, org.token, 'archiveResource', 'resource', { id: room.id }), 'archiveResource');

    const again = await app.gql(BOOK, { input: { startsAt: '2031-04-02T09:00:00Z', endsAt: '2031-04-02T10:00:00Z', roomId: room.id } }, { token: org.token });
    expect(again.data.createAppointment).toEqual({ appointment: null, userErrors: [{ code: 'VALIDATION', field: ['input', 'roomId'], message: expect.stringContaining('archived') }] });
    const old = await app.gql(`query($id: ID!) { appointment(id: $id) { room { id name archivedAt } } }`, { id: appointment.id }, { token: org.token });
    expect(old.data.appointment.room).toMatchObject({ id: room.id, name: 'Laser room' });
    expect(old.data.appointment.room.archivedAt).not.toBeNull();
    const hold = await app.gql(`mutation($input: CreateHoldInput!) { createHold(input: $input) { userErrors { code field message } } }`, {
      input: { startsAt: '2031-04-03T09:00:00Z', endsAt: '2031-04-03T10:00:00Z', bookableIds: [room.id], ttlSeconds: 300 },
    }, { token: org.token });
    expect(hold.data.createHold.userErrors).toEqual([{ code: 'VALIDATION', field: ['input', 'bookableIds'], message: expect.stringContaining('archived') }]);
    const rooms = await app.gql(`{ resources(kind: ROOM, first: 100) { edges { node { id } } } all: resources(kind: ROOM, includeArchived: true, first: 100) { edges { node { id } } } }`, {}, { token: org.token });
    expect(rooms.data.resources.edges.map((e: any) => e.node.id)).not.toContain(room.id);
    expect(rooms.data.all.edges.map((e: any) => e.node.id)).toContain(room.id);
  });
});
