import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { createLoaders, type Loaders } from '../../app/loaders.js';
import { graphQLError } from '../../shared/errors.js';
import { fromGlobalId } from '../../shared/global-id.js';
import { TENANT_FILTER } from '../../shared/tenant.entity.js';
import { AppointmentAction } from '../appointment/appointment-event.entity.js';
import { EventStream } from './event-stream.js';
import { AppointmentChange, ScheduleChange, ScheduleChangeKind, type AppointmentEventFilter } from './events.types.js';
import type { OutboxHub, OutboxRecord } from './outbox-hub.js';

/** What a subscription's context holds beyond a request's (set by src/modules/events/subscription-server.ts). */
export interface SubscriptionContext extends Context {
  live?: {
    hub: OutboxHub;
    orm: MikroORM;
    /** Events one subscription may hold undelivered (SUBSCRIPTION_MAX_BUFFER). */
    maxBuffered: number;
  };
}

/** Most bookables `scheduleChanged` watches at once. */
export const MAX_WATCHED_BOOKABLES = 100;

function resumeExpired() {
  return new GraphQLError('Events after resumeAfter are no longer kept (OUTBOX_RETENTION_HOURS): reload what you show, then subscribe without resumeAfter.', { extensions: { code: 'RESUME_EXPIRED' } });
}

/** A resume point: an event id (a positive bigint, as decimal digits). */
const EVENT_ID = /^\d{1,18}$/;

type State = Record<string, unknown>;

/** The object after the change and, when the change altered fields, before it. */
function statesOf(record: OutboxRecord): State[] {
  const after = record.payload;
  if (!record.changes || Object.keys(record.changes).length === 0) return [after];
  const before: State = { ...after };
  for (const [key, change] of Object.entries(record.changes)) if (key in after) before[key] = change.before;
  return [after, before];
}

const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

function overlaps(state: State, from: Date | null | undefined, to: Date | null | undefined): boolean {
  if (from && !(new Date(String(state.endsAt)).getTime() > from.getTime())) return false;
  if (to && !(new Date(String(state.startsAt)).getTime() < to.getTime())) return false;
  return true;
}

function matchesFilter(state: State, filter: AppointmentEventFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.practitionerId && state.practitionerId !== filter.practitionerId && !list(state.assistantIds).includes(filter.practitionerId)) return false;
  if (filter.resourceId && state.roomId !== filter.resourceId && state.vehicleId !== filter.resourceId && !list(state.resourceIds).includes(filter.resourceId)) return false;
  if (filter.locationId && state.locationId !== filter.locationId) return false;
  if (filter.customerId && state.customerId !== filter.customerId) return false;
  return overlaps(state, filter.from, filter.to);
}

const ACTION_OF_TYPE: Record<string, AppointmentAction> = {
  'appointment.created': AppointmentAction.CREATED,
  'appointment.updated': AppointmentAction.UPDATED,
  'appointment.rescheduled': AppointmentAction.RESCHEDULED,
  'appointment.status_changed': AppointmentAction.STATUS_CHANGED,
  'appointment.cancelled': AppointmentAction.CANCELLED,
};

/** The bookables an appointment or hold state takes, as global ids. */
function bookablesOf(state: State): string[] {
  if ('bookableIds' in state) return list(state.bookableIds);
  return [state.practitionerId, ...list(state.assistantIds), state.roomId, state.vehicleId, ...list(state.resourceIds)].filter((id): id is string => typeof id === 'string');
}

/** One EntityManager fork and its loaders, shared by every subscriber of the organisation that sends an event of one outbox read. */
interface SharedReads {
  organisationId: string;
  em: EntityManager;
  loaders: Loaders;
}

/** Per outbox read (the array the hub hands to every listener of the organisation, or one replay page): its reads. */
const readsOfBatch = new WeakMap<OutboxRecord[], SharedReads>();
/** Per value a stream sends: the outbox read it came from. */
const batchOfValue = new WeakMap<object, OutboxRecord[]>();

/**
 * Points the subscription's context at the reads of the outbox read `value` came from, creating them
 * (a new EntityManager fork and new loaders, like a request's) for the first subscriber that sends one
 * of its events. A subscription lives for hours: its own loaders would answer what they cached at the
 * first event. Shared, the 500 subscribers that send one event load its appointment with one statement,
 * not 500 (bench/RESULTS.md, "Live events"). The reads are scoped to the organisation, as a request's,
 * and shared only between its own subscribers; every resolver still runs with the subscriber's own
 * context and viewer, so role rules apply per subscriber.
 */
function useReads(ctx: SubscriptionContext, organisationId: string, value: object): void {
  const batch = batchOfValue.get(value);
  let reads = batch && readsOfBatch.get(batch);
  if (!reads || reads.organisationId !== organisationId) {
    const em = ctx.live!.orm.em.fork({ clear: true, useContext: false });
    em.setFilterParams(TENANT_FILTER, { organisationId });
    reads = { organisationId, em, loaders: createLoaders(em, organisationId) };
    if (batch) readsOfBatch.set(batch, reads);
  }
  ctx.em = reads.em;
  ctx.loaders = reads.loaders;
}

/**
 * Streams the organisation's outbox events that `select` maps to something, in commit order: first
 * those after `resumeAfter` (read from the outbox, paused while the subscriber is behind), then live
 * ones, each exactly once. @throws GraphQLError UNAUTHENTICATED, BAD_REQUEST (not over WebSocket),
 * BAD_USER_INPUT (resumeAfter), RESUME_EXPIRED (events after resumeAfter were pruned).
 */
