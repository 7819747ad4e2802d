import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { requireViewer } from '../../app/context.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { Location } from './location.entity.js';
import { ArchiveLocationInput, CreateLocationInput, UpdateLocationInput } from './location.inputs.js';
import { ArchiveLocationPayload, CreateLocationPayload, UpdateLocationPayload } from './location.payloads.js';
import { archiveLocation, createLocation, listLocations, updateLocation } from './location.service.js';

export const LocationConnection = connectionType(Location);

@Resolver(() => Location)
export class LocationResolver {
  @Query(() => LocationConnection, { description: 'Locations of the organisation, oldest first; archived ones only with `includeArchived: true`.' })
  locations(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('includeArchived', () => Boolean, { defaultValue: false, description: 'Also list archived locations.' }) includeArchived: boolean,
  ) {
    requireViewer(ctx);
    return listLocations(ctx, includeArchived, args);
  }

  @Mutation(() => CreateLocationPayload, { description: 'Creates a location (Caspen `location_id`). userErrors: VALIDATION.' })
  createLocation(@Ctx() ctx: Context, @Arg('input', { description: 'The new location.' }) input: CreateLocationInput) {
    return createLocation(ctx, input);
  }

  @Mutation(() => UpdateLocationPayload, { description: 'Changes a location\'s name, address or time zone. userErrors: VALIDATION, STALE_VERSION.' })
  updateLocation(@Ctx() ctx: Context, @Arg('input', () => UpdateLocationInput, { description: 'The changes.' }) input: UpdateLocationInput) {
    return updateLocation(ctx, input);
  }

  @Mutation(() => ArchiveLocationPayload, { description: 'Closes a location (OWNER or ADMIN): it stays on old appointments but can no longer be booked or given to a resource. Archiving again changes nothing. userErrors: STALE_VERSION.' })
  archiveLocation(@Ctx() ctx: Context, @Arg('input', () => ArchiveLocationInput, { description: 'The location.' }) input: ArchiveLocationInput) {
    return archiveLocation(ctx, input);
  }
}
