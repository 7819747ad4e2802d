import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { UserError, UserErrorCode, UserErrorList, UserErrorsException } from '../../shared/errors.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { CreateAppointmentInput } from '../appointment/appointment.inputs.js';
import type { BookingConflict } from '../appointment/appointment.payloads.js';
import { bookAppointment, bookingConflicts, type BookingRequest, type SeriesLink } from '../appointment/appointment.service.js';
import type { UnavailabilityReason } from '../scheduling/scheduling.reason.js';
import { isTimeZone } from '../scheduling/scheduling.rules.js';
import { AppointmentSeries, BookingMode } from './series.entity.js';
import type { CreateAppointmentSeriesInput } from './series.inputs.js';
import { SeriesOccurrence } from './series.payloads.js';
import { currentLimits } from './series.limits.js';
import { expandRule } from './series.rules.js';
import { inSavepoint } from '../events/outbox.js';
import { loadOccurrences, storeOccurrences, type StoredOccurrence } from './series.answer.js';

/** The outcome of one booking attempt: the appointment, or why not. */
export interface Attempt {
  appointment: Appointment | null;
  userErrors: UserError[];
  conflicts: BookingConflict[];
  unavailability: UnavailabilityReason[];
}

/**
 * Books one appointment inside a savepoint of the caller's transaction, so that a refusal (a broken
 * rule, or the exclusion constraint's violation) leaves the transaction usable for the next one.
 * Every occurrence and session goes through `bookAppointment`: the same rules as createAppointment.
 * Errors that are not refusals (NOT_FOUND, FORBIDDEN, a deadlock) propagate.
 */
export async function attemptBooking(em: EntityManager, ctx: Context, input: CreateAppointmentInput, link: SeriesLink): Promise<Attempt> {
  let request: BookingRequest | null = null;
  try {
    const appointment = await inSavepoint(em, (inner) => bookAppointment(inner, ctx, input, (r) => { request = r; }, link));
    return { appointment, userErrors: [], conflicts: [], unavailability: [] };
  } catch (error) {
    const refused = error instanceof UserErrorsException ? error : await bookingConflicts(ctx, error, request);
    if (!refused) throw error;
    return {
      appointment: null, userErrors: refused.userErrors,
      conflicts: (refused.extra.conflicts as BookingConflict[] | undefined) ?? [], unavailability: (refused.extra.unavailability as UnavailabilityReason[] | undefined) ?? [],
    };
  }
}

/** A refusal about the input itself (VALIDATION), the same for every occurrence: answered as the payload's own userErrors. */
export function throwIfInvalid(attempt: Attempt): void {
  if (attempt.userErrors.some((e) => e.code === UserErrorCode.VALIDATION)) throw new UserErrorsException(attempt.userErrors);
}

/** Throws OCCURRENCES_UNAVAILABLE (everything rolls back) when the mode does not allow what failed. */
export function refuseIncomplete(mode: BookingMode, attempts: Attempt[], noun: string, numbers: number[], extra: (cleared: Attempt[]) => Record<string, unknown>): void {
  const failed = attempts.map((a, i) => (a.userErrors.length ? numbers[i] : null)).filter((n): n is number => n != null);
  if (failed.length === 0 || (mode === BookingMode.BEST_EFFORT && failed.length < attempts.length)) return;
  const message = `${failed.length} of ${attempts.length} ${noun}s cannot be booked (${noun} ${failed.join(', ')})${mode === BookingMode.ALL_OR_NOTHING ? ' and the mode is ALL_OR_NOTHING' : ''}: nothing was written.`;
  throw new UserErrorsException([UserError.of(UserErrorCode.OCCURRENCES_UNAVAILABLE, message, ['input', 'mode'])], extra(attempts.map((a) => ({ ...a, appointment: null }))));
}

function occurrenceOf(attempt: Attempt, occurrence: number, startsAt: Date): SeriesOccurrence {
  return Object.assign(new SeriesOccurrence(), attempt, { occurrence, startsAt });
}

