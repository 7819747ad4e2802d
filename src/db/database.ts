import type { Config } from '../config/env.js';
import { DataDirInUse } from './cluster-lock.js';
import { embeddedUrl, startEmbeddedPostgres } from './embedded.js';

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
 *
 * `log` gets PostgreSQL's own output, `notice` what an operator should know (a PostgreSQL that a
 * crashed Kairos left running, stopped before this start).
 *
 * With `share` (the CLI), a data folder that a running Kairos holds is not an error: the command
 * uses the PostgreSQL that process started (so `kairos token revoke` works while `npm start` runs)
 * and leaves it running.
 * @throws DataDirInUse without `share` when another live Kairos holds the data folder;
 *   EmbeddedStartError when the embedded PostgreSQL cannot start.
 */
export async function openDatabase(
  config: Config,
  log: (msg: string) => void = () => {},
  options: { share?: boolean; notice?: (msg: string) => void } = {},
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, kind: 'external', close: async () => {} };
  try {
    const embedded = await startEmbeddedPostgres(config.KAIROS_DATA_DIR, config.KAIROS_PG_PORT, log, [], options.notice);
    try {
      await embedded.ensureDatabase(EMBEDDED_DATABASE);
    } catch (error) {
      await embedded.stop();
      throw error;
    }
    return { url: embedded.urlFor(EMBEDDED_DATABASE), kind: 'embedded', close: () => embedded.stop() };
  } catch (error) {
    if (options.share && error instanceof DataDirInUse) return { url: embeddedUrl(error.owner.port, EMBEDDED_DATABASE), kind: 'embedded', close: async () => {} };
    throw error;
  }
}
