import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EntityClass } from '@mikro-orm/core';
import { requireViewer, type Context } from '../../app/context.js';
import { entities } from '../../db/entities.js';
import { fromGlobalId } from '../../shared/global-id.js';
import { Node } from '../../shared/node.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../user/user.entity.js';
import { Membership } from '../user/membership.entity.js';

const INTERNAL = new Set(['BaseEntity', 'TenantEntity', 'Membership', 'ApiToken', 'IdempotencyKey']);
const NODE_TYPES = new Map<string, EntityClass<object>>(entities.filter((e) => !INTERNAL.has(e.name)).map((e) => [e.name, e as EntityClass<object>]));

/**
 * Loads any node of the caller's organisation by global id; null when it does not exist there.
 * Users count only when they are members of the organisation; the organisation only when it is the caller's.
 */
export async function loadNode(ctx: Context, globalId: string): Promise<object | null> {
  const viewer = requireViewer(ctx);
  const decoded = fromGlobalId(globalId);
  const entity = decoded && NODE_TYPES.get(decoded.type);
  if (!decoded || !entity) return null;
  if (entity === Organisation) return decoded.id === viewer.organisationId ? ctx.loaders.byId(Organisation).load(decoded.id) : null;
  if (entity === User) {
    const memberships = await ctx.loaders.children(Membership, 'user').load(decoded.id);
    return memberships.length ? ctx.loaders.byId(User).load(decoded.id) : null;
  }
  return ctx.loaders.byId(entity).load(decoded.id);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id (Relay); null when it does not exist in your organisation.' })
  node(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'A global id.' }) id: string) {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several objects by global id, in the order asked; null for each one not found in your organisation.' })
  nodes(@Ctx() ctx: Context, @Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[]) {
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
