import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { requireViewer } from '../../app/context.js';
import { ConnectionArgs, connectionType, paginate } from '../../shared/pagination.js';
import { Location } from './location.entity.js';
import { CreateLocationInput } from './location.inputs.js';
import { CreateLocationPayload } from './location.payloads.js';
import { createLocation } from './location.service.js';

export const LocationConnection = connectionType(Location);

@Resolver(() => Location)
export class LocationResolver {
  @Query(() => LocationConnection, { description: 'Locations of the organisation, oldest first.' })
  locations(@Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    requireViewer(ctx);
    return paginate(ctx.em, Location, {}, args, ['id']);
  }

  @Mutation(() => CreateLocationPayload, { description: 'Creates a location (Caspen `location_id`). userErrors: VALIDATION.' })
  createLocation(@Ctx() ctx: Context, @Arg('input', { description: 'The new location.' }) input: CreateLocationInput) {
    return createLocation(ctx, input);
  }
}
