import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../shared/pagination.js';

/** The limits every GraphQL document is held to before it runs (docs/security.md; defaults in src/config/env.ts). */
export interface QueryLimits {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  /** Items assumed for a list field without a `first` argument. */
  listFactor: number;
}

/** Which limit refused a document: `extensions.limit` of the GRAPHQL_VALIDATION_FAILED error. */
export type LimitName = 'maxTokens' | 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxCost' | 'maxNodes';

/** A request error naming the limit; Apollo answers it under GRAPHQL_VALIDATION_FAILED (HTTP 400, 200 for application/json). */
export function limitError(limit: LimitName, message: string, max: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, http: { status: 400 } } });
}

/**
 * graphql-armor's depth, alias and directive rules, reporting through the validation context instead
 * of throwing: graphql-js `validate()` rethrows what a rule throws and Apollo would answer it as a 500.
 */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  const report = (limit: LimitName, max: number) => (ctx: ValidationContext | null, error: GraphQLError) =>
    ctx?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, ''), max));
  const common = { exposeLimits: true, propagateOnRejection: false };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, onReject: [report('maxDepth', limits.maxDepth)] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [report('maxAliases', limits.maxAliases)] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [report('maxDirectives', limits.maxDirectives)] }),
  ] as unknown as ValidationRule[];
}

/**
 * How many objects an answer may hold: every field that answers an object counts 1, times the
 * number of items it may answer: `first` of a connection (default {@link DEFAULT_PAGE_SIZE}),
 * the length of `ids`, or `listFactor` for any other list. Scalars are free; the connection's `edges`
 * list is already counted by its `first`. Introspection fields count like any other.
 */
function objectEstimator(listFactor: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (!isCompositeType(getNamedType(field.type))) return 0;
    let items = 1;
    if (field.args.some((arg) => arg.name === 'first')) items = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    else if (Array.isArray(args.ids)) items = args.ids.length;
    else if (isListType(getNullableType(field.type)) && !(type.name.endsWith('Connection') && field.name === 'edges')) items = listFactor;
    return items * (1 + childComplexity);
  };
}

/** Most selections the cost walk visits: a bound on fragment fan-out that the token limit alone does not give. */
const MAX_QUERY_NODES = 10_000;

/**
 * The estimated cost of the operation `operationName` of a validated `document` with `variables`;
 * 0 when the variables do not coerce (execution then refuses them before any resolver runs).
 * @throws GraphQLError GRAPHQL_VALIDATION_FAILED (`limit: maxNodes`) when the walk passes {@link MAX_QUERY_NODES}.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | null | undefined, listFactor: number): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [objectEstimator(listFactor)], maxQueryNodes: MAX_QUERY_NODES });
  } catch (error) {
    if (error instanceof GraphQLError && error.message.includes('maximum allowed number of nodes')) {
      throw limitError('maxNodes', `The operation selects more than ${MAX_QUERY_NODES} fields once fragments are expanded.`, MAX_QUERY_NODES);
    }
    if (error instanceof GraphQLError) return 0;
    throw error;
  }
}
