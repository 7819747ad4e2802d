import { LockMode } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { ADMIN_ROLES } from '../user/user-role.js';
import { graphQLError, notFound, UserError, UserErrorCode, UserErrorList, UserErrorsException } from '../../shared/errors.js';
import { fromGlobalId, toGlobalId } from '../../shared/global-id.js';
import { findOptional } from '../../shared/lookup.js';
import { idempotent, keyResultStatement, runMutation } from '../../shared/mutation.js';
import { readOnlyInstance } from '../../app/read-only.js';
import { combine, execute, insertStatement, pivotInsertStatement, type InsertRow, type Statement } from '../../db/insert.js';
import { CancellationReason } from '../care/care.entities.js';
import { findOrCreateCustomer, validateCustomerFields } from '../customer/customer.service.js';
import { Payment, PaymentKind } from '../payment/payment.entity.js';
import { Resource, ResourceKind } from '../resource/resource.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';
import { User } from '../user/user.entity.js';
import { AppointmentAction, AppointmentEvent } from './appointment-event.entity.js';
import { AppointmentStatus, canTransition } from './appointment-status.js';
import { Appointment } from './appointment.entity.js';
import { resolveLinks, SINGLE_LINKS, type LinkedRow, type ResolvedLinks } from './appointment.links.js';
import { UpdateAppointmentInput, type AppointmentFieldsInput, type CancelAppointmentInput, type CreateAppointmentInput } from './appointment.inputs.js';
import { BookingConflictKind } from './appointment.payloads.js';
import { isInsideTimeBand, MAX_DURATION_MINUTES, moneyProblem } from './appointment.rules.js';
import { allocationConflicts, checkBooking, describeConflict, holdPayload, isAllocationConflict, lockHold, reasonsOf } from '../scheduling/scheduling.service.js';
import type { Rejection } from '../scheduling/scheduling.rules.js';
import type { Hold } from '../scheduling/hold.entity.js';
import { paymentStatus } from './payment-status.js';
import { entityPayload, outboxInsertStatement, OutboxEventType, stageEvent, takeStagedEvents, type OutboxRow } from '../events/outbox.js';
import { AppointmentSeries, SeriesScope } from '../series/series.entity.js';
import { shiftWallClock } from '../series/series.rules.js';
import { WaitlistEntry, WaitlistStatus } from '../series/waitlist.entity.js';
import { offerFreedSlots, type FreedRange } from '../series/waitlist.service.js';

/** Longest staff note, reason or comment (spec: notes and reasons at most 1,000 characters). */
export const MAX_TEXT = 1000;
const TEXT_FIELDS = ['notes', 'clientComment', 'onEcrNotes', 'cancellationNote'] as const;

/**
 * Computes the end: `endsAt`, else `startsAt + durationMinutes`, else the sum of the treatments'
 * durations. Adds VALIDATION errors for a missing, non-positive, contradictory or over-24-hour end.
 */
function resolveEnd(errors: UserErrorList, startsAt: Date, endsAt: Date | null | undefined, durationMinutes: number | null | undefined, treatments: LinkedRow[] | undefined): Date | null {
  if (durationMinutes != null && (!Number.isInteger(durationMinutes) || durationMinutes <= 0 || durationMinutes > MAX_DURATION_MINUTES)) {
    errors.add(UserErrorCode.VALIDATION, `durationMinutes must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES}.`, ['input', 'durationMinutes']);
    return null;
  }
  const fromDuration = durationMinutes != null ? new Date(startsAt.getTime() + durationMinutes * 60_000) : null;
  if (endsAt && fromDuration && endsAt.getTime() !== fromDuration.getTime()) {
    errors.add(UserErrorCode.VALIDATION, 'endsAt and durationMinutes disagree: give one, or make endsAt = startsAt + durationMinutes.', ['input', 'durationMinutes']);
    return null;
  }
  let end = endsAt ?? fromDuration;
  if (!end && treatments?.length && treatments.every((t) => t.durationMinutes)) {
    end = new Date(startsAt.getTime() + treatments.reduce((sum, t) => sum + t.durationMinutes!, 0) * 60_000);
  }
  if (!end) {
    errors.add(UserErrorCode.VALIDATION, 'Give endsAt, durationMinutes, or treatments that all have a duration.', ['input', 'endsAt']);
    return null;
  }
  if (end.getTime() <= startsAt.getTime()) {
    errors.add(UserErrorCode.VALIDATION, 'endsAt must be after startsAt.', ['input', 'endsAt']);
    return null;
  }
  if (end.getTime() - startsAt.getTime() > MAX_DURATION_MINUTES * 60_000) {
    errors.add(UserErrorCode.VALIDATION, `An appointment lasts at most ${MAX_DURATION_MINUTES} minutes (24 hours).`, ['input', endsAt ? 'endsAt' : 'durationMinutes']);
    return null;
  }
  return end;
}

/** A link as the rules read it: a row of {@link resolveLinks} or an entity the appointment already holds. */
type Held = { id: string; name?: string; kind?: string };

