import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Operations compiled per parsed document (Apollo's document store hands out the same object for the same query). */
const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery>>();

function compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
  let perDocument = compiled.get(document);
  if (!perDocument) compiled.set(document, (perDocument = new Map()));
  let query = perDocument.get(operationName);
  if (!query) {
    const result = compileQuery(schema, document, operationName ?? undefined);
    if (!isCompiledQuery(result)) return null;
    perDocument.set(operationName, (query = result));
  }
  return query;
}

/**
 * A graphql-jit error as a graphql-js one: the same message, locations, path, extensions and original
 * error, so Apollo's formatting, masking (src/app/server.ts) and plugins see what graphql-js gives them.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (converted as { locations: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}

/**
 * Executes with graphql-jit (issue 14: the same resolvers at a fraction of graphql-js's per-field
 * cost), with graphql-js's semantics where graphql-jit differs:
 * - variables are coerced by graphql-js (`getVariableValues`), so input-object defaults apply and a
 *   refusal has graphql-js's message; graphql-jit then receives the coerced values, which its own
 *   coercion passes through unchanged for Kairos's scalars and enums;
 * - errors are rebuilt as graphql-js `GraphQLError`s (path, locations, extensions, original error);
 * - an operation graphql-jit cannot compile, or a subscription, runs on graphql-js.
 * Abstract types need a synchronous `resolveType` (src/app/schema.ts sets one for `Node`).
 */
export function jitExecutor(schema: GraphQLSchema, fallback: GatewayExecutor): GatewayExecutor {
  return async (requestContext) => {
    const { document, operation, operationName } = requestContext as unknown as { document: DocumentNode; operation: OperationDefinitionNode; operationName: string | null };
    if (operation.operation === 'subscription') return fallback(requestContext);
    const query = compiledFor(schema, document, operationName);
    if (!query) return fallback(requestContext);
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], requestContext.request.variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const result = await query.query(undefined, requestContext.context, coerced.coerced);
    return result.errors?.length ? { ...result, errors: result.errors.map((e) => asGraphQLError(e as GraphQLError)) } : result;
  };
}

/**
 * Apollo's gateway interface used only to hand Apollo a local schema with its own executor: no
 * federation, no schema updates.
 */
export function localGateway(schema: GraphQLSchema, executor: GatewayExecutor): GatewayInterface {
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
