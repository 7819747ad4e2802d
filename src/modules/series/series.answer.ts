import type { Context } from '../../app/context.js';
import { UserError, type UserErrorCode } from '../../shared/errors.js';
import { Appointment } from '../appointment/appointment.entity.js';
import type { BookingConflict, BookingConflictKind } from '../appointment/appointment.payloads.js';
import { Resource } from '../resource/resource.entity.js';
import { Hold } from '../scheduling/hold.entity.js';
import { UnavailabilityReason } from '../scheduling/scheduling.reason.js';
import type { Rejection, UnavailabilityCode } from '../scheduling/scheduling.rules.js';
import type { SessionType } from '../treatment/treatment.entity.js';
import { User } from '../user/user.entity.js';
import { PlanSession, SeriesOccurrence } from './series.payloads.js';
import type { Attempt } from './series.service.js';

/** A booking attempt as `idempotency_key.answer` keeps it: objects by uuid, messages as they were answered. */
interface StoredAttempt {
  appointmentId: string | null;
  userErrors: { code: UserErrorCode; message: string; field: string[] | null }[];
  conflicts: { kind: BookingConflictKind; bookable: { id: string; type: 'User' | 'Resource' }; appointmentId: string | null; holdId: string | null }[];
  unavailability: { code: UnavailabilityCode; message: string; bookable: Rejection['bookable'] | null; appointmentId: string | null; holdId: string | null }[];
}

/** A series occurrence as stored: its number and start, and its attempt. */
export interface StoredOccurrence extends StoredAttempt {
  occurrence: number;
  startsAt: string;
}

/** A plan session as stored: its order, type and window, and its attempt. */
export interface StoredSession extends StoredAttempt {
  sessionOrder: number;
  sessionType: SessionType;
  windowStartsAt: string | null;
  windowEndsAt: string | null;
}

function store(attempt: Attempt): StoredAttempt {
  return {
    appointmentId: attempt.appointment?.id ?? null,
    userErrors: attempt.userErrors.map((e) => ({ code: e.code, message: e.message, field: e.field ?? null })),
    conflicts: attempt.conflicts.map((c) => ({
      kind: c.kind, bookable: { id: c.bookable.id, type: c.bookable instanceof User ? 'User' : 'Resource' }, appointmentId: c.appointment?.id ?? null, holdId: c.hold?.id ?? null,
    })),
    unavailability: attempt.unavailability.map((r) => ({
      code: r.code, message: r.message, bookable: r.rejection.bookable ?? null, appointmentId: r.rejection.appointmentId ?? null, holdId: r.rejection.holdId ?? null,
    })),
  };
}

/** The occurrences of a first `createAppointmentSeries` answer, for `idempotency_key.answer`. */
export function storeOccurrences(occurrences: SeriesOccurrence[]): StoredOccurrence[] {
  return occurrences.map((o) => ({ occurrence: o.occurrence, startsAt: o.startsAt.toISOString(), ...store(o) }));
}

/** The sessions of a first `bookTreatmentPlan` answer, for `idempotency_key.answer`. */
export function storeSessions(sessions: PlanSession[]): StoredSession[] {
  return sessions.map((s) => ({
    sessionOrder: s.sessionOrder, sessionType: s.sessionType, windowStartsAt: s.windowStartsAt?.toISOString() ?? null, windowEndsAt: s.windowEndsAt?.toISOString() ?? null, ...store(s),
  }));
}

/**
 * A stored attempt again, its objects loaded as they are now (through the request's loaders): an
 * appointment, bookable or hold since deleted is null (a conflict whose bookable is gone is left out).
 */
async function load(ctx: Context, stored: StoredAttempt): Promise<Attempt> {
  const appointment = stored.appointmentId ? await ctx.loaders.byId(Appointment).load(stored.appointmentId) : null;
  const conflicts: BookingConflict[] = [];
  for (const c of stored.conflicts) {
    const bookable = c.bookable.type === 'User' ? await ctx.loaders.byId(User).load(c.bookable.id) : await ctx.loaders.byId(Resource).load(c.bookable.id);
    if (!bookable) continue;
    conflicts.push({
      kind: c.kind, bookable,
      appointment: c.appointmentId ? await ctx.loaders.byId(Appointment).load(c.appointmentId) : null,
      hold: c.holdId ? await ctx.loaders.byId(Hold).load(c.holdId) : null,
    });
  }
  return {
    appointment,
    userErrors: stored.userErrors.map((e) => UserError.of(e.code, e.message, e.field ?? undefined)),
    conflicts,
    unavailability: stored.unavailability.map((r) => UnavailabilityReason.of({
      code: r.code, message: r.message, ...(r.bookable ? { bookable: r.bookable } : {}), ...(r.appointmentId ? { appointmentId: r.appointmentId } : {}), ...(r.holdId ? { holdId: r.holdId } : {}),
    })),
  };
}

/** The occurrences a replay answers: those the first answer gave. */
export async function loadOccurrences(ctx: Context, stored: StoredOccurrence[]): Promise<SeriesOccurrence[]> {
  return Promise.all(stored.map(async (o) => Object.assign(new SeriesOccurrence(), await load(ctx, o), { occurrence: o.occurrence, startsAt: new Date(o.startsAt) })));
}

/** The sessions a replay answers: those the first answer gave. */
export async function loadSessions(ctx: Context, stored: StoredSession[]): Promise<PlanSession[]> {
  return Promise.all(stored.map(async (s) => Object.assign(new PlanSession(), await load(ctx, s), {
    sessionOrder: s.sessionOrder, sessionType: s.sessionType, windowStartsAt: s.windowStartsAt ? new Date(s.windowStartsAt) : null, windowEndsAt: s.windowEndsAt ? new Date(s.windowEndsAt) : null,
  })));
}
