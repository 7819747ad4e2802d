import { LockMode, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAdmin, type Context } from '../app/context.js';
import type { ArchivableEntity, VersionedEntity } from './archivable.entity.js';
import { UserError, UserErrorCode, UserErrorList, UserErrorsException } from './errors.js';
import { findByGlobalId } from './lookup.js';
import { runMutation } from './mutation.js';

/** What every `update…` and `archive…` input has. */
export interface EditInput {
  id: string;
  expectedVersion?: number | null;
}

/**
 * The row of `entity` named by `globalId` in the caller's organisation, locked (`FOR UPDATE`) until the
 * mutation's transaction ends, so that concurrent edits of one row take turns and the later one sees
 * the earlier one's `version`.
 * @throws GraphQLError NOT_FOUND when the id is malformed, of another type, or not in this organisation.
 */
export function findForUpdate<T extends object>(em: EntityManager, entity: EntityClass<T>, globalId: string, field = 'id'): Promise<T> {
  return findByGlobalId(em, entity, globalId, field, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

/** STALE_VERSION (the mutation stops) when `expectedVersion` is given and is not the row's `version`. */
export function checkVersion(row: VersionedEntity, expectedVersion: number | null | undefined): void {
  if (expectedVersion == null || expectedVersion === row.version) return;
  throw new UserErrorsException([
    UserError.of(UserErrorCode.STALE_VERSION, `The ${row.constructor.name} is at version ${row.version}, not ${expectedVersion}: read it again and retry.`, ['input', 'expectedVersion']),
  ]);
}

/**
 * Copies onto `row` each field of `input` that was given (not undefined), through `map` when it has
 * one (e.g. {@link clean} for text): the "only the fields present change" rule of every `update…`.
 * Null clears a field; check first ({@link checkNotCleared}) that the field may be cleared.
 */
export function patch<R extends object, I extends object>(
  row: R,
  input: I,
  fields: readonly (keyof I & keyof R & string)[],
  map: Partial<Record<keyof I & string, (value: never) => unknown>> = {},
): void {
  for (const field of fields) {
    const value = input[field];
    if (value === undefined) continue;
    const convert = map[field] as ((value: unknown) => unknown) | undefined;
    (row as Record<string, unknown>)[field] = convert && value !== null ? convert(value) : value;
  }
}

/**
 * The steps of an `update…`: `check` adds userErrors (it runs before anything is written, and may read),
 * `apply` changes the row (and may resolve links, which throw NOT_FOUND).
 */
export interface UpdateSteps<T, I> {
  check?: (errors: UserErrorList, row: T, input: I) => void | Promise<void>;
  apply: (row: T, input: I, em: EntityManager) => void | Promise<void>;
}

/**
 * Runs an `update…` mutation (writer roles: OWNER, ADMIN, STAFF) as one transaction: locks the row,
 * STALE_VERSION when `expectedVersion` is stale, VALIDATION from `check`, then `apply` and `version + 1`.
 * Applying the same input twice leaves the same values (an update needs no idempotency key).
 * @throws GraphQLError UNAUTHENTICATED / FORBIDDEN (READ_ONLY), NOT_FOUND (another organisation's id too).
 */
export function updateMutation<T extends VersionedEntity, I extends EditInput>(ctx: Context, entity: EntityClass<T>, input: I, steps: UpdateSteps<T, I>) {
  return runMutation(ctx, async (em) => {
    const row = await findForUpdate(em, entity, input.id);
    checkVersion(row, input.expectedVersion);
    const errors = new UserErrorList();
    await steps.check?.(errors, row, input);
    errors.throwIfAny();
    await steps.apply(row, input, em);
    row.version += 1;
    return { result: row };
  });
}

/**
 * Runs an `archive…` mutation (OWNER or ADMIN): sets `archivedAt` (and `isActive: false` where the
 * entity has it) and `version + 1`. Archiving an archived row changes nothing and answers it as it
 * is, so a retried archive is harmless. There is no unarchive: create a new record instead.
 * @throws GraphQLError UNAUTHENTICATED / FORBIDDEN (not OWNER or ADMIN), NOT_FOUND.
 */
export function archiveMutation<T extends ArchivableEntity>(ctx: Context, entity: EntityClass<T>, input: EditInput) {
  requireAdmin(ctx);
  return runMutation(ctx, async (em) => {
    const row = await findForUpdate(em, entity, input.id);
    if (row.archivedAt) return { result: row };
    checkVersion(row, input.expectedVersion);
    row.archivedAt = new Date();
    if ('isActive' in row) (row as { isActive: boolean }).isActive = false;
    row.version += 1;
    return { result: row };
  });
}
