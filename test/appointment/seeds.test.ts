import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { appointmentCount, gid, make, makeCustomer, makeResource, makeTreatment, makeUser, ok } from './fixtures.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Seed clinic', { timeZone: 'Europe/London', currency: 'GBP' });
});
afterAll(() => app?.stop());

describe('seed 000 — Ctrl-Hub create customer appointment (X-Session-Token)', () => {
  it('books with every seed attribute and relationship and answers them all', async () => {
    const interaction = await make(app, org, 'createInteraction', 'interaction', { method: 'PHONE', direction: 'INBOUND', dateTime: '2030-11-06T10:00:00Z' });
    const property = await make(app, org, 'createProperty', 'property', { address: '1 High Street', postcode: 'SW1A 1AA' });
    const operation = await make(app, org, 'createOperation', 'operation', { reference: 'OP-1', description: 'Meter exchange', propertyId: property.id });
    // November in London is GMT: 05:31:56Z is 05:31:56 local, inside 05:00–08:00.
    const band = await make(app, org, 'createTimeBand', 'timeBand', { name: 'Early', startTime: '05:00', endTime: '08:00' });
    const res = await app.gql(
      `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) {
        appointment { id startsAt endsAt medicalDependency onEcr animals notes onEcrNotes createdAt updatedAt
          author { id } organisation { id } interaction { id } operation { id } timeBand { id name } }
        userErrors { code field message } } }`,
      {
        input: {
          startsAt: '2030-11-07T05:31:56Z',
          endsAt: '2030-11-07T06:31:56Z',
          medicalDependency: true,
          onEcr: true,
          animals: true,
          notes: '<string>',
          onEcrNotes: '<string>',
          interactionId: interaction.id,
          operationId: operation.id,
          timeBandId: band.id,
        },
      },
      { headers: { 'X-Session-Token': org.token } },
    );
    const a = ok(res, 'createAppointment').appointment;
    expect(a).toMatchObject({
      medicalDependency: true,
      onEcr: true,
      animals: true,
      notes: '<string>',
      onEcrNotes: '<string>',
      author: { id: gid('User', org.userId) },
      organisation: { id: gid('Organisation', org.organisationId) },
      interaction: { id: interaction.id },
      operation: { id: operation.id },
      timeBand: { id: band.id, name: 'Early' },
    });
    expect(new Date(a.startsAt).toISOString()).toBe('2030-11-07T05:31:56.000Z');
    expect(new Date(a.endsAt).toISOString()).toBe('2030-11-07T06:31:56.000Z');
    expect(a.startsAt).toMatch(/Z$/);
    expect(Date.parse(a.createdAt)).not.toBeNaN();
    expect(Date.parse(a.updatedAt)).toBeGreaterThanOrEqual(Date.parse(a.createdAt));
    // Readable back through the graph with the same header.
    const read = await app.gql(`query($id: ID!) { node(id: $id) { ... on Appointment { id interaction { appointments { id } } } } }`, { id: a.id }, { headers: { 'X-Session-Token': org.token } });
    expect(read.data.node.interaction.appointments.map((x: any) => x.id)).toContain(a.id);
  });

  it("refuses the seed's literal start_time == end_time with VALIDATION and writes nothing", async () => {
    const before = await appointmentCount(app, org);
    const res = await app.gql(`mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id } userErrors { code field } } }`,
      { input: { startsAt: '2030-11-07T05:31:56Z', endsAt: '2030-11-07T05:31:56Z', medicalDependency: true } }, { headers: { 'X-Session-Token': org.token } });
    expect(res.errors).toBeUndefined();
    expect(res.data.createAppointment.appointment).toBeNull();
    expect(res.data.createAppointment.userErrors.map((e: any) => e.code)).toContain('VALIDATION');
    expect(await appointmentCount(app, org)).toBe(before);
  });
});

