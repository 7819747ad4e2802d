import { MikroORM } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations/index.js';
import { entities } from './entities.js';

export interface OrmOptions {
  clientUrl: string;
  poolMax?: number;
  /** Called with every SQL statement MikroORM runs (tests count statements with it). */
  onQuery?: (sql: string) => void;
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
    migrations: {
      path: 'migrations',
      pathTs: 'migrations',
      migrationsList,
      snapshotOnMigrate: false,
      emit: 'ts' as const,
      silent: true,
    },
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
