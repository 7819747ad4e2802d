import type { EntityManager } from '@mikro-orm/postgresql';

/** Statement name of each SQL text, so every pooled connection prepares a text once, under one name. */
const names = new Map<string, string>();

/**
 * Runs a read as a named prepared statement on the pg pool under MikroORM and answers its rows, as
 * the pool's type parsers left them (MikroORM's, so the same values `em.execute` answers).
 *
 * `text` must have a fixed shape, identifiers from entity metadata and every value a `$n` parameter:
 * it names the statement. PostgreSQL then parses and plans it once per connection, and the values
 * travel as bind parameters instead of being escaped into the SQL text, which `em.execute` does
 * character by character for every UUID of a batch (bench/RESULTS.md, lever "prepared statements").
 * The statement is logged through MikroORM's logger and a database error converted as `em.execute`
 * would. Only for reads outside a transaction: the pool would not see the transaction's writes.
 * @throws Error when `em` is inside a transaction.
 */
export async function preparedRows<T = Record<string, unknown>>(em: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  if (em.isInTransaction()) throw new Error('preparedRows reads through the pool: not inside a transaction.');
  const pool = await em.getConnection().getNativeClient();
  let name = names.get(text);
  if (!name) {
    name = `kairos_${names.size + 1}`;
    names.set(text, name);
  }
  const logger = em.config.getLogger();
  const started = Date.now();
  try {
    const { rows } = await pool.query({ name, text, values });
    logger.logQuery({ query: text, took: Date.now() - started, results: rows.length, level: 'info' });
    return rows as T[];
  } catch (error) {
    logger.logQuery({ query: text, took: Date.now() - started, level: 'error' });
    throw em.getDriver().convertException(error as Error);
  }
}
