import { toGlobalId } from '../src/shared/global-id.js';
import { AVAILABILITY, SEED_START, type Seeded } from './seed.js';

/** How one response counts: answered, refused by a business rule (userErrors), or failed. */
export type Outcome = 'ok' | 'refused' | 'error';

/** One system under test for a scenario: where to POST and the body of the i-th request. */
export interface Target {
  name: 'kairos' | 'baseline' | 'baseline-cte' | 'postgraphile';
  path: string;
  body(i: number): string;
}

export interface Scenario {
  name: string;
  title: string;
  targets: Target[];
  outcome(body: string): Outcome;
}

const DAY = 86_400_000;
/** Written appointments go here, one 15-minute slot per request, so no two writes ever overlap. */
const WRITE_START = Date.UTC(2031, 0, 1);

const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const readOutcome = (body: string): Outcome => (body.startsWith('{"data"') && !body.includes('"errors":[') ? 'ok' : 'error');

export const NESTED_QUERY = `query PractitionerDays($practitionerId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!) {
  appointments(first: $first, filter: { practitionerId: $practitionerId, from: $from, to: $to }) {
    edges { node {
      id code startsAt endsAt status notes serviceAmount
      customer { id name phoneNumber email }
      treatments { id name durationMinutes price }
      payments { id amount paymentKind paymentMethod paidAt }
    } }
  }
}`;

/**
 * The bench-only SQL function the PostGraphile peer serves the nested read through (issue 14): a
 * practitioner's appointments overlapping a window, in Kairos's order. Created by bench/run.ts in the
 * bench database before the peer starts; not a product migration. `stable` and `language sql`, so
 * PostgreSQL inlines it into PostGraphile's statement.
 */
export const PEER_FUNCTION = `create or replace function bench_practitioner_appointments(practitioner uuid, from_at timestamptz, to_at timestamptz)
  returns setof appointment language sql stable as $$
    select a.* from appointment a
     where a.practitioner_id = practitioner and a.deleted_at is null and a.ends_at > from_at and a.starts_at < to_at
     order by a.starts_at, a.id
  $$`;

/** The nested read as PostGraphile 5 (amber preset) names it; `id` is its Node ID, as Kairos answers global ids. */
export const PEER_NESTED_QUERY = `query PractitionerDays($practitioner: UUID!, $from: Datetime!, $to: Datetime!, $first: Int!) {
  benchPractitionerAppointments(practitioner: $practitioner, fromAt: $from, toAt: $to, first: $first) {
    edges { node {
      id code startsAt endsAt status notes serviceAmount
      customer: customerByCustomerId { id name phoneNumber email }
      treatments: appointmentTreatmentsByAppointmentId { nodes { treatment: treatmentByTreatmentId { id name durationMinutes price } } }
      payments: paymentsByAppointmentId { nodes { id amount paymentKind paymentMethod paidAt } }
    } }
  }
}`;

/** The variables of the i-th nested read for the PostGraphile peer. */
export function peerNestedVariables(seeded: Seeded, i: number, first = 50) {
  const p = nestedParams(seeded, i, first);
  return { practitioner: p.practitionerId, from: p.from, to: p.to, first: p.first };
}