async function outboxStream<T extends object>(ctx: SubscriptionContext, resumeAfter: string | null | undefined, select: (record: OutboxRecord) => T | null): Promise<EventStream<T>> {
  const viewer = requireViewer(ctx);
  if (!ctx.live) throw graphQLError('BAD_REQUEST', 'Subscriptions run over WebSocket (the graphql-transport-ws protocol) at /graphql, not over HTTP.');
  if (resumeAfter != null && !EVENT_ID.test(resumeAfter)) throw graphQLError('BAD_USER_INPUT', 'resumeAfter must be an eventId received before (decimal digits).', { field: 'resumeAfter' });
  const { hub, maxBuffered } = ctx.live;
  const organisationId = viewer.organisationId;
  const stream = new EventStream<T>(maxBuffered);
  let last: bigint | null = null;
  let held: OutboxRecord[] | null = [];
  const deliver = (records: OutboxRecord[]) => {
    for (const record of records) {
      const id = BigInt(record.id);
      if (last !== null && id <= last) continue;
      last = id;
      const value = select(record);
      if (value === null) continue;
      batchOfValue.set(value, records);
      stream.push(value);
    }
  };
  // Live events are held back until the replay has caught up; the subscription opens before the replay reads, so nothing falls between.
  const subscription = await hub.subscribe(organisationId, (records) => (held ? held.push(...records) : deliver(records)));
  stream.onClose = () => subscription.unsubscribe();
  stream.onDeliver = (value) => useReads(ctx, organisationId, value);
  try {
    if (resumeAfter != null) {
      last = BigInt(resumeAfter);
      const expired = async () => BigInt(await hub.prunedUpTo(organisationId)) > BigInt(resumeAfter);
      if (await expired()) throw resumeExpired();
      for (;;) {
        const records = await hub.readAfter(organisationId, String(last));
        deliver(records);
        if (records.length === 0 || stream.ended) break;
        await stream.drained();
      }
      // Pruned while the replay read: some of what it should have sent may be gone.
      if (await expired()) stream.fail(resumeExpired());
    } else {
      last = BigInt(subscription.cursor);
    }
    const waiting = held;
    held = null;
    deliver(waiting);
  } catch (error) {
    subscription.unsubscribe();
    throw error;
  }
  return stream;
}

/** `appointmentEvents`: the organisation's appointment changes that match `filter`. */
export function appointmentChanges(ctx: SubscriptionContext, filter: AppointmentEventFilter | null | undefined, resumeAfter: string | null | undefined) {
  for (const key of ['practitionerId', 'resourceId', 'locationId', 'customerId'] as const) {
    const id = filter?.[key];
    if (id != null && !fromGlobalId(id)) throw graphQLError('BAD_USER_INPUT', `filter.${key} is not an id.`, { field: `filter.${key}` });
  }
  return outboxStream(ctx, resumeAfter, (record) => {
    const type = ACTION_OF_TYPE[record.type];
    if (!type || !statesOf(record).some((state) => matchesFilter(state, filter))) return null;
    return Object.assign(new AppointmentChange(), {
      eventId: record.id, type, occurredAt: record.occurred_at, appointmentUuid: fromGlobalId(record.object_id)!.id,
      version: record.object_version ?? 1, changedFields: Object.keys(record.changes ?? {}),
    });
  });
}

/**
 * `scheduleChanged`: appointment and hold events that touch any of `bookableIds` over `[from, to)`,
 * before or after the change. @throws GraphQLError BAD_USER_INPUT (no or too many bookables, `to` not after `from`).
 */
export function scheduleChanges(ctx: SubscriptionContext, bookableIds: string[], from: Date, to: Date, resumeAfter: string | null | undefined) {
  if (bookableIds.length === 0 || bookableIds.length > MAX_WATCHED_BOOKABLES) throw graphQLError('BAD_USER_INPUT', `bookableIds must name 1 to ${MAX_WATCHED_BOOKABLES} members or resources.`, { field: 'bookableIds' });
  if (!(to.getTime() > from.getTime())) throw graphQLError('BAD_USER_INPUT', 'to must be after from.', { field: 'to' });
  const watched = new Set(bookableIds);
  const kinds = new Set<string>(Object.values(ScheduleChangeKind));
  return outboxStream(ctx, resumeAfter, (record) => {
    if (!kinds.has(record.type)) return null;
    const states = statesOf(record);
    const touched = new Set(states.filter((s) => overlaps(s, from, to)).flatMap((s) => bookablesOf(s).filter((id) => watched.has(id))));
    if (touched.size === 0) return null;
    const [after, before] = states as [State, State | undefined];
    const moved = before && (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt);
    const uuid = fromGlobalId(record.object_id)!.id;
    return Object.assign(new ScheduleChange(), {
      eventId: record.id, type: record.type as ScheduleChangeKind, occurredAt: record.occurred_at, bookableIds: [...touched],
      startsAt: new Date(String(after.startsAt)), endsAt: new Date(String(after.endsAt)),
      previousStartsAt: moved ? new Date(String(before.startsAt)) : null, previousEndsAt: moved ? new Date(String(before.endsAt)) : null,
      appointmentUuid: record.type.startsWith('appointment.') ? uuid : null, holdUuid: record.type.startsWith('hold.') ? uuid : null,
    });
  });
}
