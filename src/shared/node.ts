import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay Global Object Identification: every type with an id implements `Node`. */
@InterfaceType({
  description: 'An object with a global id, fetchable with `node(id:)` / `nodes(ids:)`.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  /** Read from each entity's `globalId` getter, never from its raw UUID. */
  @Field(() => ID, { name: 'id', description: 'Opaque global id; resolves through `node(id:)`.' })
  globalId!: string;
}
