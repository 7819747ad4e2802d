import { Decimal } from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';

/**
 * Years a `DateTime` or `Date` input may lie in (docs/security.md). Outside them a value is a typo or
 * a probe (`0000-01-01`), and arithmetic on it (an end from a start and a duration) could leave the
 * range PostgreSQL and JavaScript dates share.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** Wraps a scalar's input parsing with the {@link FIRST_YEAR}–{@link LAST_YEAR} check on the year `yearOf` reads. */
function withYearRange<T>(name: string, config: ReturnType<GraphQLScalarType<T>['toConfig']>, yearOf: (value: T) => number) {
  const check = (value: T): T => {
    const year = yearOf(value);
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw new GraphQLError(`${name} must lie in the years ${FIRST_YEAR}–${LAST_YEAR}.`);
    return value;
  };
  return {
    ...config,
    parseValue: (value: unknown) => check(config.parseValue!(value) as T),
    parseLiteral: (ast: Parameters<NonNullable<typeof config.parseLiteral>>[0], variables?: Parameters<NonNullable<typeof config.parseLiteral>>[1]) => check(config.parseLiteral!(ast, variables) as T),
  };
}

/** `DateTime`: RFC 3339 date-time; input may carry any offset, output is always UTC (`…Z`). */
export const DateTimeScalar = new GraphQLScalarType({
  ...withYearRange('DateTime', DateTimeResolver.toConfig() as ReturnType<GraphQLScalarType<Date>['toConfig']>, (value) => value.getUTCFullYear()),
  description: `An RFC 3339 date-time, e.g. \`2023-11-07T05:31:56Z\`, in the years ${FIRST_YEAR}–${LAST_YEAR}. Inputs may carry any offset; answers are in UTC.`,
});

/** `Date`: a calendar date `YYYY-MM-DD` without time zone, kept as a string end to end. */
export const DateScalar = new GraphQLScalarType({
  ...withYearRange('Date', LocalDateResolver.toConfig() as ReturnType<GraphQLScalarType<string>['toConfig']>, (value) => Number(value.slice(0, 4))),
  name: 'Date',
  description: `A calendar date \`YYYY-MM-DD\` (RFC 3339 full-date), e.g. \`2023-12-25\`, in the years ${FIRST_YEAR}–${LAST_YEAR}.`,
});

/** `JSONObject`: free-form extras (`customAttributes`, `extraInfo`, history `changes`). */
export const JSONObjectScalar = JSONObjectResolver;

/** Every Decimal column is `numeric(19,4)` (or narrower, checked by its own rule): 15 digits before the point, 4 after. */
const DECIMAL_SCALE = 4;
const DECIMAL_LIMIT = new Decimal('1e15');

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new GraphQLError('Decimal must be a string or a number, e.g. "12.50".');
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new GraphQLError('Decimal must be finite.');
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) throw new GraphQLError(`"${text}" is not a decimal number.`);
  const decimal = new Decimal(text);
  if (decimal.abs().gte(DECIMAL_LIMIT) || decimal.decimalPlaces() > DECIMAL_SCALE) {
    throw new GraphQLError(`"${text}" is out of range: a Decimal has at most 15 digits before the point and ${DECIMAL_SCALE} after it.`);
  }
  return decimal.toFixed();
}

/** A decimal in plain notation without leading zeros: how PostgreSQL writes a `numeric`. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * The canonical form of a decimal: no exponent, no trailing zeros, zero unsigned; what decimal.js's
 * `toFixed()` answers. A {@link PLAIN_DECIMAL} (every `numeric` read from the database) only needs its
 * trailing zeros cut, which costs a fraction of parsing it into a Decimal and printing it again.
 */
export function canonicalDecimal(value: unknown): string {
  if (typeof value !== 'string' || !PLAIN_DECIMAL.test(value)) return new Decimal(value instanceof Decimal ? value : String(value)).toFixed();
  let end = value.length;
  if (value.includes('.')) {
    while (value.endsWith('0', end)) end--;
    if (value.endsWith('.', end)) end--;
  }
  const text = value.slice(0, end);
  return text === '-0' ? '0' : text;
}

/**
 * `Decimal`: an exact decimal number, a string on the wire (`"1250.50"`); numbers are accepted on
 * input. Money fields are in major units of the organisation's ISO 4217 currency.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number, answered as a string in canonical form without trailing zeros (e.g. `"1250.5"`); strings and numbers are accepted on input, with at most 15 digits before the point and 4 after (else BAD_USER_INPUT). Money is in major units of the organisation\'s ISO 4217 currency.',
  // Canonical form: no exponent, no trailing zeros (`numeric(19,4)` answers "85.0000"; clients get "85").
  serialize: canonicalDecimal,
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string or a number literal.');
  },
});