/**
 * `createAppointmentSeries`: expands the RRULE (VALIDATION naming the field for a bad, endless or too
 * long rule, nothing written), then books **every** occurrence through the rules of createAppointment,
 * one savepoint each, in one transaction. ALL_OR_NOTHING: any refusal answers OCCURRENCES_UNAVAILABLE
 * with every occurrence's reasons and writes nothing; BEST_EFFORT books those that fit (nothing when
 * none does). An input rule broken by every occurrence (VALIDATION) is answered as the payload's own
 * userErrors. Statements grow linearly: about five per occurrence (savepoint, links, facts, insert,
 * release). Idempotent by `idempotencyKey`: a replay answers what the first call answered, every
 * occurrence with its appointment (as it is now) or its reasons (kept in `idempotency_key.answer`).
 * @throws GraphQLError NOT_FOUND / FORBIDDEN as createAppointment.
 */
export async function createAppointmentSeries(ctx: Context, input: CreateAppointmentSeriesInput) {
  let occurrences: SeriesOccurrence[] = [];
  let stored: StoredOccurrence[] | null = null;
  const payload = await runMutation(ctx, async (em) => {
    const done = await idempotent(em, ctx, 'createAppointmentSeries', input, AppointmentSeries, async () => {
      occurrences = [];
      const viewer = ctx.viewer!;
      const errors = new UserErrorList();
      const timeZone = input.timeZone ?? viewer.timeZone;
      if (!input.startsAt) errors.add(UserErrorCode.VALIDATION, 'startsAt (the first occurrence) is required.', ['input', 'startsAt']);
      if (!isTimeZone(timeZone)) errors.add(UserErrorCode.VALIDATION, `timeZone "${timeZone}" is not an IANA time zone.`, ['input', 'timeZone']);
      const starts = errors.errors.length ? null : expandRule(errors, { rrule: input.rrule, startsAt: input.startsAt!, timeZone, count: input.count, until: input.until }, currentLimits());
      errors.throwIfAny();

      const series = em.create(AppointmentSeries, {
        organisation: viewer.organisationId, rrule: input.rrule.trim(), timeZone, startsAt: input.startsAt!, occurrenceCount: starts!.length, mode: input.mode, idempotencyKey: input.idempotencyKey ?? null,
      });
      await em.flush();
      const { rrule: _rrule, timeZone: _zone, count: _count, until: _until, mode: _mode, idempotencyKey: _key, ...fields } = input;
      const span = input.endsAt ? input.endsAt.getTime() - input.startsAt!.getTime() : null;
      const attempts: Attempt[] = [];
      for (const [i, start] of starts!.entries()) {
        const one = Object.assign(new CreateAppointmentInput(), fields, { startsAt: start, endsAt: span != null ? new Date(start.getTime() + span) : null });
        const attempt = await attemptBooking(em, ctx, one, { series: series.id, occurrence: i + 1 });
        throwIfInvalid(attempt);
        attempts.push(attempt);
      }
      const numbers = starts!.map((_, i) => i + 1);
      refuseIncomplete(input.mode, attempts, 'occurrence', numbers, (cleared) => ({ occurrences: cleared.map((a, i) => occurrenceOf(a, i + 1, starts![i]!)) }));
      occurrences = attempts.map((a, i) => occurrenceOf(a, i + 1, starts![i]!));
      return series;
    }, () => storeOccurrences(occurrences));
    if (done.replayed) stored = done.answer as StoredOccurrence[] | null;
    return done;
  });
  if (payload.replayed && payload.result) {
    if (stored) occurrences = await loadOccurrences(ctx, stored);
    else {
      // A key recorded before answers were kept: the booked occurrences are all that is known.
      const booked = await ctx.em.find(Appointment, { series: payload.result.id, deletedAt: null }, { orderBy: { occurrence: 'asc' } });
      occurrences = booked.map((a) => occurrenceOf({ appointment: a, userErrors: [], conflicts: [], unavailability: [] }, a.occurrence!, a.startsAt));
    }
  }
  return { ...payload, occurrences: payload.result ? occurrences : ((payload.occurrences as SeriesOccurrence[] | undefined) ?? []) };
}
