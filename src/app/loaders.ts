import DataLoader from 'dataloader';
import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { storedProperties } from '../db/columns.js';
import { preparedRows } from '../db/prepared.js';
import { cursorKinds, decodeCursor, pageSize, toConnection, type ConnectionArgs, type ConnectionResult } from '../shared/pagination.js';
import { TenantEntity } from '../shared/tenant.entity.js';
import { readOnlyFromRow } from './read-only.js';

type Row = Record<string, unknown>;

/** Identifier-quotes a SQL name taken from entity metadata. */
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Per entity: its mapped columns on the table alias `t`, what `t.*` reads when the table matches the entity. */
const columnLists = new WeakMap<EntityMetadata, string>();

/**
 * The entity's columns (scalars and owning to-one keys), listed rather than `t.*`: the loaders'
 * statements are prepared, and a prepared `t.*` fails with "cached plan must not change result
 * type" once a migration adds a column to the table while the connection lives.
 */
function columnsOf(meta: EntityMetadata): string {
  let list = columnLists.get(meta);
  if (list === undefined) {
    list = storedProperties(meta).map((p) => `t.${q(p.fieldNames[0]!)}`).join(', ');
    columnLists.set(meta, list);
  }
  return list;
}

/**
 * Every DataLoader of one request, created by {@link createLoaders}. All of them batch per tick, so
 * the number of SQL statements a query runs depends on its depth, never on how many rows it returns.
 */
export interface Loaders {
  /** Entity by primary key (tenant filter applies to tenant-owned entities). */
  byId<T extends object>(entity: EntityClass<T>): DataLoader<string, T | null>;
  /** Children of many parents: `entity` rows whose `fk` relation is the key, ordered by `orderBy`. */
  children<T extends object>(entity: EntityClass<T>, fk: keyof T & string, orderBy?: readonly (keyof T & string)[]): DataLoader<string, T[]>;
  /** Targets of a many-to-many collection `property` of `owner`, in pivot order. */
  collection<O extends object, T extends object>(owner: EntityClass<O>, property: keyof O & string, target: EntityClass<T>): DataLoader<string, T[]>;
  /** One Relay page of children per parent, ordered by `keys` ascending (the last key unique). */
  childPage<T extends object>(entity: EntityClass<T>, fk: keyof T & string, keys: readonly (keyof T & string)[], args: ConnectionArgs): DataLoader<string, ConnectionResult<T>>;
}

/**
 * Creates the request's loaders over its forked EntityManager. Every loader reads rows with a
 * prepared statement (src/db/prepared.ts) and answers read-only instances (src/app/read-only.ts), not
 * managed entities; `organisationId` scopes tenant-owned tables as the MikroORM tenant filter would,
 * and without it those loaders refuse to run.
 */
