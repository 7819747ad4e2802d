import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { Context } from '../../app/context.js';
import { notFound, UserError, UserErrorCode, UserErrorList, UserErrorsException } from '../../shared/errors.js';
import { fromGlobalId, toGlobalId } from '../../shared/global-id.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { AppointmentStatus } from '../appointment/appointment-status.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { CreateAppointmentInput, UpdateAppointmentInput } from '../appointment/appointment.inputs.js';
import { bookingConflicts, changeAppointment, type BookingRequest } from '../appointment/appointment.service.js';
import { Customer } from '../customer/customer.entity.js';
import { Resource, ResourceKind } from '../resource/resource.entity.js';
import { AvailabilityInput, BookableRequirement } from '../scheduling/scheduling.inputs.js';
import type { AvailableSlot } from '../scheduling/scheduling.payloads.js';
import type { UnavailabilityReason } from '../scheduling/scheduling.reason.js';
import { availability } from '../scheduling/scheduling.service.js';
import { Treatment, TreatmentSession } from '../treatment/treatment.entity.js';
import { User } from '../user/user.entity.js';
import { currentLimits } from './series.limits.js';
import { offerFreedSlots, type FreedRange } from './waitlist.service.js';
import { attemptBooking, refuseIncomplete, throwIfInvalid, type Attempt } from './series.service.js';
import { BookingMode, TreatmentPlan, TreatmentPlanStatus } from './series.entity.js';
import type { BookTreatmentPlanInput, UpdateTreatmentPlanInput } from './series.inputs.js';
import { PlanSession } from './series.payloads.js';
import { inSavepoint } from '../events/outbox.js';
import { loadSessions, storeSessions, type StoredSession } from './series.answer.js';

/** Where a session may go: `[from, to)`, from local midnight of its target day (or the earliest start) through toleranceDays more days. */
interface Window {
  from: Date;
  to: Date;
}

/** The target day's window in `zone`: `[max(targetDay 00:00, notBefore), targetDay + toleranceDays + 1 at 00:00)`. */
function windowOf(targetDay: DateTime, toleranceDays: number, notBefore: Date | null): Window {
  const start = targetDay.startOf('day');
  const from = notBefore && notBefore.getTime() > start.toMillis() ? notBefore : start.toJSDate();
  return { from, to: start.plus({ days: toleranceDays + 1 }).toJSDate() };
}

/**
 * The target day of session `index` (0-based) by the plan's rule: its `offsetDays` after the first
 * session's day when it has one, else the previous session's `nextGapDays` after the previous
 * session's day (the day it was placed on, or its target day when it was not placed).
 */
function targetDay(sessions: TreatmentSession[], index: number, days: DateTime[]): DateTime {
  const session = sessions[index]!;
  if (session.offsetDays != null) return days[0]!.plus({ days: session.offsetDays });
  return days[index - 1]!.plus({ days: sessions[index - 1]!.nextGapDays ?? 0 });
}

/** The appointment fields of a slot's chosen bookables: the first member practitioner (others assistants), the first ROOM and VEHICLE, other resources. */
function roles(bookables: object[]): Pick<CreateAppointmentInput, 'practitionerId' | 'assistantIds' | 'roomId' | 'vehicleId' | 'resourceIds'> {
  const users = bookables.filter((b): b is User => b instanceof User);
  const resources = bookables.filter((b): b is Resource => b instanceof Resource);
  const room = resources.find((r) => r.kind === ResourceKind.ROOM);
  const vehicle = resources.find((r) => r.kind === ResourceKind.VEHICLE);
  const rest = resources.filter((r) => r !== room && r !== vehicle);
  return {
    practitionerId: users[0] ? toGlobalId('User', users[0].id) : null,
    assistantIds: users.slice(1).map((u) => toGlobalId('User', u.id)),
    roomId: room ? toGlobalId('Resource', room.id) : null,
    vehicleId: vehicle ? toGlobalId('Resource', vehicle.id) : null,
    resourceIds: rest.map((r) => toGlobalId('Resource', r.id)),
  };
}

interface Search {
  treatmentId: string;
  requirements: { anyOf: string[]; count: number }[];
  locationId?: string | null;
  excludeAppointmentId?: string | null;
}

