import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { findByGlobalId, findOptional } from '../../shared/lookup.js';
import { patch, updateMutation } from '../../shared/crud.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { Customer } from '../customer/customer.entity.js';
import { checkInt, checkNotCleared, checkRequiredText, clean } from '../../shared/validation.js';
import { Treatment } from '../treatment/treatment.entity.js';
import { CancellationReason, Case, ClientPackage } from './care.entities.js';
import type {
  CreateCancellationReasonInput,
  CreateCaseInput,
  CreateClientPackageInput,
  UpdateCancellationReasonInput,
  UpdateCaseInput,
  UpdateClientPackageInput,
} from './care.inputs.js';

/** `createCase`. Idempotent. userErrors: VALIDATION. @throws GraphQLError NOT_FOUND for customerId. */
export function createCase(ctx: Context, input: CreateCaseInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createCase', input, Case, async () => {
      const errors = new UserErrorList();
      checkRequiredText(errors, input.title, 200, ['input', 'title']);
      if (input.status != null) checkRequiredText(errors, input.status, 200, ['input', 'status']);
      errors.throwIfAny();
      const customer = await findOptional(em, Customer, input.customerId, 'customerId');
      return em.create(Case, { organisation: ctx.viewer!.organisationId, title: clean(input.title)!, customer: customer ?? null, status: clean(input.status) ?? 'open' });
    }),
  );
}

/** `createClientPackage`. Idempotent. userErrors: VALIDATION (sessionsTotal ≥ 0, sessionsUsed 0..sessionsTotal). @throws GraphQLError NOT_FOUND. */
export function createClientPackage(ctx: Context, input: CreateClientPackageInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createClientPackage', input, ClientPackage, async () => {
      const errors = new UserErrorList();
      const used = input.sessionsUsed ?? 0;
      checkInt(errors, input.sessionsTotal, 0, ['input', 'sessionsTotal']);
      if (used < 0 || (input.sessionsTotal >= 0 && used > input.sessionsTotal)) {
        errors.add(UserErrorCode.VALIDATION, `sessionsUsed must be between 0 and sessionsTotal (${input.sessionsTotal}).`, ['input', 'sessionsUsed']);
      }
      errors.throwIfAny();
      const customer = await findByGlobalId(em, Customer, input.customerId, 'customerId');
      const treatment = await findOptional(em, Treatment, input.treatmentId, 'treatmentId');
      return em.create(ClientPackage, {
        organisation: ctx.viewer!.organisationId,
        customer,
        treatment: treatment ?? null,
        sessionsTotal: input.sessionsTotal,
        sessionsUsed: used,
      });
    }),
  );
}

/** `createCancellationReason`. Idempotent. userErrors: VALIDATION. */
export function createCancellationReason(ctx: Context, input: CreateCancellationReasonInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createCancellationReason', input, CancellationReason, async () => {
      const errors = new UserErrorList();
      checkRequiredText(errors, input.name, 1000, ['input', 'name']);
      errors.throwIfAny();
      return em.create(CancellationReason, { organisation: ctx.viewer!.organisationId, name: clean(input.name)! });
    }),
  );
}

/** `updateCase`. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND for the id or customerId. */
export function updateCase(ctx: Context, input: UpdateCaseInput) {
  return updateMutation(ctx, Case, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['title', 'status']);
      if (input.title != null) checkRequiredText(errors, input.title, 200, ['input', 'title']);
      if (input.status != null) checkRequiredText(errors, input.status, 200, ['input', 'status']);
    },
    apply: async (care, _input, em) => {
      const customer = await findOptional(em, Customer, input.customerId, 'customerId');
      if (customer !== undefined) care.customer = customer;
      patch(care, input, ['title', 'status'], { title: clean, status: clean });
    },
  });
}

/**
 * `updateClientPackage`: the session counts are checked as they will be (given over current).
 * userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND for the id or treatmentId.
 */
export function updateClientPackage(ctx: Context, input: UpdateClientPackageInput) {
  return updateMutation(ctx, ClientPackage, input, {
    check: (errors, clientPackage) => {
      checkNotCleared(errors, input, ['sessionsTotal', 'sessionsUsed']);
      const total = input.sessionsTotal ?? clientPackage.sessionsTotal;
      const used = input.sessionsUsed ?? clientPackage.sessionsUsed;
      checkInt(errors, total, 0, ['input', 'sessionsTotal']);
      if (used < 0 || (total >= 0 && used > total)) {
        errors.add(UserErrorCode.VALIDATION, `sessionsUsed (${used}) must be between 0 and sessionsTotal (${total}).`, ['input', input.sessionsUsed != null ? 'sessionsUsed' : 'sessionsTotal']);
      }
    },
    apply: async (clientPackage, _input, em) => {
      const treatment = await findOptional(em, Treatment, input.treatmentId, 'treatmentId');
      if (treatment !== undefined) clientPackage.treatment = treatment;
      patch(clientPackage, input, ['sessionsTotal', 'sessionsUsed']);
    },
  });
}

/** `updateCancellationReason`. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND. */
export function updateCancellationReason(ctx: Context, input: UpdateCancellationReasonInput) {
  return updateMutation(ctx, CancellationReason, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['name']);
      if (input.name != null) checkRequiredText(errors, input.name, 1000, ['input', 'name']);
    },
    apply: (reason) => patch(reason, input, ['name'], { name: clean }),
  });
}
