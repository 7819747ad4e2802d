import type { Context } from '../../app/context.js';
import { UserErrorList } from '../../shared/errors.js';
import { findOptional } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import { Location } from '../location/location.entity.js';
import { checkRequiredText, clean } from '../product/product.service.js';
import type { CreateResourceInput } from './resource.inputs.js';
import { Resource, type ResourceKind } from './resource.entity.js';

/** `createResource`. Idempotent by `input.idempotencyKey`. userErrors: VALIDATION. @throws GraphQLError NOT_FOUND for locationId. */
export function createResource(ctx: Context, input: CreateResourceInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createResource', input, Resource, async () => {
      const errors = new UserErrorList();
      checkRequiredText(errors, input.name, 200, ['input', 'name']);
      if (input.status != null) checkRequiredText(errors, input.status, 200, ['input', 'status']);
      errors.throwIfAny();
      const location = await findOptional(em, Location, input.locationId, 'locationId');
      return em.create(Resource, {
        organisation: ctx.viewer!.organisationId,
        name: clean(input.name)!,
        kind: input.kind,
        status: clean(input.status) ?? 'active',
        location: location ?? null,
      });
    }),
  );
}

/** `resources(kind)`: the organisation's resources, oldest first. */
export function listResources(ctx: Context, kind: ResourceKind | null | undefined, args: ConnectionArgs) {
  return paginate(ctx.em, Resource, kind == null ? {} : { kind }, args, ['id']);
}
