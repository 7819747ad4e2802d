import { GraphQLInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import { resolveNodeType } from '../shared/node.js';
import { DateTimeScalar } from '../shared/scalars.js';
import { resolvers } from './resolvers.js';

/**
 * type-graphql refuses to build `@Subscription`s without a PubSub, though ours all bring their own
 * `subscribe` (fed by the outbox hub, src/modules/events) and never use topics: this one says so if asked.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Kairos subscriptions are fed by the outbox, not by topics.');
  },
  subscribe() {
    throw new Error('Kairos subscriptions are fed by the outbox, not by topics.');
  },
};

/** Builds the executable schema from the type-graphql resolvers. `Date` values are `DateTime`; `Node.resolveType` is synchronous. */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: resolvers as unknown as NonEmptyArray<Function>,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    pubSub: NO_TOPICS,
    emitSchemaFile: false,
  });
  // type-graphql wraps a declared resolveType in an async function; graphql-jit, the executor
  // (src/app/jit-executor.ts), takes the type name synchronously. The same function, unwrapped.
  (schema.getType('Node') as GraphQLInterfaceType).resolveType = resolveNodeType;
  return schema;
}

/** The published SDL (`schema/schema.graphql`): sorted, with descriptions. */
export function printPublishedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
