import 'reflect-metadata';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/app/schema.js';
import { toGlobalId } from '../../src/shared/global-id.js';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { make, makeCustomer, makeResource, makeTreatment, makeUser } from '../appointment/fixtures.js';

/**
 * Schema-driven fuzzing of every mutation (issue 11): inputs generated from the schema's own input
 * types, mixing well-formed values (ids that exist, in this organisation and another) with hostile
 * ones (NUL, lone surrogates, huge strings and numbers, dates far out, forged ids, deep JSON). Whatever
 * comes in, nothing answers INTERNAL_SERVER_ERROR or 500, and a refused mutation changes nothing.
 */
const RUNS_PER_MUTATION = 20;

describe('every mutation under generated input', () => {
  let app: TestApp;
  let org: TestOrg;
  let schema: GraphQLSchema;
  const ids: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    schema = await createSchema();
    org = await app.createOrg('Fuzz');
    const other = await app.createOrg('Fuzz other');
    const user = await makeUser(app, org, 'Dr Fuzz');
    const room = await makeResource(app, org, 'Room Fuzz', 'ROOM');
    const customer = await makeCustomer(app, org, 'Fuzz Customer');
    const treatment = await makeTreatment(app, org, 'Fuzz Treatment');
    const appointment = await make(app, org, 'createAppointment', 'appointment', { practitionerId: user.id, customerId: customer.id, startsAt: '2030-06-03T09:00:00Z', durationMinutes: 30 });
    const foreign = await makeCustomer(app, other, 'Not yours');
    ids.push(user.id, room.id, customer.id, treatment.id, appointment.id, foreign.id, toGlobalId('Customer', '00000000-0000-4000-8000-000000000000'), 'not-an-id', '');
  });
  afterAll(() => app?.stop());

  /**
   * A digest of every tenant table's rows: equal before and after means nothing was written. A token's
   * `last_used_at` is left out: authentication refreshes it at most once a minute whatever the request
   * does, so a run that outlasts a minute would see it move under a refused mutation.
   */
  const digest = async () => {
    const tables = await app.sql<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' and tablename not in ('rate_limit', 'mikro_orm_migrations') order by 1`,
    );
    const parts = tables.map(({ t }) => `(select md5(coalesce(string_agg((to_jsonb(x) - 'last_used_at')::text, '|' order by (to_jsonb(x) - 'last_used_at')::text), '')) from "${t}" x)`);
    return (await app.sql<{ d: string }>(`select md5(concat(${parts.join(', ')})) as d`))[0]!.d;
  };

  const hostileString = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('\u0000', 'a\u0000b', 'x\ud800', '\udfff', '09:00', '25:99', 'Europe/Berlin', 'Mars/Olympus', 'a@b.c', "'; drop table appointment; --"),
    fc.integer({ min: 1, max: 4 }).map((k) => 'x'.repeat([255, 256, 2_001, 20_000][k - 1]!)),
  );

  function valueOf(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return valueOf(type.ofType, depth);
    if (isListType(type)) return fc.oneof({ weight: 5, arbitrary: fc.array(valueOf(type.ofType, depth), { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant(Array(150).fill(ids[0])) });
    const named = getNamedType(type);
    if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.value), 'NOT_A_VALUE');
    if (isInputObjectType(named)) return depth > 3 ? fc.constant({}) : inputOf(named.getFields(), depth + 1);
    switch (named.name) {
      case 'ID':
        return fc.oneof(fc.constantFrom(...ids), hostileString);
      case 'Int':
        return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 1441, 2147483647, -2147483648));
      case 'Float':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc.oneof(
          fc.date({ min: new Date('2029-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:00:00Z', '2030-02-30T10:00:00Z', 'yesterday'),
        );
      case 'Date':
        return fc.constantFrom('2030-01-01', '1899-12-31', '0000-00-00', '2030-13-01', 'x');
      case 'Decimal':
        return fc.oneof(fc.constantFrom('12.5', '0', '-1', '1e20', '0.00001', 'abc', '999999999999999.9999'), fc.double({ noNaN: true }).map(String));
      case 'JSONObject':
        return fc.oneof(fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }), fc.constant(JSON.parse('{"a":'.repeat(12) + '1' + '}'.repeat(12))));
      default:
        return hostileString;
    }
  }

  function inputOf(fields: Record<string, { type: GraphQLInputType }>, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const shape = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, valueOf(field.type, depth)]));
    const required = Object.entries(fields).filter(([, f]) => isNonNullType(f.type)).map(([name]) => name);
    return fc.record(shape, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
  }

  const mutations = () => Object.values(schema.getMutationType()!.getFields()) as GraphQLField<unknown, unknown>[];

  it('covers every mutation of the schema', () => {
    expect(mutations().length).toBeGreaterThan(20);
    expect(mutations().every((m) => m.args.length === 1 && m.args[0]!.name === 'input')).toBe(true);
  });

  it('answers every generated input without INTERNAL_SERVER_ERROR, and a refusal writes nothing', async () => {
    let requests = 0;
    for (const mutation of mutations()) {
      const inputType = mutation.args[0]!.type;
      const document = `mutation($input: ${String(inputType)}) { ${mutation.name}(input: $input) { __typename userErrors { code } } }`;
      await fc.assert(
        fc.asyncProperty(valueOf(inputType, 0), async (input) => {
          const before = await digest();
          const res = await fetch(app.kairos.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
            body: JSON.stringify({ query: document, variables: { input } }),
          });
          requests++;
          const body = (await res.json()) as { data?: Record<string, { userErrors: unknown[] } | null>; errors?: { extensions?: { code?: string } }[] };
          expect(res.status, `${mutation.name}: ${JSON.stringify(body)}`).toBeLessThan(500);
          expect(body.errors?.map((e) => e.extensions?.code) ?? [], mutation.name).not.toContain('INTERNAL_SERVER_ERROR');
          const refused = Boolean(body.errors?.length) || Boolean(body.data?.[mutation.name]?.userErrors.length);
          if (refused) expect(await digest(), `${mutation.name} refused but wrote: ${JSON.stringify(input).slice(0, 500)}`).toBe(before);
        }),
        { numRuns: RUNS_PER_MUTATION },
      );
    }
    console.log(`fuzz: ${requests} requests over ${mutations().length} mutations`);
    // 20 requests per mutation, one after another: with the catalogue's update and archive mutations
    // (about 50 in all) this takes ~45 s alone and longer beside other suites, past the 60 s default.
  }, 240_000);
});
