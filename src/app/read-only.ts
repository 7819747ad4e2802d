import { ReferenceKind, type EntityClass, type EntityMetadata, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Data = Record<string, unknown>;

/** Per entity: the prototype of its read-only instances, and its to-one relations. */
const shapes = new WeakMap<EntityMetadata, { prototype: object; toOne: string[] }>();

/**
 * MikroORM puts an accessor for every persisted property on the entity prototype; the first write
 * through one builds the entity's change-tracking helper. The read-only prototype sits between the
 * instance and the class prototype with a plain writable property of each name, so writes create
 * ordinary own properties, while `instanceof`, `constructor` and getters such as `globalId` still
 * come from the class.
 */
function shapeOf(meta: EntityMetadata) {
  let shape = shapes.get(meta);
  if (!shape) {
    const plain = Object.fromEntries(Object.keys(meta.properties).map((name) => [name, { value: undefined, writable: true, enumerable: false, configurable: true }]));
    shape = {
      prototype: Object.create(meta.class.prototype, plain) as object,
      toOne: meta.relations.filter((p) => p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)).map((p) => p.name),
    };
    shapes.set(meta, shape);
  }
  return shape;
}

/**
 * An instance of the entity class holding one row's values (already mapped to property names by the
 * driver), outside the identity map: no unit-of-work registration, no change-tracking helper or
 * snapshot, no reference entities, which is where MikroORM spends its time per row (bench/RESULTS.md,
 * lever "read-only rows"). Only read paths use these, so nothing ever flushes them. A to-one
 * relation is `{ id }`, which is all the field resolvers read of it before asking their own loader.
 * `data` itself becomes the instance (its prototype is set, its to-one values replaced): the callers
 * pass the driver's fresh objects, and copying every column into a second object doubled the garbage
 * per row.
 */
export function readOnlyInstance<T>(meta: EntityMetadata, data: Data): T {
  const { prototype, toOne } = shapeOf(meta);
  for (const name of toOne) {
    const id = data[name];
    if (id != null) data[name] = { id };
  }
  return Object.setPrototypeOf(data, prototype) as T;
}

/** {@link readOnlyInstance} of a raw database row (column names). */
export function readOnlyFromRow<T>(em: EntityManager, meta: EntityMetadata, row: Data): T {
  return readOnlyInstance<T>(meta, em.getDriver().mapResult(row, meta) as Data);
}

/**
 * `em.find` for read paths: the same condition, order and limit through the QueryBuilder, with the
 * EntityManager's filters (the tenant filter) applied, and `options.filters` turned on or off,
 * answering {@link readOnlyInstance}s.
 */
export async function findReadOnly<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: { orderBy: Record<string, 'asc' | 'desc'>; limit: number; filters?: Record<string, boolean> },
): Promise<T[]> {
  const qb = em.createQueryBuilder(entity).select('*').where(where as never).orderBy(options.orderBy as never).limit(options.limit);
  await qb.applyFilters(options.filters);
  const rows = (await qb.execute('all')) as Data[];
  const meta = em.getMetadata().get(entity);
  return rows.map((row) => readOnlyInstance<T>(meta, row));
}
