import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { makeResource, makeTreatment, makeUser, UPDATE } from '../appointment/fixtures.js';
import { issueToken } from '../../src/modules/organisation/organisation.service.js';
import { User } from '../../src/modules/user/user.entity.js';
import { fromGlobalId } from '../../src/shared/global-id.js';
import { ALL_DAYS, book, BOOK, hold, HOLD, iso, search, SEARCH, setHours } from './helpers.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Rules clinic', { timeZone: 'UTC' });
});
afterAll(() => app?.stop());

const SET_HOURS = `mutation($input: SetWorkingHoursInput!) { setWorkingHours(input: $input) { workingHours { timeZone } userErrors { code field message } } }`;

describe('bad input', () => {
  it('answers VALIDATION naming the field, and writes nothing', async () => {
    const dr = await makeUser(app, org, 'Dr Bad');
    const setHoursErrors = async (input: Record<string, unknown>) => {
      const res = await app.gql(SET_HOURS, { input: { bookableId: dr.id, rules: [], ...input } }, { token: org.token });
      expect(res.errors).toBeUndefined();
      return res.data.setWorkingHours.userErrors.map((e: any) => [e.code, e.field.join('.')]);
    };
    expect(await setHoursErrors({ timeZone: 'Mars/Olympus', rules: [{ dayOfWeek: 'MONDAY', startTime: '09:00', endTime: '17:00' }] })).toEqual([['VALIDATION', 'input.timeZone']]);
    expect(await setHoursErrors({ timeZone: 'UTC', rules: [{ dayOfWeek: 'MONDAY', startTime: '9:00', endTime: '24:00' }] })).toEqual([
      ['VALIDATION', 'input.rules.0.startTime'], ['VALIDATION', 'input.rules.0.endTime'],
    ]);
    expect(await setHoursErrors({ timeZone: 'UTC', rules: [{ dayOfWeek: 'MONDAY', startTime: '09:00', endTime: '13:00' }, { dayOfWeek: 'MONDAY', startTime: '12:00', endTime: '17:00' }] })).toEqual([
      ['VALIDATION', 'input.rules.1.startTime'],
    ]);
    expect(await app.sql('select 1 from working_hours where organisation_id = $1', [org.organisationId])).toEqual([]);

    const base = { from: '2027-06-01T00:00:00Z', to: '2027-06-02T00:00:00Z', durationMinutes: 30, requirements: [{ anyOf: [dr.id] }] };
    const searchErrors = async (input: Record<string, unknown>) => (await search(app, org, { ...base, ...input })).userErrors.map((e) => [e.code, e.field.join('.')]);
    expect(await searchErrors({ to: '2027-08-03T00:00:01Z' })).toEqual([['VALIDATION', 'input.to']]);
    expect(await searchErrors({ to: '2027-05-31T00:00:00Z' })).toEqual([['VALIDATION', 'input.to']]);
    expect(await searchErrors({ durationMinutes: 0 })).toEqual([['VALIDATION', 'input.durationMinutes']]);
    expect(await searchErrors({ slotIntervalMinutes: -5 })).toEqual([['VALIDATION', 'input.slotIntervalMinutes']]);
    expect(await searchErrors({ timeZone: 'Nowhere/City' })).toEqual([['VALIDATION', 'input.timeZone']]);
    expect(await searchErrors({ requirements: [{ anyOf: [dr.id], count: 2 }] })).toEqual([['VALIDATION', 'input.requirements.0.count']]);
    expect(await searchErrors({ to: '2027-08-02T00:00:00Z' })).toEqual([]);

    const ttl = await hold(app, org, { startsAt: '2027-06-01T09:00:00Z', endsAt: '2027-06-01T10:00:00Z', bookableIds: [dr.id], ttlSeconds: 29 });
    expect(ttl.userErrors.map((e: any) => [e.code, e.field.join('.')])).toEqual([['VALIDATION', 'input.ttlSeconds']]);
    expect(await app.sql('select 1 from hold where organisation_id = $1', [org.organisationId])).toEqual([]);
  });

  it('answers NOT_FOUND for unknown and foreign ids', async () => {
    const other = await app.createOrg('Elsewhere');
    const foreign = await makeUser(app, other, 'Dr Foreign');
    const res = await app.gql(SEARCH, { input: { from: '2027-06-01T00:00:00Z', to: '2027-06-02T00:00:00Z', durationMinutes: 30, requirements: [{ anyOf: [foreign.id] }] } }, { token: org.token });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const set = await app.gql(SET_HOURS, { input: { bookableId: foreign.id, timeZone: 'UTC', rules: [] } }, { token: org.token });
    expect(set.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const held = await app.gql(HOLD, { input: { startsAt: '2027-06-01T09:00:00Z', endsAt: '2027-06-01T10:00:00Z', bookableIds: [foreign.id] } }, { token: org.token });
    expect(held.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('booking = search', () => {
  it('refuses a past start as TOO_SOON unless an OWNER overrides; STAFF may not override; the override is in the history', async () => {
    const dr = await makeUser(app, org, 'Dr Past');
    await setHours(app, org, dr.id, 'UTC', ALL_DAYS.map((d) => [d, '09:00', '10:00']));
    const past = await book(app, org, { practitionerId: dr.id, startsAt: '2024-01-01T12:00:00Z', durationMinutes: 30 });
    expect(past.userErrors.map((e: any) => e.code)).toEqual(['OUTSIDE_AVAILABILITY']);
    expect(past.unavailability.map((r: any) => r.code).sort()).toEqual(['OUTSIDE_WORKING_HOURS', 'TOO_SOON']);
    const staff = await makeUser(app, org, 'Staff Member', 'STAFF');
    const em = app.kairos.orm.em.fork();
    const token = issueToken(em, em.getReference(User, fromGlobalId(staff.id)!.id), org.organisationId);
    await em.flush();
    const forbidden = await app.gql(BOOK, { input: { practitionerId: dr.id, startsAt: '2024-01-01T12:00:00Z', durationMinutes: 30, overrideAvailability: true } }, { token });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const overridden = await book(app, org, { practitionerId: dr.id, startsAt: '2024-01-01T12:00:00Z', durationMinutes: 30, overrideAvailability: true });
    expect(overridden.userErrors).toEqual([]);
    const [event] = await app.sql<{ changes: Record<string, unknown> }>('select changes from appointment_event where appointment_id = (select id from appointment order by created_at desc limit 1)');
    expect(event!.changes.overrideAvailability).toEqual({ before: null, after: true });
    // Never over another booking.
    const again = await book(app, org, { practitionerId: dr.id, startsAt: '2024-01-01T12:00:00Z', durationMinutes: 30, overrideAvailability: true });
    expect(again.userErrors.map((e: any) => e.code)).toEqual(['RESOURCE_UNAVAILABLE']);
  });

  it('reschedules with the appointment\'s own slot not blocking (excludeAppointmentId), and refuses a move outside the hours', async () => {
    const dr = await makeUser(app, org, 'Dr Move');
    await setHours(app, org, dr.id, 'UTC', ALL_DAYS.map((d) => [d, '09:00', '12:00']));
    const a = await book(app, org, { practitionerId: dr.id, startsAt: '2027-06-02T09:00:00Z', durationMinutes: 60 });
    const q = { from: '2027-06-02T09:00:00Z', to: '2027-06-02T12:00:00Z', durationMinutes: 60, slotIntervalMinutes: 30, timeZone: 'UTC', requirements: [{ anyOf: [dr.id] }] };
    expect(iso((await search(app, org, q)).slots)).toEqual(['2027-06-02T10:00:00.000Z', '2027-06-02T10:30:00.000Z', '2027-06-02T11:00:00.000Z']);
    const own = await search(app, org, { ...q, excludeAppointmentId: a.appointment.id });
    expect(own.slots).toHaveLength(5);
    const moved = await app.gql(UPDATE('id startsAt'), { input: { id: a.appointment.id, startsAt: '2027-06-02T09:30:00Z' } }, { token: org.token });
    expect(moved.data.updateAppointment.userErrors).toEqual([]);
    const out = await app.gql(UPDATE('id startsAt'), { input: { id: a.appointment.id, startsAt: '2027-06-02T11:30:00Z' } }, { token: org.token });
    expect(out.data.updateAppointment.userErrors.map((e: any) => e.code)).toEqual(['OUTSIDE_AVAILABILITY']);
  });

  it('refuses a member who does not perform the treatment (NOT_QUALIFIED), and a closed location (LOCATION_CLOSED)', async () => {
    const dr = await makeUser(app, org, 'Dr Unqualified');
    const qualified = await makeUser(app, org, 'Dr Qualified');
    const t = await makeTreatment(app, org, 'Special', { durationMinutes: 30, userIds: [qualified.id] });
    const res = await book(app, org, { practitionerId: dr.id, startsAt: '2027-06-03T09:00:00Z', treatmentIds: [t.id] });
    expect(res.unavailability.map((r: any) => [r.code, r.bookable.id])).toEqual([['NOT_QUALIFIED', dr.id]]);
    const a = await search(app, org, { from: '2027-06-03T09:00:00Z', to: '2027-06-03T10:00:00Z', treatmentIds: [t.id], timeZone: 'UTC', requirements: [{ anyOf: [dr.id, qualified.id] }] });
    expect(a.slots.map((s) => s.bookables.map((b) => b.id))).toEqual([[qualified.id], [qualified.id]]);

    const loc = await app.gql(`mutation { createLocation(input: { name: "Branch" }) { location { id } } }`, {}, { token: org.token });
    const locationId = loc.data.createLocation.location.id;
    await setHours(app, org, locationId, 'UTC', [['THURSDAY', '08:00', '09:00']]);
    const closed = await book(app, org, { practitionerId: qualified.id, locationId, startsAt: '2027-06-03T09:00:00Z', treatmentIds: [t.id] });
    expect(closed.unavailability.map((r: any) => r.code)).toEqual(['LOCATION_CLOSED']);
  });

  it('treats time off as TIME_OFF, and deleteTimeOff frees it', async () => {
    const room = await makeResource(app, org, 'Off room', 'ROOM');
    const off = await app.gql(`mutation($input: CreateTimeOffInput!) { createTimeOff(input: $input) { timeOff { id } userErrors { code } } }`,
      { input: { bookableId: room.id, startsAt: '2027-06-04T00:00:00Z', endsAt: '2027-06-05T00:00:00Z', reason: 'Repairs' } }, { token: org.token });
    const res = await book(app, org, { roomId: room.id, startsAt: '2027-06-04T09:00:00Z', durationMinutes: 30 });
    expect(res.unavailability.map((r: any) => r.code)).toEqual(['TIME_OFF']);
    const listed = await app.gql(`query($id: ID!) { node(id: $id) { ... on Resource { timeOff(from: "2027-06-01T00:00:00Z") { id reason } workingHours { timeZone } } } }`, { id: room.id }, { token: org.token });
    expect(listed.data.node).toEqual({ timeOff: [{ id: off.data.createTimeOff.timeOff.id, reason: 'Repairs' }], workingHours: null });
    await app.gql(`mutation($input: DeleteTimeOffInput!) { deleteTimeOff(input: $input) { timeOff { id } } }`, { input: { id: off.data.createTimeOff.timeOff.id } }, { token: org.token });
    expect((await book(app, org, { roomId: room.id, startsAt: '2027-06-04T09:00:00Z', durationMinutes: 30 })).userErrors).toEqual([]);
  });

  it('keeps the buffers an appointment was booked with when the treatment changes; PostgreSQL enforces them on raw SQL too', async () => {
    const dr = await makeUser(app, org, 'Dr Buffer');
    const t = await makeTreatment(app, org, 'Buffered', { durationMinutes: 60, bufferAfterMinutes: 30 });
    const a = await book(app, org, { practitionerId: dr.id, startsAt: '2027-06-05T09:00:00Z', treatmentIds: [t.id] });
    const upd = await app.gql(`mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { treatment { bufferAfterMinutes } userErrors { code } } }`, { input: { id: t.id, bufferAfterMinutes: 0 } }, { token: org.token });
    expect(upd.data.updateTreatment.treatment.bufferAfterMinutes).toBe(0);
    const [row] = await app.sql<{ during: string }>(`select during::text from appointment_allocation where appointment_id = (select id from appointment where buffer_after_minutes = 30 order by created_at desc limit 1)`);
    expect(row!.during).toContain('10:30:00');
    const next = await book(app, org, { practitionerId: dr.id, startsAt: '2027-06-05T10:00:00Z', durationMinutes: 30 });
    expect(next.userErrors.map((e: any) => e.code)).toEqual(['RESOURCE_UNAVAILABLE']);
    expect(next.conflicts.map((c: any) => c.appointment.id)).toEqual([a.appointment.id]);
    // Raw SQL: widening an appointment's buffer into its neighbour fails in PostgreSQL itself.
    const b = await book(app, org, { practitionerId: dr.id, startsAt: '2027-06-05T11:00:00Z', durationMinutes: 30 });
    expect(b.userErrors).toEqual([]);
    await expect(app.sql(`update appointment set buffer_before_minutes = 45 where code = (select code from appointment where starts_at = '2027-06-05T11:00:00Z' and organisation_id = $1)`, [org.organisationId]))
      .rejects.toThrow(/appointment_allocation_no_overlap/);
  });
});

describe('races', () => {
  it('20 concurrent holds on one slot: exactly one wins', async () => {
    const dr = await makeUser(app, org, 'Dr Hold race');
    const room = await makeResource(app, org, 'Hold race room', 'ROOM');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => hold(app, org, {
      startsAt: `2027-07-01T09:${String(i).padStart(2, '0')}:00Z`, endsAt: '2027-07-01T10:30:00Z', bookableIds: [dr.id, room.id],
    })));
    const won = answers.filter((a) => a.hold);
    console.log(`hold race: attempts=20 held=${won.length}`);
    expect(won).toHaveLength(1);
    for (const a of answers.filter((x) => !x.hold)) {
      expect(a.userErrors.map((e: any) => e.code)).toEqual(['RESOURCE_UNAVAILABLE']);
      expect(a.conflicts.map((c: any) => c.hold?.id)).toContain(won[0]!.hold.id);
    }
    const [n] = await app.sql<{ n: number }>(`select count(distinct hold_id)::int as n from appointment_allocation where bookable_id in (select id from resource where name = 'Hold race room')`);
    expect(n!.n).toBe(1);
  });

  it('30 concurrent bookings whose buffers overlap their neighbours\': the winners never overlap, buffers included, and every other is RESOURCE_UNAVAILABLE', async () => {
    const dr = await makeUser(app, org, 'Dr Buffer race');
    const t = await makeTreatment(app, org, 'Race buffer', { durationMinutes: 30, bufferBeforeMinutes: 30, bufferAfterMinutes: 30 });
    // Each attempt's own time is disjoint from the others' (30-minute steps); only the buffers collide.
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => book(app, org, {
      practitionerId: dr.id, treatmentIds: [t.id], startsAt: new Date(Date.UTC(2027, 7, 1, 0, 0) + i * 40 * 60_000).toISOString(),
    })));
    const booked = answers.filter((a) => a.appointment);
    const refused = answers.filter((a) => a.userErrors.some((e: any) => e.code === 'RESOURCE_UNAVAILABLE'));
    console.log(`buffer race: attempts=30 booked=${booked.length} refused=${refused.length}`);
    expect(booked.length + refused.length).toBe(30);
    // Accepted ones never overlap with buffers.
    const ranges = booked.map((a) => [Date.parse(a.appointment.startsAt) - 30 * 60_000, Date.parse(a.appointment.endsAt) + 30 * 60_000]).sort((x, y) => x[0]! - y[0]!);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]!);
    expect(booked.length).toBeGreaterThanOrEqual(1);
  });

  it('30 concurrent bookings of one slot whose buffers are the only overlap: exactly one wins', async () => {
    const dr = await makeUser(app, org, 'Dr Buffer race 2');
    const t = await makeTreatment(app, org, 'Race buffer 2', { durationMinutes: 30, bufferAfterMinutes: 60 });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => book(app, org, {
      practitionerId: dr.id, treatmentIds: [t.id], startsAt: new Date(Date.UTC(2027, 7, 2, 9, 0) + (i % 2) * 30 * 60_000).toISOString(),
    })));
    const booked = answers.filter((a) => a.appointment);
    expect(booked).toHaveLength(1);
    expect(answers.filter((a) => a.userErrors.some((e: any) => e.code === 'RESOURCE_UNAVAILABLE'))).toHaveLength(29);
  });
});

