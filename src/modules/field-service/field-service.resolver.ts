import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Customer } from '../customer/customer.entity.js';
import { Account, TimeBand } from './field-service.entities.js';
import {
  CreateAccountInput,
  CreateOperationInput,
  CreatePropertyInput,
  CreateTimeBandInput,
  UpdateAccountInput,
  UpdateOperationInput,
  UpdatePropertyInput,
  UpdateTimeBandInput,
} from './field-service.inputs.js';
import {
  CreateAccountPayload,
  CreateOperationPayload,
  CreatePropertyPayload,
  CreateTimeBandPayload,
  UpdateAccountPayload,
  UpdateOperationPayload,
  UpdatePropertyPayload,
  UpdateTimeBandPayload,
} from './field-service.payloads.js';
import { createAccount, createOperation, createProperty, createTimeBand, updateAccount, updateOperation, updateProperty, updateTimeBand } from './field-service.service.js';
import { Operation } from './operation.entity.js';
import { Property as Premises } from './property.entity.js';

@Resolver(() => Account)
export class AccountResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'The customer who holds the account.' })
  customer(@Ctx() ctx: Context, @Root() account: Account) {
    return account.customer ? ctx.loaders.byId(Customer).load(account.customer.id) : null;
  }

  @Mutation(() => CreateAccountPayload, { description: 'Creates a customer\'s utility account (Ctrl-Hub `account`). userErrors: VALIDATION.' })
  createAccount(@Ctx() ctx: Context, @Arg('input', { description: 'The new account.' }) input: CreateAccountInput) {
    return createAccount(ctx, input);
  }

  @Mutation(() => UpdateAccountPayload, { description: 'Changes a utility account. userErrors: VALIDATION, STALE_VERSION.' })
  updateAccount(@Ctx() ctx: Context, @Arg('input', () => UpdateAccountInput, { description: 'The changes.' }) input: UpdateAccountInput) {
    return updateAccount(ctx, input);
  }
}

@Resolver(() => Premises)
export class PropertyResolver {
  @FieldResolver(() => Account, { nullable: true, description: 'The account the premises belong to.' })
  account(@Ctx() ctx: Context, @Root() property: Premises) {
    return property.account ? ctx.loaders.byId(Account).load(property.account.id) : null;
  }

  @Mutation(() => CreatePropertyPayload, { description: 'Creates premises a visit happens at (Ctrl-Hub `property`). userErrors: VALIDATION.' })
  createProperty(@Ctx() ctx: Context, @Arg('input', { description: 'The new premises.' }) input: CreatePropertyInput) {
    return createProperty(ctx, input);
  }

  @Mutation(() => UpdatePropertyPayload, { description: 'Changes premises. userErrors: VALIDATION, STALE_VERSION.' })
  updateProperty(@Ctx() ctx: Context, @Arg('input', () => UpdatePropertyInput, { description: 'The changes.' }) input: UpdatePropertyInput) {
    return updateProperty(ctx, input);
  }
}

@Resolver(() => TimeBand)
export class TimeBandResolver {
  @Mutation(() => CreateTimeBandPayload, { description: 'Creates a named daily window in local time (Ctrl-Hub `time_band`). userErrors: VALIDATION.' })
  createTimeBand(@Ctx() ctx: Context, @Arg('input', { description: 'The new time band.' }) input: CreateTimeBandInput) {
    return createTimeBand(ctx, input);
  }

  @Mutation(() => UpdateTimeBandPayload, { description: 'Changes a time band\'s name or window. userErrors: VALIDATION, STALE_VERSION.' })
  updateTimeBand(@Ctx() ctx: Context, @Arg('input', () => UpdateTimeBandInput, { description: 'The changes.' }) input: UpdateTimeBandInput) {
    return updateTimeBand(ctx, input);
  }
}

@Resolver(() => Operation)
export class OperationResolver {
  @FieldResolver(() => Premises, { nullable: true, description: 'The premises the work is at.' })
  property(@Ctx() ctx: Context, @Root() operation: Operation) {
    return operation.property ? ctx.loaders.byId(Premises).load(operation.property.id) : null;
  }

  @Mutation(() => CreateOperationPayload, { description: 'Creates a work order (Ctrl-Hub `operation`). userErrors: VALIDATION.' })
  createOperation(@Ctx() ctx: Context, @Arg('input', { description: 'The new work order.' }) input: CreateOperationInput) {
    return createOperation(ctx, input);
  }

  @Mutation(() => UpdateOperationPayload, { description: 'Changes a work order. userErrors: VALIDATION, STALE_VERSION.' })
  updateOperation(@Ctx() ctx: Context, @Arg('input', () => UpdateOperationInput, { description: 'The changes.' }) input: UpdateOperationInput) {
    return updateOperation(ctx, input);
  }
}
