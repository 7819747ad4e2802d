import 'reflect-metadata';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, ormConfig } from '../../src/db/orm.js';
import { createTestDatabase } from '../harness/app.js';

const SNAPSHOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations/.snapshot-kairos.json');

let orm: MikroORM;
/** Stands in for `migrations/` so that a diff, if any, is written here and not into the checkout. */
let migrationsDir: string;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase('kairos_drift');
  migrationsDir = await mkdtemp(path.join(os.tmpdir(), 'kairos-drift-'));
  await cp(SNAPSHOT, path.join(migrationsDir, '.snapshot-kairos.json'));
  const config = ormConfig({ clientUrl: databaseUrl });
  orm = await MikroORM.init({ ...config, migrations: { ...config.migrations, path: migrationsDir, pathTs: migrationsDir } });
  await migrate(orm);
});
afterAll(async () => {
  await orm?.close(true);
  if (migrationsDir) await rm(migrationsDir, { recursive: true, force: true });
});

describe('migrations and entities agree', () => {
  it('a freshly migrated database holds the hand-written booking-integrity and hardening objects', async () => {
    const [row] = await orm.em.getConnection().execute<{ extension: number; tables: number; constraint: number; triggers: number; sequence: number }[]>(`
      select (select count(*)::int from pg_extension where extname = 'btree_gist') as extension,
             (select count(*)::int from pg_tables where schemaname = 'public' and tablename in ('appointment_allocation', 'organisation_counter', 'rate_limit')) as tables,
             (select count(*)::int from pg_constraint where conname = 'appointment_allocation_no_overlap' and contype = 'x') as constraint,
             (select count(*)::int from pg_trigger where tgname = 'appointment_allocation_sync') as triggers,
             (select count(*)::int from pg_class where relname = 'appointment_code_seq' and relkind = 'S') as sequence`);
    expect(row).toEqual({ extension: 1, tables: 3, constraint: 1, triggers: 3, sequence: 0 });
  });

  it('the schema generator finds nothing to change in the migrated database', async () => {
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  it('migration:create finds nothing to write: the committed snapshot matches the entities', async () => {
    const result = await orm.migrator.create(migrationsDir);
    expect(result.diff.up).toEqual([]);
    expect(result.fileName).toBe('');
  });

  // Guards the test above: an empty diff must come from the committed snapshot (whatever the
  // database is called), not from a snapshot that was never found.
  it('migration:create reads the snapshot: one missing from it is proposed', async () => {
    const file = path.join(migrationsDir, '.snapshot-kairos.json');
    const snapshot = JSON.parse(await readFile(file, 'utf8'));
    const payment = snapshot.tables.find((t: { name: string }) => t.name === 'payment');
    payment.indexes = payment.indexes.filter((i: { keyName: string }) => i.keyName !== 'payment_organisation_id_paid_at_index');
    await writeFile(file, JSON.stringify(snapshot));
    const result = await orm.migrator.create(migrationsDir);
    expect(result.diff.up).toEqual(['create index "payment_organisation_id_paid_at_index" on "payment" ("organisation_id", "paid_at");']);
  });
});
