import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import { ArgsType, Field, FieldResolver, Int, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { findReadOnly } from '../app/read-only.js';
import { graphQLError } from './errors.js';

/** Page size when `first` is not given, and the largest page a client may ask for. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay forward pagination arguments. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return, 0–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (an `endCursor` or edge `cursor`).' })
  after?: string | null;
}

/** Relay `PageInfo`. */
@ObjectType({ simpleResolvers: true, description: 'Where a page sits in its connection (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page (true when `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/** What a connection resolver answers; `totalCount` is a thunk so the count runs only when asked for. */
export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number | (() => Promise<number>);
}

/** Builds the `XConnection` / `XEdge` object types for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `An edge to a ${name}.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} items (Relay cursor connection).` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page, in order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Paging state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole connection holds (all pages, same filter).' })
    totalCount!: number;
  }

  // Counting costs a statement, so it runs only when a client selects totalCount.
  @Resolver(() => Connection)
  class ConnectionResolver {
    @FieldResolver(() => Int)
    totalCount(@Root() root: ConnectionResult<T>): number | Promise<number> {
      return typeof root.totalCount === 'function' ? root.totalCount() : root.totalCount;
    }
  }
  connectionResolvers.push(ConnectionResolver);
  return Connection;
}

/** The `totalCount` resolvers of every connection type built by {@link connectionType}; part of the schema's resolvers. */
export const connectionResolvers: Function[] = [];

type CursorValue = string | number | { d: string };

/** What a cursor position holds, read from the key's property metadata ({@link cursorKinds}). */
export type CursorKind = 'date' | 'uuid' | 'number' | 'string';

/** The kinds of `keys` of an entity, for {@link decodeCursor}. */
export function cursorKinds(meta: { properties: Record<string, { runtimeType?: string; columnTypes?: string[] }> }, keys: readonly string[]): CursorKind[] {
  return keys.map((key) => {
    const prop = meta.properties[key]!;
    if (prop.runtimeType === 'Date') return 'date';
    if (prop.columnTypes?.[0] === 'uuid') return 'uuid';
    return prop.runtimeType === 'number' ? 'number' : 'string';
  });
}

/** Encodes the sort-key values of a row as an opaque cursor. */
export function encodeCursor(values: unknown[]): string {
  const plain: CursorValue[] = values.map((v) => (v instanceof Date ? { d: v.toISOString() } : (v as string | number)));
  return Buffer.from(JSON.stringify(plain), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The value of one cursor position if it is of `kind`, else undefined. */
function cursorValue(value: unknown, kind: CursorKind): unknown {
  switch (kind) {
    case 'date': {
      const d = value !== null && typeof value === 'object' && Object.keys(value).length === 1 ? (value as { d?: unknown }).d : undefined;
      const date = typeof d === 'string' ? new Date(d) : null;
      return date && !Number.isNaN(date.getTime()) && date.toISOString() === d ? date : undefined;
    }
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? value : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'string':
      return typeof value === 'string' ? value : undefined;
  }
}

/**
 * The sort-key values of a cursor Kairos issued for keys of `kinds`. A cursor is opaque: anything
 * else (another shape, a value of the wrong kind, an operator object, a number JSON cannot hold, a
 * non-canonical encoding) is refused before it reaches a query.
 * @throws GraphQLError BAD_USER_INPUT (`argumentName: "after"`) for a cursor that is not one of ours.
 */
export function decodeCursor(cursor: string, kinds: readonly CursorKind[]): unknown[] {
  const invalid = () => graphQLError('BAD_USER_INPUT', 'Invalid cursor: pass an `endCursor` or edge `cursor` from this connection.', { argumentName: 'after' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length) throw invalid();
  const values = parsed.map((value, i) => cursorValue(value, kinds[i]!));
  if (values.includes(undefined) || encodeCursor(values) !== cursor) throw invalid();
  return values;
}

/** Validates `first` and answers the page size. @throws GraphQLError BAD_USER_INPUT outside 0–MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw graphQLError('BAD_USER_INPUT', `first must be between 0 and ${MAX_PAGE_SIZE}.`, { argumentName: 'first' });
  }
  return size;
}

/** The keyset condition "row comes after `values` in `keys` order" (all keys ascending). */
export function afterCondition(keys: readonly string[], values: unknown[]): Record<string, unknown> {
  const or = keys.map((key, i) => {
    const cond: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) cond[keys[j]!] = values[j];
    cond[key] = { $gt: values[i] };
    return cond;
  });
  return { $or: or };
}

/**
 * One page of `entity` matching `where`, ordered by `keys` (ascending, the last one unique: `id`),
 * with keyset pagination: one statement for the page, one more only if `totalCount` is selected.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: Record<string, unknown>,
  args: ConnectionArgs,
  keys: readonly (keyof T & string)[],
): Promise<ConnectionResult<T>> {
  const size = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after, cursorKinds(em.getMetadata().find(entity)! as never, keys)) : null;
  const pageWhere = (after ? { $and: [where, afterCondition(keys, after)] } : where) as never;
  const countWhere = where as never;
  const orderBy = Object.fromEntries(keys.map((k) => [k, 'asc'])) as never;
  const rows = size === 0 ? [] : await findReadOnly(em, entity, pageWhere, { orderBy, limit: size + 1 });
  return toConnection(rows, size, keys, Boolean(after), () => em.count(entity, countWhere));
}

/** An edge whose cursor is encoded when read: most reads select the nodes and never a cursor. */
class PageEdge<T extends object> {
  constructor(
    readonly node: T,
    private readonly keys: readonly string[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.keys.map((k) => (this.node as Record<string, unknown>)[k]));
  }
}

/** Shapes rows (fetched with `limit size + 1`) into a connection. */
export function toConnection<T extends object>(
  rows: T[],
  size: number,
  keys: readonly string[],
  hasPrevious: boolean,
  totalCount: number | (() => Promise<number>),
): ConnectionResult<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => new PageEdge(node, keys));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