/** The rules an appointment must satisfy after any write (create and update alike). */
function checkAppointment(errors: UserErrorList, ctx: Context, a: {
  startsAt: Date; endsAt: Date | null; practitioner?: Held | null; assistants: Held[]; room?: Held | null; vehicle?: Held | null;
  resources: Held[]; timeBand?: { name?: string; startTime?: string; endTime?: string } | null;
  texts: Partial<Record<(typeof TEXT_FIELDS)[number], string | null | undefined>>; serviceAmount?: string | null;
}): void {
  for (const field of TEXT_FIELDS) {
    const value = a.texts[field];
    if (value != null && value.length > MAX_TEXT) errors.add(UserErrorCode.VALIDATION, `${field} must be at most ${MAX_TEXT} characters (got ${value.length}).`, ['input', field]);
  }
  if (a.room && a.room.kind !== ResourceKind.ROOM) errors.add(UserErrorCode.VALIDATION, `roomId must be a ROOM resource; ${a.room.name} is ${a.room.kind}.`, ['input', 'roomId']);
  if (a.vehicle && a.vehicle.kind !== ResourceKind.VEHICLE) errors.add(UserErrorCode.VALIDATION, `vehicleId must be a VEHICLE resource; ${a.vehicle.name} is ${a.vehicle.kind}.`, ['input', 'vehicleId']);
  if (a.practitioner && a.assistants.some((u) => u.id === a.practitioner!.id)) {
    errors.add(UserErrorCode.VALIDATION, 'The practitioner cannot also be an assistant of the same appointment.', ['input', 'assistantIds']);
  }
  const held = [a.room, a.vehicle].filter(Boolean).map((r) => r!.id);
  if (a.resources.some((r) => held.includes(r.id))) errors.add(UserErrorCode.VALIDATION, 'A resource given as roomId or vehicleId cannot be in resourceIds too.', ['input', 'resourceIds']);
  if (a.serviceAmount != null) {
    const problem = moneyProblem(a.serviceAmount, ctx.viewer!.currency);
    if (problem) errors.add(UserErrorCode.VALIDATION, `serviceAmount ${problem}.`, ['input', 'serviceAmount']);
  }
  if (a.timeBand && a.endsAt && !isInsideTimeBand(a.startsAt, a.endsAt, { startTime: a.timeBand.startTime!, endTime: a.timeBand.endTime! }, ctx.viewer!.timeZone)) {
    errors.add(
      UserErrorCode.OUTSIDE_TIME_BAND,
      `The appointment must lie within time band ${a.timeBand.name} (${a.timeBand.startTime}–${a.timeBand.endTime} ${ctx.viewer!.timeZone}).`,
      ['input', 'timeBandId'],
    );
  }
}

/**
 * The next appointment number of an organisation, taken by the insert that writes the appointment: its
 * counter row is bumped (and locked until commit, so concurrent creates of one organisation take turns
 * and a rolled-back create gives its number back: codes are gap-free per organisation).
 */
function nextCodeNumber(organisationId: string): Statement {
  return {
    name: 'code_number',
    sql: `insert into "organisation_counter" ("organisation_id", "name", "value") values (?, 'appointment_code', 1)
          on conflict ("organisation_id", "name") do update set "value" = "organisation_counter"."value" + 1 returning "value"`,
    params: [organisationId],
  };
}

/** The appointment code from {@link nextCodeNumber}, e.g. `APT-000042`: zero-padded to at least six digits. */
const NEXT_CODE_SQL = `(select 'APT-' || lpad("value"::text, greatest(6, length("value"::text)), '0') from code_number)`;

/** An appointment's many-to-many links, for {@link snapshot}. */
interface HeldLists {
  assistants: { id: string }[];
  resources: { id: string }[];
  treatments: { id: string }[];
}

/** The comparable state of an appointment, for the audit trail: scalars as JSON, links as global ids. */
function snapshot(a: Appointment, lists: HeldLists): Record<string, unknown> {
  const link = (type: string, e: { id: string } | null | undefined) => (e ? toGlobalId(type, e.id) : null);
  const ids = (type: string, held: { id: string }[]) => held.map((e) => toGlobalId(type, e.id)).sort();
  return {
    startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), status: a.status, confirmed: a.confirmed,
    appointmentType: a.appointmentType ?? null, source: a.source ?? null, sessionType: a.sessionType ?? null, externalRef: a.externalRef ?? null,
    notes: a.notes ?? null, clientComment: a.clientComment ?? null, medicalDependency: a.medicalDependency, onEcr: a.onEcr,
    onEcrNotes: a.onEcrNotes ?? null, animals: a.animals, customAttributes: a.customAttributes ?? null, serviceAmount: a.serviceAmount ?? null,
    cancellationNote: a.cancellationNote ?? null,
    customerId: link('Customer', a.customer), practitionerId: link('User', a.practitioner), locationId: link('Location', a.location),
    roomId: link('Resource', a.room), vehicleId: link('Resource', a.vehicle), interactionId: link('Interaction', a.interaction),
    operationId: link('Operation', a.operation), timeBandId: link('TimeBand', a.timeBand), caseId: link('Case', a.case),
    clientPackageId: link('ClientPackage', a.clientPackage), companyId: link('Company', a.company),
    parentAppointmentId: link('Appointment', a.parentAppointment), cancellationReasonId: link('CancellationReason', a.cancellationReason),
    assistantIds: ids('User', lists.assistants), resourceIds: ids('Resource', lists.resources), treatmentIds: ids('Treatment', lists.treatments),
  };
}

/**
 * An appointment as an outbox event carries it (src/modules/events/outbox.ts): its stored fields, links
 * as global ids, and its assistants, resources and treatments as lists of global ids.
 */
function appointmentPayload(em: EntityManager, a: Appointment, lists: HeldLists): Record<string, unknown> {
  const ids = (type: string, held: { id: string }[]) => held.map((e) => toGlobalId(type, e.id));
  return { ...entityPayload(em, a), assistantIds: ids('User', lists.assistants), resourceIds: ids('Resource', lists.resources), treatmentIds: ids('Treatment', lists.treatments) };
}

