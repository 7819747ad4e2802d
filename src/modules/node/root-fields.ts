import { Arg, Ctx, ID, Query, Resolver, type ClassType } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { loadNode } from './node.resolver.js';

/** `Appointment` → `appointment`, `TimeBand` → `timeBand`. */
const rootName = (type: string) => type[0]!.toLowerCase() + type.slice(1);

/**
 * Builds the resolver of one root field per node type (`appointment(id: ID!): Appointment`), each a
 * typed `node(id:)` that answers null for another type's id or another organisation's.
 */
export function rootFieldResolver(type: ClassType) {
  @Resolver()
  class RootFieldResolver {
    @Query(() => type, { name: rootName(type.name), nullable: true, description: `The ${type.name} with this global id; null when it does not exist in your organisation.` })
    async find(@Ctx() ctx: Context, @Arg('id', () => ID, { description: `Global id of a ${type.name}.` }) id: string) {
      const node = await loadNode(ctx, id);
      return node instanceof type ? node : null;
    }
  }
  Object.defineProperty(RootFieldResolver, 'name', { value: `${type.name}RootFieldResolver` });
  return RootFieldResolver;
}
