import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { requireViewer } from '../../app/context.js';
import { ConnectionArgs, connectionType, paginate } from '../../shared/pagination.js';
import { Company } from './company.entity.js';
import { CreateCompanyInput, UpdateCompanyInput } from './company.inputs.js';
import { CreateCompanyPayload, UpdateCompanyPayload } from './company.payloads.js';
import { createCompany, updateCompany } from './company.service.js';
import { Args } from 'type-graphql';

export const CompanyConnection = connectionType(Company);

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => CompanyConnection, { description: 'Companies of the organisation, oldest first.' })
  companies(@Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    requireViewer(ctx);
    return paginate(ctx.em, Company, {}, args, ['id']);
  }

  @Mutation(() => CreateCompanyPayload, { description: 'Creates a company (One-link `company_id` target).' })
  createCompany(@Ctx() ctx: Context, @Arg('input', () => CreateCompanyInput, { description: 'The mutation input.' }) input: CreateCompanyInput) {
    return createCompany(ctx, input);
  }

  @Mutation(() => UpdateCompanyPayload, { description: 'Renames a company. userErrors: VALIDATION, STALE_VERSION.' })
  updateCompany(@Ctx() ctx: Context, @Arg('input', () => UpdateCompanyInput, { description: 'The changes.' }) input: UpdateCompanyInput) {
    return updateCompany(ctx, input);
  }
}
