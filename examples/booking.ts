import type { KairosClient } from './client.js';
import { BookTreatmentDocument, type BookTreatmentMutation, type CreateAppointmentInput, type UserErrorCode } from './generated/graphql.js';

/** What a booking screen needs to know: the appointment, or why there is none, in words. */
export type BookingOutcome =
  | { booked: true; appointment: NonNullable<BookTreatmentMutation['createAppointment']['appointment']> }
  | { booked: false; reasons: string[] };

// Partial on purpose: a UserErrorCode added to the schema later falls back to the server's message
// instead of breaking this code at compile time.
const ADVICE: Partial<Record<UserErrorCode, string>> = {
  OUTSIDE_TIME_BAND: 'The visit must lie inside its time band.',
  INVALID_IIN: 'The identity number is not a valid IIN.',
};

/**
 * Books a treatment (seed 001) and turns userErrors and booking conflicts into sentences a
 * receptionist can act on, e.g. `Dr Grey (practitioner) is busy with APT-000007`.
 */
export async function bookTreatment(client: KairosClient, input: CreateAppointmentInput): Promise<BookingOutcome> {
  const { createAppointment: result } = await client.execute(BookTreatmentDocument, { input });
  if (result.appointment) return { booked: true, appointment: result.appointment };
  const reasons = result.userErrors
    .filter((error) => error.code !== 'RESOURCE_UNAVAILABLE')
    .map((error) => ADVICE[error.code] ?? error.message);
  for (const conflict of result.conflicts) {
    reasons.push(`${conflict.bookable.name} (${conflict.kind.toLowerCase()}) is busy with ${conflict.appointment?.code ?? `a hold until ${conflict.hold?.expiresAt}`}`);
  }
  return { booked: false, reasons };
}
