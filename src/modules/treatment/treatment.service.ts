import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { notFound, UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { toGlobalId } from '../../shared/global-id.js';
import { findAllByGlobalIds } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import { checkAmount, checkInt, checkOptionalText, checkRequiredText, clean } from '../product/product.service.js';
import { Product } from '../product/product.entity.js';
import { Membership } from '../user/membership.entity.js';
import { User } from '../user/user.entity.js';
import type { CreateTreatmentInput } from './treatment.inputs.js';
import { SessionType, Treatment, TreatmentSession } from './treatment.entity.js';

/**
 * Resolves global ids of Users that are members of the caller's organisation (one statement each for
 * users and memberships). @throws GraphQLError NOT_FOUND for the first unknown or foreign user.
 */
export async function findMemberUsers(em: EntityManager, ctx: Context, globalIds: readonly string[], field: string): Promise<User[]> {
  const users = await findAllByGlobalIds(em, User, globalIds, field);
  if (users.length === 0) return users;
  const memberships = await em.find(Membership, { user: { $in: users.map((u) => u.id) }, organisation: ctx.viewer!.organisationId });
  const members = new Set(memberships.map((m) => m.user.id));
  const stranger = users.find((u) => !members.has(u.id));
  if (stranger) throw notFound('User', toGlobalId('User', stranger.id), field);
  return users;
}

/** Checks a `createTreatment` input. @returns VALIDATION userErrors. */
function validateTreatment(input: CreateTreatmentInput): UserErrorList {
  const errors = new UserErrorList();
  checkRequiredText(errors, input.name, 200, ['input', 'name']);
  checkOptionalText(errors, input.description, 1000, ['input', 'description']);
  checkInt(errors, input.durationMinutes, 1, ['input', 'durationMinutes'], 'durationMinutes must be greater than 0.');
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
      const users = await findMemberUsers(em, ctx, input.userIds ?? [], 'userIds');
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
