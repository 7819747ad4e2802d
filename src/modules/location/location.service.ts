import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { isValidTimeZone } from '../organisation/organisation.service.js';
import { checkOptionalText, checkRequiredText, clean } from '../product/product.service.js';
import { Location } from './location.entity.js';
import type { CreateLocationInput } from './location.inputs.js';

/** `createLocation`. Idempotent by `input.idempotencyKey`. userErrors: VALIDATION (lengths, unknown IANA time zone). */
export function createLocation(ctx: Context, input: CreateLocationInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createLocation', input, Location, async () => {
      const errors = new UserErrorList();
      checkRequiredText(errors, input.name, 200, ['input', 'name']);
      checkOptionalText(errors, input.address, 1000, ['input', 'address']);
      const timeZone = clean(input.timeZone);
      if (timeZone && !isValidTimeZone(timeZone)) errors.add(UserErrorCode.VALIDATION, `timeZone "${timeZone}" is not an IANA time zone.`, ['input', 'timeZone']);
      errors.throwIfAny();
      return em.create(Location, { organisation: ctx.viewer!.organisationId, name: clean(input.name)!, address: clean(input.address), timeZone });
    }),
  );
}
