import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { findOptional } from '../../shared/lookup.js';
import { patch, updateMutation } from '../../shared/crud.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { Customer } from '../customer/customer.entity.js';
import { checkNotCleared, checkOptionalText, checkRequiredText, clean } from '../../shared/validation.js';
import { Account, TimeBand } from './field-service.entities.js';
import type {
  CreateAccountInput,
  CreateOperationInput,
  CreatePropertyInput,
  CreateTimeBandInput,
  UpdateAccountInput,
  UpdateOperationInput,
  UpdatePropertyInput,
  UpdateTimeBandInput,
} from './field-service.inputs.js';
import { Operation } from './operation.entity.js';
import { Property as Premises } from './property.entity.js';

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Checks a time band's local window: start `HH:MM` (00:00–23:59), end `HH:MM` or `24:00`, end after
 * start. @returns VALIDATION userErrors.
 */
export function validateTimeBand(input: { name: string; startTime: string; endTime: string }): UserErrorList {
  const errors = new UserErrorList();
  checkRequiredText(errors, input.name, 200, ['input', 'name']);
  const start = input.startTime.trim();
  const end = input.endTime.trim();
  const startOk = START_TIME.test(start);
  const endOk = END_TIME.test(end);
  if (!startOk) errors.add(UserErrorCode.VALIDATION, 'startTime must be a local time HH:MM between 00:00 and 23:59.', ['input', 'startTime']);
  if (!endOk) errors.add(UserErrorCode.VALIDATION, 'endTime must be a local time HH:MM between 00:01 and 24:00.', ['input', 'endTime']);
  if (startOk && endOk && end <= start) errors.add(UserErrorCode.VALIDATION, `endTime ${end} must be after startTime ${start}.`, ['input', 'endTime']);
  return errors;
}

/** `createAccount`. Idempotent. userErrors: VALIDATION. @throws GraphQLError NOT_FOUND for customerId. */
export function createAccount(ctx: Context, input: CreateAccountInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createAccount', input, Account, async () => {
      const errors = new UserErrorList();
      checkRequiredText(errors, input.reference, 200, ['input', 'reference']);
      checkOptionalText(errors, input.name, 200, ['input', 'name']);
      errors.throwIfAny();
      const customer = await findOptional(em, Customer, input.customerId, 'customerId');
      return em.create(Account, { organisation: ctx.viewer!.organisationId, reference: clean(input.reference)!, name: clean(input.name), customer: customer ?? null });
    }),
  );
}

/** `createProperty`. Idempotent. userErrors: VALIDATION. @throws GraphQLError NOT_FOUND for accountId. */
export function createProperty(ctx: Context, input: CreatePropertyInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createProperty', input, Premises, async () => {
      const errors = new UserErrorList();
      checkRequiredText(errors, input.address, 1000, ['input', 'address']);
      checkOptionalText(errors, input.postcode, 50, ['input', 'postcode']);
      errors.throwIfAny();
      const account = await findOptional(em, Account, input.accountId, 'accountId');
      return em.create(Premises, { organisation: ctx.viewer!.organisationId, address: clean(input.address)!, postcode: clean(input.postcode), account: account ?? null });
    }),
  );
}

/** `createTimeBand`. Idempotent. userErrors: VALIDATION (bad `HH:MM`, end not after start). */
export function createTimeBand(ctx: Context, input: CreateTimeBandInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createTimeBand', input, TimeBand, async () => {
      validateTimeBand(input).throwIfAny();
      return em.create(TimeBand, { organisation: ctx.viewer!.organisationId, name: clean(input.name)!, startTime: input.startTime.trim(), endTime: input.endTime.trim() });
    }),
  );
}

/** `createOperation`. Idempotent. userErrors: VALIDATION. @throws GraphQLError NOT_FOUND for propertyId. */
export function createOperation(ctx: Context, input: CreateOperationInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createOperation', input, Operation, async () => {
      const errors = new UserErrorList();
      checkRequiredText(errors, input.reference, 200, ['input', 'reference']);
      checkOptionalText(errors, input.description, 1000, ['input', 'description']);
      errors.throwIfAny();
      const property = await findOptional(em, Premises, input.propertyId, 'propertyId');
      return em.create(Operation, { organisation: ctx.viewer!.organisationId, reference: clean(input.reference)!, description: clean(input.description), property: property ?? null });
    }),
  );
}

/** `updateAccount`. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND for the id or customerId. */
export function updateAccount(ctx: Context, input: UpdateAccountInput) {
  return updateMutation(ctx, Account, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['reference']);
      if (input.reference != null) checkRequiredText(errors, input.reference, 200, ['input', 'reference']);
      checkOptionalText(errors, input.name, 200, ['input', 'name']);
    },
    apply: async (account, _input, em) => {
      const customer = await findOptional(em, Customer, input.customerId, 'customerId');
      if (customer !== undefined) account.customer = customer;
      patch(account, input, ['reference', 'name'], { reference: clean, name: clean });
    },
  });
}

/** `updateProperty`. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND for the id or accountId. */
export function updateProperty(ctx: Context, input: UpdatePropertyInput) {
  return updateMutation(ctx, Premises, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['address']);
      if (input.address != null) checkRequiredText(errors, input.address, 1000, ['input', 'address']);
      checkOptionalText(errors, input.postcode, 50, ['input', 'postcode']);
    },
    apply: async (property, _input, em) => {
      const account = await findOptional(em, Account, input.accountId, 'accountId');
      if (account !== undefined) property.account = account;
      patch(property, input, ['address', 'postcode'], { address: clean, postcode: clean });
    },
  });
}

/** `updateTimeBand`: the window is checked as it will be (given fields over current ones). userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND. */
export function updateTimeBand(ctx: Context, input: UpdateTimeBandInput) {
  return updateMutation(ctx, TimeBand, input, {
    check: (errors, band) => {
      checkNotCleared(errors, input, ['name', 'startTime', 'endTime']);
      const next = { name: input.name ?? band.name, startTime: input.startTime ?? band.startTime, endTime: input.endTime ?? band.endTime };
      errors.errors.push(...validateTimeBand(next).errors);
    },
    apply: (band) => patch(band, input, ['name', 'startTime', 'endTime'], { name: clean, startTime: (v: string) => v.trim(), endTime: (v: string) => v.trim() }),
  });
}

/** `updateOperation`. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND for the id or propertyId. */
export function updateOperation(ctx: Context, input: UpdateOperationInput) {
  return updateMutation(ctx, Operation, input, {
    check: (errors) => {
      checkNotCleared(errors, input, ['reference']);
      if (input.reference != null) checkRequiredText(errors, input.reference, 200, ['input', 'reference']);
      checkOptionalText(errors, input.description, 1000, ['input', 'description']);
    },
    apply: async (operation, _input, em) => {
      const property = await findOptional(em, Premises, input.propertyId, 'propertyId');
      if (property !== undefined) operation.property = property;
      patch(operation, input, ['reference', 'description'], { reference: clean, description: clean });
    },
  });
}
