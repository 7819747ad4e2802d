import type { Context } from '../../app/context.js';
import { patch, updateMutation } from '../../shared/crud.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { checkNotCleared, checkRequiredText, clean } from '../../shared/validation.js';
import { Company } from './company.entity.js';
import type { CreateCompanyInput, UpdateCompanyInput } from './company.inputs.js';

/** Creates a company in the caller's organisation. Idempotent by `input.idempotencyKey`. */
export function createCompany(ctx: Context, input: CreateCompanyInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createCompany', input, Company, async () => {
      const company = em.create(Company, { organisation: ctx.viewer!.organisationId, name: input.name.trim() });
      return company;
    }),
  );
}

/** `updateCompany`. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND. */
export function updateCompany(ctx: Context, input: UpdateCompanyInput) {
  return updateMutation(ctx, Company, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['name']);
      if (input.name != null) checkRequiredText(errors, input.name, 200, ['input', 'name']);
    },
    apply: (company) => patch(company, input, ['name'], { name: clean }),
  });
}
