import { ReferenceKind, type EntityClass, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { storedProperties } from './columns.js';

/** A row to insert, by property name: scalars as the entity holds them, to-one links as `{ id }` or an id. */
export type InsertRow = Record<string, unknown>;

/** `insert …` SQL with `?` placeholders and its values, for `em.execute` (MikroORM formats the values in). */
export interface Statement {
  sql: string;
  params: unknown[];
  /** Its name as a `WITH` query in {@link combine}, for a later query that reads its `returning` rows. */
  name?: string;
}

function databaseValue(prop: EntityProperty, value: unknown): unknown {
  if (value == null) return null;
  if (prop.kind !== ReferenceKind.SCALAR) return typeof value === 'object' ? (value as { id: string }).id : value;
  // A JSON value goes in as its text: arrays would otherwise be formatted as a list of values.
  if (prop.runtimeType === 'object' || prop.type === 'json' || prop.columnTypes?.[0] === 'jsonb') return JSON.stringify(value);
  return value;
}

/**
 * One multi-row `insert into <table> (<every stored column>) values (…), (…)` for `rows` of
 * `entity`, mapped through MikroORM's metadata (property → column), so it stays in step with the
 * entities and their migrations. A property missing from a row gets the column's `default`. It is
 * for set-based writes that skip the unit of work: nothing is hydrated, registered or change-tracked,
 * and the database's constraints and triggers are the only checks (the caller has run the business
 * rules first).
 * @param options.expressions SQL computed by the database for a property, in every row (e.g. a sequence).
 * @param options.returning columns to answer, e.g. `code`.
 */
export function insertStatement(
  em: EntityManager,
  entity: EntityClass<object>,
  rows: InsertRow[],
  options: { expressions?: Record<string, string>; returning?: string } = {},
): Statement {
  const meta = em.getMetadata().get(entity);
  const props = storedProperties(meta);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = props.map((prop) => {
      const expression = options.expressions?.[prop.name];
      if (expression) return expression;
      if (row[prop.name] === undefined) return 'default';
      params.push(databaseValue(prop, row[prop.name]));
      return '?';
    });
    return `(${cells.join(', ')})`;
  });
  const columns = props.map((p) => `"${p.fieldNames[0]}"`).join(', ');
  return { sql: `insert into "${meta.tableName}" (${columns}) values ${tuples.join(', ')}${options.returning ? ` returning ${options.returning}` : ''}`, params };
}

/**
 * `insert into <pivot table> (<owner column>, <target column>) values …` for a many-to-many
 * `property` of `entity`: the owner `ownerId` linked to each of `targetIds`. Null when there are none.
 */
export function pivotInsertStatement(em: EntityManager, entity: EntityClass<object>, property: string, ownerId: string, targetIds: readonly string[]): Statement | null {
  if (targetIds.length === 0) return null;
  const prop = em.getMetadata().get(entity).properties[property as never] as EntityProperty;
  const params = targetIds.flatMap((id) => [ownerId, id]);
  return {
    sql: `insert into "${prop.pivotTable}" ("${prop.joinColumns[0]}", "${prop.inverseJoinColumns[0]}") values ${targetIds.map(() => '(?, ?)').join(', ')}`,
    params,
  };
}

/**
 * Runs several inserts as one statement: all but the last as data-modifying `WITH` queries, the last
 * as the main query (its `returning` rows are the answer). PostgreSQL runs them on one snapshot and
 * fires the row triggers and foreign-key checks at the end of the statement, when every row is in.
 */
export function combine(statements: (Statement | null)[]): Statement {
  const present = statements.filter((s): s is Statement => s !== null);
  const last = present.pop()!;
  const withs = present.map((s, i) => `${s.name ?? `w${i}`} as (${s.sql})`);
  return {
    sql: withs.length ? `with ${withs.join(', ')} ${last.sql}` : last.sql,
    params: [...present.flatMap((s) => s.params), ...last.params],
  };
}

/** Runs a {@link Statement} on the EntityManager's connection (its transaction, inside one). */
export function execute<T>(em: EntityManager, statement: Statement): Promise<T[]> {
  return em.execute<T[]>(statement.sql, statement.params);
}
