import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { requireViewer } from '../../app/context.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { Product } from '../product/product.entity.js';
import { User } from '../user/user.entity.js';
import { Treatment, TreatmentSession } from './treatment.entity.js';
import { CreateTreatmentInput, UpdateTreatmentInput } from './treatment.inputs.js';
import { CreateTreatmentPayload, UpdateTreatmentPayload } from './treatment.payloads.js';
import { createTreatment, listTreatments, updateTreatment } from './treatment.service.js';

export const TreatmentConnection = connectionType(Treatment);

@Resolver(() => Treatment)
export class TreatmentResolver {
  @Query(() => TreatmentConnection, { description: 'Treatments (bookable services) of the organisation, oldest first; archived ones only with `includeArchived: true`.' })
  treatments(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('isActive', () => Boolean, { nullable: true, description: 'Only active (true) or only inactive (false) treatments; all when not given.' }) isActive: boolean | null | undefined,
    @Arg('includeArchived', () => Boolean, { defaultValue: false, description: 'Also list archived treatments.' }) includeArchived: boolean,
  ) {
    requireViewer(ctx);
    return listTreatments(ctx, isActive, includeArchived, args);
  }

  @FieldResolver(() => [Product], { description: 'Products the treatment uses (Flextell `products[]`), in the order given.' })
  products(@Ctx() ctx: Context, @Root() treatment: Treatment) {
    return ctx.loaders.collection(Treatment, 'products', Product).load(treatment.id);
  }

  @FieldResolver(() => [User], { description: 'Staff who may perform the treatment (Flextell `users[]`).' })
  users(@Ctx() ctx: Context, @Root() treatment: Treatment) {
    return ctx.loaders.collection(Treatment, 'users', User).load(treatment.id);
  }

  @FieldResolver(() => [TreatmentSession], { description: 'The session plan (Flextell `sessions[]`), by sessionOrder.' })
  sessions(@Ctx() ctx: Context, @Root() treatment: Treatment) {
    return ctx.loaders.children(TreatmentSession, 'treatment', ['sessionOrder', 'id']).load(treatment.id);
  }

  @Mutation(() => CreateTreatmentPayload, { description: 'Creates a treatment (bookable service) with its products, performers and session plan. userErrors: VALIDATION.' })
  createTreatment(@Ctx() ctx: Context, @Arg('input', { description: 'The new treatment.' }) input: CreateTreatmentInput) {
    return createTreatment(ctx, input);
  }

  @Mutation(() => UpdateTreatmentPayload, { description: 'Changes a treatment, including its service rules (buffers, notice, horizon, slot interval). Existing appointments keep their buffers. userErrors: VALIDATION, STALE_VERSION.' })
  updateTreatment(@Ctx() ctx: Context, @Arg('input', { description: 'The changes.' }) input: UpdateTreatmentInput) {
    return updateTreatment(ctx, input);
  }
}

@Resolver(() => TreatmentSession)
export class TreatmentSessionResolver {
  @FieldResolver(() => Treatment, { description: 'The treatment this session belongs to.' })
  treatment(@Ctx() ctx: Context, @Root() session: TreatmentSession) {
    return ctx.loaders.byId(Treatment).load(session.treatment.id);
  }
}
