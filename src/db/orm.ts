import type { MetadataStorage } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations/index.js';
import { entities } from './entities.js';
import { dropConnectionsThatDie } from './pool.js';

export interface OrmOptions {
  clientUrl: string;
  poolMax?: number;
  /** Called with every SQL statement MikroORM runs (tests count statements with it). */
  onQuery?: (sql: string) => void;
}

/**
 * Tables of raw-SQL migrations that no entity describes: the allocation table (the initial migration's
 * "Booking integrity" part), per-organisation counters and rate-limit counters (the hardening migration).
 */
const UNMAPPED_TABLES = ['appointment_allocation', 'organisation_counter', 'rate_limit'];

/**
 * Indexes the second column of every many-to-many pivot table (e.g. `appointment_resource.resource_id`).
 * The composite primary key only serves lookups from the owning side; finding the appointments of a
 * resource, and the cascade when a resource is deleted, need this one. MikroORM cannot declare an
 * index on a pivot table it generates, so it is added to the generated metadata here; without it the
 * schema comparator would propose dropping the indexes the initial migration creates.
 */
function indexPivotInverseSides(storage: MetadataStorage): void {
  for (const meta of storage.getAll().values()) {
    const inverse = meta.pivotTable ? meta.primaryKeys[1] : undefined;
    if (inverse && !meta.indexes.some((index) => index.properties === inverse)) meta.indexes.push({ properties: inverse });
  }
}

/**
 * Builds the MikroORM configuration. Migrations are the only way the schema changes: they are listed
 * in `migrations/index.ts` and the snapshot in `migrations/` is written by `migration:create` only.
 */
export function ormConfig(options: OrmOptions) {
  return {
    clientUrl: options.clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 10 },
    driverOptions: { onPoolCreated: dropConnectionsThatDie },
    migrations: {
      path: 'migrations',
      pathTs: 'migrations',
      migrationsList,
      snapshotOnMigrate: false,
      // Fixed, not derived from the database name: `migration:create` against a database not named
      // `kairos` (any DATABASE_URL) would otherwise find no snapshot and diff the live schema instead.
      snapshotName: '.snapshot-kairos',
      emit: 'ts' as const,
      silent: true,
    },
    discovery: { afterDiscovered: indexPivotInverseSides },
    // The allocation table, its triggers and their functions are raw SQL in the initial migration
    // (booking integrity): left alone, so neither `migration:create` nor a schema update drops them.
    schemaGenerator: { skipTables: UNMAPPED_TABLES, ignoreTriggers: true, ignoreRoutines: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: options.onQuery ? (['query'] as const).slice() : false,
    colors: false,
    logger: options.onQuery ?? (() => {}),
  };
}

/** Connects MikroORM to PostgreSQL (does not migrate; see {@link migrate}). */
export async function initOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
