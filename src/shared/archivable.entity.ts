import { type Opt } from '@mikro-orm/core';
import { Filter, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from './tenant.entity.js';

/**
 * A catalogue record that clients edit (`update…` mutations): carries an optimistic-concurrency
 * `version`, 1 on create and +1 on every change, checked against an update's `expectedVersion`
 * (STALE_VERSION), like an appointment's.
 */
@ObjectType({ simpleResolvers: true })
export abstract class VersionedEntity extends TenantEntity {
  @Field(() => Int, { description: 'Optimistic-concurrency version: 1 on create, +1 on every change. Send it back as `expectedVersion`.' })
  @Property({ type: 'integer', default: 1 })
  version: Opt<number> = 1;
}

/**
 * Name of the MikroORM filter that hides archived rows. Off by default: an archived treatment, product,
 * resource or location stays readable by id and on the appointments that used it; lists turn it on
 * (`paginate(…, { hideArchived: true })`) unless asked for archived rows.
 */
export const ARCHIVED_FILTER = 'hideArchived';

/**
 * A catalogue record that is archived instead of deleted because history points at it (treatments,
 * products, resources, locations): `archivedAt` is set once by `archive…` (OWNER/ADMIN) and never
 * cleared; an archived row cannot be linked to a new or changed appointment.
 */
@Filter({ name: ARCHIVED_FILTER, default: false, cond: { archivedAt: null } })
@ObjectType({ simpleResolvers: true })
export abstract class ArchivableEntity extends VersionedEntity {
  @Field(() => Date, { nullable: true, description: 'When the record was archived (RFC 3339, UTC); null while in use. Archived records stay readable but cannot be booked.' })
  @Property({ type: 'datetime', nullable: true })
  archivedAt?: Date | null;
}