describe('seed 001 — Flextell create appointment (Bearer + X-Tenant)', () => {
  it('books a follow-up with treatments, assistants and room; endsAt from treatment durations', async () => {
    const headers = { authorization: `Bearer ${org.token}`, 'X-Tenant': gid('Organisation', org.organisationId) };
    const doctor = await makeUser(app, org, 'Dr House');
    const assistant = await makeUser(app, org, 'Nurse Joy');
    const related = await makeUser(app, org, 'Related Rep');
    const customer = await makeCustomer(app, org, 'Flex Customer', { relatedUserId: related.id, preferredContactMethod: 'SMS' });
    const room = await makeResource(app, org, 'Room 1', 'ROOM');
    const product = await make(app, org, 'createProduct', 'product', {
      name: 'Serum', brand: 'Acme', productType: { name: 'Liquid', category: 'cosmetics' }, category: 'Skin', unitCode: { code: 'ML', name: 'millilitre' }, price: '12.50',
    });
    const t1 = await makeTreatment(app, org, 'Peel', {
      durationMinutes: 30, price: '100.00', sessionCount: 3, isActive: true, extraInfo: { area: 'face' }, productIds: [product.id], userIds: [doctor.id],
      sessions: [{ sessionOrder: 1, sessionType: 'TREATMENT', nextGapDays: 14, offsetDays: 0 }, { sessionOrder: 2, sessionType: 'CONTROL', offsetDays: 14 }],
    });
    const t2 = await makeTreatment(app, org, 'Mask', { durationMinutes: 45 });
    const parent = ok(await app.gql(`mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id } userErrors { code field message } } }`,
      { input: { customerId: customer.id, practitionerId: doctor.id, startsAt: '2030-11-01T05:31:56Z', treatmentIds: [t1.id] } }, { headers }), 'createAppointment').appointment;

    const res = await app.gql(
      `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) {
        appointment { id code source status startsAt endsAt durationMinutes notes cancellationNote
          parentAppointment { id childAppointments { id } }
          assistants { id name } practitioner { id name } room { id name kind status }
          customer { id name relatedUser { id name } preferredContactMethod }
          treatments { id name price sessionCount isActive extraInfo durationMinutes
            products { id name brand { name } productType { name category } category { name } unitCode { code name } }
            users { id } sessions { sessionOrder sessionType nextGapDays offsetDays } } }
        userErrors { code field message } } }`,
      {
        input: {
          customerId: customer.id,
          practitionerId: doctor.id,
          startsAt: '2030-11-07T05:31:56Z',
          status: 'APPROVED',
          treatmentIds: [t1.id, t2.id],
          assistantIds: [assistant.id],
          parentAppointmentId: parent.id,
          notes: '<string>',
          cancellationNote: '<string>',
          roomId: room.id,
          source: 'api',
        },
      },
      { headers },
    );
    const a = ok(res, 'createAppointment').appointment;
    expect(a.code).toMatch(/\S/);
    expect(a.source).toBe('api');
    expect(a.status).toBe('APPROVED');
    expect(new Date(a.endsAt).toISOString()).toBe('2030-11-07T06:46:56.000Z');
    expect(a.durationMinutes).toBe(75);
    expect(a.notes).toBe('<string>');
    expect(a.cancellationNote).toBe('<string>');
    expect(a.parentAppointment.id).toBe(parent.id);
    expect(a.parentAppointment.childAppointments.map((c: any) => c.id)).toEqual([a.id]);
    expect(a.assistants).toEqual([{ id: assistant.id, name: 'Nurse Joy' }]);
    expect(a.practitioner).toEqual({ id: doctor.id, name: 'Dr House' });
    expect(a.room).toEqual({ id: room.id, name: 'Room 1', kind: 'ROOM', status: 'active' });
    expect(a.customer).toEqual({ id: customer.id, name: 'Flex Customer', relatedUser: { id: related.id, name: 'Related Rep' }, preferredContactMethod: 'SMS' });
    const peel = a.treatments.find((t: any) => t.id === t1.id);
    expect(a.treatments).toHaveLength(2);
    expect(Number(peel.price)).toBe(100);
    expect(peel).toMatchObject({
      sessionCount: 3, isActive: true, extraInfo: { area: 'face' }, durationMinutes: 30,
      products: [{ id: product.id, name: 'Serum', brand: { name: 'Acme' }, productType: { name: 'Liquid', category: 'cosmetics' }, category: { name: 'Skin' }, unitCode: { code: 'ML', name: 'millilitre' } }],
      users: [{ id: doctor.id }],
    });
    expect(peel.sessions).toEqual([
      { sessionOrder: 1, sessionType: 'TREATMENT', nextGapDays: 14, offsetDays: 0 },
      { sessionOrder: 2, sessionType: 'CONTROL', nextGapDays: null, offsetDays: 14 },
    ]);
  });
});

