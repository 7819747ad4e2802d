import type { EntityClass, FindOneOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from './errors.js';
import { fromGlobalId } from './global-id.js';

/**
 * Resolves a global id given in an input to an entity of the caller's organisation (the tenant
 * filter applies, so another organisation's id is simply not found).
 * @param field the input field, for the error's `extensions.field`.
 * @param options MikroORM find options, e.g. a lock (`findForUpdate` in src/shared/crud.ts).
 * @throws GraphQLError NOT_FOUND when the id is malformed, of another type, or not in this organisation.
 */
export async function findByGlobalId<T extends object>(em: EntityManager, entity: EntityClass<T>, globalId: string, field: string, options: FindOneOptions<T> = {}): Promise<T> {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== entity.name) throw notFound(entity.name, globalId, field);
  const found = await em.findOne(entity, { id: decoded.id } as never, options as never);
  if (!found) throw notFound(entity.name, globalId, field);
  return found;
}

/** {@link findByGlobalId} that passes null/undefined through (an input that clears or omits a link). */
export async function findOptional<T extends object>(em: EntityManager, entity: EntityClass<T>, globalId: string | null | undefined, field: string): Promise<T | null | undefined> {
  if (globalId == null) return globalId;
  return findByGlobalId(em, entity, globalId, field);
}

/** Resolves a list of global ids (deduplicated, order kept) with one statement. @throws GraphQLError NOT_FOUND for the first missing one. */
export async function findAllByGlobalIds<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, globalIds: readonly string[], field: string): Promise<T[]> {
  const unique = [...new Set(globalIds)];
  const ids = unique.map((g) => {
    const decoded = fromGlobalId(g);
    if (!decoded || decoded.type !== entity.name) throw notFound(entity.name, g, field);
    return decoded.id;
  });
  if (ids.length === 0) return [];
  const rows = await em.find(entity, { id: { $in: ids } } as never);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id, i) => {
    const row = byId.get(id);
    if (!row) throw notFound(entity.name, unique[i]!, field);
    return row;
  });
}
