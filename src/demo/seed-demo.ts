import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { createOrganisation, issueToken } from '../modules/organisation/organisation.service.js';
import { User } from '../modules/user/user.entity.js';

/** E-mail of the demo organisation's owner; `npm start` issues a fresh token for it on every start. */
export const DEMO_OWNER_EMAIL = 'demo@kairos.example';

/** Seeds the demo organisation unless any organisation exists. @returns whether it seeded. */
export async function seedDemoIfEmpty(em: EntityManager): Promise<boolean> {
  if ((await em.count(Organisation, {})) > 0) return false;
  await seedDemo(em);
  return true;
}

/** Creates the demo organisation and its data. @returns the organisation id and an owner token. */
export async function seedDemo(em: EntityManager): Promise<{ organisationId: string; token: string }> {
  const { organisation, token } = await createOrganisation(em, {
    name: 'Kairos Demo Clinic',
    timeZone: 'Europe/London',
    currency: 'GBP',
    owner: { name: 'Demo Owner', email: DEMO_OWNER_EMAIL },
  });
  return { organisationId: organisation.id, token };
}

/** A new API token for the demo owner in the demo organisation, or null when there is no demo. */
export async function demoToken(em: EntityManager): Promise<string | null> {
  const owner = await em.findOne(User, { email: DEMO_OWNER_EMAIL });
  const organisation = await em.findOne(Organisation, { name: 'Kairos Demo Clinic' }, { orderBy: { id: 'asc' } });
  if (!owner || !organisation) return null;
  const token = issueToken(em, owner, organisation);
  await em.flush();
  return token;
}
