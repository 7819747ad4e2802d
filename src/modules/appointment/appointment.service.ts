import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { ADMIN_ROLES } from '../user/user-role.js';
import { graphQLError, notFound, UserError, UserErrorCode, UserErrorList, UserErrorsException } from '../../shared/errors.js';
import { fromGlobalId, toGlobalId } from '../../shared/global-id.js';
import { findAllByGlobalIds, findOptional } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { CancellationReason, Case, ClientPackage } from '../care/care.entities.js';
import { Company } from '../company/company.entity.js';
import { findOrCreateCustomer, validateCustomerFields } from '../customer/customer.service.js';
import { Customer } from '../customer/customer.entity.js';
import { TimeBand } from '../field-service/field-service.entities.js';
import { Operation } from '../field-service/operation.entity.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { Location } from '../location/location.entity.js';
import { Payment, PaymentKind } from '../payment/payment.entity.js';
import { Resource, ResourceKind } from '../resource/resource.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';
import { User } from '../user/user.entity.js';
import { findMember, findMemberUsers } from '../user/user.service.js';
import { AppointmentAction, AppointmentEvent } from './appointment-event.entity.js';
import { AppointmentStatus, canTransition } from './appointment-status.js';
import { Appointment } from './appointment.entity.js';
import type { AppointmentFieldsInput, CancelAppointmentInput, CreateAppointmentInput, UpdateAppointmentInput } from './appointment.inputs.js';
import { BookingConflictKind, type BookingConflict } from './appointment.payloads.js';
import { isInsideTimeBand, moneyProblem } from './appointment.rules.js';
import { paymentStatus } from './payment-status.js';

/** Longest staff note, reason or comment (spec: notes and reasons at most 1,000 characters). */
export const MAX_TEXT = 1000;
const TEXT_FIELDS = ['notes', 'clientComment', 'onEcrNotes', 'cancellationNote'] as const;
const EXCLUSION_VIOLATION = '23P01';
const ALLOCATION_CONSTRAINT = 'appointment_allocation_no_overlap';

/** The links of an appointment input, resolved to entities of the caller's organisation (undefined: not given). */
interface ResolvedLinks {
  customer?: Customer | null;
  practitioner?: User | null;
  assistants?: User[];
  location?: Location | null;
  room?: Resource | null;
  vehicle?: Resource | null;
  resources?: Resource[];
  treatments?: Treatment[];
  interaction?: Interaction | null;
  operation?: Operation | null;
  timeBand?: TimeBand | null;
  case?: Case | null;
  clientPackage?: ClientPackage | null;
  company?: Company | null;
  parentAppointment?: Appointment | null;
  cancellationReason?: CancellationReason | null;
}

/** Resolves every link id of the input. @throws GraphQLError NOT_FOUND for an id not in the organisation. */
async function resolveLinks(em: EntityManager, input: AppointmentFieldsInput): Promise<ResolvedLinks> {
  const links: ResolvedLinks = {};
  if (input.customerId !== undefined) links.customer = await findOptional(em, Customer, input.customerId, 'customerId');
  if (input.practitionerId !== undefined) links.practitioner = input.practitionerId === null ? null : await findMember(em, input.practitionerId, 'practitionerId');
  if (input.assistantIds != null) links.assistants = await findMemberUsers(em, input.assistantIds, 'assistantIds');
  if (input.locationId !== undefined) links.location = await findOptional(em, Location, input.locationId, 'locationId');
  if (input.roomId !== undefined) links.room = await findOptional(em, Resource, input.roomId, 'roomId');
  if (input.vehicleId !== undefined) links.vehicle = await findOptional(em, Resource, input.vehicleId, 'vehicleId');
  if (input.resourceIds != null) links.resources = await findAllByGlobalIds(em, Resource, input.resourceIds, 'resourceIds');
  if (input.treatmentIds != null) links.treatments = await findAllByGlobalIds(em, Treatment, input.treatmentIds, 'treatmentIds');
  if (input.interactionId !== undefined) links.interaction = await findOptional(em, Interaction, input.interactionId, 'interactionId');
  if (input.operationId !== undefined) links.operation = await findOptional(em, Operation, input.operationId, 'operationId');
  if (input.timeBandId !== undefined) links.timeBand = await findOptional(em, TimeBand, input.timeBandId, 'timeBandId');
  if (input.caseId !== undefined) links.case = await findOptional(em, Case, input.caseId, 'caseId');
  if (input.clientPackageId !== undefined) links.clientPackage = await findOptional(em, ClientPackage, input.clientPackageId, 'clientPackageId');
  if (input.companyId !== undefined) links.company = await findOptional(em, Company, input.companyId, 'companyId');
  if (input.parentAppointmentId !== undefined) links.parentAppointment = await findOptional(em, Appointment, input.parentAppointmentId, 'parentAppointmentId');
  if (input.cancellationReasonId !== undefined) links.cancellationReason = await findOptional(em, CancellationReason, input.cancellationReasonId, 'cancellationReasonId');
  return links;
}

