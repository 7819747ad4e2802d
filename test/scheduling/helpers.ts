import { expect } from 'vitest';
import type { TestApp, TestOrg } from '../harness/app.js';

export const SEARCH = `query($input: AvailabilityInput!) { availability(input: $input) {
  timeZone
  slots { startsAt endsAt bookables { id } }
  unavailable { startsAt endsAt reasons { code message bookable { id } appointment { id } hold { id } } }
  userErrors { code field message }
} }`;

export const BOOK = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) {
  appointment { id startsAt endsAt bufferBeforeMinutes bufferAfterMinutes }
  userErrors { code field message }
  conflicts { kind appointment { id } hold { id } }
  unavailability { code bookable { id } appointment { id } hold { id } }
} }`;

export const HOLD = `mutation($input: CreateHoldInput!) { createHold(input: $input) {
  hold { id startsAt endsAt expiresAt bookables { id } }
  userErrors { code field message }
  conflicts { kind appointment { id } hold { id } }
  replayed
} }`;

/** ISO instants of a list of slots. */
export const iso = (list: { startsAt: string }[]) => list.map((s) => new Date(s.startsAt).toISOString());

export async function search(app: TestApp, org: TestOrg, input: Record<string, unknown>) {
  const res = await app.gql(SEARCH, { input }, { token: org.token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.availability as {
    timeZone: string;
    slots: { startsAt: string; endsAt: string; bookables: { id: string }[] }[];
    unavailable: { startsAt: string; endsAt: string; reasons: { code: string; message: string; bookable: { id: string } | null; appointment: { id: string } | null; hold: { id: string } | null }[] }[];
    userErrors: { code: string; field: string[]; message: string }[];
  };
}

export async function book(app: TestApp, org: TestOrg, input: Record<string, unknown>, token = org.token) {
  const res = await app.gql(BOOK, { input }, { token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.createAppointment;
}

export async function hold(app: TestApp, org: TestOrg, input: Record<string, unknown>) {
  const res = await app.gql(HOLD, { input }, { token: org.token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.createHold;
}

/** setWorkingHours, expecting success. */
export async function setHours(app: TestApp, org: TestOrg, bookableId: string, timeZone: string, rules: [string, string, string][], overrides: unknown[] = []) {
  const res = await app.gql(
    `mutation($input: SetWorkingHoursInput!) { setWorkingHours(input: $input) { workingHours { timeZone } userErrors { code field message } } }`,
    { input: { bookableId, timeZone, rules: rules.map(([dayOfWeek, startTime, endTime]) => ({ dayOfWeek, startTime, endTime })), overrides } },
    { token: org.token },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data.setWorkingHours.userErrors).toEqual([]);
}

export const ALL_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