function searchInput(search: Search, window: Window, requirements: Search['requirements'], includeUnavailable = false): AvailabilityInput {
  return Object.assign(new AvailabilityInput(), {
    from: window.from, to: window.to, treatmentIds: [search.treatmentId], locationId: search.locationId ?? null, excludeAppointmentId: search.excludeAppointmentId ?? null, includeUnavailable,
    requirements: requirements.map((r) => Object.assign(new BookableRequirement(), r)),
  });
}

/**
 * The first slot the availability engine offers in `window`, with `preferred` bookables (the ones
 * earlier sessions got) when they have one, else with any of the requirements. Without a slot, the
 * distinct reasons of the window's candidates (at most 20), for the payload.
 * @throws UserErrorsException VALIDATION for a search the engine refuses (a bad requirement).
 */
async function firstSlot(em: EntityManager, ctx: Context, search: Search, window: Window, preferred: string[] | null): Promise<{ slot: AvailableSlot | null; reasons: UnavailabilityReason[] }> {
  const narrowed = preferred && search.requirements.map((r) => {
    const kept = preferred.filter((id) => r.anyOf.includes(id));
    return kept.length >= r.count ? { anyOf: kept, count: r.count } : r;
  });
  for (const requirements of narrowed ? [narrowed, search.requirements] : [search.requirements]) {
    const found = await availability(ctx, searchInput(search, window, requirements), em);
    if (found.userErrors.length) throw new UserErrorsException(found.userErrors.map((e) => UserError.of(e.code, e.message, e.field)));
    if (found.slots[0]) return { slot: found.slots[0], reasons: [] };
  }
  const explained = await availability(ctx, searchInput(search, window, search.requirements, true), em);
  const seen = new Set<string>();
  const reasons = explained.unavailable.flatMap((u) => u.reasons).filter((r) => {
    const key = `${r.code}:${r.rejection.bookable?.id ?? ''}:${r.rejection.appointmentId ?? ''}:${r.rejection.holdId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { slot: null, reasons: reasons.slice(0, 20) };
}

const noSlot = (window: Window, reasons: UnavailabilityReason[]): Attempt => ({
  appointment: null, conflicts: [], unavailability: reasons,
  userErrors: [UserError.of(UserErrorCode.OUTSIDE_AVAILABILITY, `No slot is available from ${window.from.toISOString()} to ${window.to.toISOString()} (the session's tolerance window).`, ['input', 'toleranceDays'])],
});

function sessionOf(session: TreatmentSession, attempt: Attempt, window: Window | null): PlanSession {
  return Object.assign(new PlanSession(), attempt, { sessionOrder: session.sessionOrder, sessionType: session.sessionType, windowStartsAt: window?.from ?? null, windowEndsAt: window?.to ?? null });
}

/** The ids of a slot's bookables, to prefer for the next sessions. */
const chosenIds = (slot: AvailableSlot) => slot.bookables.map((b) => toGlobalId(b instanceof User ? 'User' : 'Resource', (b as { id: string }).id));

/** The treatment of a plan with its session plan in order. @throws NOT_FOUND; UserErrorsException VALIDATION for a treatment without sessions. */
async function treatmentWithSessions(em: EntityManager, globalId: string, field: string): Promise<{ treatment: Treatment; sessions: TreatmentSession[] }> {
  const decoded = fromGlobalId(globalId);
  const treatment = decoded?.type === 'Treatment' ? await em.findOne(Treatment, decoded.id, { populate: ['sessions'] }) : null;
  if (!treatment) throw notFound('Treatment', globalId, field);
  const sessions = [...treatment.sessions.getItems()].sort((a, b) => a.sessionOrder - b.sessionOrder);
  if (sessions.length === 0) throw new UserErrorsException([UserError.of(UserErrorCode.VALIDATION, `Treatment ${treatment.name} has no session plan (sessions) to book.`, ['input', field])]);
  return { treatment, sessions };
}

/**
 * `bookTreatmentPlan`: one appointment per session of the treatment's plan, in one transaction. Each
 * session's target day follows the plan (`offsetDays` from the first session's day, else the
 * previous session's `nextGapDays`); its time is the first slot the availability engine offers in
 * `[target day, target day + toleranceDays]` (days of the organisation's zone, never before the
 * previous session ends), with the bookables of earlier sessions when they are free then. Every
 * session is booked through createAppointment's rules with its `sessionOrder`, `sessionType` and
 * (after the first) `parentAppointment` = the first session's appointment. ALL_OR_NOTHING: any
 * session that cannot be placed answers OCCURRENCES_UNAVAILABLE and nothing is written.
 * userErrors VALIDATION: toleranceDays outside 0–PLAN_MAX_TOLERANCE_DAYS, a treatment without
 * sessions, a bad requirement. Idempotent by `idempotencyKey`: a replay answers what the first call
 * answered, every session with its window and its appointment (as it is now) or its reasons.
 * @throws NOT_FOUND for unknown ids.
 */
export async function bookTreatmentPlan(ctx: Context, input: BookTreatmentPlanInput) {
  let sessions: PlanSession[] = [];
  let stored: StoredSession[] | null = null;
  const payload = await runMutation(ctx, async (em) => {
    const done = await idempotent(em, ctx, 'bookTreatmentPlan', input, TreatmentPlan, async () => {
      sessions = [];
      const viewer = ctx.viewer!;
      const errors = new UserErrorList();
      const { maxToleranceDays } = currentLimits();
      if (!Number.isInteger(input.toleranceDays) || input.toleranceDays < 0 || input.toleranceDays > maxToleranceDays) {
        errors.add(UserErrorCode.VALIDATION, `toleranceDays must be a whole number from 0 to ${maxToleranceDays}.`, ['input', 'toleranceDays']);
      }
      if (input.requirements.length === 0) errors.add(UserErrorCode.VALIDATION, 'requirements must name at least one group.', ['input', 'requirements']);
      errors.throwIfAny();
      const { treatment, sessions: plan } = await treatmentWithSessions(em, input.treatmentId, 'treatmentId');
      const decodedCustomer = fromGlobalId(input.customerId);
      const customer = decodedCustomer?.type === 'Customer' ? await em.findOne(Customer, decodedCustomer.id) : null;
      if (!customer) throw notFound('Customer', input.customerId, 'customerId');
      const requirements = input.requirements.map((r) => ({ anyOf: r.anyOf, count: r.count }));
      const record = em.create(TreatmentPlan, {
        organisation: viewer.organisationId, customer, treatment, status: TreatmentPlanStatus.BOOKED, mode: input.mode, toleranceDays: input.toleranceDays,
        requirements, locationId: input.locationId ?? null, idempotencyKey: input.idempotencyKey ?? null,
      });
      await em.flush();

      const zone = viewer.timeZone;
      const search: Search = { treatmentId: input.treatmentId, requirements, locationId: input.locationId };
      const days: DateTime[] = [];
      const attempts: Attempt[] = [];
      let preferred: string[] | null = null;
      let first: Appointment | null = null;
      let previousEnd: Date | null = input.firstStartsAt;
      for (const [i, session] of plan.entries()) {
        const day = i === 0 ? DateTime.fromJSDate(input.firstStartsAt, { zone }).startOf('day') : targetDay(plan, i, days);
        const window = windowOf(day, input.toleranceDays, previousEnd);
        const { slot, reasons } = await firstSlot(em, ctx, search, window, preferred);
        let attempt: Attempt;
        if (!slot) attempt = noSlot(window, reasons);
        else {
          const one = Object.assign(new CreateAppointmentInput(), {
            customerId: input.customerId, treatmentIds: [input.treatmentId], locationId: input.locationId ?? null, startsAt: slot.startsAt, notes: input.notes ?? null,
            sessionType: session.sessionType, parentAppointmentId: first ? toGlobalId('Appointment', first.id) : null, ...roles(slot.bookables),
          });
          attempt = await attemptBooking(em, ctx, one, { treatmentPlan: record.id, sessionOrder: session.sessionOrder });
          throwIfInvalid(attempt);
        }
        if (attempt.appointment) {
          preferred ??= chosenIds(slot!);
          first ??= attempt.appointment;
          previousEnd = attempt.appointment.endsAt;
        }
        days.push(attempt.appointment ? DateTime.fromJSDate(attempt.appointment.startsAt, { zone }).startOf('day') : day);
        attempts.push(attempt);
        sessions.push(sessionOf(session, attempt, window));
      }
      const windows = sessions.map((s) => ({ from: s.windowStartsAt!, to: s.windowEndsAt! }));
      refuseIncomplete(input.mode, attempts, 'session', plan.map((s) => s.sessionOrder), (cleared) => ({ sessions: cleared.map((a, i) => sessionOf(plan[i]!, a, windows[i]!)) }));
      record.status = attempts.every((a) => a.appointment) ? TreatmentPlanStatus.BOOKED : TreatmentPlanStatus.PARTIALLY_BOOKED;
      await em.flush();
      return record;
    }, () => storeSessions(sessions));
    if (done.replayed) stored = done.answer as StoredSession[] | null;
    return done;
  });
  if (payload.replayed && payload.result) {
    // A key recorded before answers were kept: the plan's sessions as they stand are all that is known.
    sessions = stored ? await loadSessions(ctx, stored) : await currentSessions(ctx.em, payload.result);
  }
  return { ...payload, sessions: payload.result ? sessions : ((payload.sessions as PlanSession[] | undefined) ?? []) };
}

/** Every session of a plan with its open appointment (else its latest), in session order. */
async function currentSessions(em: EntityManager, plan: TreatmentPlan): Promise<PlanSession[]> {
  const { sessions } = await treatmentWithSessions(em, toGlobalId('Treatment', plan.treatment.id), 'treatmentId');
  const appointments = await em.find(Appointment, { treatmentPlan: plan.id, deletedAt: null }, { orderBy: { sessionOrder: 'asc', createdAt: 'asc' } });
  return sessions.map((s) => {
    const mine = appointments.filter((a) => a.sessionOrder === s.sessionOrder);
    const appointment = mine.find((a) => a.status !== AppointmentStatus.CANCELLED && a.status !== AppointmentStatus.REJECTED) ?? mine.at(-1) ?? null;
    return sessionOf(s, { appointment, userErrors: [], conflicts: [], unavailability: [] }, null);
  });
}

const OPEN = [AppointmentStatus.PENDING, AppointmentStatus.APPROVED];

/**
 * `updateTreatmentPlan`: moves (`startsAt`, duration kept) or cancels (`cancel`) one session's open
 * appointment through updateAppointment's rules, under a lock on the plan (STALE_VERSION with
 * `expectedVersion`). With `shiftFollowing`, every later open session is placed again by the plan's
 * rule from the changed one (its new day, or its old day when cancelled): the first slot in its
 * tolerance window, its own slot not blocking, its bookables kept when free; any that cannot be
 * placed answers OCCURRENCES_UNAVAILABLE and nothing changes. Without it only the one session changes.
 * userErrors VALIDATION: neither or both of startsAt and cancel, a session with no open appointment.
 * @throws NOT_FOUND for an unknown plan.
 */
export async function updateTreatmentPlan(ctx: Context, input: UpdateTreatmentPlanInput) {
  let sessions: PlanSession[] = [];
  let request: BookingRequest | null = null;
  const payload = await runMutation(ctx, async (em) => {
    const decoded = fromGlobalId(input.id);
    const plan = decoded?.type === 'TreatmentPlan' ? await em.findOne(TreatmentPlan, decoded.id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!plan) throw notFound('TreatmentPlan', input.id, 'id');
    if (input.expectedVersion != null && input.expectedVersion !== plan.version) {
      throw new UserErrorsException([UserError.of(UserErrorCode.STALE_VERSION, `The plan is at version ${plan.version}, not ${input.expectedVersion}: read it again and retry.`, ['input', 'expectedVersion'])]);
    }
    const errors = new UserErrorList();
    if ((input.startsAt == null) === !input.cancel) errors.add(UserErrorCode.VALIDATION, 'Give startsAt to move the session, or cancel: true, not both.', ['input', 'startsAt']);
    const { sessions: steps } = await treatmentWithSessions(em, toGlobalId('Treatment', plan.treatment.id), 'id');
    const open = await em.find(Appointment, { treatmentPlan: plan.id, deletedAt: null, status: { $in: OPEN } }, {
      lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { sessionOrder: 'asc' }, populate: ['assistants', 'resources', 'treatments', 'timeBand', 'room', 'vehicle', 'practitioner'],
    });
    const index = steps.findIndex((s) => s.sessionOrder === input.sessionOrder);
    const changed = open.find((a) => a.sessionOrder === input.sessionOrder);
    if (!changed || index < 0) errors.add(UserErrorCode.VALIDATION, `Session ${input.sessionOrder} has no open appointment in this plan.`, ['input', 'sessionOrder']);
    errors.throwIfAny();

    const zone = ctx.viewer!.timeZone;
    const anchor = DateTime.fromJSDate(input.startsAt ?? changed!.startsAt, { zone }).startOf('day');
    const change = Object.assign(new UpdateAppointmentInput(), { id: toGlobalId('Appointment', changed!.id), ...(input.cancel ? { status: AppointmentStatus.CANCELLED } : { startsAt: input.startsAt }) });
    const freed: FreedRange[] = [];
    await changeAppointment(em, ctx, changed!, change, (r) => { request = r; }, freed);

    const attempts: Attempt[] = [];
    const placed: PlanSession[] = [];
    if (input.shiftFollowing) {
      // Days the sessions are on now: the plan's rule counts from them (offsetDays from the first session's).
      const days: DateTime[] = steps.map((step) => {
        const a = open.find((o) => o.sessionOrder === step.sessionOrder);
        return a ? DateTime.fromJSDate(a.startsAt, { zone }).startOf('day') : anchor;
      });
      days[index] = anchor;
      let previousEnd: Date | null = input.cancel ? null : changed!.endsAt;
      for (let i = index + 1; i < steps.length; i++) {
        const step = steps[i]!;
        const a = open.find((o) => o.sessionOrder === step.sessionOrder);
        const day = targetDay(steps, i, days);
        if (!a) {
          days[i] = day;
          continue;
        }
        const window = windowOf(day, plan.toleranceDays, previousEnd);
        const own = bookedIds(a);
        const { slot, reasons } = await firstSlot(em, ctx, { treatmentId: toGlobalId('Treatment', plan.treatment.id), requirements: plan.requirements, locationId: plan.locationId, excludeAppointmentId: toGlobalId('Appointment', a.id) }, window, own);
        let attempt: Attempt;
        if (!slot) attempt = noSlot(window, reasons);
        else {
          const same = chosenIds(slot).every((id) => own.includes(id));
          const move = Object.assign(new UpdateAppointmentInput(), { id: toGlobalId('Appointment', a.id), startsAt: slot.startsAt, ...(same ? {} : roles(slot.bookables)) });
          try {
            await inSavepoint(em, (inner) => changeAppointment(inner, ctx, a, move, (r) => { request = r; }, freed));
            attempt = { appointment: a, userErrors: [], conflicts: [], unavailability: [] };
          } catch (error) {
            const refused = error instanceof UserErrorsException ? error : await bookingConflicts(ctx, error, request);
            if (!refused) throw error;
            attempt = { appointment: null, userErrors: refused.userErrors, conflicts: (refused.extra.conflicts as Attempt['conflicts']) ?? [], unavailability: (refused.extra.unavailability as Attempt['unavailability']) ?? [] };
          }
        }
        days[i] = attempt.appointment ? DateTime.fromJSDate(attempt.appointment.startsAt, { zone }).startOf('day') : day;
        if (attempt.appointment) previousEnd = attempt.appointment.endsAt;
        attempts.push(attempt);
        placed.push(sessionOf(step, attempt, window));
      }
      refuseIncomplete(BookingMode.ALL_OR_NOTHING, attempts, 'session', placed.map((p) => p.sessionOrder), (cleared) => ({
        sessions: placed.map((p, k) => Object.assign(new PlanSession(), p, cleared[k])),
      }));
    }
    plan.version += 1;
    await em.flush();
    // The ranges the changed sessions left go to the waitlist once every session is in its new place.
    await offerFreedSlots(em, ctx, freed);
    // The re-placed sessions keep the windows they were searched in.
    sessions = (await currentSessions(em, plan)).map((s) => {
      const moved = placed.find((p) => p.sessionOrder === s.sessionOrder);
      return moved ? Object.assign(s, { windowStartsAt: moved.windowStartsAt, windowEndsAt: moved.windowEndsAt }) : s;
    });
    return { result: plan };
  }, (error) => bookingConflicts(ctx, error, request));
  return { ...payload, sessions: payload.result ? sessions : ((payload.sessions as PlanSession[] | undefined) ?? []) };
}

/** The global ids of an appointment's members and resources. */
function bookedIds(a: Appointment): string[] {
  return [
    ...(a.practitioner ? [toGlobalId('User', a.practitioner.id)] : []), ...a.assistants.getItems().map((u) => toGlobalId('User', u.id)),
    ...[a.room, a.vehicle].filter((r): r is Resource => r != null).map((r) => toGlobalId('Resource', r.id)), ...a.resources.getItems().map((r) => toGlobalId('Resource', r.id)),
  ];
}
