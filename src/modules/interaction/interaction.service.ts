import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { findByGlobalId, findOptional } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { Customer } from '../customer/customer.entity.js';
import { Account } from '../field-service/field-service.entities.js';
import { Property } from '../field-service/property.entity.js';
import { User } from '../user/user.entity.js';
import { findMember } from '../user/user.service.js';
import { Interaction } from './interaction.entity.js';
import type { CreateInteractionInput, InteractionFieldsInput, UpdateInteractionInput } from './interaction.inputs.js';

const MAX_NOTES = 1000;

/**
 * Resolves the links of the input and answers the fields it sets (absent fields are left out).
 * VALIDATION for notes over 1,000 characters; NOT_FOUND for a link outside the organisation.
 */
async function changesOf(em: EntityManager, input: InteractionFieldsInput, errors: UserErrorList): Promise<Partial<Interaction>> {
  if (input.notes != null && input.notes.length > MAX_NOTES) errors.add(UserErrorCode.VALIDATION, `notes must be at most ${MAX_NOTES} characters.`, ['input', 'notes']);
  const links = {
    contact: await findOptional(em, Customer, input.contactId, 'contactId'),
    account: await findOptional(em, Account, input.accountId, 'accountId'),
    property: await findOptional(em, Property, input.propertyId, 'propertyId'),
    representative: input.representativeId == null ? input.representativeId : await findMember(em, input.representativeId, 'representativeId'),
  };
  errors.throwIfAny();
  const changes: Record<string, unknown> = {};
  for (const key of ['method', 'direction', 'dateTime', 'contacted', 'status'] as const) if (input[key] != null) changes[key] = input[key];
  if (input.notes !== undefined) changes.notes = input.notes;
  for (const [key, value] of Object.entries(links)) if (value !== undefined) changes[key] = value;
  return changes as Partial<Interaction>;
}

/** `createInteraction` (Ctrl-Hub seed 004): author is the token's user. VALIDATION when method, direction or dateTime is missing. */
export function createInteraction(ctx: Context, input: CreateInteractionInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createInteraction', input, Interaction, async () => {
      const errors = new UserErrorList();
      for (const field of ['method', 'direction', 'dateTime'] as const) {
        if (input[field] == null) errors.add(UserErrorCode.VALIDATION, `${field} is required.`, ['input', field]);
      }
      const changes = await changesOf(em, input, errors);
      return em.create(Interaction, {
        ...changes,
        organisation: ctx.viewer!.organisationId,
        author: em.getReference(User, ctx.viewer!.userId),
      } as never);
    }),
  );
}

/** `updateInteraction`: partial update. NOT_FOUND for an unknown id; VALIDATION as on create. */
export function updateInteraction(ctx: Context, input: UpdateInteractionInput) {
  return runMutation(ctx, async (em) => {
    const interaction = await findByGlobalId(em, Interaction, input.id, 'id');
    em.assign(interaction, await changesOf(em, input, new UserErrorList()) as never);
    await em.flush();
    return { result: interaction };
  });
}
