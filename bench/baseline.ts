import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

/**
 * The raw-pg baseline: bare node:http and pg, the same answers Kairos gives with the fewest round
 * trips (issue 5). Each read is one statement that authenticates the token and builds the whole
 * JSON answer in PostgreSQL (json_agg); the write is the five-statement transaction
 * (BEGIN, appointment, treatments, payment + history event + idempotency key + outbox events, COMMIT)
 * or the one-CTE statement, writing the rows Kairos writes.
 * No validation, no GraphQL: it is the floor Kairos is measured against.
 *
 * Env: DATABASE_URL, PORT (0: any), DB_POOL_MAX (default 10, as Kairos). Prints `listening <port>`.
 */

/** SQL for a Relay global id, byte for byte what Kairos answers: base64url("<Type>:<uuid>"). */
const gid = (type: string, column: string) => `rtrim(translate(encode(convert_to('${type}:' || ${column}::text, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
/** Timestamps as Kairos answers them (RFC 3339, UTC, milliseconds). */
const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** Decimals in canonical form, as Kairos answers them. */
const dec = (column: string) => `trim_scale(${column})::text`;

const VIEWER = `select t.organisation_id as org, t.user_id from api_token t where t.token_hash = $1 and t.revoked_at is null`;

const NESTED = `
  with v as (${VIEWER}),
  page as (
    select a.* from appointment a join v on a.organisation_id = v.org
     where a.practitioner_id = $2 and a.deleted_at is null and a.ends_at > $3 and a.starts_at < $4
     order by a.starts_at, a.id limit $5)
  select json_build_object('data', json_build_object('appointments', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
    'id', ${gid('Appointment', 'a.id')}, 'code', a.code, 'startsAt', ${ts('a.starts_at')}, 'endsAt', ${ts('a.ends_at')}, 'status', a.status,
    'notes', a.notes, 'serviceAmount', ${dec('a.service_amount')},
    'customer', (select json_build_object('id', ${gid('Customer', 'c.id')}, 'name', c.name, 'phoneNumber', c.phone_number, 'email', c.email) from customer c where c.id = a.customer_id),
    'treatments', coalesce((select json_agg(json_build_object('id', ${gid('Treatment', 't.id')}, 'name', t.name, 'durationMinutes', t.duration_minutes, 'price', ${dec('t.price')}) order by t.id)
                              from appointment_treatment x join treatment t on t.id = x.treatment_id where x.appointment_id = a.id), '[]'),
    'payments', coalesce((select json_agg(json_build_object('id', ${gid('Payment', 'p.id')}, 'amount', ${dec('p.amount')}, 'paymentKind', p.payment_kind, 'paymentMethod', p.payment_method, 'paidAt', ${ts('p.paid_at')}) order by p.paid_at, p.id)
                            from payment p where p.appointment_id = a.id), '[]')
  )) order by a.starts_at, a.id), '[]')))) as body from page a`;

const CUSTOMER_PAGE = `
  with v as (${VIEWER}),
  c as (select c.* from customer c join v on c.organisation_id = v.org where c.id = $2),
  page as (select a.* from appointment a join c on a.customer_id = c.id where a.organisation_id = c.organisation_id order by a.starts_at, a.id limit $3 + 1)
  select json_build_object('data', json_build_object('customer', (select json_build_object(
    'id', ${gid('Customer', 'c.id')}, 'name', c.name, 'phoneNumber', c.phone_number, 'email', c.email,
    'appointments', json_build_object(
      'totalCount', (select count(*) from appointment a where a.customer_id = c.id and a.organisation_id = c.organisation_id),
      'pageInfo', json_build_object('hasNextPage', (select count(*) > $3 from page)),
      'edges', coalesce((select json_agg(json_build_object('cursor', ${gid('Appointment', 'p.id')}, 'node', json_build_object(
        'id', ${gid('Appointment', 'p.id')}, 'code', p.code, 'startsAt', ${ts('p.starts_at')}, 'endsAt', ${ts('p.ends_at')}, 'status', p.status)) order by p.starts_at, p.id)
        from (select * from page order by starts_at, id limit $3) p), '[]'))
  ) from c))) as body`;

const NODE = `
  with v as (${VIEWER})
  select json_build_object('data', json_build_object('node', (select json_build_object(
    'id', ${gid('Appointment', 'a.id')}, 'code', a.code, 'startsAt', ${ts('a.starts_at')}, 'endsAt', ${ts('a.ends_at')}, 'status', a.status)
    from appointment a join v on a.organisation_id = v.org where a.id = $2))) as body`;

/** The organisation's next appointment number, as Kairos takes it (per-organisation, gap-free counter). */
const CODE_NUMBER = `
  code_number as (insert into organisation_counter (organisation_id, name, value) select v.org, 'appointment_code', 1 from (${VIEWER}) v
                  on conflict (organisation_id, name) do update set value = organisation_counter.value + 1 returning value)`;

const INSERT_APPOINTMENT_ROW = `
  insert into appointment (id, created_at, updated_at, organisation_id, code, starts_at, ends_at, status, customer_id, practitioner_id, room_id, service_amount, author_id, idempotency_key)
  select gen_random_uuid(), now(), now(), v.org, 'APT-' || lpad(n.value::text, 6, '0'), $2, $3, 'PENDING', $4, $5, $6, $7, v.user_id, $8 from (${VIEWER}) v, code_number n
  returning id, organisation_id, customer_id, code, author_id, starts_at, ends_at, status, service_amount`;

const INSERT_APPOINTMENT = `with ${CODE_NUMBER} ${INSERT_APPOINTMENT_ROW}`;

/**
 * What Kairos writes beside the rows (issue 14): the claimed idempotency key, pointing at the
 * appointment, and the outbox events `appointment.created` and `payment.recorded`, whose trigger takes
 * the organisation's outbox lock and queues the NOTIFY. Reads `a` (the appointment) and `p` (the payment).
 */
const KEY_AND_EVENTS = (key: string, fingerprint: string) => `
  k as (insert into idempotency_key (id, created_at, updated_at, organisation_id, key, operation, fingerprint, result_id)
        select gen_random_uuid(), now(), now(), a.organisation_id, ${key}, 'createAppointment', ${fingerprint}, a.id from a),
  o as (insert into outbox_event (organisation_id, type, object_id, object_version, payload)
        select a.organisation_id, 'appointment.created', ${gid('Appointment', 'a.id')}, 1, to_jsonb(a) from a
        union all select p.organisation_id, 'payment.recorded', ${gid('Payment', 'p.id')}, null, to_jsonb(p) from p)`;

const CREATE_ONE_STATEMENT = `
  with ${CODE_NUMBER},
  a as (${INSERT_APPOINTMENT_ROW}),
  t as (insert into appointment_treatment (appointment_id, treatment_id) select a.id, unnest($9::uuid[]) from a),
  p as (insert into payment (id, created_at, updated_at, organisation_id, appointment_id, customer_id, amount, payment_method, payment_kind, paid_at)
        select gen_random_uuid(), now(), now(), a.organisation_id, a.id, a.customer_id, $10, $11, 'PREPAYMENT', now() from a
        returning id, organisation_id, appointment_id, customer_id, amount, payment_method, payment_kind, paid_at),
  e as (insert into appointment_event (id, created_at, updated_at, organisation_id, appointment_id, at, actor_id, action, changes)
        select gen_random_uuid(), now(), now(), a.organisation_id, a.id, now(), a.author_id, 'CREATED', '{}' from a),
  ${KEY_AND_EVENTS('$8', '$12')}
  select a.id, a.code from a`;

/**
 * One statement for the availability search (issue 12): per bookable, its weekly hours for each local
 * date as a multirange, minus `range_agg` of its blocked ranges (appointments with buffers, unexpired
 * holds); every 30-minute local candidate whose range the practitioner's free multirange contains, with
 * the first room whose free multirange contains it. Weekly rules only (the seeded calendar has no
 * overrides or time off), and no reasons: the floor for the same offered slots.
 */
const AVAILABILITY = `
  with v as (${VIEWER}),
  b as (select $2::uuid as id, 1::bigint as ord union all select x.id, x.ord + 1 from unnest($3::uuid[]) with ordinality as x (id, ord)),
  hours as (
    select w.bookable_id as id, range_agg(tstzrange(
             (d.day + (r ->> 'startTime')::time) at time zone w.time_zone,
             (d.day + (r ->> 'endTime')::time + case when (r ->> 'endTime')::time <= (r ->> 'startTime')::time then interval '1 day' else interval '0' end) at time zone w.time_zone, '[)')) as m
      from working_hours w join v on w.organisation_id = v.org join b on b.id = w.bookable_id
      cross join generate_series((($4::timestamptz at time zone w.time_zone)::date - 1)::timestamp, ($5::timestamptz at time zone w.time_zone)::date::timestamp, interval '1 day') as d (day)
      cross join jsonb_array_elements(w.rules) as r
     where r ->> 'dayOfWeek' = to_char(d.day, 'FMDAY')
     group by w.bookable_id),
  busy as (
    select al.bookable_id as id, range_agg(al.during) as m
      from appointment_allocation al join v on al.organisation_id = v.org join b on b.id = al.bookable_id left join hold h on h.id = al.hold_id
     where al.during && tstzrange($4::timestamptz, $5::timestamptz) and (al.hold_id is null or h.expires_at > now())
     group by al.bookable_id),
  free as (select b.id, b.ord, coalesce(hours.m, '{(,)}'::tstzmultirange) - coalesce(busy.m, '{}'::tstzmultirange) as m from b left join hours using (id) left join busy using (id)),
  cand as (select g at time zone $6::text as s
             from generate_series(($4::timestamptz at time zone $6::text)::date::timestamp, $5::timestamptz at time zone $6::text, interval '30 minutes') as g)
  select json_build_object('data', json_build_object('availability', json_build_object('slots', coalesce(json_agg(json_build_object(
    'startsAt', ${ts('c.s')}, 'endsAt', ${ts("(c.s + interval '30 minutes')")},
    'bookables', json_build_array(json_build_object('id', ${gid('User', '$2::uuid')}), json_build_object('id', ${gid('Resource', 'room.id')}))) order by c.s), '[]')))) as body
    from cand c
    cross join lateral (select f.id from free f where f.ord > 1 and f.m @> tstzrange(c.s, c.s + interval '30 minutes') order by f.ord limit 1) as room
   where c.s >= $4::timestamptz and c.s + interval '30 minutes' <= $5::timestamptz
     and exists (select 1 from free f where f.ord = 1 and f.m @> tstzrange(c.s, c.s + interval '30 minutes'))`;

/** The input's fingerprint, as Kairos records it with the key (SHA-256 of the input without its key). */
const fingerprint = ({ idempotencyKey: _key, ...input }: Record<string, any>) => createHash('sha256').update(`createAppointment\n${JSON.stringify(input)}`).digest('hex');

type Handler = (pool: pg.Pool, tokenHash: string, body: Record<string, any>) => Promise<string>;

const createdBody = (id: string, code: string) =>
  JSON.stringify({ data: { createAppointment: { appointment: { id: Buffer.from(`Appointment:${id}`).toString('base64url'), code }, userErrors: [], replayed: false } } });

/** The routes; named prepared statements (`name`) so every call skips parse and plan, as pg allows. */
const routes: Record<string, Handler> = {
  '/nested': (pool, hash, b) => pool.query({ name: 'nested', text: NESTED, values: [hash, b.practitionerId, b.from, b.to, b.first], rowMode: 'array' }).then((r) => JSON.stringify(r.rows[0]![0])),
  '/customer-page': (pool, hash, b) => pool.query({ name: 'customer-page', text: CUSTOMER_PAGE, values: [hash, b.customerId, b.first], rowMode: 'array' }).then((r) => JSON.stringify(r.rows[0]![0])),
  '/availability': (pool, hash, b) =>
    pool.query({ name: 'availability', text: AVAILABILITY, values: [hash, b.practitionerId, b.roomIds, b.from, b.to, b.timeZone], rowMode: 'array' }).then((r) => JSON.stringify(r.rows[0]![0])),
  '/node': (pool, hash, b) => pool.query({ name: 'node', text: NODE, values: [hash, b.id], rowMode: 'array' }).then((r) => JSON.stringify(r.rows[0]![0])),
  async '/create-five'(pool, hash, b) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query({ name: 'create-appointment', text: INSERT_APPOINTMENT, values: [hash, b.startsAt, b.endsAt, b.customerId, b.practitionerId, b.roomId, b.serviceAmount, b.idempotencyKey] });
      const a = rows[0];
      if (!a) throw new Error('unknown token');
      await client.query({ name: 'create-treatments', text: `insert into appointment_treatment (appointment_id, treatment_id) select $1, unnest($2::uuid[])`, values: [a.id, b.treatmentIds] });
      await client.query({
        name: 'create-payment-event',
        text: `with a as (select $1::uuid as id, $2::uuid as organisation_id, $3::uuid as customer_id, $6::uuid as author_id),
               p as (insert into payment (id, created_at, updated_at, organisation_id, appointment_id, customer_id, amount, payment_method, payment_kind, paid_at)
                     select gen_random_uuid(), now(), now(), a.organisation_id, a.id, a.customer_id, $4, $5, 'PREPAYMENT', now() from a
                     returning id, organisation_id, appointment_id, customer_id, amount, payment_method, payment_kind, paid_at),
               ${KEY_AND_EVENTS('$7', '$8')}
               insert into appointment_event (id, created_at, updated_at, organisation_id, appointment_id, at, actor_id, action, changes)
               select gen_random_uuid(), now(), now(), a.organisation_id, a.id, now(), a.author_id, 'CREATED', '{}' from a`,
        values: [a.id, a.organisation_id, a.customer_id, b.prepaidAmount, b.prepaidPaymentMethod, a.author_id, b.idempotencyKey, fingerprint(b)],
      });
      await client.query('commit');
      return createdBody(a.id, a.code);
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  },
  async '/create-one'(pool, hash, b) {
    const { rows } = await pool.query({
      name: 'create-one',
      text: CREATE_ONE_STATEMENT,
      values: [hash, b.startsAt, b.endsAt, b.customerId, b.practitionerId, b.roomId, b.serviceAmount, b.idempotencyKey, b.treatmentIds, b.prepaidAmount, b.prepaidPaymentMethod, fingerprint(b)],
    });
    if (!rows[0]) throw new Error('unknown token');
    return createdBody(rows[0].id, rows[0].code);
  },
};

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
  const server = http.createServer((req, res) => {
    const handler = routes[req.url ?? ''];
    if (req.method !== 'POST' || !handler) {
      res.writeHead(req.url === '/healthz' ? 200 : 404).end();
      return;
    }
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hash = createHash('sha256').update(token, 'utf8').digest('hex');
      handler(pool, hash, JSON.parse(Buffer.concat(chunks).toString('utf8')))
        .then((body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body))
        .catch((error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })));
    });
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`);
  });
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
