import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Customer } from '../customer/customer.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';
import { CancellationReason, Case, ClientPackage } from './care.entities.js';
import {
  CreateCancellationReasonInput,
  CreateCaseInput,
  CreateClientPackageInput,
  UpdateCancellationReasonInput,
  UpdateCaseInput,
  UpdateClientPackageInput,
} from './care.inputs.js';
import {
  CreateCancellationReasonPayload,
  CreateCasePayload,
  CreateClientPackagePayload,
  UpdateCancellationReasonPayload,
  UpdateCasePayload,
  UpdateClientPackagePayload,
} from './care.payloads.js';
import { createCancellationReason, createCase, createClientPackage, updateCancellationReason, updateCase, updateClientPackage } from './care.service.js';

@Resolver(() => Case)
export class CaseResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'The customer the case is for.' })
  customer(@Ctx() ctx: Context, @Root() care: Case) {
    return care.customer ? ctx.loaders.byId(Customer).load(care.customer.id) : null;
  }

  @Mutation(() => CreateCasePayload, { description: 'Creates a course of care (Caspen `case_id`). userErrors: VALIDATION.' })
  createCase(@Ctx() ctx: Context, @Arg('input', { description: 'The new case.' }) input: CreateCaseInput) {
    return createCase(ctx, input);
  }

  @Mutation(() => UpdateCasePayload, { description: 'Changes a course of care (title, customer, status). userErrors: VALIDATION, STALE_VERSION.' })
  updateCase(@Ctx() ctx: Context, @Arg('input', () => UpdateCaseInput, { description: 'The changes.' }) input: UpdateCaseInput) {
    return updateCase(ctx, input);
  }
}

@Resolver(() => ClientPackage)
export class ClientPackageResolver {
  @FieldResolver(() => Customer, { description: 'The customer who bought the package.' })
  customer(@Ctx() ctx: Context, @Root() clientPackage: ClientPackage) {
    return ctx.loaders.byId(Customer).load(clientPackage.customer.id);
  }

  @FieldResolver(() => Treatment, { nullable: true, description: 'The treatment the sessions are for.' })
  treatment(@Ctx() ctx: Context, @Root() clientPackage: ClientPackage) {
    return clientPackage.treatment ? ctx.loaders.byId(Treatment).load(clientPackage.treatment.id) : null;
  }

  @Mutation(() => CreateClientPackagePayload, { description: 'Records sessions of a treatment a customer bought in advance (Caspen `client_package_id`). userErrors: VALIDATION.' })
  createClientPackage(@Ctx() ctx: Context, @Arg('input', { description: 'The new client package.' }) input: CreateClientPackageInput) {
    return createClientPackage(ctx, input);
  }

  @Mutation(() => UpdateClientPackagePayload, { description: 'Changes a client package (treatment, sessions bought or used). userErrors: VALIDATION, STALE_VERSION.' })
  updateClientPackage(@Ctx() ctx: Context, @Arg('input', () => UpdateClientPackageInput, { description: 'The changes.' }) input: UpdateClientPackageInput) {
    return updateClientPackage(ctx, input);
  }
}

@Resolver(() => CancellationReason)
export class CancellationReasonResolver {
  @Mutation(() => CreateCancellationReasonPayload, { description: 'Adds a cancellation reason to the catalogue (Caspen `cancellation_reason_id`). userErrors: VALIDATION.' })
  createCancellationReason(@Ctx() ctx: Context, @Arg('input', { description: 'The new cancellation reason.' }) input: CreateCancellationReasonInput) {
    return createCancellationReason(ctx, input);
  }

  @Mutation(() => UpdateCancellationReasonPayload, { description: 'Rewords a cancellation reason. userErrors: VALIDATION, STALE_VERSION.' })
  updateCancellationReason(@Ctx() ctx: Context, @Arg('input', () => UpdateCancellationReasonInput, { description: 'The changes.' }) input: UpdateCancellationReasonInput) {
    return updateCancellationReason(ctx, input);
  }
}
