import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema, printPublishedSchema } from '../../src/app/schema.js';

const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/schema.graphql');

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await createSchema();
});

const described = (description: string | null | undefined) => typeof description === 'string' && description.trim().length > 0;

/**
 * Every schema element without a description, as schema coordinates (`Type`, `Type.field`,
 * `Type.field(arg:)`, `Input.field`, `Enum.VALUE`). Introspection types and built-in scalars are skipped, and so are
 * the descriptions of the root types Query and Mutation themselves (type-graphql cannot set them);
 * their fields and arguments are checked.
 */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType();
    if (!isRoot && !described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing.sort();
}

describe('published schema', () => {
  it('matches the committed schema/schema.graphql', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    const current = printPublishedSchema(schema);
    expect(current === committed, 'schema/schema.graphql is out of date: run `npm run schema` and commit the result').toBe(true);
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing = undescribed(schema);
    expect(missing, `${missing.length} schema element(s) have no description:\n  ${missing.join('\n  ')}`).toEqual([]);
  });
});
