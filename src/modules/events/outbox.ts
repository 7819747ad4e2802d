import { ReferenceKind, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { storedProperties } from '../../db/columns.js';
import type { Statement } from '../../db/insert.js';
import { toGlobalId } from '../../shared/global-id.js';
import { canonicalDecimal } from '../../shared/scalars.js';

/**
 * The event types of the outbox (`outbox_event.type`), as webhooks and subscriptions name them.
 * An appointment write gives exactly one appointment event: the first of cancelled, status changed,
 * rescheduled, updated that applies.
 */
export const OutboxEventType = {
  APPOINTMENT_CREATED: 'appointment.created',
  APPOINTMENT_UPDATED: 'appointment.updated',
  APPOINTMENT_RESCHEDULED: 'appointment.rescheduled',
  APPOINTMENT_STATUS_CHANGED: 'appointment.status_changed',
  APPOINTMENT_CANCELLED: 'appointment.cancelled',
  HOLD_CREATED: 'hold.created',
  HOLD_RELEASED: 'hold.released',
  HOLD_EXPIRED: 'hold.expired',
  PAYMENT_RECORDED: 'payment.recorded',
  CUSTOMER_CREATED: 'customer.created',
  CUSTOMER_UPDATED: 'customer.updated',
} as const;
export type OutboxEventType = (typeof OutboxEventType)[keyof typeof OutboxEventType];

/** Field changes of an update, `{ field: { before, after } }`. */
export type Changes = Record<string, { before: unknown; after: unknown }>;

/** An event as a mutation hands it over; its payload is computed when it is written, after the last flush. */
export interface StagedEvent {
  type: OutboxEventType;
  /** The object's global id. */
  objectId: string;
  /** The object's `version` after the change, when it has one. */
  objectVersion?: () => number | null;
  payload: () => Record<string, unknown>;
  /**
   * The object as it was before the change ({@link entityPayload} before any write): the event's
   * `changes` are the difference, and no event is written when nothing differs.
   */
  before?: Record<string, unknown>;
  /** The changes, when the service computed them itself. */
  changes?: Changes;
}

/** An event ready to be inserted. */
export interface OutboxRow {
  type: OutboxEventType;
  objectId: string;
  objectVersion: number | null;
  payload: Record<string, unknown>;
  /** SQL appended to the payload with `||` (a jsonb expression), for values only the statement knows. */
  payloadSql?: string;
  changes: Changes | null;
}

/** Events staged per transaction (the EntityManager fork that runs it). */
const staged = new WeakMap<EntityManager, StagedEvent[]>();

/**
 * Records that the running mutation makes a visible change: the event is written by
 * {@link writeStagedEvents} (runMutation calls it before commit, src/shared/mutation.ts), or taken into
 * the appointment's insert statement by {@link takeStagedEvents}, so it commits or rolls back with
 * the change.
 */
export function stageEvent(em: EntityManager, event: StagedEvent): void {
  let list = staged.get(em);
  if (!list) staged.set(em, (list = []));
  list.push(event);
}

/**
 * Runs `work` in a savepoint of `em`'s transaction (a nested `em.transactional`, whose fork is another
 * EntityManager): the events `work` staged join `em`'s when it succeeds, and are dropped with its
 * rollback when it fails. A series books each occurrence this way.
 */
export async function inSavepoint<T>(em: EntityManager, work: (inner: EntityManager) => Promise<T>): Promise<T> {
  let inner: EntityManager | undefined;
  const result = await em.transactional((fork) => work((inner = fork as EntityManager)));
  for (const event of staged.get(inner!) ?? []) stageEvent(em, event);
  staged.delete(inner!);
  return result;
}

/** Forgets what a failed attempt staged (runMutation runs the mutation again after a deadlock). */
export function discardStagedEvents(em: EntityManager): void {
  staged.delete(em);
}

/** Field-by-field difference of two payloads (keys of either); empty when they are equal. */
export function payloadChanges(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'version') continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}

/** Removes and answers the staged events, computed now; events whose object did not change are dropped. */
export function takeStagedEvents(em: EntityManager): OutboxRow[] {
  const list = staged.get(em) ?? [];
  staged.delete(em);
  const rows: OutboxRow[] = [];
  for (const event of list) {
    const payload = event.payload();
    const changes = event.changes ?? (event.before ? payloadChanges(event.before, payload) : null);
    if (event.before && changes && Object.keys(changes).length === 0) continue;
    rows.push({ type: event.type, objectId: event.objectId, objectVersion: event.objectVersion?.() ?? null, payload, changes });
  }
  return rows;
}

/**
 * `insert into outbox_event …` for `rows` of one organisation, null when there are none. The trigger
 * `outbox_event_sequence` gives each row its id under the organisation's outbox lock and queues the
 * `NOTIFY kairos_outbox` that wakes every instance's hub at commit.
 */
export function outboxInsertStatement(organisationId: string, rows: OutboxRow[]): Statement | null {
  if (rows.length === 0) return null;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    params.push(organisationId, row.type, row.objectId, row.objectVersion, JSON.stringify(row.payload), row.changes && JSON.stringify(row.changes));
    return `(?, ?, ?, ?, ?::jsonb${row.payloadSql ? ` || ${row.payloadSql}` : ''}, ?::jsonb)`;
  });
  return {
    name: 'outbox',
    sql: `insert into "outbox_event" ("organisation_id", "type", "object_id", "object_version", "payload", "changes") values ${tuples.join(', ')}`,
    params,
  };
}

/** Writes the staged events in the EntityManager's transaction (after flushing its unit of work). */
export async function writeStagedEvents(em: EntityManager, organisationId: string | undefined): Promise<void> {
  if (!staged.get(em)?.length) return;
  await em.flush();
  const statement = outboxInsertStatement(organisationId!, takeStagedEvents(em));
  if (statement) await em.execute(statement.sql, statement.params);
}

/**
 * An entity as the API answers it, for an event payload: `id` as a global id, every stored scalar
 * (times as RFC 3339 UTC, decimals in canonical form) and every to-one link as `<name>Id` (a global id); the organisation is left
 * out (an event is only ever shown to its own organisation).
 */
export function entityPayload(em: EntityManager, entity: { id: string; constructor: { name: string } }): Record<string, unknown> {
  const meta = em.getMetadata().get(entity.constructor as EntityClass<object>);
  const payload: Record<string, unknown> = { id: toGlobalId(entity.constructor.name, entity.id) };
  for (const prop of storedProperties(meta)) {
    if (prop.name === 'id' || prop.name === 'organisation') continue;
    const value = (entity as unknown as Record<string, unknown>)[prop.name];
    if (prop.kind !== ReferenceKind.SCALAR) payload[`${prop.name}Id`] = value ? toGlobalId(prop.targetMeta!.className, (value as { id: string }).id) : null;
    else if (value instanceof Date) payload[prop.name] = value.toISOString();
    else if (value != null && (prop.type === 'decimal' || prop.columnTypes?.[0]?.startsWith('numeric'))) payload[prop.name] = canonicalDecimal(String(value));
    else payload[prop.name] = value ?? null;
  }
  return payload;
}
