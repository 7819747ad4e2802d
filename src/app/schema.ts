import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
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

/** Builds the executable schema from the type-graphql resolvers. `Date` values are `DateTime`. */
export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: resolvers as unknown as NonEmptyArray<Function>,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    pubSub: NO_TOPICS,
    emitSchemaFile: false,
  });
}

/** The published SDL (`schema/schema.graphql`): sorted, with descriptions. */
export function printPublishedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
