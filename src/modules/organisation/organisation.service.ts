import type { EntityManager } from '@mikro-orm/postgresql';
import { IANAZone } from 'luxon';
import { issueApiToken } from '../auth/api-token.service.js';
import { addMember, validateUser } from '../user/user.service.js';
import { UserRole } from '../user/user-role.js';
import { User } from '../user/user.entity.js';
import { Organisation } from './organisation.entity.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether `zone` is an IANA time zone name known to the runtime's tz database (luxon). */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Whether `code` is an ISO 4217 currency code known to the runtime (Intl). */
export function isValidCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

export interface NewOrganisation {
  name: string;
  timeZone?: string;
  currency?: string;
  owner: { name: string; email: string };
}

/** Raised by the CLI-level services for bad arguments; its message is one line. */
export class InvalidArgument extends Error {}

/**
 * Creates an organisation with its OWNER and an API token for that owner, in one transaction.
 * @returns the organisation, the owner and the token secret (shown once; only its hash is stored).
 * @throws InvalidArgument for an unknown IANA time zone, an unknown ISO 4217 currency, or a bad owner.
 */
export async function createOrganisation(em: EntityManager, input: NewOrganisation) {
  const timeZone = input.timeZone ?? 'UTC';
  const currency = (input.currency ?? 'USD').toUpperCase();
  if (!input.name.trim()) throw new InvalidArgument('--name must not be empty');
  if (!isValidTimeZone(timeZone)) throw new InvalidArgument(`--time-zone: "${timeZone}" is not an IANA time zone`);
  if (!isValidCurrency(currency)) throw new InvalidArgument(`--currency: "${currency}" is not an ISO 4217 currency code`);
  const ownerErrors = validateUser(input.owner.name, input.owner.email).errors;
  if (ownerErrors.length) throw new InvalidArgument(`owner: ${ownerErrors[0]!.message}`);
  return em.transactional(async (tem) => {
    const organisation = tem.create(Organisation, { name: input.name.trim(), timeZone, currency });
    const user = await addMember(tem, organisation.id, input.owner.name, input.owner.email, UserRole.OWNER);
    const token = issueToken(tem, user, organisation);
    await tem.flush();
    return { organisation, user, token };
  });
}

/** Persists a new API token for `user` acting in `organisation`, issued by an operator (not flushed); answers the secret. */
export function issueToken(em: EntityManager, user: User, organisation: Organisation | string): string {
  return issueApiToken(em, { user, organisation }).secret;
}
