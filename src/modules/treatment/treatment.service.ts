import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { findAllByGlobalIds } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import { checkAmount, checkInt, checkOptionalText, checkRequiredText, clean } from '../product/product.service.js';
import { Product } from '../product/product.entity.js';
import { findMemberUsers } from '../user/user.service.js';
import type { CreateTreatmentInput } from './treatment.inputs.js';
import { MAX_DURATION_MINUTES } from '../appointment/appointment.rules.js';
import { SessionType, Treatment, TreatmentSession } from './treatment.entity.js';

/** Checks a `createTreatment` input. @returns VALIDATION userErrors. */
function validateTreatment(input: CreateTreatmentInput): UserErrorList {
  const errors = new UserErrorList();
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

/** `treatments(isActive)`: the organisation's treatments, oldest first. */
export function listTreatments(ctx: Context, isActive: boolean | null | undefined, args: ConnectionArgs) {
  return paginate(ctx.em, Treatment, isActive == null ? {} : { isActive }, args, ['id']);
}