type Json = Record<string, any>;
/** The uuid inside a Kairos global id (base64url of `Type:uuid`) or a PostGraphile Node ID (base64 of `["Type","uuid"]`). */
const uuidOf = (id: string) => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(Buffer.from(id, 'base64').toString('utf8'))?.[0] ?? id;
const instant = (t: string | null) => (t === null ? null : new Date(t).toISOString());
const decimal = (d: string | null) => (d === null ? null : String(Number(d)));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The rows of a nested-read answer of Kairos, the baseline or the peer in one normal form (ids as
 * uuids, instants as ISO strings, decimals as numbers' text, children sorted by id), for the sanity
 * step that checks the three answer the same rows.
 */
export function nestedRows(body: string): Json[] {
  const data = (JSON.parse(body) as Json).data;
  const edges: Json[] = (data?.appointments ?? data?.benchPractitionerAppointments)?.edges ?? [];
  return edges.map(({ node: a }) => ({
    id: uuidOf(a.id), code: a.code, startsAt: instant(a.startsAt), endsAt: instant(a.endsAt), status: a.status, notes: a.notes, serviceAmount: decimal(a.serviceAmount),
    customer: a.customer && { id: uuidOf(a.customer.id), name: a.customer.name, phoneNumber: a.customer.phoneNumber, email: a.customer.email },
    treatments: (Array.isArray(a.treatments) ? a.treatments : a.treatments.nodes.map((n: Json) => n.treatment))
      .map((t: Json) => ({ id: uuidOf(t.id), name: t.name, durationMinutes: t.durationMinutes, price: decimal(t.price) })).sort(byId),
    payments: (Array.isArray(a.payments) ? a.payments : a.payments.nodes)
      .map((p: Json) => ({ id: uuidOf(p.id), amount: decimal(p.amount), paymentKind: p.paymentKind, paymentMethod: p.paymentMethod, paidAt: instant(p.paidAt) })).sort(byId),
  }));
}

const CUSTOMER_QUERY = `query CustomerPage($id: ID!, $first: Int!) {
  customer(id: $id) {
    id name phoneNumber email
    appointments(first: $first) { totalCount pageInfo { hasNextPage } edges { cursor node { id code startsAt endsAt status } } }
  }
}`;

const NODE_QUERY = `query Lookup($id: ID!) { node(id: $id) { id ... on Appointment { code startsAt endsAt status } } }`;

const CREATE_MUTATION = `mutation Book($input: CreateAppointmentInput!) {
  createAppointment(input: $input) { appointment { id code } userErrors { code message } replayed }
}`;

const AVAILABILITY_QUERY = `query Slots($input: AvailabilityInput!) {
  availability(input: $input) { slots { startsAt endsAt bookables { id } } }
}`;

/** Parameters of the i-th availability search: `days` days from one of the first days of the calendar. */
function availabilityParams(seeded: Seeded, i: number, days: number) {
  const from = new Date(AVAILABILITY.start.getTime() + (i % Math.max(1, AVAILABILITY.days - days)) * DAY);
  return { from: from.toISOString(), to: new Date(from.getTime() + days * DAY).toISOString(), practitionerId: seeded.availability.practitionerId, roomIds: seeded.availability.roomIds };
}

function availabilityScenario(seeded: Seeded, days: number): Scenario {
  return {
    name: `availability-${days}`,
    title: `(e) availability: ${days} days, one practitioner and any of three rooms, 30-minute slots, ~${Math.round((days / 31) * 600)} appointments in range`,
    outcome: (body) => (readOutcome(body) === 'ok' && body.includes('"slots":[{') ? 'ok' : 'error'),
    targets: [
      {
        name: 'kairos',
        path: '/graphql',
        body: (i) => {
          const p = availabilityParams(seeded, i, days);
          return gql(AVAILABILITY_QUERY, { input: {
            from: p.from, to: p.to, durationMinutes: 30, timeZone: AVAILABILITY.timeZone,
            requirements: [{ anyOf: [toGlobalId('User', p.practitionerId)] }, { anyOf: p.roomIds.map((id) => toGlobalId('Resource', id)) }],
          } });
        },
      },
      { name: 'baseline', path: '/availability', body: (i) => JSON.stringify({ ...availabilityParams(seeded, i, days), timeZone: AVAILABILITY.timeZone }) },
    ],
  };
}

/** Parameters of the i-th nested read: one practitioner, a 10-day window inside the seeded 90 days. */
export function nestedParams(seeded: Seeded, i: number, first = 50) {
  const from = new Date(SEED_START.getTime() + ((i * 13) % 80) * DAY);
  return { practitionerId: seeded.practitionerIds[(i * 7) % seeded.practitionerIds.length]!, from: from.toISOString(), to: new Date(from.getTime() + 10 * DAY).toISOString(), first };
}

/**
 * The four scenarios of issue 5 and the availability searches of issue 12 (31 and 62 days). Request i of a run picks its parameters from i, so Kairos and the
 * baseline are asked the same sequence; writes take the next slot of a counter shared by the run.
 */
export function scenarios(seeded: Seeded): Scenario[] {
  let slot = 0;
  const nextWrite = () => {
    const n = slot++;
    const startsAt = new Date(WRITE_START + n * 15 * 60_000);
    return {
      customerId: seeded.customerIds[n % seeded.customerIds.length]!,
      practitionerId: seeded.practitionerIds[n % seeded.practitionerIds.length]!,
      roomId: seeded.roomIds[n % seeded.roomIds.length]!,
      treatmentIds: [seeded.treatmentIds[n % seeded.treatmentIds.length]!, seeded.treatmentIds[(n + 17) % seeded.treatmentIds.length]!],
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 15 * 60_000).toISOString(),
      serviceAmount: '90',
      prepaidAmount: '30',
      prepaidPaymentMethod: 'card',
      // A new key per request: the claim, its record and the answer's `replayed` are on the measured path.
      idempotencyKey: `bench-${n}`,
    };
  };
  return [
    {
      name: 'nested',
      title: '(a) nested read: 50 appointments of one practitioner in 10 days, with customer, treatments, payments',
      outcome: readOutcome,
      targets: [
        {
          name: 'kairos',
          path: '/graphql',
          body: (i) => {
            const p = nestedParams(seeded, i);
            return gql(NESTED_QUERY, { ...p, practitionerId: toGlobalId('User', p.practitionerId) });
          },
        },
        { name: 'baseline', path: '/nested', body: (i) => JSON.stringify(nestedParams(seeded, i)) },
        { name: 'postgraphile', path: '/graphql', body: (i) => gql(PEER_NESTED_QUERY, peerNestedVariables(seeded, i)) },
      ],
    },
    {
      name: 'customer-page',
      title: '(c) customer page: a customer with its appointments connection, 20 per page, totalCount',
      outcome: readOutcome,
      targets: [
        { name: 'kairos', path: '/graphql', body: (i) => gql(CUSTOMER_QUERY, { id: toGlobalId('Customer', seeded.customerIds[(i * 31) % seeded.customerIds.length]!), first: 20 }) },
        { name: 'baseline', path: '/customer-page', body: (i) => JSON.stringify({ customerId: seeded.customerIds[(i * 31) % seeded.customerIds.length]!, first: 20 }) },
      ],
    },
    {
      name: 'node',
      title: '(d) node look-up: node(id:) of an appointment',
      outcome: readOutcome,
      targets: [
        { name: 'kairos', path: '/graphql', body: (i) => gql(NODE_QUERY, { id: toGlobalId('Appointment', seeded.appointmentIds[(i * 7919) % seeded.appointmentIds.length]!) }) },
        { name: 'baseline', path: '/node', body: (i) => JSON.stringify({ id: seeded.appointmentIds[(i * 7919) % seeded.appointmentIds.length]! }) },
      ],
    },
    availabilityScenario(seeded, 31),
    availabilityScenario(seeded, 62),
    {
      name: 'create',
      title: '(b) createAppointment: practitioner, room, 2 treatments, 1 prepayment, all rules and constraints on',
      outcome: (body) => (body.includes('"userErrors":[]') ? 'ok' : body.includes('"userErrors":[{') ? 'refused' : 'error'),
      targets: [
        {
          name: 'kairos',
          path: '/graphql',
          body: () => {
            const w = nextWrite();
            return gql(CREATE_MUTATION, {
              input: {
                ...w,
                customerId: toGlobalId('Customer', w.customerId),
                practitionerId: toGlobalId('User', w.practitionerId),
                roomId: toGlobalId('Resource', w.roomId),
                treatmentIds: w.treatmentIds.map((id) => toGlobalId('Treatment', id)),
              },
            });
          },
        },
        { name: 'baseline', path: '/create-five', body: () => JSON.stringify(nextWrite()) },
        { name: 'baseline-cte', path: '/create-one', body: () => JSON.stringify(nextWrite()) },
      ],
    },
  ];
}
