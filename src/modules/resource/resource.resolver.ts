import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { requireViewer } from '../../app/context.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { Location } from '../location/location.entity.js';
import { Resource, ResourceKind } from './resource.entity.js';
import { CreateResourceInput } from './resource.inputs.js';
import { CreateResourcePayload } from './resource.payloads.js';
import { createResource, listResources } from './resource.service.js';

export const ResourceConnection = connectionType(Resource);

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => ResourceConnection, { description: 'Resources (rooms, vehicles, equipment) of the organisation, oldest first.' })
  resources(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('kind', () => ResourceKind, { nullable: true, description: 'Only resources of this kind; all when not given.' }) kind?: ResourceKind | null,
  ) {
    requireViewer(ctx);
    return listResources(ctx, kind, args);
  }

  @FieldResolver(() => Location, { nullable: true, description: 'The location the resource belongs to.' })
  location(@Ctx() ctx: Context, @Root() resource: Resource) {
    return resource.location ? ctx.loaders.byId(Location).load(resource.location.id) : null;
  }

  @Mutation(() => CreateResourcePayload, { description: 'Creates a bookable resource (room, vehicle, equipment). userErrors: VALIDATION.' })
  createResource(@Ctx() ctx: Context, @Arg('input', { description: 'The new resource.' }) input: CreateResourceInput) {
    return createResource(ctx, input);
  }
}
