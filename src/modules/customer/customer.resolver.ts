import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { requireViewer } from '../../app/context.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { Company } from '../company/company.entity.js';
import { User } from '../user/user.entity.js';
import { Customer } from './customer.entity.js';
import { CreateCustomerInput, DeleteCustomerInput, UpdateCustomerInput } from './customer.inputs.js';
import { CreateCustomerPayload, DeleteCustomerPayload, UpdateCustomerPayload } from './customer.payloads.js';
import { createCustomer, deleteCustomer, searchCustomers, updateCustomer } from './customer.service.js';

export const CustomerConnection = connectionType(Customer);

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection, { description: 'Customers of the organisation that are not deleted, oldest first, optionally filtered by `search`.' })
  customers(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('search', () => String, { nullable: true, description: 'Case-insensitive substring of name, phoneNumber, email or identityNumber, e.g. `+7701` or `ivanov`.' }) search?: string | null,
  ) {
    requireViewer(ctx);
    return searchCustomers(ctx, search, args);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The customer\'s company (One-link `company_id`).' })
  company(@Ctx() ctx: Context, @Root() customer: Customer) {
    return customer.company ? ctx.loaders.byId(Company).load(customer.company.id) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The staff member related to the customer (Flextell `related_user`).' })
  relatedUser(@Ctx() ctx: Context, @Root() customer: Customer) {
    return customer.relatedUser ? ctx.loaders.byId(User).load(customer.relatedUser.id) : null;
  }

  @Mutation(() => CreateCustomerPayload, { description: 'Creates a customer (Flextell customer, One-link client, Ctrl-Hub contact). userErrors: VALIDATION, INVALID_IIN.' })
  createCustomer(@Ctx() ctx: Context, @Arg('input', { description: 'The new customer.' }) input: CreateCustomerInput) {
    return createCustomer(ctx, input);
  }

  @Mutation(() => UpdateCustomerPayload, { description: 'Changes the given fields of a customer (a partial update; null clears a field). userErrors: VALIDATION (also for an erased customer), INVALID_IIN.' })
  updateCustomer(@Ctx() ctx: Context, @Arg('input', { description: 'The customer\'s id and the fields to change.' }) input: UpdateCustomerInput) {
    return updateCustomer(ctx, input);
  }

  @Mutation(() => DeleteCustomerPayload, {
    description: 'Erases a customer (OWNER or ADMIN; the GDPR right to erasure): personal fields are blanked (name becomes `Erased customer`), `deletedAt` is set, and the free-text notes about them on their appointments and interactions go; appointments, payments and other records stay linked. Erasing again changes nothing; nothing undoes it. docs/errors.md lists what is kept.',
  })
  deleteCustomer(@Ctx() ctx: Context, @Arg('input', () => DeleteCustomerInput, { description: 'The customer.' }) input: DeleteCustomerInput) {
    return deleteCustomer(ctx, input);
  }
}
