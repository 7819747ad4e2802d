import type pg from 'pg';

/**
 * Makes the pool drop a connection that dies while checked out (the server ended the session:
 * `pg_terminate_backend`, a restart, a network cut).
 *
 * Kysely, under MikroORM, gives a transaction's connection back only after its `commit` or `rollback`
 * succeeds, which a dead connection never lets happen; so each connection lost in a transaction would
 * stay checked out for good: the pool shrinks by one per outage, and closing it waits forever. Here the
 * connection is released as broken as soon as it ends, and the release its holder may still send
 * later becomes a no-op (pg-pool throws on a second release).
 */
export function dropConnectionsThatDie(pool: pg.Pool): void {
  const checkedOut = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    client.on('end', () => {
      if (!checkedOut.has(client)) return;
      const release = client.release;
      client.release = () => {};
      release(new Error('The connection to PostgreSQL ended while checked out.'));
    });
  });
}
