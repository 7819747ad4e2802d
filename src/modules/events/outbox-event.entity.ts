import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation } from '../organisation/organisation.entity.js';

/**
 * One change a client can see, written in the transaction that made it (the transactional outbox,
 * docs/subscriptions.md). `id` comes from a sequence, taken under a per-organisation lock held until
 * commit (trigger `outbox_event_sequence`, migration `outbox`): within one organisation a higher id
 * always committed later, so `id > cursor` never skips an event that commits afterwards. Ids of
 * different organisations interleave freely; every reader reads one organisation.
 */
@Entity()
@Index({ properties: ['organisation', 'id'] })
export class OutboxEvent {
  declare [OptionalProps]?: 'id' | 'occurredAt';

  /** Monotonic per organisation in commit order (see the class comment); a bigint, as a string. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne({ entity: () => Organisation, deleteRule: 'cascade', index: false })
  organisation!: Organisation;

  /** What happened, e.g. `appointment.rescheduled` ({@link OutboxEventType}). */
  @Property({ type: 'text' })
  type!: string;

  /** The changed object's global id (`Node.id`). */
  @Property({ type: 'text' })
  objectId!: string;

  /** The object's `version` after the change, for objects that have one. */
  @Property({ type: 'integer', nullable: true })
  objectVersion?: number | null;

  /** When the change was written (the transaction's time, UTC). */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt!: Date;

  /** The object after the change, as the API answers it: scalars as JSON, links as global ids. */
  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** For an update: the fields that changed, `{ field: { before, after } }`; null otherwise. */
  @Property({ type: 'jsonb', nullable: true })
  changes?: Record<string, { before: unknown; after: unknown }> | null;
}