export function createLoaders(em: EntityManager, organisationId: string | null): Loaders {
  const cache = new Map<string, DataLoader<string, unknown>>();
  const memo = <V>(key: string, make: () => DataLoader<string, V>): DataLoader<string, V> => {
    let loader = cache.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = make();
      cache.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  };
  const tenant = (): string => {
    if (!organisationId) throw new Error('Loader used without an organisation: refusing an unscoped read.');
    return organisationId;
  };
  const meta = (entity: EntityClass<object>) => em.getMetadata().get(entity);
  const column = (m: EntityMetadata, prop: string) => q((m.properties as unknown as Record<string, { fieldNames: string[] }>)[prop]!.fieldNames[0]!);
  /**
   * Rows of `entity` whose property `key` is one of `ids`, ordered by `orderBy`, tenant-scoped like the
   * MikroORM filter. The ids are one array parameter, so a batch of any size is the same statement.
   */
  const select = async <T>(entity: EntityClass<T>, key: string, ids: readonly string[], orderBy: readonly string[] = []): Promise<T[]> => {
    const m = meta(entity as EntityClass<object>);
    const scoped = entity.prototype instanceof TenantEntity;
    const order = orderBy.length ? ` order by ${orderBy.map((k) => `t.${column(m, k)}`).join(', ')}` : '';
    const rows = await preparedRows(
      em,
      `select ${columnsOf(m)} from ${q(m.tableName)} t where ${scoped ? 't.organisation_id = $2 and ' : ''}t.${column(m, key)} = any($1)${order}`,
      scoped ? [ids, tenant()] : [ids],
    );
    return rows.map((row) => readOnlyFromRow<T>(em, m, row));
  };

  const loaders: Loaders = {
    byId(entity) {
      return memo(`byId:${entity.name}`, () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows = await select(entity, 'id', ids);
          const byKey = new Map(rows.map((r) => [(r as unknown as { id: string }).id, r]));
          return ids.map((id) => byKey.get(id) ?? null);
        }),
      );
    },

    children(entity, fk, orderBy = ['id' as never]) {
      return memo(`children:${entity.name}.${fk}:${orderBy.join(',')}`, () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows = await select(entity, fk, ids, orderBy);
          const groups = new Map<string, typeof rows>(ids.map((id) => [id, []]));
          for (const row of rows) groups.get(((row as Row)[fk] as { id: string }).id)?.push(row);
          return ids.map((id) => groups.get(id)!);
        }),
      );
    },

    collection(owner, property, target) {
      return memo(`collection:${owner.name}.${property}`, () =>
        new DataLoader(async (ids: readonly string[]) => {
          const prop = meta(owner).properties[property as never] as unknown as { pivotTable: string; joinColumns: string[]; inverseJoinColumns: string[] };
          const ownerCol = prop.joinColumns[0]!;
          const targetCol = prop.inverseJoinColumns[0]!;
          tenant();
          const pairs = await preparedRows(
            em,
            `select ${q(ownerCol)} as owner, ${q(targetCol)} as target from ${q(prop.pivotTable)} where ${q(ownerCol)} = any($1)`,
            [ids],
          );
          const targets = await loaders.byId(target).loadMany(pairs.map((p) => p.target as string));
          const groups = new Map<string, object[]>(ids.map((id) => [id, []]));
          pairs.forEach((p, i) => {
            const t = targets[i];
            if (t && !(t instanceof Error)) groups.get(p.owner as string)!.push(t);
          });
          return ids.map((id) => groups.get(id)! as never);
        }),
      );
    },

    childPage(entity, fk, keys, args) {
      const size = pageSize(args.first);
      const after = args.after ? decodeCursor(args.after, cursorKinds(meta(entity) as never, keys)) : null;
      return memo(`page:${entity.name}.${fk}:${size}:${args.after ?? ''}`, () =>
        new DataLoader(async (ids: readonly string[]) => {
          const m = meta(entity);
          const fieldOf = (prop: string) => (m.properties as unknown as Record<string, { fieldNames: string[] }>)[prop]!.fieldNames[0]!;
          const col = (prop: string) => q(fieldOf(prop));
          const order = keys.map((k) => col(k)).join(', ');
          const params: unknown[] = [tenant(), ids, size];
          let afterSql = '';
          if (after) {
            // Parameter $4 + i is the cursor's i-th key.
            const ors = keys.map((_, i) => {
              const parts = keys.slice(0, i).map((k, j) => `${col(k)} = $${4 + j}`);
              parts.push(`${col(keys[i]!)} > $${4 + i}`);
              return `(${parts.join(' and ')})`;
            });
            params.push(...after);
            afterSql = `where ${ors.join(' or ')}`;
          }
          const rows = await preparedRows(
            em,
            `select * from (
               select s.*, row_number() over (partition by s.${col(fk)} order by ${order}) as __rn from (
                 select ${columnsOf(m)}, count(*) over (partition by t.${col(fk)})::int as __total
                   from ${q(m.tableName)} t where t.organisation_id = $1 and t.${col(fk)} = any($2)
               ) s ${afterSql}
             ) r where r.__rn <= $3 + 1 order by ${order}`,
            params,
          );
          const groups = new Map<string, { rows: object[]; total: number }>(ids.map((id) => [id, { rows: [], total: 0 }]));
          const fkColumn = fieldOf(fk);
          for (const row of rows) {
            const group = groups.get(row[fkColumn] as string)!;
            group.total = row.__total as number;
            const { __rn, __total, ...columns } = row;
            group.rows.push(readOnlyFromRow(em, m, columns));
          }
          return ids.map((id) => {
            const g = groups.get(id)!;
            return toConnection(g.rows as never[], size, keys, Boolean(after), after ? async () => countAll(id) : g.total);
          });
          async function countAll(parentId: string): Promise<number> {
            return em.count(entity, { [fk]: parentId } as never);
          }
        }),
      );
    },
  };
  return loaders;
}

