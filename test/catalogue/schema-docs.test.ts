import 'reflect-metadata';
import { isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/app/schema.js';

const TYPES = [
  'Customer', 'Treatment', 'TreatmentSession', 'Product', 'Brand', 'ProductType', 'ProductCategory', 'UnitCode', 'Resource', 'Location',
  'Account', 'Property', 'TimeBand', 'Operation', 'Case', 'ClientPackage', 'CancellationReason',
];
const MUTATIONS = [
  'createCustomer', 'updateCustomer', 'createTreatment', 'createProduct', 'createResource', 'createLocation', 'createAccount', 'createProperty',
  'createTimeBand', 'createOperation', 'createCase', 'createClientPackage', 'createCancellationReason',
];
const QUERIES = ['customers', 'treatments', 'resources', 'locations', ...TYPES.map((t) => t[0]!.toLowerCase() + t.slice(1))];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

describe('catalogue schema', () => {
  it('has every catalogue query and mutation, each payload holding its object under the camelCase type name', () => {
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    for (const name of QUERIES) expect(query[name], name).toBeDefined();
    for (const name of MUTATIONS) {
      const field = mutation[name];
      expect(field, name).toBeDefined();
      expect(field!.args.map((a) => a.name)).toEqual(['input']);
      const payloadFields = Object.keys((field!.type as any).ofType.getFields());
      // Only creates take an idempotency key, so only their payloads say whether they were replayed.
      expect(payloadFields).toContain('userErrors');
      if (name.startsWith('create')) expect(payloadFields).toContain('replayed');
      else expect(payloadFields).not.toContain('replayed');
    }
    expect(Object.keys((mutation.createTimeBand!.type as any).ofType.getFields())).toContain('timeBand');
    expect(Object.keys((mutation.createClientPackage!.type as any).ofType.getFields())).toContain('clientPackage');
  });

  it('documents every field, argument and input field of the catalogue', () => {
    const missing: string[] = [];
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    const check = (where: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(where);
    };
    for (const name of [...QUERIES, ...MUTATIONS]) {
      const field = query[name] ?? mutation[name]!;
      check(name, field.description);
      for (const arg of field.args) check(`${name}(${arg.name})`, arg.description);
    }
    const inputs = new Set<string>();
    for (const name of MUTATIONS) inputs.add((mutation[name]!.args[0]!.type as any).ofType.name);
    inputs.add('TreatmentSessionInput').add('ProductTypeInput').add('UnitCodeInput');
    for (const name of inputs) {
      const type = schema.getType(name);
      expect(isInputObjectType(type), name).toBe(true);
      if (!isInputObjectType(type)) continue;
      check(name, type.description);
      for (const field of Object.values(type.getFields())) check(`${name}.${field.name}`, field.description);
    }
    for (const name of TYPES) {
      const type = schema.getType(name);
      if (!isObjectType(type)) {
        missing.push(`${name} (not an object type)`);
        continue;
      }
      check(name, type.description);
      for (const field of Object.values(type.getFields())) check(`${name}.${field.name}`, field.description);
    }
    expect(missing).toEqual([]);
  });
});