/** The outbox event type of an appointment change, after {@link actionFor}. */
const EVENT_OF_ACTION: Record<AppointmentAction, OutboxEventType> = {
  [AppointmentAction.CREATED]: OutboxEventType.APPOINTMENT_CREATED,
  [AppointmentAction.UPDATED]: OutboxEventType.APPOINTMENT_UPDATED,
  [AppointmentAction.RESCHEDULED]: OutboxEventType.APPOINTMENT_RESCHEDULED,
  [AppointmentAction.STATUS_CHANGED]: OutboxEventType.APPOINTMENT_STATUS_CHANGED,
  [AppointmentAction.CANCELLED]: OutboxEventType.APPOINTMENT_CANCELLED,
};

/** Stages the outbox event of a change to a managed appointment; its payload is read at commit. */
function stageAppointmentEvent(em: EntityManager, a: Appointment, action: AppointmentAction, changes: Record<string, { before: unknown; after: unknown }>): void {
  stageEvent(em, { type: EVENT_OF_ACTION[action], objectId: toGlobalId('Appointment', a.id), objectVersion: () => a.version, payload: () => appointmentPayload(em, a, heldLists(a)), changes });
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key])) changes[key] = { before: before[key] ?? null, after: after[key] };
  }
  return changes;
}

/** An override of the availability rules is recorded in the history event as the change `overrideAvailability: true`. */
function withOverride(changes: Record<string, { before: unknown; after: unknown }>, overrideAvailability: boolean | null | undefined) {
  return overrideAvailability ? { ...changes, overrideAvailability: { before: null, after: true } } : changes;
}

function recordEvent(em: EntityManager, ctx: Context, appointment: Appointment, action: AppointmentAction, changes: AppointmentEvent['changes']): void {
  em.create(AppointmentEvent, { organisation: ctx.viewer!.organisationId, appointment, actor: em.getReference(User, ctx.viewer!.userId), action, changes, at: new Date() });
}

/** Copies the plain (non-link) fields present in the input onto the appointment. */
function applyScalars(a: Appointment, input: AppointmentFieldsInput): void {
  const keys = ['appointmentType', 'source', 'sessionType', 'externalRef', 'notes', 'clientComment', 'onEcrNotes', 'customAttributes', 'serviceAmount', 'cancellationNote'] as const;
  for (const key of keys) if (input[key] !== undefined) (a as unknown as Record<string, unknown>)[key] = input[key];
  for (const key of ['medicalDependency', 'onEcr', 'animals'] as const) if (input[key] != null) a[key] = input[key]!;
}

/** Points the managed appointment's links at the resolved rows (as references: nothing is loaded). */
function applyLinks(em: EntityManager, a: Appointment, links: ResolvedLinks): void {
  for (const { key, entity } of SINGLE_LINKS) {
    const row = links[key];
    if (row !== undefined) (a as unknown as Record<string, unknown>)[key] = row && em.getReference(entity, row.id as never);
  }
  if (links.assistants) a.assistants.set(links.assistants.map((r) => em.getReference(User, r.id)));
  if (links.resources) a.resources.set(links.resources.map((r) => em.getReference(Resource, r.id)));
  if (links.treatments) a.treatments.set(links.treatments.map((r) => em.getReference(Treatment, r.id)));
}

function heldLists(a: Appointment): HeldLists {
  return { assistants: a.assistants.getItems(), resources: a.resources.getItems(), treatments: a.treatments.getItems() };
}

function applyStatus(a: Appointment, status: AppointmentStatus, confirmed: boolean | null | undefined, now: Date): void {
  if (status === AppointmentStatus.CANCELLED && a.status !== AppointmentStatus.CANCELLED) a.cancelledAt = now;
  a.status = status;
  if (confirmed != null) {
    if (confirmed && !a.confirmed) a.confirmedAt = now;
    if (!confirmed) a.confirmedAt = null;
    a.confirmed = confirmed;
  }
}

/**
 * After a rollback caused by the allocation exclusion constraint: which of the requested bookables
 * are taken over the blocked range (buffers included), by which appointments or holds. Answers
 * RESOURCE_UNAVAILABLE userErrors with `conflicts`, and `unavailability` when the rule engine saw them.
 */
export async function bookingConflicts(ctx: Context, error: unknown, request: BookingRequest | null): Promise<UserErrorsException | null> {
  if (!isAllocationConflict(error)) return null;
  const conflicts = request?.bookables.length ? await allocationConflicts(ctx, request) : [];
  const message = conflicts.length ? `Not available: ${conflicts.map(describeConflict).join('; ')}.` : 'A requested practitioner or resource is already booked at an overlapping time.';
  return new UserErrorsException([UserError.of(UserErrorCode.RESOURCE_UNAVAILABLE, message, ['input'])], { conflicts, unavailability: reasonsOf(request?.reasons ?? []) });
}

/** What a refused write asked for: the blocked range (with buffers) and the bookables by role. */
export interface BookingRequest {
  id?: string;
  start: Date;
  end: Date;
  bookables: { kind: BookingConflictKind; id: string }[];
  reasons: Rejection[];
}

