import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL database the tests may use to CREATE DATABASE (one per test file). */
    adminDatabaseUrl: string;
  }
}

/**
 * Starts one real PostgreSQL for the whole run: the embedded one in a temporary folder, or the server
 * of DATABASE_URL when it is set. Test files each create their own database on it.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kairos-test-pg-'));
  await chmod(dir, 0o755);
  const port = 55000 + Math.floor(Math.random() * 5000);
  const pg = await startEmbeddedPostgres(path.join(dir, 'data'), port);
  project.provide('adminDatabaseUrl', pg.urlFor('postgres'));
  return async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
