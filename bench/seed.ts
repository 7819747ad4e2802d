import pg from 'pg';

/** Size of the benchmark dataset (issue 5). */
export const DATASET = { customers: 1000, practitioners: 20, rooms: 10, treatments: 50, appointments: 20_000, days: 90 } as const;

/** First day of the seeded appointments (fixed, so every run reads the same rows). */
export const SEED_START = new Date('2026-09-01T00:00:00Z');

/** Ids of the seeded rows the scenarios address. */
export interface Seeded {
  practitionerIds: string[];
  roomIds: string[];
  treatmentIds: string[];
  customerIds: string[];
  appointmentIds: string[];
}

/**
 * Seeds the dataset into `organisationId` with set-based SQL (generate_series) through the real
 * tables, so the allocation triggers and the exclusion constraint see every row: 20,000 appointments
 * over 90 days, 1–3 treatments and 0–2 payments each, one CREATED history event each.
 *
 * Slots never overlap: practitioner p books its k-th appointment (k < 1,000) on day ⌊90k/1000⌋ in
 * the next free hour from 08:00 (at most 12 a day), 45 minutes long; practitioners 0–9 each hold
 * room p for it, practitioners 10–19 book no room (home visits), so no room is double-booked either.
 */
export async function seedDataset(client: pg.Client, organisationId: string): Promise<Seeded> {
  const org = `'${organisationId}'::uuid`;
  const start = `'${SEED_START.toISOString()}'::timestamptz`;
  const perPractitioner = DATASET.appointments / DATASET.practitioners;
  const statements = [
    `begin`,
    `select setseed(0.5)`,
    `create temp table bp on commit drop as select i - 1 as n, gen_random_uuid() as id from generate_series(1, ${DATASET.practitioners}) i`,
    `insert into app_user (id, created_at, updated_at, name, email) select id, now(), now(), 'Practitioner ' || n, 'practitioner-' || n || '-' || substr(${org}::text, 1, 8) || '@bench.example' from bp`,
    `insert into membership (id, created_at, updated_at, organisation_id, user_id, role) select gen_random_uuid(), now(), now(), ${org}, id, 'STAFF' from bp`,
    `create temp table br on commit drop as select i - 1 as n, gen_random_uuid() as id from generate_series(1, ${DATASET.rooms}) i`,
    `insert into resource (id, created_at, updated_at, organisation_id, name, kind) select id, now(), now(), ${org}, 'Room ' || n, 'ROOM' from br`,
    `create temp table bt on commit drop as select i - 1 as n, gen_random_uuid() as id from generate_series(1, ${DATASET.treatments}) i`,
    `insert into treatment (id, created_at, updated_at, organisation_id, name, description, duration_minutes, price)
       select id, now(), now(), ${org}, 'Treatment ' || n, 'What treatment ' || n || ' involves, in a sentence or two.', 15 + (n % 4) * 15, 20 + n * 2.5 from bt`,
    `create temp table bc on commit drop as select i - 1 as n, gen_random_uuid() as id from generate_series(1, ${DATASET.customers}) i`,
    `insert into customer (id, created_at, updated_at, organisation_id, first_name, last_name, name, phone_number, email, date_of_birth, gender, address)
       select id, now(), now(), ${org}, 'First' || n, 'Last' || n, 'First' || n || ' Last' || n, '+4477' || lpad(n::text, 8, '0'),
              'customer' || n || '@example.com', date '1950-01-01' + (n * 37 % 20000), case when n % 2 = 0 then 'female' else 'male' end,
              n || ' High Street, Springfield'
         from bc`,
    `create temp table ba on commit drop as
       select p.n * ${perPractitioner} + k as n, gen_random_uuid() as id, p.id as practitioner_id, r.id as room_id,
              ${start} + (k * ${DATASET.days} / ${perPractitioner}) * interval '1 day'
                       + (8 + k - ceil((k * ${DATASET.days} / ${perPractitioner}) * ${perPractitioner} / ${DATASET.days}::numeric)::int) * interval '1 hour' as starts_at
         from bp p cross join generate_series(0, ${perPractitioner - 1}) k left join br r on r.n = p.n`,
    `insert into appointment (id, created_at, updated_at, organisation_id, code, starts_at, ends_at, status, confirmed, customer_id, practitioner_id, room_id, service_amount, notes, source)
       select a.id, now(), now(), ${org}, 'APT-' || lpad((row_number() over (order by a.starts_at, a.n))::text, 6, '0'), a.starts_at, a.starts_at + interval '45 minutes',
              (case when a.n % 20 = 0 then 'CANCELLED' when a.starts_at < ${start} + interval '45 days' then 'COMPLETED' else 'APPROVED' end)::appointment_status,
              a.n % 3 <> 0, c.id, a.practitioner_id, a.room_id, 40 + (a.n % 8) * 10, case when a.n % 4 = 0 then 'Follow-up of appointment ' || a.n end, 'bench'
         from ba a join bc c on c.n = (a.n * 7919) % ${DATASET.customers}
        order by a.starts_at`,
    `insert into organisation_counter (organisation_id, name, value) select ${org}, 'appointment_code', count(*) from ba`,
    `insert into appointment_treatment (appointment_id, treatment_id)
       select a.id, t.id from ba a cross join generate_series(0, 2) j join bt t on t.n = (a.n * 7 + j * 13) % ${DATASET.treatments} where j <= a.n % 3`,
    `insert into payment (id, created_at, updated_at, organisation_id, appointment_id, customer_id, amount, payment_method, payment_kind, paid_at)
       select gen_random_uuid(), now(), now(), ${org}, a.id, ap.customer_id, 10 + j * 15, case when j = 0 then 'card' else 'cash' end,
              (case when j = 0 then 'PREPAYMENT' else 'SETTLEMENT' end)::payment_kind, a.starts_at + j * interval '45 minutes'
         from ba a join appointment ap on ap.id = a.id cross join generate_series(0, 1) j where j < (a.n / 3) % 3`,
    `insert into appointment_event (id, created_at, updated_at, organisation_id, appointment_id, at, actor_id, action, changes)
       select gen_random_uuid(), now(), now(), ${org}, a.id, now(), null, 'CREATED', '{}'::jsonb from ba a`,
  ];
  for (const sql of statements) await client.query(sql);
  const ids = async (table: string) => (await client.query<{ id: string }>(`select id from ${table} order by n`)).rows.map((r) => r.id);
  const seeded: Seeded = {
    practitionerIds: await ids('bp'),
    roomIds: await ids('br'),
    treatmentIds: await ids('bt'),
    customerIds: await ids('bc'),
    appointmentIds: await ids('ba'),
  };
  await client.query('commit');
  await client.query('analyze');
  return seeded;
}