/** The members and resources of an appointment, typed for the availability rules. */
function scheduled(a: { practitioner?: Held | null; assistants: Held[]; room?: Held | null; vehicle?: Held | null; resources: Held[] }) {
  return bookablesOf(a).map((b) => {
    const held = [a.practitioner, a.room, a.vehicle, ...a.assistants, ...a.resources].find((h) => h?.id === b.id);
    const isUser = b.kind === BookingConflictKind.PRACTITIONER || b.kind === BookingConflictKind.ASSISTANT;
    return { id: b.id, type: isUser ? ('User' as const) : ('Resource' as const), name: held?.name ?? b.id, assistant: b.kind === BookingConflictKind.ASSISTANT };
  });
}

/**
 * Booking = search: the availability rules for the appointment's one candidate (src/modules/scheduling).
 * `overrideAvailability` needs OWNER or ADMIN. @returns the buffers to keep and the request to explain a conflict with.
 * @throws UserErrorsException OUTSIDE_AVAILABILITY; GraphQLError FORBIDDEN for an override by STAFF.
 */
async function checkAvailability(em: EntityManager, ctx: Context, a: Parameters<typeof scheduled>[0] & {
  id?: string; startsAt: Date; endsAt: Date; location?: { id: string } | null; treatments: LinkedRow[]; overrideAvailability?: boolean | null; holdId?: string;
}): Promise<BookingRequest & { bufferBeforeMinutes: number; bufferAfterMinutes: number }> {
  if (a.overrideAvailability && !ADMIN_ROLES.has(ctx.viewer!.role)) throw graphQLError('FORBIDDEN', 'Only OWNER or ADMIN may book with overrideAvailability.');
  const bookables = scheduled(a);
  const checked = await checkBooking(em, ctx, {
    startsAt: a.startsAt, endsAt: a.endsAt, bookables, locationId: a.location?.id ?? null, treatments: a.treatments,
    excludeAppointmentId: a.id, overrideAvailability: a.overrideAvailability,
  });
  return {
    id: a.id, bookables: bookablesOf(a), reasons: checked.conflicts.filter((r) => !a.holdId || r.holdId !== a.holdId),
    start: new Date(a.startsAt.getTime() - checked.bufferBeforeMinutes * 60_000), end: new Date(a.endsAt.getTime() + checked.bufferAfterMinutes * 60_000),
    bufferBeforeMinutes: checked.bufferBeforeMinutes, bufferAfterMinutes: checked.bufferAfterMinutes,
  };
}

function bookablesOf(a: { practitioner?: Held | null; assistants: Held[]; room?: Held | null; vehicle?: Held | null; resources: Held[] }) {
  return [
    ...(a.practitioner ? [{ kind: BookingConflictKind.PRACTITIONER, id: a.practitioner.id }] : []),
    ...a.assistants.map((u) => ({ kind: BookingConflictKind.ASSISTANT, id: u.id })),
    ...(a.room ? [{ kind: BookingConflictKind.ROOM, id: a.room.id }] : []),
    ...(a.vehicle ? [{ kind: BookingConflictKind.VEHICLE, id: a.vehicle.id }] : []),
    ...a.resources.map((r) => ({ kind: BookingConflictKind.RESOURCE, id: r.id })),
  ];
}

/**
 * Writes a checked new appointment with **one statement**: the appointment row (its code from the
 * sequence), its assistants, resources and treatments, its payments and the CREATED history event,
 * as data-modifying `WITH` queries. The allocation triggers and the exclusion constraint run at the
 * end of that statement, when every row is in (`23P01` when a bookable is taken). Nothing goes through
 * MikroORM's unit of work, which cost 9.3 ms of server CPU and 12 statements per benchmark create
 * against 3.4–4.3 ms and 5 now (bench/RESULTS.md, lever "set-based create").
 * @returns a read-only Appointment, as the read paths answer it (its links are `{ id }`).
 */
