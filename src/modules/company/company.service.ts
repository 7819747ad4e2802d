import type { Context } from '../../app/context.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { Company } from './company.entity.js';
import type { CreateCompanyInput } from './company.inputs.js';

/** Creates a company in the caller's organisation. Idempotent by `input.idempotencyKey`. */
export function createCompany(ctx: Context, input: CreateCompanyInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createCompany', input, Company, async () => {
      const company = em.create(Company, { organisation: ctx.viewer!.organisationId, name: input.name.trim() });
      return company;
    }),
  );
}
