import { createHash } from 'node:crypto';
import { DeadlockException, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import stringify from 'safe-stable-stringify';
import { Field, ObjectType, type ClassType } from 'type-graphql';
import { requireViewer, requireWriter, type Context } from '../app/context.js';
import type { Statement } from '../db/insert.js';
import { discardStagedEvents, writeStagedEvents } from '../modules/events/outbox.js';
import { UserError, UserErrorCode, UserErrorsException } from './errors.js';

/** What every mutation payload holds besides its object. */
export interface PayloadShape<T> {
  result: T | null;
  userErrors: UserError[];
  replayed: boolean;
  [extra: string]: unknown;
}

/**
 * The fields every mutation payload has, `{ <field>: T, userErrors }`, as an abstract base to extend
 * with the payload's own fields (`replayed`, `conflicts`).
 */
export function payloadBase<T extends object>(field: string, objectType: ClassType<T>) {
  @ObjectType()
  abstract class Base {
    @Field(() => objectType, { name: field, nullable: true, description: `The ${objectType.name}; null when userErrors is not empty.` })
    result!: T | null;

    @Field(() => [UserError], { description: 'Business-rule failures; empty on success. When not empty nothing was written.' })
    userErrors!: UserError[];
  }
  return Base;
}

/**
 * Builds a mutation payload type: `{ <field>: T, userErrors }`, plus `replayed` for a create that takes
 * an `idempotencyKey` (e.g. `CreateCustomerPayload { customer userErrors replayed }`,
 * `UpdateCustomerPayload { customer userErrors }`).
 */
export function payloadType<T extends object>(name: string, field: string, objectType: ClassType<T>, options: { idempotent: boolean } = { idempotent: true }) {
  const Base = payloadBase(field, objectType);
  const description = `Result of the mutation: the ${objectType.name} or the userErrors that stopped it.`;
  if (!options.idempotent) {
    @ObjectType(name, { description })
    class Payload extends Base {}
    return Payload;
  }
  @ObjectType(name, { description })
  class IdempotentPayload extends Base {
    @Field({ description: 'True when the idempotency key was seen before with the same input: the object is the one created then, and nothing new was created.' })
    replayed!: boolean;
  }
  return IdempotentPayload;
}

/**
 * How often a mutation runs when PostgreSQL aborts its transaction to break a deadlock (or a
 * serialization failure). Concurrent bookings of one slot take turns (migration
 * `allocation_turns`), but can still deadlock where turns do not apply: two appointments that hold
 * each other's bookables in different roles, or appointments longer than 31 days. The aborted one, run
 * again, waits for the survivor and then gets the real answer (booked, or RESOURCE_UNAVAILABLE).
 */
const MAX_ATTEMPTS = 5;

/**
 * Runs `work` as the mutation's single transaction (checks first, then writes). A thrown
 * {@link UserErrorsException} rolls everything back and becomes the payload's userErrors (its `extra`
 * fields too); any other error rolls back and propagates (masked by the server). After a deadlock the
 * whole of `work` runs again in a new transaction, so it must not act outside the database.
 *
 * With `singleStatement`, `work` gets the request's EntityManager outside any transaction and promises
 * to write with at most one SQL statement, after its reads and checks: PostgreSQL runs that statement
 * as a transaction of its own, so the explicit `begin` and `commit` (two round trips) would add
 * nothing. Its reads see committed data either way (READ COMMITTED takes no locks on reads).
 * Events the work staged (src/modules/events/outbox.ts) are written last in the transaction; with
 * `singleStatement` the work puts them into its one statement itself.
 * `caller` says who may run it: `writer` (the default: OWNER, ADMIN or STAFF), `member` (any role: a
 * person's own business, such as accepting an invitation) or `anyone` (no token needed; the work
 * checks what it needs itself).
 * @throws GraphQLError UNAUTHENTICATED / FORBIDDEN when the caller may not run it.
 */
export async function runMutation<T>(
  ctx: Context,
  work: (em: EntityManager) => Promise<{ result: T; replayed?: boolean }>,
  /** Turns a database error (e.g. an exclusion violation) into userErrors; runs after the rollback. */
  mapError?: (error: unknown) => Promise<UserErrorsException | null>,
  options: { singleStatement?: boolean; caller?: 'writer' | 'member' | 'anyone' } = {},
): Promise<PayloadShape<T>> {
  const caller = options.caller ?? 'writer';
  if (caller === 'writer') requireWriter(ctx);
  else if (caller === 'member') requireViewer(ctx);
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, replayed = false } = options.singleStatement
        ? await work(ctx.em)
        : await ctx.em.transactional(async (em) => {
            const done = await work(em);
            // Last, so the organisation's outbox lock (migration `outbox`) is held only until the commit.
            await writeStagedEvents(em, ctx.viewer?.organisationId);
            return done;
          });
      return { result, userErrors: [], replayed };
    } catch (error) {
      ctx.em.clear();
      discardStagedEvents(ctx.em);
      if (error instanceof DeadlockException && attempt < MAX_ATTEMPTS) {
        ctx.log.warn({ attempt, code: error.code }, 'transaction aborted by PostgreSQL (deadlock or serialization failure); running the mutation again');
        continue;
      }
      const userErrors = error instanceof UserErrorsException ? error : await mapError?.(error);
      if (userErrors) return { result: null, userErrors: userErrors.userErrors, replayed: false, ...userErrors.extra };
      throw error;
    }
  }
}