async function insertAppointment(
  em: EntityManager,
  ctx: Context,
  input: CreateAppointmentInput,
  links: ResolvedLinks & { customer?: { id: string } | null },
  endsAt: Date,
  payments: { amount: string; paymentKind: PaymentKind; paymentMethod?: string | null }[],
  buffers: { bufferBeforeMinutes: number; bufferAfterMinutes: number },
  extra: SeriesLink = {},
): Promise<Appointment> {
  const viewer = ctx.viewer!;
  const now = new Date();
  const meta = em.getMetadata().get(Appointment);
  const a = readOnlyInstance<Appointment>(meta, {
    id: uuidv7(), createdAt: now, updatedAt: now, organisation: viewer.organisationId,
    startsAt: input.startsAt!, endsAt, idempotencyKey: input.idempotencyKey ?? null, author: links.author?.id ?? viewer.userId,
    status: AppointmentStatus.PENDING, confirmed: false, medicalDependency: false, onEcr: false, animals: false, version: 1, bufferBeforeMinutes: buffers.bufferBeforeMinutes, bufferAfterMinutes: buffers.bufferAfterMinutes, ...extra,
  });
  applyScalars(a, input);
  for (const { key } of SINGLE_LINKS) if (links[key] !== undefined) (a as unknown as Record<string, unknown>)[key] = links[key] && { id: links[key]!.id };
  applyStatus(a, input.status ?? AppointmentStatus.PENDING, input.confirmed, now);
  const lists = { assistants: links.assistants ?? [], resources: links.resources ?? [], treatments: links.treatments ?? [] };
  const stamps = { createdAt: now, updatedAt: now, organisation: viewer.organisationId };
  const paymentRows = payments.map((p) => ({ ...stamps, id: uuidv7(), appointment: a.id, customer: a.customer ?? null, amount: p.amount, paymentKind: p.paymentKind, paymentMethod: p.paymentMethod ?? null, paidAt: now }));
  const paymentMeta = em.getMetadata().get(Payment);
  // Events staged earlier in the transaction (an inline customer, a consumed hold) come first, in this same statement.
  const events: OutboxRow[] = [
    ...takeStagedEvents(em),
    // Its code exists only once code_number has run: the statement adds it to the payload.
    { type: OutboxEventType.APPOINTMENT_CREATED, objectId: toGlobalId('Appointment', a.id), objectVersion: 1, payload: appointmentPayload(em, a, lists), payloadSql: `jsonb_build_object('code', ${NEXT_CODE_SQL})`, changes: null },
    ...paymentRows.map((p) => ({
      type: OutboxEventType.PAYMENT_RECORDED, objectId: toGlobalId('Payment', p.id), objectVersion: null,
      payload: entityPayload(em, readOnlyInstance<Payment>(paymentMeta, { ...p, customer: (p.customer as { id: string } | null)?.id ?? null })), changes: null,
    })),
  ];
  const [row] = await execute<{ code: string }>(em, combine([
    pivotInsertStatement(em, Appointment, 'assistants', a.id, lists.assistants.map((r) => r.id)),
    pivotInsertStatement(em, Appointment, 'resources', a.id, lists.resources.map((r) => r.id)),
    pivotInsertStatement(em, Appointment, 'treatments', a.id, lists.treatments.map((r) => r.id)),
    paymentRows.length ? insertStatement(em, Payment, paymentRows) : null,
    insertStatement(em, AppointmentEvent, [{ ...stamps, id: uuidv7(), appointment: a.id, actor: viewer.userId, action: AppointmentAction.CREATED, changes: withOverride(diff({}, snapshot(a, lists)), input.overrideAvailability), at: now }]),
    nextCodeNumber(viewer.organisationId),
    outboxInsertStatement(viewer.organisationId, events),
    keyResultStatement(em, Appointment, a.id),
    insertStatement(em, Appointment, [a as unknown as InsertRow], { expressions: { code: NEXT_CODE_SQL }, returning: 'code' }),
  ]));
  a.code = row!.code;
  return a;
}

/** What a series or a treatment plan adds to each appointment it books (src/modules/series): uuids and positions. */
export interface SeriesLink {
  series?: string | null;
  occurrence?: number | null;
  treatmentPlan?: string | null;
  sessionOrder?: number | null;
}

/**
 * The checks and the write of `createAppointment`, inside the caller's transaction: resolve links
 * (NOT_FOUND), check every rule (VALIDATION, INVALID_IIN, OUTSIDE_TIME_BAND, OUTSIDE_AVAILABILITY),
 * consume the hold, write. A series books each occurrence through it. `onRequest` receives what the
 * booking asked for, to explain an exclusion violation with (RESOURCE_UNAVAILABLE).
 * @throws UserErrorsException for a broken rule; GraphQLError FORBIDDEN / NOT_FOUND as createAppointment.
 */
export async function bookAppointment(em: EntityManager, ctx: Context, input: CreateAppointmentInput, onRequest: (request: BookingRequest) => void, extra: SeriesLink = {}): Promise<Appointment> {
  const viewer = ctx.viewer!;
  const errors = new UserErrorList();
  if (!input.startsAt) throw new UserErrorsException([UserError.of(UserErrorCode.VALIDATION, 'startsAt is required.', ['input', 'startsAt'])]);
  if (input.customerId && input.customer) errors.add(UserErrorCode.VALIDATION, 'Give customerId or an inline customer, not both.', ['input', 'customer']);
  if (input.treatmentIds && input.treatmentIds.length === 0) errors.add(UserErrorCode.VALIDATION, 'treatmentIds must name at least one treatment.', ['input', 'treatmentIds']);
  if (input.customer) validateCustomerFields(errors, input.customer, ['input', 'customer']);
  for (const [field, amount] of [['prepaidAmount', input.prepaidAmount], ['settlementAmount', input.settlementAmount]] as const) {
    const problem = amount != null ? moneyProblem(amount, viewer.currency) : null;
    if (problem) errors.add(UserErrorCode.VALIDATION, `${field} ${problem}.`, ['input', field]);
  }
  if (input.authorId && !ADMIN_ROLES.has(viewer.role)) {
    const named = fromGlobalId(input.authorId);
    if (named?.type !== 'User' || named.id !== viewer.userId) throw graphQLError('FORBIDDEN', 'Only OWNER or ADMIN may set another authorId.');
  }
  const links = await resolveLinks(em, viewer.organisationId, input);
  const endsAt = resolveEnd(errors, input.startsAt, input.endsAt, input.durationMinutes, links.treatments);
  const state = {
    startsAt: input.startsAt, endsAt, practitioner: links.practitioner, assistants: links.assistants ?? [], room: links.room, vehicle: links.vehicle,
    resources: links.resources ?? [], timeBand: links.timeBand, texts: input, serviceAmount: input.serviceAmount,
  };
  checkAppointment(errors, ctx, state);
  const payments = [
    ...(input.prepaidAmount != null ? [{ amount: input.prepaidAmount, paymentKind: PaymentKind.PREPAYMENT, paymentMethod: input.prepaidPaymentMethod }] : []),
    ...(input.settlementAmount != null ? [{ amount: input.settlementAmount, paymentKind: PaymentKind.SETTLEMENT, paymentMethod: input.settlementPaymentMethod }] : []),
  ];
  if (input.paymentStatus && errors.errors.length === 0) {
    const derived = paymentStatus(input.serviceAmount, payments);
    if (derived !== input.paymentStatus) {
      errors.add(UserErrorCode.VALIDATION, `paymentStatus ${input.paymentStatus} disagrees with the status derived from serviceAmount and payments (${derived}).`, ['input', 'paymentStatus']);
    }
  }
  errors.throwIfAny();
  const hold = input.holdId ? await lockHold(em, input.holdId, 'holdId') : null;
  if (hold) checkHoldMatches(hold, input.startsAt, endsAt!, scheduled(state).map((b) => b.id));
  const checked = await checkAvailability(em, ctx, { ...state, endsAt: endsAt!, location: links.location, treatments: links.treatments ?? [], overrideAvailability: input.overrideAvailability, holdId: hold?.id });
  onRequest(checked);
  // The hold's rows go before the appointment's are written: one transaction, so nobody else gets the slot in between.
  if (hold) {
    // A waitlist offer taken up: its entry is booked (src/modules/series/waitlist.service.ts).
    await em.nativeUpdate(WaitlistEntry, { offer: hold.id }, { status: WaitlistStatus.BOOKED, offer: null });
    // A hold whose expiry the sweeper processed has had its one event (hold.expired).
    if (!hold.sweptAt) stageEvent(em, { type: OutboxEventType.HOLD_RELEASED, objectId: toGlobalId('Hold', hold.id), payload: () => holdPayload(em, hold) });
    em.remove(hold);
    await em.flush();
  }

  const customer = input.customer ? await findOrCreateCustomer(em, ctx, input.customer) : links.customer;
  // An inline customer created just now must be a row before the appointment names it.
  if (input.customer) await em.flush();
  return insertAppointment(em, ctx, input, { ...links, customer }, endsAt!, payments, checked, extra);
}

