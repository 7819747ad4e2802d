import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { ARCHIVED_FILTER } from '../../shared/archivable.entity.js';
import { archiveMutation, patch, updateMutation } from '../../shared/crud.js';
import { UserError, UserErrorCode, UserErrorList, UserErrorsException } from '../../shared/errors.js';
import { findOptional } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import { checkNotCleared, checkRequiredText, clean } from '../../shared/validation.js';
import { Location } from '../location/location.entity.js';
import type { ArchiveResourceInput, CreateResourceInput, UpdateResourceInput } from './resource.inputs.js';
import { Resource, type ResourceKind } from './resource.entity.js';

/**
 * The location of `locationId` (undefined: not given, null: none).
 * @throws UserErrorsException VALIDATION for an archived location. @throws GraphQLError NOT_FOUND.
 */
async function findLocation(em: EntityManager, locationId: string | null | undefined): Promise<Location | null | undefined> {
  const location = await findOptional(em, Location, locationId, 'locationId');
  if (location?.archivedAt) {
    throw new UserErrorsException([UserError.of(UserErrorCode.VALIDATION, `Location "${location.name}" is archived: a resource cannot be placed there.`, ['input', 'locationId'])]);
  }
  return location;
}

/** `createResource`. Idempotent by `input.idempotencyKey`. userErrors: VALIDATION (also an archived location). @throws GraphQLError NOT_FOUND for locationId. */
export function createResource(ctx: Context, input: CreateResourceInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createResource', input, Resource, async () => {
      const errors = new UserErrorList();
      checkRequiredText(errors, input.name, 200, ['input', 'name']);
      if (input.status != null) checkRequiredText(errors, input.status, 200, ['input', 'status']);
      errors.throwIfAny();
      const location = await findLocation(em, input.locationId);
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

/** `updateResource`: rename, change kind or status, move to another location. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND. */
export function updateResource(ctx: Context, input: UpdateResourceInput) {
  return updateMutation(ctx, Resource, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['name', 'kind', 'status']);
      if (input.name != null) checkRequiredText(errors, input.name, 200, ['input', 'name']);
      if (input.status != null) checkRequiredText(errors, input.status, 200, ['input', 'status']);
    },
    apply: async (resource, _input, em) => {
      const location = await findLocation(em, input.locationId);
      if (location !== undefined) resource.location = location;
      patch(resource, input, ['name', 'kind', 'status'], { name: clean, status: clean });
    },
  });
}

/** `archiveResource` (OWNER/ADMIN): the resource can no longer be booked. userErrors: STALE_VERSION. */
export function archiveResource(ctx: Context, input: ArchiveResourceInput) {
  return archiveMutation(ctx, Resource, input);
}

/** `resources(kind, includeArchived)`: the organisation's resources, oldest first; archived ones only when asked. */
export function listResources(ctx: Context, kind: ResourceKind | null | undefined, includeArchived: boolean, args: ConnectionArgs) {
  return paginate(ctx.em, Resource, kind == null ? {} : { kind }, args, ['id'], { [ARCHIVED_FILTER]: !includeArchived });
}
