import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  visit,
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

/** Arguments whose values change an operation's cost: page sizes, id lists and `@include`/`@skip` conditions. */
const COST_ARGUMENTS = new Set(['first', 'ids', 'if']);

/** Per document: the variables that feed {@link COST_ARGUMENTS}, and costs already computed by their values. */
const costCache = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();

/** Distinct variable values cached per document; a document paged with many page sizes stops caching past it. */
const MAX_CACHED_COSTS = 64;

/**
 * {@link operationCost}, remembered per document (Apollo caches parsed documents) and per value of the
 * variables that can change it, so a repeated operation costs a map look-up rather than a walk.
 */
export function cachedOperationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | null | undefined, listFactor: number): number {
  let entry = costCache.get(document);
  if (!entry) {
    const names = new Set<string>();
    visit(document, {
      Argument(node) {
        if (COST_ARGUMENTS.has(node.name.value)) visit(node.value, { Variable: (v) => void names.add(v.name.value) });
      },
    });
    costCache.set(document, (entry = { variables: [...names], costs: new Map() }));
  }
  // An absent variable takes its default, an explicit null does not: they must not share a key.
  const key = JSON.stringify([operationName ?? null, ...entry.variables.map((name) => (variables && name in variables ? [variables[name]] : []))]);
  let cost = entry.costs.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, variables, operationName, listFactor);
    if (entry.costs.size < MAX_CACHED_COSTS) entry.costs.set(key, cost);
  }
  return cost;
}

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
