import type { Config } from '../config/env.js';
import { startEmbeddedPostgres } from './embedded.js';

/** Where the database is, and how to release it when the process ends. */
export interface DatabaseHandle {
  url: string;
  /** `embedded` when Kairos started its own PostgreSQL (stopped by {@link close}). */
  kind: 'embedded' | 'external';
  close(): Promise<void>;
}

/** Database name used on the embedded cluster. */
export const EMBEDDED_DATABASE = 'kairos';

/**
 * Resolves the database: `DATABASE_URL` when set, else the embedded PostgreSQL (started on demand,
 * data in `KAIROS_DATA_DIR`).
 */
export async function openDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, kind: 'external', close: async () => {} };
  const embedded = await startEmbeddedPostgres(config.KAIROS_DATA_DIR, config.KAIROS_PG_PORT, log);
  await embedded.ensureDatabase(EMBEDDED_DATABASE);
  return { url: embedded.urlFor(EMBEDDED_DATABASE), kind: 'embedded', close: () => embedded.stop() };
}