/**
 * Computes the end: `endsAt`, else `startsAt + durationMinutes`, else the sum of the treatments'
 * durations. Adds VALIDATION errors for a missing, non-positive or contradictory end.
 */
function resolveEnd(errors: UserErrorList, startsAt: Date, endsAt: Date | null | undefined, durationMinutes: number | null | undefined, treatments: Treatment[] | undefined): Date | null {
  if (durationMinutes != null && (!Number.isInteger(durationMinutes) || durationMinutes <= 0)) {
    errors.add(UserErrorCode.VALIDATION, 'durationMinutes must be a positive whole number of minutes.', ['input', 'durationMinutes']);
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
  return end;
}

/** The rules an appointment must satisfy after any write (create and update alike). */
function checkAppointment(errors: UserErrorList, ctx: Context, a: {
  startsAt: Date; endsAt: Date | null; practitioner?: User | null; assistants: User[]; room?: Resource | null; vehicle?: Resource | null;
  resources: Resource[]; timeBand?: TimeBand | null; texts: Partial<Record<(typeof TEXT_FIELDS)[number], string | null | undefined>>; serviceAmount?: string | null;
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
  if (a.timeBand && a.endsAt && !isInsideTimeBand(a.startsAt, a.endsAt, a.timeBand, ctx.viewer!.timeZone)) {
    errors.add(
      UserErrorCode.OUTSIDE_TIME_BAND,
      `The appointment must lie within time band ${a.timeBand.name} (${a.timeBand.startTime}–${a.timeBand.endTime} ${ctx.viewer!.timeZone}).`,
      ['input', 'timeBandId'],
    );
  }
}

/** Next appointment code of the organisation, e.g. `APT-000042` (a database sequence: unique, never reused). */
async function nextCode(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('appointment_code_seq') as n`);
  return `APT-${String(row!.n).padStart(6, '0')}`;
}

/** The comparable state of an appointment, for the audit trail: scalars as JSON, links as global ids. */
function snapshot(a: Appointment): Record<string, unknown> {
  const link = (type: string, e: { id: string } | null | undefined) => (e ? toGlobalId(type, e.id) : null);
  const ids = (type: string, c: { getItems(): { id: string }[]; isInitialized(): boolean }) => (c.isInitialized() ? c.getItems().map((e) => toGlobalId(type, e.id)).sort() : undefined);
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
    assistantIds: ids('User', a.assistants), resourceIds: ids('Resource', a.resources), treatmentIds: ids('Treatment', a.treatments),
  };
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key])) changes[key] = { before: before[key] ?? null, after: after[key] };
  }
  return changes;
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

function applyLinks(a: Appointment, links: ResolvedLinks): void {
  const single = ['customer', 'practitioner', 'location', 'room', 'vehicle', 'interaction', 'operation', 'timeBand', 'case', 'clientPackage', 'company', 'parentAppointment', 'cancellationReason'] as const;
  for (const key of single) if (links[key] !== undefined) (a as unknown as Record<string, unknown>)[key] = links[key];
  if (links.assistants) a.assistants.set(links.assistants);
  if (links.resources) a.resources.set(links.resources);
  if (links.treatments) a.treatments.set(links.treatments);
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
 * are held, and by which appointments. Answers RESOURCE_UNAVAILABLE userErrors with `conflicts`.
 */
async function bookingConflicts(ctx: Context, error: unknown, request: { id?: string; startsAt: Date; endsAt: Date; bookables: { kind: BookingConflictKind; id: string }[] } | null): Promise<UserErrorsException | null> {
  const cause = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = cause?.code ?? cause?.cause?.code;
  const constraint = cause?.constraint ?? cause?.cause?.constraint;
  if (code !== EXCLUSION_VIOLATION && constraint !== ALLOCATION_CONSTRAINT && !String((error as Error)?.message).includes(ALLOCATION_CONSTRAINT)) return null;
  const conflicts: BookingConflict[] = [];
  if (request?.bookables.length) {
    const em = ctx.em.fork({ clear: true });
    const rows = await em.execute<{ appointment_id: string; bookable_id: string }[]>(
      `select distinct appointment_id, bookable_id from appointment_allocation
        where organisation_id = ? and bookable_id in (?) and during && tstzrange(?, ?, '[)') and appointment_id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
        order by appointment_id, bookable_id`,
      [ctx.viewer!.organisationId, request.bookables.map((b) => b.id), request.startsAt, request.endsAt, request.id ?? null],
    );
    for (const row of rows) {
      for (const wanted of request.bookables.filter((b) => b.id === row.bookable_id)) {
        const isUser = wanted.kind === BookingConflictKind.PRACTITIONER || wanted.kind === BookingConflictKind.ASSISTANT;
        const bookable = isUser ? await ctx.loaders.byId(User).load(row.bookable_id) : await ctx.loaders.byId(Resource).load(row.bookable_id);
        const appointment = await ctx.loaders.byId(Appointment).load(row.appointment_id);
        if (bookable && appointment) conflicts.push({ kind: wanted.kind, bookable, appointment });
      }
    }
  }
  const names = conflicts.map((c) => `${c.kind.toLowerCase()} ${c.bookable.name} is held by appointment ${toGlobalId('Appointment', c.appointment.id)} (${c.appointment.code})`);
  const message = names.length ? `Not available: ${names.join('; ')}.` : 'A requested practitioner or resource is already booked at an overlapping time.';
  return new UserErrorsException([UserError.of(UserErrorCode.RESOURCE_UNAVAILABLE, message, ['input'])], { conflicts });
}

function bookablesOf(a: { practitioner?: User | null; assistants: User[]; room?: Resource | null; vehicle?: Resource | null; resources: Resource[] }) {
  return [
    ...(a.practitioner ? [{ kind: BookingConflictKind.PRACTITIONER, id: a.practitioner.id }] : []),
    ...a.assistants.map((u) => ({ kind: BookingConflictKind.ASSISTANT, id: u.id })),
    ...(a.room ? [{ kind: BookingConflictKind.ROOM, id: a.room.id }] : []),
    ...(a.vehicle ? [{ kind: BookingConflictKind.VEHICLE, id: a.vehicle.id }] : []),
    ...a.resources.map((r) => ({ kind: BookingConflictKind.RESOURCE, id: r.id })),
  ];
}

/**
 * `createAppointment` (seeds 000, 001, 002). One transaction: resolve links (NOT_FOUND), check every
 * rule (VALIDATION, INVALID_IIN, OUTSIDE_TIME_BAND), then write the appointment, its inline customer,
 * its PREPAYMENT/SETTLEMENT payments and a CREATED history event. The exclusion constraint answers
 * RESOURCE_UNAVAILABLE; a replayed idempotency key answers the original (`replayed: true`).
 * @throws GraphQLError FORBIDDEN when a non-admin names another author.
 */
export async function createAppointment(ctx: Context, input: CreateAppointmentInput) {
  let request: Parameters<typeof bookingConflicts>[2] = null;
  const payload = await runMutation(
    ctx,
    (em) =>
      idempotent(em, ctx, 'createAppointment', input, Appointment, async () => {
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
        let author = em.getReference(User, viewer.userId);
        if (input.authorId) {
          const named = await findMember(em, input.authorId, 'authorId');
          if (named.id !== viewer.userId && !ADMIN_ROLES.has(viewer.role)) throw graphQLError('FORBIDDEN', 'Only OWNER or ADMIN may set another authorId.');
          author = named;
        }
        const links = await resolveLinks(em, input);
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
        request = { startsAt: input.startsAt, endsAt: endsAt!, bookables: bookablesOf(state) };

        const now = new Date();
        const customer = input.customer ? await findOrCreateCustomer(em, ctx, input.customer) : links.customer;
        const appointment = em.create(Appointment, {
          organisation: viewer.organisationId,
          code: await nextCode(em),
          startsAt: input.startsAt,
          endsAt: endsAt!,
          idempotencyKey: input.idempotencyKey ?? null,
          author,
        });
        applyScalars(appointment, input);
        applyLinks(appointment, { ...links, customer });
        applyStatus(appointment, input.status ?? AppointmentStatus.PENDING, input.confirmed, now);
        for (const p of payments) {
          em.create(Payment, { organisation: viewer.organisationId, appointment, customer: appointment.customer ?? null, amount: p.amount, paymentKind: p.paymentKind, paymentMethod: p.paymentMethod ?? null, paidAt: now });
        }
        recordEvent(em, ctx, appointment, AppointmentAction.CREATED, diff({}, snapshot(appointment)));
        await em.flush();
        return appointment;
      }),
    (error) => bookingConflicts(ctx, error, request),
  );
  return { conflicts: [], ...payload };
}

/** Loads the appointment to change under a row lock, and checks `expectedVersion`. */
async function lockForChange(em: EntityManager, id: string, expectedVersion: number | null | undefined): Promise<Appointment> {
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

/**
 * `updateAppointment` (seed 003): partial update under a row lock; checks STALE_VERSION, the status
 * machine (INVALID_STATUS_TRANSITION) and every rule of create again; bumps `version` and writes a
 * history event when anything changed. A busy slot answers RESOURCE_UNAVAILABLE.
 */
export async function updateAppointment(ctx: Context, input: UpdateAppointmentInput) {
  let request: Parameters<typeof bookingConflicts>[2] = null;
  const payload = await runMutation(
    ctx,
    async (em) => {
      const a = await lockForChange(em, input.id, input.expectedVersion);
      const before = snapshot(a);
      const errors = new UserErrorList();
      if (input.treatmentIds && input.treatmentIds.length === 0) errors.add(UserErrorCode.VALIDATION, 'treatmentIds must name at least one treatment.', ['input', 'treatmentIds']);
      if (input.startsAt === null) errors.add(UserErrorCode.VALIDATION, 'startsAt cannot be cleared.', ['input', 'startsAt']);
      if (input.status && !canTransition(a.status, input.status)) {
        errors.add(UserErrorCode.INVALID_STATUS_TRANSITION, `Cannot move an appointment from ${a.status} to ${input.status}.`, ['input', 'status']);
      }
      const links = await resolveLinks(em, input);
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
      request = { id: a.id, startsAt, endsAt: endsAt!, bookables: bookablesOf(state) };

      const now = new Date();
      a.startsAt = startsAt;
      a.endsAt = endsAt!;
      applyScalars(a, input);
      applyLinks(a, links);
      applyStatus(a, input.status ?? a.status, input.confirmed, now);
      const changes = diff(before, snapshot(a));
      if (Object.keys(changes).length) {
        a.version += 1;
        recordEvent(em, ctx, a, actionFor(changes, a.status), changes);
      }
      await em.flush();
      return { result: a };
    },
    (error) => bookingConflicts(ctx, error, request),
  );
  return { conflicts: [], ...payload };
}

/** `cancelAppointment`: status CANCELLED (allowed from PENDING and APPROVED), stamps cancelledAt, frees the slot. */
export async function cancelAppointment(ctx: Context, input: CancelAppointmentInput) {
  const payload = await runMutation(ctx, async (em) => {
    const a = await lockForChange(em, input.id, input.expectedVersion);
    const before = snapshot(a);
    const errors = new UserErrorList();
    if (!canTransition(a.status, AppointmentStatus.CANCELLED) || a.status === AppointmentStatus.CANCELLED) {
      errors.add(UserErrorCode.INVALID_STATUS_TRANSITION, `Cannot cancel an appointment that is ${a.status}.`, ['input', 'id']);
    }
    if (input.cancellationNote != null && input.cancellationNote.length > MAX_TEXT) {
      errors.add(UserErrorCode.VALIDATION, `cancellationNote must be at most ${MAX_TEXT} characters.`, ['input', 'cancellationNote']);
    }
    const reason = await findOptional(em, CancellationReason, input.cancellationReasonId, 'cancellationReasonId');
    errors.throwIfAny();
    if (reason !== undefined) a.cancellationReason = reason;
    if (input.cancellationNote !== undefined) a.cancellationNote = input.cancellationNote;
    applyStatus(a, AppointmentStatus.CANCELLED, undefined, new Date());
    a.version += 1;
    recordEvent(em, ctx, a, AppointmentAction.CANCELLED, diff(before, snapshot(a)));
    await em.flush();
    return { result: a };
  });
  return { conflicts: [], ...payload };
}

