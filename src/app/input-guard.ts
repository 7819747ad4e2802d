import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Bounds on every input value, checked before anything runs (docs/security.md). The defaults are outer
 * bounds; {@link NAMED_BOUNDS} tightens them by field name, and a field may set its own with
 * `@Extensions({ maxLength })` / `@Extensions({ maxItems })`. Services still apply their own business
 * rules within them (e.g. notes at most 1,000 characters, a VALIDATION userError).
 */
export const INPUT_BOUNDS = {
  /** Characters of a `String` without its own `maxLength`. */
  string: 2_000,
  /** Characters of an `ID` (global ids are about 50). */
  id: 200,
  /** Items of a list without its own `maxItems` (`nodes(ids:)` included). */
  items: 100,
  /** Characters of a `JSONObject` once serialised. */
  jsonCharacters: 16_384,
  /** Nesting of objects and arrays inside a `JSONObject`. */
  jsonDepth: 8,
} as const;

interface Bounds {
  maxLength?: number;
  maxItems?: number;
}

/**
 * Bounds by argument or input-field name, wherever the name appears, so that a new input gets them too.
 * Keys and identifiers stay within one btree index row (PostgreSQL refuses index entries over ~2.7 KB).
 */
export const NAMED_BOUNDS: Readonly<Record<string, Bounds>> = {
  /** Stripe's limit for idempotency keys. */
  idempotencyKey: { maxLength: 255 },
  /** RFC 5321: a forward path is at most 256 octets, so an address at most 254 characters. */
  email: { maxLength: 254 },
  externalRef: { maxLength: 255 },
  name: { maxLength: 200 },
  firstName: { maxLength: 200 },
  lastName: { maxLength: 200 },
  fullName: { maxLength: 200 },
  invoiceName: { maxLength: 200 },
  title: { maxLength: 200 },
  search: { maxLength: 200 },
  appointmentType: { maxLength: 100 },
  source: { maxLength: 100 },
  paymentMethod: { maxLength: 100 },
  prepaidPaymentMethod: { maxLength: 100 },
  settlementPaymentMethod: { maxLength: 100 },
  status: { maxLength: 100 },
  gender: { maxLength: 100 },
  countryName: { maxLength: 100 },
  job: { maxLength: 200 },
  reference: { maxLength: 100 },
  postcode: { maxLength: 100 },
  barcode: { maxLength: 100 },
  code: { maxLength: 100 },
  brand: { maxLength: 200 },
  category: { maxLength: 200 },
  phoneNumber: { maxLength: 50 },
  identityNumber: { maxLength: 50 },
  /** The longest IANA zone name is 32 characters. */
  timeZone: { maxLength: 64 },
  /** Opaque cursors Kairos issues are under 200 characters. */
  after: { maxLength: 500 },
};

/** A refusal with the argument path, e.g. `input.firstName`; HTTP 400 (200 under `application/json`). */
function refuse(field: GraphQLField<unknown, unknown>, path: (string | number)[], problem: string): GraphQLError {
  return new GraphQLError(`Argument ${path.join('.')} of ${field.name} ${problem}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: String(path[0]), http: { status: 400 } },
  });
}

/** What is wrong with a text value PostgreSQL must store or compare, or null. */
function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains the NUL character (U+0000), which text fields cannot hold.';
  if (!text.isWellFormed()) return 'contains a lone UTF-16 surrogate, which is not a Unicode character.';
  return null;
}

/** What is wrong with a free-form JSON value, or null: depth, text in keys and values. */
function jsonProblem(value: unknown, depth: number): string | null {
  if (typeof value === 'string') return textProblem(value);
  if (value === null || typeof value !== 'object') return null;
  if (depth > INPUT_BOUNDS.jsonDepth) return `nests objects and arrays deeper than ${INPUT_BOUNDS.jsonDepth} levels.`;
  for (const [key, item] of Object.entries(value)) {
    const problem = (Array.isArray(value) ? null : textProblem(key)) ?? jsonProblem(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** The first bound `value` (coerced to `type`) breaks, as a refusal; null when it keeps them all. */
function check(field: GraphQLField<unknown, unknown>, value: unknown, type: GraphQLInputType, bounds: Bounds, path: (string | number)[]): GraphQLError | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return check(field, value, type.ofType, bounds, path);
  if (isListType(type)) {
    const items = value as unknown[];
    const max = bounds.maxItems ?? INPUT_BOUNDS.items;
    if (items.length > max) return refuse(field, path, `has ${items.length} items; at most ${max} are allowed.`);
    for (let i = 0; i < items.length; i++) {
      const error = check(field, items[i], type.ofType, { maxLength: bounds.maxLength }, [...path, i]);
      if (error) return error;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const inputField = fields[name];
      if (!inputField) continue;
      const error = check(field, item, inputField.type, { ...NAMED_BOUNDS[name], ...(inputField.extensions as Bounds) }, [...path, name]);
      if (error) return error;
    }
    return null;
  }
  if (!isScalarType(type)) return null;
  if (typeof value === 'string') {
    const max = bounds.maxLength ?? (type.name === 'ID' ? INPUT_BOUNDS.id : INPUT_BOUNDS.string);
    if (value.length > max) return refuse(field, path, `has ${value.length} characters; at most ${max} are allowed.`);
    const problem = textProblem(value);
    return problem ? refuse(field, path, problem) : null;
  }
  if (type.name === 'JSONObject') {
    const size = JSON.stringify(value).length;
    if (size > INPUT_BOUNDS.jsonCharacters) return refuse(field, path, `is ${size} characters as JSON; at most ${INPUT_BOUNDS.jsonCharacters} are allowed.`);
    const problem = jsonProblem(value, 1);
    return problem ? refuse(field, path, problem) : null;
  }
  return null;
}

type ArgumentField = [GraphQLField<unknown, unknown>, FieldNode];

/** The fields of a document that take arguments; Apollo caches parsed documents, so is this. */
const argumentFields = new WeakMap<DocumentNode, ArgumentField[]>();

function fieldsWithArguments(schema: GraphQLSchema, document: DocumentNode): ArgumentField[] {
  let found = argumentFields.get(document);
  if (!found) {
    const fields: ArgumentField[] = [];
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const definition = typeInfo.getFieldDef();
          if (definition && node.arguments?.length) fields.push([definition, node]);
        },
      }),
    );
    argumentFields.set(document, (found = fields));
  }
  return found;
}

/**
 * Checks every argument of `operation` (variables and literals alike) against {@link INPUT_BOUNDS}
 * and the fields' own bounds: lengths of strings and ids, list sizes, NUL characters and lone
 * surrogates (GraphQL's `String` allows both; PostgreSQL text and jsonb cannot hold them), and the
 * size and depth of `JSONObject` values.
 * @throws GraphQLError BAD_USER_INPUT naming the argument path, or the first variable that does not
 *   coerce to its type (graphql-js would list up to 50 and then add an error without a code, which
 *   clients would read as INTERNAL_SERVER_ERROR).
 */
export function checkInputBounds(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): void {
  const fields = fieldsWithArguments(schema, document);
  if (!fields.length) return;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) {
    const [first] = coerced.errors;
    throw new GraphQLError(first!.message, { nodes: first!.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  for (const [definition, node] of fields) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, node, coerced.coerced);
    } catch {
      continue;
    }
    for (const arg of definition.args) {
      const error = check(definition, args[arg.name], arg.type, { ...NAMED_BOUNDS[arg.name], ...(arg.extensions as Bounds) }, [arg.name]);
      if (error) throw error;
    }
  }
}
