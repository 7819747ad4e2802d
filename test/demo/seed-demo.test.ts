import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoToken, iinCheckDigit, seedDemo, seedDemoIfEmpty } from '../../src/demo/seed-demo.js';
import { toGlobalId } from '../../src/shared/global-id.js';
import { startTestApp, type TestApp } from '../harness/app.js';

let app: TestApp;
let seeded: { organisationId: string; token: string };
let seedMillis: number;

beforeAll(async () => {
  app = await startTestApp();
  const started = performance.now();
  seeded = await seedDemo(app.kairos.orm.em.fork());
  seedMillis = performance.now() - started;
});
afterAll(() => app?.stop());

const count = async (table: string, where = 'true') =>
  Number((await app.sql(`select count(*)::int as n from "${table}" where organisation_id = $1 and ${where}`, [seeded.organisationId]))[0].n);

describe('seedDemo', () => {
  it('answers a token of the owner that reads the demo organisation', async () => {
    const customer = (await app.sql(`select id from customer where organisation_id = $1 order by id limit 1`, [seeded.organisationId]))[0];
    const res = await app.gql(
      `query($org: ID!, $customer: ID!) { viewer { name } org: node(id: $org) { ... on Organisation { name } } customer: node(id: $customer) { ... on Customer { name } } users { totalCount } }`,
      { org: toGlobalId('Organisation', seeded.organisationId), customer: toGlobalId('Customer', customer.id) },
      { token: seeded.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toEqual({ name: 'Demo Owner' });
    expect(res.data.org).toEqual({ name: 'Kairos Demo Clinic' });
    expect(res.data.customer.name).toEqual(expect.any(String));
    // owner, three practitioners, an assistant, a read-only user
    expect(res.data.users).toEqual({ totalCount: 6 });
    const roles = await app.sql(`select role, count(*)::int as n from membership where organisation_id = $1 group by role order by role::text`, [seeded.organisationId]);
    expect(roles).toEqual([{ role: 'OWNER', n: 1 }, { role: 'READ_ONLY', n: 1 }, { role: 'STAFF', n: 4 }]);
  });

  it('writes the catalogue, customers and care records', async () => {
    expect(await count('customer')).toBe(8);
    expect(await count('location', `name = 'Central Clinic' and time_zone = 'Europe/London'`)).toBe(1);
    expect((await app.sql(`select kind, name from resource where organisation_id = $1 order by name`, [seeded.organisationId])).map((r) => `${r.kind}:${r.name}`)).toEqual([
      'EQUIPMENT:Laser A', 'ROOM:Room 1', 'ROOM:Room 2', 'VEHICLE:Van 1',
    ]);
    expect(await count('treatment', 'duration_minutes > 0 and price > 0')).toBe(3);
    expect(await count('treatment_session', `session_type = 'CONTROL'`)).toBe(3);
    expect(await count('product', 'brand_id is not null and product_type_id is not null and category_id is not null and unit_code_id is not null')).toBeGreaterThan(0);
    for (const table of ['company', 'cancellation_reason', 'account', 'property', 'operation', 'care_case', 'client_package']) expect(await count(table), table).toBeGreaterThan(0);
    expect((await app.sql(`select name, start_time, end_time from time_band where organisation_id = $1 order by name`, [seeded.organisationId]))).toEqual([
      { name: 'AM', start_time: '08:00', end_time: '12:00' },
      { name: 'PM', start_time: '12:00', end_time: '17:00' },
    ]);
    expect(await count('interaction', 'contact_id is not null and representative_id is not null and author_id is not null')).toBeGreaterThanOrEqual(3);
  });

  it('gives one customer a 12-digit IIN that passes the checksum', async () => {
    const rows = await app.sql(`select identity_number from customer where organisation_id = $1 and identity_number is not null`, [seeded.organisationId]);
    expect(rows).toHaveLength(1);
    const iin: string = rows[0].identity_number;
    expect(iin).toMatch(/^\d{12}$/);
    expect(iinCheckDigit(iin.slice(0, 11))).toBe(Number(iin[11]));
    // independent check: weights 1..11, then 3..11,1,2
    const d = [...iin].map(Number);
    let check = d.slice(0, 11).reduce((s, x, i) => s + x * (i + 1), 0) % 11;
    if (check === 10) check = d.slice(0, 11).reduce((s, x, i) => s + x * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) % 11;
    expect(check).toBe(d[11]);
  });

  it('books a week of appointments without double-booking anything', async () => {
    expect(await count('appointment')).toBeGreaterThan(20);
    const statuses = (await app.sql(`select distinct status::text as s from appointment where organisation_id = $1 order by 1`, [seeded.organisationId])).map((r) => r.s);
    expect(statuses).toEqual(['APPROVED', 'CANCELLED', 'COMPLETED', 'PENDING']);
    expect(await count('appointment', `version = 1 and author_id is not null and customer_id is not null and practitioner_id is not null`)).toBe(await count('appointment'));
    expect(await count('appointment', `code !~ '^APT-[0-9]{6}$'`)).toBe(0);
    const [{ n: treatmentless }] = await app.sql(`select count(*)::int as n from appointment a where a.organisation_id = $1 and not exists (select 1 from appointment_treatment t where t.appointment_id = a.id)`, [seeded.organisationId]);
    expect(treatmentless).toBe(0);
    const [{ n: assisted }] = await app.sql(`select count(*)::int as n from appointment_assistant aa join appointment a on a.id = aa.appointment_id where a.organisation_id = $1`, [seeded.organisationId]);
    expect(assisted).toBeGreaterThan(0);
    expect(await count('payment', `payment_kind = 'PREPAYMENT'`)).toBeGreaterThan(0);
    expect(await count('payment', `payment_kind = 'SETTLEMENT'`)).toBeGreaterThan(0);

    // The exclusion constraint held: allocations exist and no bookable has two overlapping ones.
    expect(await count('appointment_allocation')).toBeGreaterThan(0);
    for (const kind of ['PRACTITIONER', 'ASSISTANT', 'ROOM', 'VEHICLE', 'RESOURCE']) expect(await count('appointment_allocation', `kind = '${kind}'`), kind).toBeGreaterThan(0);
    const [{ n: overlaps }] = await app.sql(
      `select count(*)::int as n from appointment_allocation x join appointment_allocation y
         on x.organisation_id = y.organisation_id and x.bookable_id = y.bookable_id and x.appointment_id < y.appointment_id and x.during && y.during
       where x.organisation_id = $1`,
      [seeded.organisationId],
    );
    expect(overlaps).toBe(0);
    // Cancelled appointments hold nothing; every active one holds its practitioner.
    expect(await count('appointment_allocation', `appointment_id in (select id from appointment where status = 'CANCELLED')`)).toBe(0);
    expect(await count('appointment_allocation', `kind = 'PRACTITIONER'`)).toBe(await count('appointment', `status <> 'CANCELLED'`));

    // Starts on the Monday of the current UTC week, within 09:00–17:00 London time.
    const [range] = await app.sql(
      `select min(starts_at) as first, min((starts_at at time zone 'Europe/London')::time)::text as earliest, max((ends_at at time zone 'Europe/London')::time)::text as latest
       from appointment where organisation_id = $1`,
      [seeded.organisationId],
    );
    const now = new Date();
    const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)));
    expect((range.first as Date).toISOString().slice(0, 10)).toBe(monday.toISOString().slice(0, 10));
    expect(range.earliest).toBe('09:00:00');
    expect(range.latest <= '17:00:00').toBe(true);
  });

  it('numbers the demo codes from APT-000001 and moves the organisation\'s code counter to the last', async () => {
    const [{ min, max, n }] = await app.sql(`select min(substr(code, 5)::int) as min, max(substr(code, 5)::int) as max, count(*)::int as n from appointment where organisation_id = $1`, [seeded.organisationId]);
    expect([min, max]).toEqual([1, n]);
    const [{ value }] = await app.sql(`select value::int from organisation_counter where organisation_id = $1 and name = 'appointment_code'`, [seeded.organisationId]);
    expect(value).toBe(max);
  });

  it('runs in about a second', () => {
    console.info(`seedDemo took ${Math.round(seedMillis)} ms`);
    expect(seedMillis).toBeLessThan(5000);
  });

  it('does not seed again when an organisation exists, and issues new demo tokens', async () => {
    expect(await seedDemoIfEmpty(app.kairos.orm.em.fork())).toBe(false);
    expect(Number((await app.sql(`select count(*)::int as n from organisation`))[0].n)).toBe(1);
    const token = await demoToken(app.kairos.orm.em.fork());
    const res = await app.gql(`{ viewer { name } }`, {}, { token });
    expect(res.data).toEqual({ viewer: { name: 'Demo Owner' } });
  });
});