describe('seed 002 — One-link create scheduling appointment (api_access_token)', () => {
  const FIELDS = `id startsAt endsAt durationMinutes status appointmentType source externalRef clientComment idempotencyKey customAttributes
    serviceAmount prepaidAmount settlementAmount amountPaid paymentStatus
    payments { amount paymentMethod paymentKind } resources { id } interaction { id } company { id } author { id }
    customer { id name phoneNumber identityNumber dateOfBirth gender }`;
  const MUTATION = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { ${FIELDS} } replayed userErrors { code field message } } }`;

  it('creates with inline customer and payments, replays by key, refuses a changed input with the same key', async () => {
    const headers = { api_access_token: org.token };
    const resource = await makeResource(app, org, 'Chair 1', 'EQUIPMENT');
    const company = await make(app, org, 'createCompany', 'company', { name: 'One-link LLP' });
    const conversation = await make(app, org, 'createInteraction', 'interaction', { method: 'CHAT', direction: 'INBOUND', dateTime: '2030-11-06T09:00:00Z' });
    const input = {
      resourceIds: [resource.id],
      startsAt: '2030-11-07T05:31:56Z',
      endsAt: '2030-11-07T06:31:56Z',
      durationMinutes: 60,
      customer: { name: 'Aigerim', phoneNumber: '+77011234567', identityNumber: '900517448218', dateOfBirth: '2023-12-25', gender: 'female' },
      companyId: company.id,
      interactionId: conversation.id,
      status: 'PENDING',
      appointmentType: 'consultation',
      source: 'widget',
      externalRef: 'ext-42',
      clientComment: 'please call first',
      idempotencyKey: 'onelink-key-1',
      serviceAmount: 123,
      prepaidAmount: 23,
      prepaidPaymentMethod: 'kaspi',
      settlementAmount: 100,
      settlementPaymentMethod: 'cash',
      paymentStatus: 'PAID',
      customAttributes: { channel: 'whatsapp', priority: 2 },
    };
    const before = await appointmentCount(app, org);
    const first = ok(await app.gql(MUTATION, { input }, { headers }), 'createAppointment');
    expect(first.replayed).toBe(false);
    const a = first.appointment;
    expect(a).toMatchObject({
      durationMinutes: 60, status: 'PENDING', appointmentType: 'consultation', source: 'widget', externalRef: 'ext-42', clientComment: 'please call first',
      idempotencyKey: 'onelink-key-1', customAttributes: { channel: 'whatsapp', priority: 2 }, paymentStatus: 'PAID',
      resources: [{ id: resource.id }], interaction: { id: conversation.id }, company: { id: company.id }, author: { id: gid('User', org.userId) },
      customer: { name: 'Aigerim', phoneNumber: '+77011234567', identityNumber: '900517448218', dateOfBirth: '2023-12-25', gender: 'female' },
    });
    expect(new Date(a.endsAt).getTime() - new Date(a.startsAt).getTime()).toBe(60 * 60_000);
    expect(Number(a.serviceAmount)).toBe(123);
    expect(Number(a.prepaidAmount)).toBe(23);
    expect(Number(a.settlementAmount)).toBe(100);
    expect(Number(a.amountPaid)).toBe(123);
    expect(a.payments.map((p: any) => ({ ...p, amount: Number(p.amount) })).sort((x: any, y: any) => x.paymentKind.localeCompare(y.paymentKind))).toEqual([
      { amount: 23, paymentMethod: 'kaspi', paymentKind: 'PREPAYMENT' },
      { amount: 100, paymentMethod: 'cash', paymentKind: 'SETTLEMENT' },
    ]);
    expect(await appointmentCount(app, org)).toBe(before + 1);

    const again = ok(await app.gql(MUTATION, { input }, { headers }), 'createAppointment');
    expect(again.replayed).toBe(true);
    expect(again.appointment.id).toBe(a.id);
    expect(await appointmentCount(app, org)).toBe(before + 1);
    const [payments] = await app.sql<{ n: number }>(`select count(*)::int as n from payment p join appointment a on a.id = p.appointment_id where a.idempotency_key = 'onelink-key-1'`);
    expect(payments!.n).toBe(2);

    const changed = await app.gql(MUTATION, { input: { ...input, clientComment: 'changed' } }, { headers });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.createAppointment.appointment).toBeNull();
    expect(changed.data.createAppointment.userErrors.map((e: any) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await appointmentCount(app, org)).toBe(before + 1);
  });
});

describe('seed 003 — Caspen update appointment (Bearer)', () => {
  it('updates every seed field, then cancels with a reason', async () => {
    const practitioner = await makeUser(app, org, 'Caspen Practitioner');
    const customer = await makeCustomer(app, org, 'Caspen Client');
    const treatment = await makeTreatment(app, org, 'Physio', { durationMinutes: 50 });
    const location = await make(app, org, 'createLocation', 'location', { name: 'Main clinic', address: '1 Road', timeZone: 'Europe/London' });
    const pkg = await make(app, org, 'createClientPackage', 'clientPackage', { customerId: customer.id, treatmentId: treatment.id, sessionsTotal: 10 });
    const kase = await make(app, org, 'createCase', 'case', { title: 'Knee', customerId: customer.id, status: 'open' });
    const room = await makeResource(app, org, 'Caspen Room', 'ROOM');
    const vehicle = await makeResource(app, org, 'Van', 'VEHICLE');
    const equipment = await makeResource(app, org, 'Ultrasound', 'EQUIPMENT');
    const reason = await make(app, org, 'createCancellationReason', 'cancellationReason', { name: 'Customer ill' });
    const headers = { authorization: `Bearer ${org.token}` };
    const created = ok(await app.gql(`mutation { createAppointment(input: { startsAt: "2030-10-01T10:00:00Z", durationMinutes: 30 }) { appointment { id version } userErrors { code field message } } }`, {}, { headers }), 'createAppointment').appointment;

    const FIELDS = `id startsAt endsAt durationMinutes status notes confirmed confirmedAt version
      location { id } practitioner { id } treatments { id } customer { id } clientPackage { id sessionsTotal } case { id title }
      room { id } vehicle { id } resources { id } cancellationReason { id name } cancellationNote cancelledAt createdAt`;
    const updated = ok(await app.gql(`mutation($input: UpdateAppointmentInput!) { updateAppointment(input: $input) { appointment { ${FIELDS} } userErrors { code field message } } }`, {
      input: {
        id: created.id, locationId: location.id, practitionerId: practitioner.id, treatmentIds: [treatment.id], customerId: customer.id,
        clientPackageId: pkg.id, caseId: kase.id, startsAt: '2030-11-07T05:31:56Z', endsAt: '2030-11-07T06:21:56Z', notes: '<string>', confirmed: true,
        roomId: room.id, vehicleId: vehicle.id, resourceIds: [equipment.id],
      },
    }, { headers }), 'updateAppointment').appointment;
    expect(updated).toMatchObject({
      durationMinutes: 50, status: 'PENDING', notes: '<string>', confirmed: true, version: 2,
      location: { id: location.id }, practitioner: { id: practitioner.id }, treatments: [{ id: treatment.id }], customer: { id: customer.id },
      clientPackage: { id: pkg.id, sessionsTotal: 10 }, case: { id: kase.id, title: 'Knee' }, room: { id: room.id }, vehicle: { id: vehicle.id }, resources: [{ id: equipment.id }],
      cancellationReason: null, cancelledAt: null,
    });
    expect(new Date(updated.startsAt).toISOString()).toBe('2030-11-07T05:31:56.000Z');
    expect(new Date(updated.endsAt).toISOString()).toBe('2030-11-07T06:21:56.000Z');
    expect(Date.parse(updated.confirmedAt)).not.toBeNaN();

    const cancelled = ok(await app.gql(`mutation($input: CancelAppointmentInput!) { cancelAppointment(input: $input) { appointment { ${FIELDS} } userErrors { code field message } } }`,
      { input: { id: created.id, cancellationReasonId: reason.id, cancellationNote: 'Rang in sick' } }, { headers }), 'cancelAppointment').appointment;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: { id: reason.id, name: 'Customer ill' }, cancellationNote: 'Rang in sick', version: 3 });
    expect(Date.parse(cancelled.cancelledAt)).not.toBeNaN();
  });
});