/**
 * `createAppointment` (seeds 000, 001, 002). One transaction: resolve links (NOT_FOUND), check every
 * rule (VALIDATION, INVALID_IIN, OUTSIDE_TIME_BAND), then write the appointment, its inline customer,
 * its PREPAYMENT/SETTLEMENT payments and a CREATED history event. The exclusion constraint answers
 * RESOURCE_UNAVAILABLE; a replayed idempotency key answers the original (`replayed: true`).
 * @throws GraphQLError FORBIDDEN when a non-admin names another author (checked before any look-up,
 * so it does not tell whether that user exists); NOT_FOUND from {@link resolveLinks}.
 */
export async function createAppointment(ctx: Context, input: CreateAppointmentInput) {
  let request: BookingRequest | null = null;
  const payload = await runMutation(
    ctx,
    (em) => idempotent(em, ctx, 'createAppointment', input, Appointment, () => bookAppointment(em, ctx, input, (r) => { request = r; })),
    (error) => bookingConflicts(ctx, error, request),
    // Without a key to claim or a customer to create first, the booking is the one write.
    { singleStatement: input.idempotencyKey == null && !input.customer && !input.holdId },
  );
  return { conflicts: [], unavailability: [], ...payload };
}

/** A hold is consumed by the booking it was taken for: the same times and bookables, else VALIDATION. */
function checkHoldMatches(hold: Hold, startsAt: Date, endsAt: Date, bookableIds: string[]): void {
  const held = hold.bookables.map((b) => b.id).sort();
  const same = hold.startsAt.getTime() === startsAt.getTime() && hold.endsAt.getTime() === endsAt.getTime()
    && held.length === bookableIds.length && [...bookableIds].sort().every((id, i) => id === held[i]);
  if (!same) {
    throw new UserErrorsException([UserError.of(UserErrorCode.VALIDATION, `The appointment must have the hold's times (${hold.startsAt.toISOString()}–${hold.endsAt.toISOString()}) and bookables.`, ['input', 'holdId'])]);
  }
}

/** Loads the appointment to change under a row lock, and checks `expectedVersion`. */
export async function lockForChange(em: EntityManager, id: string, expectedVersion: number | null | undefined): Promise<Appointment> {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== 'Appointment') throw notFound('Appointment', id, 'id');
  const appointment = await em.findOne(Appointment, { id: decoded.id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['assistants', 'resources', 'treatments', 'timeBand', 'room', 'vehicle', 'practitioner'] });
  if (!appointment) throw notFound('Appointment', id, 'id');
  if (expectedVersion != null && expectedVersion !== appointment.version) {
    throw new UserErrorsException([
      UserError.of(UserErrorCode.STALE_VERSION, `The appointment is at version ${appointment.version}, not ${expectedVersion}: read it again and retry.`, ['input', 'expectedVersion']),
    ]);
  }
  return appointment;
}

function actionFor(changes: Record<string, unknown>, status: AppointmentStatus): AppointmentAction {
  if ('status' in changes) return status === AppointmentStatus.CANCELLED ? AppointmentAction.CANCELLED : AppointmentAction.STATUS_CHANGED;
  if ('startsAt' in changes || 'endsAt' in changes) return AppointmentAction.RESCHEDULED;
  return AppointmentAction.UPDATED;
}

/** Statuses that hold no bookables (the allocation trigger's `status not in ('CANCELLED', 'REJECTED')`). */
const RELEASED: ReadonlySet<AppointmentStatus> = new Set([AppointmentStatus.CANCELLED, AppointmentStatus.REJECTED]);
/** Changed fields after which an allocating appointment no longer holds all of its old range: times, bookables, treatments (buffers). */
const FREEING_FIELDS = ['startsAt', 'endsAt', 'practitionerId', 'roomId', 'vehicleId', 'assistantIds', 'resourceIds', 'treatmentIds'];

