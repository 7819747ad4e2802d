import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EntityClass } from '@mikro-orm/core';
import { requireViewer, type Context } from '../../app/context.js';
import { entities } from '../../db/entities.js';
import { fromGlobalId } from '../../shared/global-id.js';
import { Node } from '../../shared/node.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../user/user.entity.js';
import { Membership } from '../user/membership.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Invitation } from '../user/invitation.entity.js';
import { ADMIN_ROLES } from '../user/user-role.js';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity.js';

const INTERNAL = new Set(['BaseEntity', 'TenantEntity', 'Membership', 'IdempotencyKey']);
const NODE_TYPES = new Map<string, EntityClass<object>>(entities.filter((e) => !INTERNAL.has(e.name)).map((e) => [e.name, e as EntityClass<object>]));

/**
 * Loads any node of the caller's organisation by global id; null when it does not exist there.
 * Users count only when they are members of the organisation (not while merely invited); the
 * organisation only when it is the caller's; invitations, API tokens and webhook endpoints and deliveries only for its OWNERs and ADMINs.
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
  if ((entity === Invitation || entity === WebhookEndpoint || entity === WebhookDelivery) && !ADMIN_ROLES.has(viewer.role)) return null;
  if (entity === ApiToken) {
    if (!ADMIN_ROLES.has(viewer.role)) return null;
    const token = await ctx.loaders.byId(ApiToken).load(decoded.id);
    return token?.organisation.id === viewer.organisationId ? token : null;
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
