import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CREATE, gid, makeResource, makeTreatment, makeUser, ok } from './fixtures.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Write path clinic');
});
afterAll(() => app?.stop());

/** Everything an appointment answers that a create can set, links included. */
const EVERYTHING = `id code startsAt endsAt durationMinutes status confirmed confirmedAt cancelledAt appointmentType source sessionType externalRef
  idempotencyKey notes clientComment medicalDependency onEcr onEcrNotes animals customAttributes serviceAmount version createdAt updatedAt
  amountPaid prepaidAmount settlementAmount paymentStatus
  customer { id name phoneNumber } practitioner { id name } assistants { id name } room { id name kind } vehicle { id kind }
  resources { id name } treatments { id name } author { id } organisation { id }
  payments { id amount paymentKind paymentMethod paidAt }
  history { action actor { id } changes }`;

describe('createAppointment writes in one statement', () => {
  it('answers the new appointment exactly as a later read of it does', async () => {
    const doctor = await makeUser(app, org, 'Dr Write');
    const nurses = await Promise.all([1, 2].map((i) => makeUser(app, org, `Write nurse ${i}`)));
    const room = await makeResource(app, org, 'Write room', 'ROOM');
    const van = await makeResource(app, org, 'Write van', 'VEHICLE');
    const kit = await makeResource(app, org, 'Write kit', 'EQUIPMENT');
    const treatments = await Promise.all([1, 2].map((i) => makeTreatment(app, org, `Write treatment ${i}`, { price: '60' })));
    const input = {
      startsAt: '2034-03-01T09:00:00Z', endsAt: '2034-03-01T10:15:00Z', status: 'APPROVED', confirmed: true,
      practitionerId: doctor.id, assistantIds: nurses.map((n) => n.id), roomId: room.id, vehicleId: van.id, resourceIds: [kit.id],
      treatmentIds: treatments.map((t) => t.id), customer: { name: 'Inline Writer', phoneNumber: '+447700900123' },
      appointmentType: 'consultation', source: 'api', sessionType: 'CONTROL', externalRef: 'ext-42', idempotencyKey: 'write-path-1',
      notes: "Bring the patient's notes", clientComment: 'Ground floor, please', medicalDependency: true, onEcr: true, onEcrNotes: 'Oxygen', animals: true,
      customAttributes: { channel: 'phone', tags: ['vip', 'new'], nested: { level: 2 } },
      serviceAmount: '120.50', prepaidAmount: '20.5', prepaidPaymentMethod: 'card', settlementAmount: '100', settlementPaymentMethod: 'cash',
    };
    const created = ok(await app.gql(CREATE(EVERYTHING), { input }, { token: org.token }), 'createAppointment').appointment;
    const read = await app.gql(`query($id: ID!) { node(id: $id) { ... on Appointment { ${EVERYTHING} } } }`, { id: created.id }, { token: org.token });
    expect(read.errors).toBeUndefined();
    expect(created).toEqual(read.data.node);

    expect(created).toMatchObject({
      code: expect.stringMatching(/^APT-\d{6,}$/), durationMinutes: 75, status: 'APPROVED', confirmed: true, version: 1,
      serviceAmount: '120.5', amountPaid: '120.5', prepaidAmount: '20.5', settlementAmount: '100', paymentStatus: 'PAID',
      customAttributes: input.customAttributes, notes: input.notes, practitioner: { id: doctor.id }, room: { id: room.id }, vehicle: { id: van.id },
      author: { id: gid('User', org.userId) }, customer: { name: 'Inline Writer', phoneNumber: '+447700900123' },
    });
    expect(created.confirmedAt).toBe(created.createdAt);
    expect(created.assistants.map((u: any) => u.id).sort()).toEqual(nurses.map((n) => n.id).sort());
    expect(created.treatments.map((t: any) => t.id).sort()).toEqual(treatments.map((t) => t.id).sort());
    expect(created.payments.map((p: any) => [p.paymentKind, p.amount, p.paymentMethod])).toEqual(
      expect.arrayContaining([['PREPAYMENT', '20.5', 'card'], ['SETTLEMENT', '100', 'cash']]),
    );
    const uuid = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
    const payers = await app.sql<{ customer_id: string }>('select customer_id from payment where appointment_id = $1', [uuid(created.id)]);
    expect(payers.map((p) => p.customer_id)).toEqual([uuid(created.customer.id), uuid(created.customer.id)]);
    const [event] = created.history;
    expect(created.history).toHaveLength(1);
    expect(event).toMatchObject({ action: 'CREATED', actor: { id: gid('User', org.userId) } });
    expect(event.changes).toMatchObject({
      status: { before: null, after: 'APPROVED' }, practitionerId: { before: null, after: doctor.id }, roomId: { before: null, after: room.id },
      customerId: { before: null, after: created.customer.id }, customAttributes: { before: null, after: input.customAttributes },
      assistantIds: { before: null, after: nurses.map((n) => n.id).sort() }, serviceAmount: { before: null, after: '120.5' },
    });

    const [allocations] = await app.sql<{ kinds: string[] }>(
      `select array_agg(kind order by kind) as kinds from appointment_allocation where appointment_id = $1`,
      [uuid(created.id)],
    );
    expect(allocations!.kinds).toEqual(['ASSISTANT', 'ASSISTANT', 'PRACTITIONER', 'RESOURCE', 'ROOM', 'VEHICLE']);
  });

  it('keeps counting codes past APT-999999 instead of cutting them to six digits', async () => {
    await app.sql(
      `insert into organisation_counter (organisation_id, name, value) values ($1, 'appointment_code', 999999)
       on conflict (organisation_id, name) do update set value = excluded.value`,
      [org.organisationId],
    );
    const doctor = await makeUser(app, org, 'Dr Million');
    const codes = [];
    for (const hour of ['09', '10']) {
      const input = { practitionerId: doctor.id, startsAt: `2034-04-01T${hour}:00:00Z`, durationMinutes: 30 };
      codes.push(ok(await app.gql(CREATE('code'), { input }, { token: org.token }), 'createAppointment').appointment.code);
    }
    expect(codes).toEqual(['APT-1000000', 'APT-1000001']);
  });

  it('answers NOT_FOUND for the first unknown link in field order, and writes nothing', async () => {
    const doctor = await makeUser(app, org, 'Dr Order');
    const other = await app.createOrg('Other write clinic');
    const foreignRoom = await makeResource(app, other, 'Foreign room', 'ROOM');
    const [before] = await app.sql<{ n: number }>('select count(*)::int as n from appointment where organisation_id = $1', [org.organisationId]);
    const input = {
      practitionerId: doctor.id, startsAt: '2034-05-01T09:00:00Z', durationMinutes: 30,
      roomId: foreignRoom.id, resourceIds: ['not-a-global-id'], treatmentIds: [gid('Treatment', '00000000-0000-7000-8000-000000000000')],
    };
    const res = await app.gql(CREATE('id'), { input }, { token: org.token });
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['NOT_FOUND', 'roomId']]);
    const [after] = await app.sql<{ n: number }>('select count(*)::int as n from appointment where organisation_id = $1', [org.organisationId]);
    expect(after!.n).toBe(before!.n);
  });
});