/**
 * The change of one locked appointment by `input` (the body of updateAppointment): the status machine
 * (INVALID_STATUS_TRANSITION), every rule of create again, a new `version` and a history event when
 * anything changed. `onRequest` receives what a move asked for, to explain a conflict with. When the
 * change frees the range the appointment held (CANCELLED or REJECTED, or a move of its times,
 * bookables or treatments), that old range is pushed onto `freed`, for the caller to offer to the
 * waitlist ({@link offerFreedSlots}) once every change of its mutation is written.
 */
export async function changeAppointment(em: EntityManager, ctx: Context, a: Appointment, input: UpdateAppointmentInput, onRequest: (request: BookingRequest) => void, freed?: FreedRange[]): Promise<Appointment> {
  const before = snapshot(a, heldLists(a));
  const held = { start: a.startsAt, end: a.endsAt, allocating: !RELEASED.has(a.status) };
  const errors = new UserErrorList();
  if (input.treatmentIds && input.treatmentIds.length === 0) errors.add(UserErrorCode.VALIDATION, 'treatmentIds must name at least one treatment.', ['input', 'treatmentIds']);
  if (input.startsAt === null) errors.add(UserErrorCode.VALIDATION, 'startsAt cannot be cleared.', ['input', 'startsAt']);
  if (input.status && !canTransition(a.status, input.status)) {
    errors.add(UserErrorCode.INVALID_STATUS_TRANSITION, `Cannot move an appointment from ${a.status} to ${input.status}.`, ['input', 'status']);
  }
  const links = await resolveLinks(em, ctx.viewer!.organisationId, input);
  const startsAt = input.startsAt ?? a.startsAt;
  const keptDuration = input.endsAt == null && input.durationMinutes == null ? Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000) : input.durationMinutes;
  const endsAt = resolveEnd(errors, startsAt, input.endsAt, keptDuration, links.treatments);
  const state = {
    startsAt, endsAt,
    practitioner: links.practitioner !== undefined ? links.practitioner : a.practitioner,
    assistants: links.assistants ?? a.assistants.getItems(),
    room: links.room !== undefined ? links.room : a.room,
    vehicle: links.vehicle !== undefined ? links.vehicle : a.vehicle,
    resources: links.resources ?? a.resources.getItems(),
    timeBand: links.timeBand !== undefined ? links.timeBand : a.timeBand,
    texts: input,
    serviceAmount: input.serviceAmount,
  };
  checkAppointment(errors, ctx, state);
  errors.throwIfAny();
  const releasing = input.status === AppointmentStatus.CANCELLED || input.status === AppointmentStatus.REJECTED;
  const moved = ['startsAt', 'endsAt', 'durationMinutes', 'practitionerId', 'assistantIds', 'roomId', 'vehicleId', 'resourceIds', 'treatmentIds', 'locationId']
    .some((key) => input[key as keyof UpdateAppointmentInput] !== undefined) || input.overrideAvailability != null;
  if (moved && !releasing) {
    const checked = await checkAvailability(em, ctx, {
      ...state, id: a.id, endsAt: endsAt!, location: links.location !== undefined ? links.location : a.location,
      treatments: links.treatments ?? a.treatments.getItems(), overrideAvailability: input.overrideAvailability,
    });
    onRequest(checked);
    // An appointment keeps the buffers it was booked with until its treatments change.
    if (links.treatments) {
      a.bufferBeforeMinutes = checked.bufferBeforeMinutes;
      a.bufferAfterMinutes = checked.bufferAfterMinutes;
    }
  }

  const now = new Date();
  a.startsAt = startsAt;
  a.endsAt = endsAt!;
  applyScalars(a, input);
  applyLinks(em, a, links);
  applyStatus(a, input.status ?? a.status, input.confirmed, now);
  const changed = diff(before, snapshot(a, heldLists(a)));
  const changes = Object.keys(changed).length ? withOverride(changed, input.overrideAvailability) : changed;
  if (Object.keys(changes).length) {
    a.version += 1;
    const action = actionFor(changes, a.status);
    recordEvent(em, ctx, a, action, changes);
    stageAppointmentEvent(em, a, action, changes);
  }
  await em.flush();
  if (freed && held.allocating && (RELEASED.has(a.status) || FREEING_FIELDS.some((key) => key in changes))) freed.push({ start: held.start, end: held.end });
  return a;
}

/** The open occurrences a series-scoped change also applies to, locked, and the series' zone. @throws UserErrorsException VALIDATION for a scope outside a series. */
async function seriesScope(em: EntityManager, a: Appointment, scope: SeriesScope | null | undefined): Promise<{ others: Appointment[]; zone: string }> {
  if (!scope || scope === SeriesScope.THIS) return { others: [], zone: '' };
  if (!a.series) throw new UserErrorsException([UserError.of(UserErrorCode.VALIDATION, `scope ${scope} applies to appointments of a series; this one is in none.`, ['input', 'scope'])]);
  const series = await em.findOneOrFail(AppointmentSeries, a.series.id);
  const others = await em.find(Appointment, {
    series: series.id, id: { $ne: a.id }, deletedAt: null, status: { $in: [AppointmentStatus.PENDING, AppointmentStatus.APPROVED] },
    ...(scope === SeriesScope.THIS_AND_FOLLOWING ? { occurrence: { $gt: a.occurrence ?? 0 } } : {}),
  }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { occurrence: 'asc' }, populate: ['assistants', 'resources', 'treatments', 'timeBand', 'room', 'vehicle', 'practitioner'] });
  return { others, zone: series.timeZone };
}

