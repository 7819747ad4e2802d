import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { findAllByGlobalIds } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import { ARCHIVED_FILTER } from '../../shared/archivable.entity.js';
import { checkAmount, checkInt, checkOptionalText, checkRequiredText, clean } from '../../shared/validation.js';
import { Product } from '../product/product.entity.js';
import { findMemberUsers } from '../user/user.service.js';
import { checkVersion, findForUpdate } from '../../shared/crud.js';
import type { CreateTreatmentInput, UpdateTreatmentInput } from './treatment.inputs.js';
import { MAX_DURATION_MINUTES } from '../appointment/appointment.rules.js';
import { SessionType, Treatment, TreatmentSession } from './treatment.entity.js';

const RULE_LIMITS = [
  ['bufferBeforeMinutes', 0, 1440], ['bufferAfterMinutes', 0, 1440], ['minimumNoticeMinutes', 0, null], ['bookingHorizonDays', 0, null], ['slotIntervalMinutes', 1, 1440],
] as const;

/** The service rules (availability): whole numbers within their limits. */
function validateRules(errors: UserErrorList, input: Pick<CreateTreatmentInput, (typeof RULE_LIMITS)[number][0]>): void {
  for (const [key, min, max] of RULE_LIMITS) {
    const value = input[key];
    if (value == null) continue;
    if (!Number.isInteger(value) || value < min || (max != null && value > max)) {
      errors.add(UserErrorCode.VALIDATION, `${key} must be a whole number from ${min}${max != null ? ` to ${max}` : ' up'}.`, ['input', key]);
    }
  }
}

/** Checks a `createTreatment` input. @returns VALIDATION userErrors. */
function validateTreatment(input: CreateTreatmentInput): UserErrorList {
  const errors = new UserErrorList();
  validateRules(errors, input);
  checkRequiredText(errors, input.name, 200, ['input', 'name']);
  checkOptionalText(errors, input.description, 1000, ['input', 'description']);
  checkInt(errors, input.durationMinutes, 1, ['input', 'durationMinutes'], 'durationMinutes must be greater than 0.');
  if (input.durationMinutes != null && input.durationMinutes > MAX_DURATION_MINUTES) {
    errors.add(UserErrorCode.VALIDATION, `durationMinutes must be at most ${MAX_DURATION_MINUTES} (24 hours).`, ['input', 'durationMinutes']);
  }
  checkAmount(errors, input.price, ['input', 'price']);
  checkInt(errors, input.sessionCount, 1, ['input', 'sessionCount']);
  const orders = new Set<number>();
  (input.sessions ?? []).forEach((session, i) => {
    const at = (field: string) => ['input', 'sessions', String(i), field];
    checkInt(errors, session.sessionOrder, 1, at('sessionOrder'));
    if (orders.has(session.sessionOrder)) errors.add(UserErrorCode.VALIDATION, `sessionOrder ${session.sessionOrder} is given twice.`, at('sessionOrder'));
    orders.add(session.sessionOrder);
    checkInt(errors, session.nextGapDays, 0, at('nextGapDays'));
    checkInt(errors, session.offsetDays, 0, at('offsetDays'));
  });
  return errors;
}

/**
 * `createTreatment` with its products, performers and session plan. Idempotent by
 * `input.idempotencyKey`. userErrors: VALIDATION. @throws GraphQLError NOT_FOUND for productIds / userIds.
 */
export function createTreatment(ctx: Context, input: CreateTreatmentInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createTreatment', input, Treatment, async () => {
      validateTreatment(input).throwIfAny();
      const organisation = ctx.viewer!.organisationId;
      const products = await findAllByGlobalIds(em, Product, input.productIds ?? [], 'productIds');
      const users = await findMemberUsers(em, input.userIds ?? [], 'userIds');
      const sessions = input.sessions ?? [];
      const treatment = em.create(Treatment, {
        organisation,
        name: clean(input.name)!,
        description: clean(input.description),
        durationMinutes: input.durationMinutes ?? null,
        price: input.price ?? null,
        sessionCount: input.sessionCount ?? Math.max(1, sessions.length),
        isActive: input.isActive ?? true,
        extraInfo: input.extraInfo ?? null,
        bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
        bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
        minimumNoticeMinutes: input.minimumNoticeMinutes ?? 0,
        bookingHorizonDays: input.bookingHorizonDays ?? null,
        slotIntervalMinutes: input.slotIntervalMinutes ?? null,
      });
      treatment.products.set(products);
      treatment.users.set(users);
      for (const session of sessions) {
        em.create(TreatmentSession, {
          organisation,
          treatment,
          sessionOrder: session.sessionOrder,
          sessionType: session.sessionType ?? SessionType.TREATMENT,
          nextGapDays: session.nextGapDays ?? null,
          offsetDays: session.offsetDays ?? null,
        });
      }
      return treatment;
    }),
  );
}

/**
 * `updateTreatment`: changes the fields present (null clears a nullable one). Appointments keep the
 * buffers they were booked with. The row is locked and `version` moves on, as in every catalogue
 * update. userErrors: VALIDATION, STALE_VERSION. @throws GraphQLError NOT_FOUND.
 */
export function updateTreatment(ctx: Context, input: UpdateTreatmentInput) {
  return runMutation(ctx, async (em) => {
    const treatment = await findForUpdate(em, Treatment, input.id);
    checkVersion(treatment, input.expectedVersion);
    const errors = new UserErrorList();
    if (input.name !== undefined) checkRequiredText(errors, input.name ?? '', 200, ['input', 'name']);
    checkOptionalText(errors, input.description, 1000, ['input', 'description']);
    checkInt(errors, input.durationMinutes, 1, ['input', 'durationMinutes'], 'durationMinutes must be greater than 0.');
    if (input.durationMinutes != null && input.durationMinutes > MAX_DURATION_MINUTES) {
      errors.add(UserErrorCode.VALIDATION, `durationMinutes must be at most ${MAX_DURATION_MINUTES} (24 hours).`, ['input', 'durationMinutes']);
    }
    checkAmount(errors, input.price, ['input', 'price']);
    validateRules(errors, input);
    for (const key of ['isActive', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'minimumNoticeMinutes'] as const) {
      if (input[key] === null) errors.add(UserErrorCode.VALIDATION, `${key} cannot be cleared.`, ['input', key]);
    }
    errors.throwIfAny();
    if (input.name != null) treatment.name = clean(input.name)!;
    if (input.description !== undefined) treatment.description = clean(input.description);
    for (const key of ['durationMinutes', 'price', 'bookingHorizonDays', 'slotIntervalMinutes'] as const) {
      if (input[key] !== undefined) (treatment as unknown as Record<string, unknown>)[key] = input[key];
    }
    for (const key of ['isActive', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'minimumNoticeMinutes'] as const) {
      if (input[key] != null) (treatment as unknown as Record<string, unknown>)[key] = input[key];
    }
    treatment.version += 1;
    return { result: treatment };
  });
}

/** `treatments(isActive, includeArchived)`: the organisation's treatments, oldest first; archived ones only when asked. */
export function listTreatments(ctx: Context, isActive: boolean | null | undefined, includeArchived: boolean, args: ConnectionArgs) {
  return paginate(ctx.em, Treatment, isActive == null ? {} : { isActive }, args, ['id'], { [ARCHIVED_FILTER]: !includeArchived });
}
