import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars.js';
import { resolvers } from './resolvers.js';

/** Builds the executable schema from the type-graphql resolvers. `Date` values are `DateTime`. */
export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: resolvers as unknown as NonEmptyArray<Function>,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    emitSchemaFile: false,
  });
}

/** The published SDL (`schema/schema.graphql`): sorted, with descriptions. */
export function printPublishedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