/** The input of a series-scoped change for another occurrence: the same fields, its times moved as the named one's. */
function scopedInput(input: UpdateAppointmentInput, from: Date, other: Appointment, zone: string): UpdateAppointmentInput {
  const copy = Object.assign(new UpdateAppointmentInput(), input, { id: toGlobalId('Appointment', other.id), expectedVersion: null, scope: null });
  if (input.startsAt) copy.startsAt = shiftWallClock(other.startsAt, from, input.startsAt, zone);
  const start = copy.startsAt ?? other.startsAt;
  // A new end or duration of the named one gives every other its new length; else each keeps its own.
  if (input.endsAt) copy.endsAt = new Date(start.getTime() + (input.endsAt.getTime() - (input.startsAt ?? from).getTime()));
  else if (input.startsAt && input.durationMinutes == null) copy.durationMinutes = Math.round((other.endsAt.getTime() - other.startsAt.getTime()) / 60_000);
  return copy;
}

/**
 * `updateAppointment` (seed 003): partial update under a row lock; checks STALE_VERSION, the status
 * machine (INVALID_STATUS_TRANSITION) and every rule of create again; bumps `version` and writes a
 * history event when anything changed. A busy slot answers RESOURCE_UNAVAILABLE. With a series
 * `scope`, every open occurrence in scope gets the same change in the same transaction (all or
 * nothing), each with its own version and history; later ones move first when the change moves later.
 */
export async function updateAppointment(ctx: Context, input: UpdateAppointmentInput) {
  let request: BookingRequest | null = null;
  let changed: Appointment[] = [];
  const payload = await runMutation(
    ctx,
    async (em) => {
      const a = await lockForChange(em, input.id, input.expectedVersion);
      const { others, zone } = await seriesScope(em, a, input.scope);
      const from = a.startsAt;
      const targets = [{ appointment: a, change: input }, ...others.map((o) => ({ appointment: o, change: scopedInput(input, from, o, zone) }))];
      // Moving later, the latest goes first (and earliest first moving earlier), so that no occurrence lands on one not yet moved.
      const later = input.startsAt != null && input.startsAt.getTime() > from.getTime();
      targets.sort((x, y) => (later ? -1 : 1) * (x.appointment.startsAt.getTime() - y.appointment.startsAt.getTime()));
      const freed: FreedRange[] = [];
      for (const t of targets) await changeAppointment(em, ctx, t.appointment, t.change, (r) => { request = r; }, freed);
      // Offered only after every occurrence has moved, so an offer never takes a range another occurrence moves into.
      await offerFreedSlots(em, ctx, freed);
      changed = [a, ...others].sort((x, y) => (x.occurrence ?? 0) - (y.occurrence ?? 0));
      return { result: a };
    },
    (error) => bookingConflicts(ctx, error, request),
  );
  return { conflicts: [], unavailability: [], ...payload, appointments: payload.result ? changed : [] };
}

/** Cancels one locked appointment: the status move, the reason and note, a new version and a history event. */
async function cancelOne(em: EntityManager, ctx: Context, a: Appointment, input: CancelAppointmentInput, reason: CancellationReason | null | undefined): Promise<void> {
  const before = snapshot(a, heldLists(a));
  if (reason !== undefined) a.cancellationReason = reason;
  if (input.cancellationNote !== undefined) a.cancellationNote = input.cancellationNote;
  applyStatus(a, AppointmentStatus.CANCELLED, undefined, new Date());
  a.version += 1;
  const changes = diff(before, snapshot(a, heldLists(a)));
  recordEvent(em, ctx, a, AppointmentAction.CANCELLED, changes);
  stageAppointmentEvent(em, a, AppointmentAction.CANCELLED, changes);
}

/**
 * `cancelAppointment`: status CANCELLED (allowed from PENDING and APPROVED), stamps cancelledAt, frees
 * the slot. With a series `scope`, the open occurrences in scope are cancelled too, each with its own
 * version and history event.
 */
export async function cancelAppointment(ctx: Context, input: CancelAppointmentInput) {
  let cancelled: Appointment[] = [];
  const payload = await runMutation(ctx, async (em) => {
    const a = await lockForChange(em, input.id, input.expectedVersion);
    const errors = new UserErrorList();
    if (!canTransition(a.status, AppointmentStatus.CANCELLED) || a.status === AppointmentStatus.CANCELLED) {
      errors.add(UserErrorCode.INVALID_STATUS_TRANSITION, `Cannot cancel an appointment that is ${a.status}.`, ['input', 'id']);
    }
    if (input.cancellationNote != null && input.cancellationNote.length > MAX_TEXT) {
      errors.add(UserErrorCode.VALIDATION, `cancellationNote must be at most ${MAX_TEXT} characters.`, ['input', 'cancellationNote']);
    }
    const reason = await findOptional(em, CancellationReason, input.cancellationReasonId, 'cancellationReasonId');
    errors.throwIfAny();
    const { others } = await seriesScope(em, a, input.scope);
    cancelled = [a, ...others].sort((x, y) => (x.occurrence ?? 0) - (y.occurrence ?? 0));
    for (const one of cancelled) await cancelOne(em, ctx, one, input, reason);
    await em.flush();
    // The freed slots go to the waitlist, in join order.
    await offerFreedSlots(em, ctx, cancelled.map((one) => ({ start: one.startsAt, end: one.endsAt })));
    return { result: a };
  });
  return { conflicts: [], ...payload, appointments: payload.result ? cancelled : [] };
}
