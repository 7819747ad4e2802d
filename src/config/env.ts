import { z } from 'zod';

/**
 * A whole number from `min` to `max`, in digits only: `z.coerce.number()` would read " " as 0 (so a
 * stray space in PORT would bind a random port), and "1e3" or "0x10" as numbers.
 */
function integer(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(z.number().min(min).max(max));
}

/**
 * The process configuration, read once from the environment at start and validated with zod.
 * A bad value stops the start with a one-line message naming the variable (see {@link loadConfig}).
 */
const EnvSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: integer(0, 65535).default(4000),
  /** Host/interface to bind. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** A PostgreSQL connection URL; when absent the embedded PostgreSQL is started. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder of the embedded PostgreSQL cluster (git-ignored, survives restarts). */
  KAIROS_DATA_DIR: z.string().min(1).default('.data/postgres'),
  /** TCP port of the embedded PostgreSQL. */
  KAIROS_PG_PORT: integer(1, 65535).default(54329),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest number of pooled database connections. */
  DB_POOL_MAX: integer(1, 200).default(10),
  /** Whether `npm start` seeds the demo organisation into an empty database. */
  KAIROS_SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export type Config = z.infer<typeof EnvSchema>;

/** Thrown by {@link loadConfig}; its message is one line naming the offending variable. */
export class ConfigError extends Error {}

/**
 * Parses `env` (default `process.env`) into a {@link Config}.
 * @throws ConfigError on the first invalid variable, e.g. `PORT: Too big: expected number to be <=65535`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
