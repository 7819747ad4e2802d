import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { makeResource, makeTreatment, makeUser } from '../appointment/fixtures.js';
import { ALL_DAYS, book, hold, iso, search, setHours } from './helpers.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Availability clinic', { timeZone: 'Europe/Berlin' });
});
afterAll(() => app?.stop());

const hoursEveryDay = (start: string, end: string) => ALL_DAYS.map((d) => [d, start, end] as [string, string, string]);

describe('the eleven correctness cases of the contract', () => {
  it('runs in the process time zone the project sets (TZ)', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    console.log(`process time zone: ${zone} (TZ=${process.env.TZ ?? 'unset'})`);
    if (process.env.TZ === 'Asia/Kathmandu') expect(new Date('2027-03-28T00:00:00Z').getTimezoneOffset()).toBe(-345);
  });

  it('1. Berlin spring-forward: 01:00–05:00 gives 01:00, 03:00, 04:00 local', async () => {
    const dr = await makeUser(app, org, 'Dr One');
    await setHours(app, org, dr.id, 'Europe/Berlin', [['SUNDAY', '01:00', '05:00']]);
    const a = await search(app, org, { from: '2027-03-27T12:00:00Z', to: '2027-03-28T12:00:00Z', durationMinutes: 60, timeZone: 'Europe/Berlin', requirements: [{ anyOf: [dr.id] }] });
    expect(iso(a.slots)).toEqual(['2027-03-28T00:00:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-28T02:00:00.000Z']);
  });

  it('2. New York fall-back: 00:00–03:00 gives 8 half-hour slots, 01:00 EDT and 01:00 EST both', async () => {
    const dr = await makeUser(app, org, 'Dr Two');
    await setHours(app, org, dr.id, 'America/New_York', [['SUNDAY', '00:00', '03:00']]);
    const a = await search(app, org, { from: '2027-11-07T00:00:00Z', to: '2027-11-08T00:00:00Z', durationMinutes: 30, timeZone: 'America/New_York', requirements: [{ anyOf: [dr.id] }] });
    expect(iso(a.slots)).toEqual(['04:00', '04:30', '05:00', '05:30', '06:00', '06:30', '07:00', '07:30'].map((t) => `2027-11-07T${t}:00.000Z`));
  });

  it('3. New York spring-forward: 13:00–18:00 gives 17:00Z … 21:00Z (the afternoon is not shifted)', async () => {
    const dr = await makeUser(app, org, 'Dr Three');
    await setHours(app, org, dr.id, 'America/New_York', [['SUNDAY', '13:00', '18:00']]);
    const a = await search(app, org, { from: '2027-03-14T00:00:00Z', to: '2027-03-15T06:00:00Z', durationMinutes: 60, timeZone: 'America/New_York', requirements: [{ anyOf: [dr.id] }] });
    expect(iso(a.slots)).toEqual([17, 18, 19, 20, 21].map((h) => `2027-03-14T${h}:00:00.000Z`));
  });

  it('4. Monday 22:00–02:00 allows 23:00–01:00; Berlin\'s fall-back night 22:00–04:00 holds 7 real hours', async () => {
    const dr = await makeUser(app, org, 'Dr Four');
    await setHours(app, org, dr.id, 'Europe/Berlin', [['MONDAY', '22:00', '02:00'], ['SATURDAY', '22:00', '04:00']]);
    // Monday 2027-01-04 23:00 CET = 22:00Z, until Tuesday 01:00 CET.
    const booked = await book(app, org, { practitionerId: dr.id, startsAt: '2027-01-04T22:00:00Z', endsAt: '2027-01-05T00:00:00Z' });
    expect(booked.userErrors).toEqual([]);
    const late = await book(app, org, { practitionerId: dr.id, startsAt: '2027-01-05T00:30:00Z', endsAt: '2027-01-05T01:30:00Z' });
    expect(late.userErrors.map((e: any) => e.code)).toEqual(['OUTSIDE_AVAILABILITY']);
    expect(late.unavailability.map((r: any) => r.code)).toEqual(['OUTSIDE_WORKING_HOURS']);
    const night = { from: '2027-10-30T12:00:00Z', to: '2027-10-31T12:00:00Z', timeZone: 'Europe/Berlin', slotIntervalMinutes: 60, requirements: [{ anyOf: [dr.id] }] };
    expect(iso((await search(app, org, { ...night, durationMinutes: 420 })).slots)).toEqual(['2027-10-30T20:00:00.000Z']);
    expect((await search(app, org, { ...night, durationMinutes: 60 })).slots).toHaveLength(7);
    expect((await search(app, org, { ...night, durationMinutes: 480 })).slots).toEqual([]);
  });

  it('5. a 09:00–10:00 booking leaves 08:00–09:00 and 10:00 bookable (half-open ranges)', async () => {
    const dr = await makeUser(app, org, 'Dr Five');
    const first = await book(app, org, { practitionerId: dr.id, startsAt: '2027-05-03T09:00:00Z', durationMinutes: 60 });
    expect(first.userErrors).toEqual([]);
    const a = await search(app, org, { from: '2027-05-03T08:00:00Z', to: '2027-05-03T11:00:00Z', durationMinutes: 60, timeZone: 'UTC', requirements: [{ anyOf: [dr.id] }], includeUnavailable: true });
    expect(iso(a.slots)).toEqual(['2027-05-03T08:00:00.000Z', '2027-05-03T10:00:00.000Z']);
    expect(a.unavailable.map((u) => [new Date(u.startsAt).toISOString(), u.reasons.map((r) => [r.code, r.appointment?.id])])).toEqual([
      ['2027-05-03T09:00:00.000Z', [['BOOKED', first.appointment.id]]],
    ]);
    expect((await book(app, org, { practitionerId: dr.id, startsAt: '2027-05-03T08:00:00Z', durationMinutes: 60 })).userErrors).toEqual([]);
    expect((await book(app, org, { practitionerId: dr.id, startsAt: '2027-05-03T10:00:00Z', durationMinutes: 60 })).userErrors).toEqual([]);
  });

  it('6. stacked buffers: after 09:00–10:00 with 15 min after, a 15-min before-buffer starts at 10:30; a buffer past closing refuses the slot', async () => {
    const dr = await makeUser(app, org, 'Dr Six');
    await setHours(app, org, dr.id, 'UTC', hoursEveryDay('08:00', '17:00'));
    const after = await makeTreatment(app, org, 'Scaling', { durationMinutes: 60, bufferAfterMinutes: 15 });
    const before = await makeTreatment(app, org, 'Whitening', { durationMinutes: 60, bufferBeforeMinutes: 15 });
    const first = await book(app, org, { practitionerId: dr.id, startsAt: '2027-05-04T09:00:00Z', treatmentIds: [after.id] });
    expect(first.appointment).toMatchObject({ bufferBeforeMinutes: 0, bufferAfterMinutes: 15 });
    const a = await search(app, org, { from: '2027-05-04T09:00:00Z', to: '2027-05-04T17:00:00Z', treatmentIds: [before.id], slotIntervalMinutes: 15, timeZone: 'UTC', requirements: [{ anyOf: [dr.id] }], includeUnavailable: true });
    expect(iso(a.slots)[0]).toBe('2027-05-04T10:30:00.000Z');
    const at1015 = a.unavailable.find((u) => u.startsAt.startsWith('2027-05-04T10:15'))!;
    expect(at1015.reasons.map((r) => [r.code, r.appointment?.id])).toEqual([['BUFFER', first.appointment.id]]);
    const refused = await book(app, org, { practitionerId: dr.id, startsAt: '2027-05-04T10:15:00Z', treatmentIds: [before.id] });
    expect(refused.userErrors.map((e: any) => e.code)).toEqual(['RESOURCE_UNAVAILABLE']);
    expect(refused.conflicts.map((c: any) => c.appointment.id)).toEqual([first.appointment.id]);
    expect(refused.unavailability.map((r: any) => r.code)).toEqual(['BUFFER']);
    expect((await book(app, org, { practitionerId: dr.id, startsAt: '2027-05-04T10:30:00Z', treatmentIds: [before.id] })).userErrors).toEqual([]);
    // Closing at 17:00: the 15-minute after-buffer of a 60-minute slot must end by then.
    const late = await search(app, org, { from: '2027-05-04T15:00:00Z', to: '2027-05-04T18:00:00Z', treatmentIds: [after.id], slotIntervalMinutes: 15, timeZone: 'UTC', requirements: [{ anyOf: [dr.id] }], includeUnavailable: true });
    expect(iso(late.slots).at(-1)).toBe('2027-05-04T15:45:00.000Z');
    expect(late.unavailable.find((u) => u.startsAt.startsWith('2027-05-04T16:00'))!.reasons.map((r) => r.code)).toEqual(['OUTSIDE_WORKING_HOURS']);
    const past = await book(app, org, { practitionerId: dr.id, startsAt: '2027-05-04T16:00:00Z', treatmentIds: [after.id] });
    expect(past.unavailability.map((r: any) => r.code)).toEqual(['OUTSIDE_WORKING_HOURS']);
  });

  it('7. 20 minutes on a 30-minute grid: 09:00, 09:30, …; a slot ending exactly at closing is offered', async () => {
    const dr = await makeUser(app, org, 'Dr Seven');
    await setHours(app, org, dr.id, 'UTC', hoursEveryDay('09:00', '10:20'));
    const a = await search(app, org, { from: '2027-05-05T00:00:00Z', to: '2027-05-06T00:00:00Z', durationMinutes: 20, slotIntervalMinutes: 30, timeZone: 'UTC', requirements: [{ anyOf: [dr.id] }] });
    expect(iso(a.slots)).toEqual(['2027-05-05T09:00:00.000Z', '2027-05-05T09:30:00.000Z', '2027-05-05T10:00:00.000Z']);
    expect(a.slots.at(-1)!.endsAt).toBe('2027-05-05T10:20:00.000Z');
  });

  it('8. a practitioner with any of two rooms: the chosen room per slot, and reasons naming who is missing', async () => {
    const dr = await makeUser(app, org, 'Dr Eight');
    const roomA = await makeResource(app, org, 'Room A', 'ROOM');
    const roomB = await makeResource(app, org, 'Room B', 'ROOM');
    await setHours(app, org, dr.id, 'UTC', hoursEveryDay('09:00', '12:00'));
    await setHours(app, org, roomA.id, 'UTC', hoursEveryDay('10:00', '13:00'));
    await setHours(app, org, roomB.id, 'UTC', hoursEveryDay('09:00', '10:00'));
    const a = await search(app, org, {
      from: '2027-05-06T09:00:00Z', to: '2027-05-06T14:00:00Z', durationMinutes: 60, timeZone: 'UTC', includeUnavailable: true,
      requirements: [{ anyOf: [dr.id] }, { anyOf: [roomA.id, roomB.id] }],
    });
    expect(a.slots.map((s) => [new Date(s.startsAt).getUTCHours(), s.bookables.map((b) => b.id)])).toEqual([
      [9, [dr.id, roomB.id]], [10, [dr.id, roomA.id]], [11, [dr.id, roomA.id]],
    ]);
    expect(a.unavailable.map((u) => [new Date(u.startsAt).getUTCHours(), u.reasons.map((r) => [r.code, r.bookable!.id])])).toEqual([
      [12, [['OUTSIDE_WORKING_HOURS', dr.id]]],
      [13, [['OUTSIDE_WORKING_HOURS', dr.id], ['OUTSIDE_WORKING_HOURS', roomA.id], ['OUTSIDE_WORKING_HOURS', roomB.id]]],
    ]);
  });

  it('9. minimum notice across a DST change; the horizon ends at the organisation\'s local midnight', async () => {
    const dr = await makeUser(app, org, 'Dr Nine');
    await setHours(app, org, dr.id, 'Europe/Berlin', [['SUNDAY', '00:00', '06:00']]);
    // now + notice lands just before 03:00 CEST on the spring-forward day (01:00Z).
    const notice = Math.floor((Date.parse('2027-03-28T01:00:00Z') - Date.now()) / 60_000) - 1;
    const soon = await makeTreatment(app, org, 'Long notice', { durationMinutes: 60, minimumNoticeMinutes: notice });
    const a = await search(app, org, { from: '2027-03-27T23:00:00Z', to: '2027-03-28T04:00:00Z', treatmentIds: [soon.id], timeZone: 'Europe/Berlin', requirements: [{ anyOf: [dr.id] }], includeUnavailable: true });
    expect(iso(a.slots)).toEqual(['2027-03-28T01:00:00.000Z', '2027-03-28T02:00:00.000Z', '2027-03-28T03:00:00.000Z']);
    expect(a.unavailable.map((u) => [new Date(u.startsAt).toISOString(), u.reasons.map((r) => r.code)])).toEqual([
      ['2027-03-27T23:00:00.000Z', ['TOO_SOON']], ['2027-03-28T00:00:00.000Z', ['TOO_SOON']],
    ]);
    const tooSoon = await book(app, org, { practitionerId: dr.id, startsAt: '2027-03-28T00:00:00Z', treatmentIds: [soon.id] });
    expect(tooSoon.unavailability.map((r: any) => r.code)).toEqual(['TOO_SOON']);

    const days = 400;
    const far = await makeTreatment(app, org, 'Horizon', { durationMinutes: 60, bookingHorizonDays: days });
    const limit = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: days + 1 });
    const b = await search(app, org, { from: limit.minus({ hours: 2 }).toUTC().toISO(), to: limit.plus({ hours: 2 }).toUTC().toISO(), treatmentIds: [far.id], timeZone: 'Europe/Berlin', requirements: [{ anyOf: [dr.id] }], includeUnavailable: true });
    const res = await search(app, org, { from: limit.minus({ hours: 2 }).toUTC().toISO(), to: limit.plus({ hours: 2 }).toUTC().toISO(), treatmentIds: [far.id], timeZone: 'Europe/Berlin', requirements: [{ anyOf: [(await makeUser(app, org, 'Dr Nine B')).id] }], includeUnavailable: true });
    expect(iso(res.slots)).toEqual([limit.minus({ hours: 2 }), limit.minus({ hours: 1 })].map((d) => d.toUTC().toISO()));
    expect(res.unavailable.map((u) => u.reasons.map((r) => r.code))).toEqual([['TOO_FAR'], ['TOO_FAR']]);
    expect(b.unavailable.length).toBeGreaterThan(0);
    const beyond = await book(app, org, { practitionerId: dr.id, startsAt: limit.toUTC().toISO(), treatmentIds: [far.id] });
    expect(beyond.unavailability.map((r: any) => r.code)).toContain('TOO_FAR');
  });

  it('10. a hold expiring at T does not block at T; its consumer books it; a hold racing a booking: one wins', async () => {
    const dr = await makeUser(app, org, 'Dr Ten');
    const slot = { startsAt: '2027-05-07T09:00:00Z', endsAt: '2027-05-07T10:00:00Z' };
    const h = await hold(app, org, { ...slot, bookableIds: [dr.id], ttlSeconds: 60 });
    expect(h.userErrors).toEqual([]);
    const query = { from: slot.startsAt, to: slot.endsAt, durationMinutes: 60, timeZone: 'UTC', requirements: [{ anyOf: [dr.id] }], includeUnavailable: true };
    const blocked = await search(app, org, query);
    expect(blocked.unavailable[0]!.reasons.map((r) => [r.code, r.hold?.id])).toEqual([['HELD', h.hold.id]]);
    const refused = await book(app, org, { practitionerId: dr.id, ...slot });
    expect(refused.userErrors.map((e: any) => e.code)).toEqual(['RESOURCE_UNAVAILABLE']);
    expect(refused.conflicts.map((c: any) => c.hold?.id)).toEqual([h.hold.id]);
    // T arrives: the hold stops blocking at its expiresAt, with nothing swept.
    await app.sql(`update hold set expires_at = clock_timestamp() where id = (select id from hold order by created_at desc limit 1)`);
    expect(iso((await search(app, org, query)).slots)).toEqual([slot.startsAt.replace('Z', '.000Z')]);
    expect((await book(app, org, { practitionerId: dr.id, ...slot })).userErrors).toEqual([]);

    // Its consumer books it.
    const dr2 = await makeUser(app, org, 'Dr Ten B');
    const h2 = await hold(app, org, { ...slot, bookableIds: [dr2.id] });
    const wrong = await book(app, org, { practitionerId: dr2.id, startsAt: slot.startsAt, durationMinutes: 30, holdId: h2.hold.id });
    expect(wrong.userErrors.map((e: any) => [e.code, e.field])).toEqual([['VALIDATION', ['input', 'holdId']]]);
    const consumed = await book(app, org, { practitionerId: dr2.id, ...slot, holdId: h2.hold.id });
    expect(consumed.userErrors).toEqual([]);
    expect(await app.sql('select 1 from hold where id = (select id from hold order by created_at desc limit 1) and expires_at > now()')).toEqual([]);

    // A hold racing a direct booking.
    for (let i = 0; i < 5; i++) {
      const dr3 = await makeUser(app, org, `Dr Ten race ${i}`);
      const [held, booked] = await Promise.all([
        hold(app, org, { ...slot, bookableIds: [dr3.id] }),
        book(app, org, { practitionerId: dr3.id, ...slot }),
      ]);
      expect([held.hold, booked.appointment].filter(Boolean)).toHaveLength(1);
      expect([...held.userErrors, ...booked.userErrors].map((e: any) => e.code)).toEqual(['RESOURCE_UNAVAILABLE']);
    }
  });

  it('11. a date override for Berlin\'s 2027-03-28, searched in America/Los_Angeles, applies to the Berlin date only', async () => {
    const dr = await makeUser(app, org, 'Dr Eleven');
    await setHours(app, org, dr.id, 'Europe/Berlin', hoursEveryDay('09:00', '17:00'), [{ date: '2027-03-28', intervals: [], reason: 'Holiday' }]);
    const a = await search(app, org, { from: '2027-03-27T00:00:00Z', to: '2027-03-30T00:00:00Z', durationMinutes: 60, timeZone: 'America/Los_Angeles', requirements: [{ anyOf: [dr.id] }], includeUnavailable: true });
    const berlinDate = (s: string) => DateTime.fromISO(s, { zone: 'Europe/Berlin' }).toISODate();
    const byDate = new Map<string, number>();
    for (const s of a.slots) byDate.set(berlinDate(s.startsAt)!, (byDate.get(berlinDate(s.startsAt)!) ?? 0) + 1);
    expect(Object.fromEntries(byDate)).toEqual({ '2027-03-27': 8, '2027-03-29': 8 });
    const closed = a.unavailable.filter((u) => berlinDate(u.startsAt) === '2027-03-28' && DateTime.fromISO(u.startsAt, { zone: 'Europe/Berlin' }).hour === 10);
    expect(closed.map((u) => u.reasons.map((r) => r.code))).toEqual([['CLOSED']]);
  });
});
