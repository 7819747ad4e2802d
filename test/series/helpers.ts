import { expect } from 'vitest';
import type { TestApp, TestOrg } from '../harness/app.js';

export const ATTEMPT = `appointment { id startsAt endsAt occurrence sessionOrder sessionType version parentAppointment { id } }
  userErrors { code field message } conflicts { kind appointment { id } hold { id } } unavailability { code bookable { id } appointment { id } }`;

export const CREATE_SERIES = `mutation($input: CreateAppointmentSeriesInput!) { createAppointmentSeries(input: $input) {
  series { id rrule timeZone occurrenceCount mode appointments { id occurrence startsAt } }
  userErrors { code field message } replayed
  occurrences { occurrence startsAt ${ATTEMPT} }
} }`;

export async function createSeries(app: TestApp, org: TestOrg, input: Record<string, unknown>) {
  const res = await app.gql(CREATE_SERIES, { input }, { token: org.token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.createAppointmentSeries;
}

/** `[code, field]` of each userError. */
export const codes = (payload: { userErrors: { code: string; field: string[] | null }[] }) => payload.userErrors.map((e) => [e.code, e.field?.join('.') ?? null]);