describe('statements per search', () => {
  it('does not depend on the range length or the number of appointments in it', async () => {
    const dr = await makeUser(app, org, 'Dr Count');
    const rooms = await Promise.all([1, 2, 3].map((i) => makeResource(app, org, `Count room ${i}`, 'ROOM')));
    await setHours(app, org, dr.id, 'Europe/Berlin', ALL_DAYS.map((d) => [d, '08:00', '18:00']));
    const statements = async (days: number) => {
      app.resetQueries();
      await search(app, org, { from: '2027-09-01T00:00:00Z', to: new Date(Date.UTC(2027, 8, 1 + days)).toISOString(), durationMinutes: 30, timeZone: 'Europe/Berlin', requirements: [{ anyOf: [dr.id] }, { anyOf: rooms.map((r) => r.id) }] });
      return app.queries.length;
    };
    const week = await statements(7);
    const month = await statements(31);
    for (let i = 0; i < 40; i++) await book(app, org, { practitionerId: dr.id, roomId: rooms[i % 3]!.id, startsAt: new Date(Date.UTC(2027, 8, 2 + (i % 28), 8 + (i % 9))).toISOString(), durationMinutes: 30 });
    const busyMonth = await statements(31);
    console.log(`statements per search: 7 days ${week}, 31 days ${month}, 31 days with 40 appointments ${busyMonth}`);
    expect(month).toBe(week);
    expect(busyMonth).toBe(month);
    expect(week).toBeLessThanOrEqual(5);
  });
});