/** Hex SHA-256 of the canonical JSON (sorted keys) of a mutation input, without its idempotency key. */
export function fingerprint(operation: string, input: object): string {
  const { idempotencyKey: _ignored, ...rest } = input as { idempotencyKey?: unknown };
  return createHash('sha256').update(`${operation}\n${stringify(rest)}`).digest('hex');
}

/** Idempotency keys claimed in a transaction (its EntityManager) whose result the create has not recorded yet. */
const openClaims = new WeakMap<EntityManager, { id: string; entity: EntityClass<object> }>();

/**
 * `update idempotency_key set result_id = …` for the key {@link idempotent} claimed in `em`'s
 * transaction for a create of `entity`, or null when there is none. A create that writes with one
 * statement takes it into that statement, so recording the key costs no round trip of its own while
 * the organisation's counters and outbox lock are held; {@link idempotent} then records nothing.
 */
export function keyResultStatement(em: EntityManager, entity: EntityClass<object>, resultId: string): Statement | null {
  const claim = openClaims.get(em);
  if (!claim || claim.entity !== entity) return null;
  openClaims.delete(em);
  return { sql: `update "idempotency_key" set "result_id" = ? where "id" = ?`, params: [resultId, claim.id] };
}

/**
 * Stripe-style idempotent create inside the mutation's transaction (One-link `idempotency_key`).
 * Claims `(organisation, key)` with `INSERT … ON CONFLICT DO NOTHING`, which waits for a concurrent
 * claimer to commit or roll back, so concurrent replays create exactly one object:
 * - first use: runs `create`, records the created id (and `answer()`, JSON, when given: what the first
 *   answer said besides the object); a rollback (userErrors) frees the key again;
 * - same operation and input: answers the originally created object with `replayed: true`, and the
 *   recorded `answer` (null for a key recorded without one);
 * - anything else: `IDEMPOTENCY_KEY_REUSED`.
 * Keys are kept for the life of the organisation (no expiry), like the `idempotencyKey` on appointments.
 */
export async function idempotent<T extends { id: string }>(
  em: EntityManager,
  ctx: Context,
  operation: string,
  input: { idempotencyKey?: string | null },
  entity: EntityClass<T>,
  create: () => Promise<T>,
  answer?: () => unknown,
): Promise<{ result: T; replayed: boolean; answer?: unknown }> {
  const key = input.idempotencyKey;
  if (key == null) return { result: await create(), replayed: false };
  const organisationId = ctx.viewer!.organisationId;
  const print = fingerprint(operation, input);
  const claimed = await em.execute<{ id: string }[]>(
    `insert into idempotency_key (id, created_at, updated_at, organisation_id, key, operation, fingerprint)
     values (gen_random_uuid(), now(), now(), ?, ?, ?, ?)
     on conflict (organisation_id, key) do nothing returning id`,
    [organisationId, key, operation, print],
  );
  if (claimed.length === 0) {
    const [prior] = await em.execute<{ operation: string; fingerprint: string; result_id: string | null; answer: unknown }[]>(
      `select operation, fingerprint, result_id, answer from idempotency_key where organisation_id = ? and key = ?`,
      [organisationId, key],
    );
    if (!prior || prior.operation !== operation || prior.fingerprint !== print || !prior.result_id) {
      throw new UserErrorsException([
        UserError.of(
          UserErrorCode.IDEMPOTENCY_KEY_REUSED,
          `Idempotency key "${key}" was already used with a different input${prior && prior.operation !== operation ? ` (by ${prior.operation})` : ''}.`,
          ['input', 'idempotencyKey'],
        ),
      ]);
    }
    const existing = await em.findOneOrFail(entity, { id: prior.result_id } as never);
    return { result: existing, replayed: true, answer: prior.answer ?? null };
  }
  const claim = { id: claimed[0]!.id, entity: entity as EntityClass<object> };
  openClaims.set(em, claim);
  let result: T;
  let recorded: boolean;
  try {
    result = await create();
  } finally {
    // The create's own statement took it (keyResultStatement), or it is recorded here.
    recorded = openClaims.get(em) !== claim;
    openClaims.delete(em);
  }
  await em.flush();
  const answered = answer ? JSON.stringify(answer()) : null;
  if (!recorded || answered !== null) {
    await em.execute(`update idempotency_key set result_id = ?, answer = ?::jsonb where id = ?`, [result.id, answered, claim.id]);
  }
  return { result, replayed: false };
}
