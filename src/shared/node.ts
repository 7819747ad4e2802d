import { Field, ID, InterfaceType } from 'type-graphql';

/** The GraphQL type of a `Node` value: its class's name (read-only instances keep their class). */
export const resolveNodeType = (value: object): string => value.constructor.name;

/** Relay Global Object Identification: every type with an id implements `Node`. */
@InterfaceType({
  description: 'An object with a global id, fetchable with `node(id:)` / `nodes(ids:)`.',
  resolveType: resolveNodeType,
})
export abstract class Node {
  /**
   * Read from each entity's `globalId` getter, never from its raw UUID. Not `simple`, although the
   * implementing types have `simpleResolvers`: the default resolver would read the property `id`.
   */
  @Field(() => ID, { name: 'id', simple: false, description: 'Opaque global id; resolves through `node(id:)`.' })
  globalId!: string;
}
