import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { requireViewer } from '../../app/context.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { Location } from '../location/location.entity.js';
import { Resource, ResourceKind } from './resource.entity.js';
import { ArchiveResourceInput, CreateResourceInput, UpdateResourceInput } from './resource.inputs.js';
import { ArchiveResourcePayload, CreateResourcePayload, UpdateResourcePayload } from './resource.payloads.js';
import { archiveResource, createResource, listResources, updateResource } from './resource.service.js';

export const ResourceConnection = connectionType(Resource);

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => ResourceConnection, { description: 'Resources (rooms, vehicles, equipment) of the organisation, oldest first; archived ones only with `includeArchived: true`.' })
  resources(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('kind', () => ResourceKind, { nullable: true, description: 'Only resources of this kind; all when not given.' }) kind: ResourceKind | null | undefined,
    @Arg('includeArchived', () => Boolean, { defaultValue: false, description: 'Also list archived resources.' }) includeArchived: boolean,
  ) {
    requireViewer(ctx);
    return listResources(ctx, kind, includeArchived, args);
  }

  @FieldResolver(() => Location, { nullable: true, description: 'The location the resource belongs to.' })
  location(@Ctx() ctx: Context, @Root() resource: Resource) {
    return resource.location ? ctx.loaders.byId(Location).load(resource.location.id) : null;
  }

  @Mutation(() => CreateResourcePayload, { description: 'Creates a bookable resource (room, vehicle, equipment). userErrors: VALIDATION.' })
  createResource(@Ctx() ctx: Context, @Arg('input', { description: 'The new resource.' }) input: CreateResourceInput) {
    return createResource(ctx, input);
  }

  @Mutation(() => UpdateResourcePayload, { description: 'Changes a resource: rename, kind, status (close a room), or move it to another location. userErrors: VALIDATION, STALE_VERSION.' })
  updateResource(@Ctx() ctx: Context, @Arg('input', () => UpdateResourceInput, { description: 'The changes.' }) input: UpdateResourceInput) {
    return updateResource(ctx, input);
  }

  @Mutation(() => ArchiveResourcePayload, { description: 'Archives a resource (OWNER or ADMIN): it stays on old appointments but can no longer be booked. Archiving again changes nothing. userErrors: STALE_VERSION.' })
  archiveResource(@Ctx() ctx: Context, @Arg('input', () => ArchiveResourceInput, { description: 'The resource.' }) input: ArchiveResourceInput) {
    return archiveResource(ctx, input);
  }
}
