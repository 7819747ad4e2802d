import type { Context } from '../../app/context.js';
import { archiveMutation, patch, updateMutation } from '../../shared/crud.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import { ARCHIVED_FILTER } from '../../shared/archivable.entity.js';
import { checkNotCleared, checkOptionalText, checkRequiredText, clean } from '../../shared/validation.js';
import { isValidTimeZone } from '../organisation/organisation.service.js';
import { Location } from './location.entity.js';
import type { ArchiveLocationInput, CreateLocationInput, UpdateLocationInput } from './location.inputs.js';

/** VALIDATION for the given fields of a location (create: all; update: those present). */
function checkLocation(errors: UserErrorList, input: { name?: string | null; address?: string | null; timeZone?: string | null }, create: boolean): void {
  if (create || input.name != null) checkRequiredText(errors, input.name, 200, ['input', 'name']);
  checkOptionalText(errors, input.address, 1000, ['input', 'address']);
  const timeZone = clean(input.timeZone);
  if (timeZone && !isValidTimeZone(timeZone)) errors.add(UserErrorCode.VALIDATION, `timeZone "${timeZone}" is not an IANA time zone.`, ['input', 'timeZone']);
}

/** `createLocation`. Idempotent by `input.idempotencyKey`. userErrors: VALIDATION (lengths, unknown IANA time zone). */
export function createLocation(ctx: Context, input: CreateLocationInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createLocation', input, Location, async () => {
      const errors = new UserErrorList();
      checkLocation(errors, input, true);
      errors.throwIfAny();
      return em.create(Location, { organisation: ctx.viewer!.organisationId, name: clean(input.name)!, address: clean(input.address), timeZone: clean(input.timeZone) });
    }),
  );
}

/** `updateLocation`. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND. */
export function updateLocation(ctx: Context, input: UpdateLocationInput) {
  return updateMutation(ctx, Location, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['name']);
      checkLocation(errors, input, false);
    },
    apply: (location) => patch(location, input, ['name', 'address', 'timeZone'], { name: clean, address: clean, timeZone: clean }),
  });
}

/** `archiveLocation` (OWNER/ADMIN): closes the location for new bookings. userErrors: STALE_VERSION. */
export function archiveLocation(ctx: Context, input: ArchiveLocationInput) {
  return archiveMutation(ctx, Location, input);
}

/** `locations(includeArchived)`: the organisation's locations, oldest first; archived ones only when asked. */
export function listLocations(ctx: Context, includeArchived: boolean, args: ConnectionArgs) {
  return paginate(ctx.em, Location, {}, args, ['id'], { [ARCHIVED_FILTER]: !includeArchived });
}
