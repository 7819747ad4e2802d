import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { buildSchema, isAbstractType, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practitionerAgenda } from '../../examples/agenda.js';
import { bookTreatment } from '../../examples/booking.js';
import { createKairosClient, KairosRequestError, type KairosClient } from '../../examples/client.js';
import * as generated from '../../examples/generated/graphql.js';
import possibleTypes from '../../examples/generated/possible-types.js';
import {
  BookFromChatDocument,
  BookHeldSlotDocument,
  BookTreatmentDocument,
  CancelAppointmentDocument,
  CreateAccountDocument,
  CreateCancellationReasonDocument,
  CreateCaseDocument,
  CreateClientPackageDocument,
  CreateCompanyDocument,
  CreateCustomerDocument,
  CreateLocationDocument,
  CreateOperationDocument,
  CreateProductDocument,
  CreatePropertyDocument,
  CreateResourceDocument,
  CreateTimeBandDocument,
  CreateTreatmentDocument,
  CreateUserDocument,
  CreateVisitDocument,
  CustomerWithAppointmentsDocument,
  HoldSlotDocument,
  LogContactDocument,
  NodeByIdDocument,
  PractitionerWithRoomWeekDocument,
  RecordPaymentDocument,
  ReleaseHoldDocument,
  RescheduleDocument,
  SetWorkingHoursDocument,
  ViewerDocument,
  type CreateAppointmentInput,
} from '../../examples/generated/graphql.js';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';

const exec = promisify(execFile);
const GENERATED_DIR = 'examples/generated';

describe('examples/generated (committed output of npm run codegen)', () => {
  it('is what codegen.yml produces from schema/schema.graphql and examples/operations', async () => {
    const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
    const expected = new Map(outputs.map((output) => [path.relative(GENERATED_DIR, output.filename), output.content]));
    const committed = new Map<string, string>();
    for (const file of await readdir(GENERATED_DIR)) committed.set(file, await readFile(path.join(GENERATED_DIR, file), 'utf8'));

    const stale = [...new Set([...expected.keys(), ...committed.keys()])].filter((file) => expected.get(file) !== committed.get(file)).sort();
    expect(stale, `${GENERATED_DIR}/ is stale (${stale.join(', ')}): run npm run codegen and commit the result`).toEqual([]);
  });

  it('possible-types.ts gives every union and interface of the schema exactly its object types (Apollo Client possibleTypes)', async () => {
    const schema = buildSchema(await readFile('schema/schema.graphql', 'utf8'));
    const abstract = Object.values(schema.getTypeMap()).filter(isAbstractType);
    const expected = Object.fromEntries(abstract.map((type) => [type.name, schema.getPossibleTypes(type).map((object) => object.name).sort()]));
    expect(possibleTypes.possibleTypes).toEqual(expected);
    // The two a client meets: `conflicts { bookable { ... on Node { id } } }` needs both.
    expect(possibleTypes.possibleTypes.Bookable).toEqual(['Resource', 'User']);
    expect(possibleTypes.possibleTypes.Node).toEqual(expect.arrayContaining(['Appointment', 'Customer', 'Resource', 'User']));
  });

  it('type-checks the example client code against it (a schema change that breaks consumers fails here)', async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await exec(process.execPath, [tsc, '-p', 'examples/tsconfig.json', '--noEmit', '--pretty', 'false']).then(
      () => '',
      (error: { stdout?: string; message: string }) => error.stdout || error.message,
    );
    expect(result, 'tsc -p examples/tsconfig.json').toBe('');
  });
});

describe('every generated operation against a running Kairos', () => {
  let app: TestApp;
  let client: KairosClient;
  let url: string;
  const executed = new Set<DocumentNode>();

  /** The payload's object after checking that no userError stopped the mutation. */
  function accepted<P extends { userErrors: readonly { code: string; message: string }[] }, K extends keyof P>(payload: P, key: K): NonNullable<P[K]> {
    expect(payload.userErrors, JSON.stringify(payload.userErrors)).toEqual([]);
    expect(payload[key]).toBeTruthy();
    return payload[key] as NonNullable<P[K]>;
  }

  // Filled in by the tests below, in order: each step uses what the earlier ones created.
  const ids = {} as Record<
    'viewer' | 'doctor' | 'nurse' | 'company' | 'ada' | 'account' | 'property' | 'operation' | 'band' | 'contact' | 'visit' | 'organisation'
      | 'product' | 'physio' | 'room' | 'chair' | 'van' | 'followUp' | 'location' | 'case' | 'clientPackage' | 'chat' | 'reason',
    string
  >;

  let org: TestOrg;

  beforeAll(async () => {
    app = await startTestApp();
    org = await app.createOrg('Codegen clinic', { timeZone: 'Europe/London', currency: 'GBP' });
    url = `http://127.0.0.1:${app.kairos.port}/graphql`;
    const kairos = createKairosClient({ url, token: org.token });
    client = {
      execute(document, variables) {
        executed.add(document);
        return kairos.execute(document, variables);
      },
    };
  });
  afterAll(() => app?.stop());

  it('Viewer: the token owner, with the role OWNER, and the organisation the request acts in', async () => {
    const { viewer, currentOrganisation } = await client.execute(ViewerDocument, {});
    expect(viewer).toMatchObject({ name: 'Codegen clinic Owner', role: 'OWNER', isActive: true });
    expect(currentOrganisation).toMatchObject({ name: 'Codegen clinic', timeZone: expect.any(String), currency: expect.any(String) });
    ids.viewer = viewer.id;
  });

  it('the catalogue the seed operations link to', async () => {
    // An invitation, accepted by the invitee with its code (no token: they have no account yet).
    const user = async (name: string) => {
      const { invitation, invitationCode } = (await client.execute(CreateUserDocument, { input: { name, email: `${name.replace(/\W/g, '').toLowerCase()}@codegen.example`, role: 'STAFF' } })).createUser;
      expect(invitation).toMatchObject({ role: 'STAFF', status: 'PENDING' });
      const accept = await app.gql(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userErrors { code } } }`, { input: { id: invitation!.id, code: invitationCode } });
      expect(accept.data.acceptInvitation.userErrors).toEqual([]);
      const member = await app.gql(`query($id: ID!) { invitation(id: $id) { user { id role } } }`, { id: invitation!.id }, { token: org.token });
      return member.data.invitation.user as { id: string; role: string };
    };
    const doctor = await user('Dr Grey');
    expect(doctor.role).toBe('STAFF');
    ids.doctor = doctor.id;
    ids.nurse = (await user('Nurse Joy')).id;

    ids.company = accepted((await client.execute(CreateCompanyDocument, { input: { name: 'Lovelace Ltd' } })).createCompany, 'company').id;
    const ada = accepted(
      (await client.execute(CreateCustomerDocument, {
        input: { firstName: 'Ada', lastName: 'Lovelace', phoneNumber: '+447700900123', email: 'ada@codegen.example', preferredContactMethod: 'SMS', companyId: ids.company },
      })).createCustomer,
      'customer',
    );
    expect(ada).toMatchObject({ name: 'Ada Lovelace', preferredContactMethod: 'SMS', company: { id: ids.company, name: 'Lovelace Ltd' } });
    ids.ada = ada.id;

    ids.account = accepted((await client.execute(CreateAccountDocument, { input: { reference: 'ACC-1', customerId: ids.ada } })).createAccount, 'account').id;
    const property = accepted((await client.execute(CreatePropertyDocument, { input: { address: '1 High Street', postcode: 'SW1A 1AA', accountId: ids.account } })).createProperty, 'property');
    expect(property.account?.id).toBe(ids.account);
    ids.property = property.id;
    ids.operation = accepted((await client.execute(CreateOperationDocument, { input: { reference: 'OP-1', description: 'Meter exchange', propertyId: ids.property } })).createOperation, 'operation').id;
    ids.band = accepted((await client.execute(CreateTimeBandDocument, { input: { name: 'Early', startTime: '05:00', endTime: '08:00' } })).createTimeBand, 'timeBand').id;

    const product = accepted(
      (await client.execute(CreateProductDocument, { input: { name: 'Gel', price: '4.50', taxRate: 20, brand: 'Acme', unitCode: { code: 'ml', name: 'millilitre' } } })).createProduct,
      'product',
    );
    expect(product).toMatchObject({ brand: { name: 'Acme' }, unitCode: { code: 'ml' } });
    ids.product = product.id;
    const physio = accepted(
      (await client.execute(CreateTreatmentDocument, {
        input: {
          name: 'Physiotherapy',
          durationMinutes: 30,
          price: '80.00',
          productIds: [ids.product],
          userIds: [ids.doctor],
          sessions: [
            { sessionOrder: 1, sessionType: 'TREATMENT', nextGapDays: 14 },
            { sessionOrder: 2, sessionType: 'CONTROL', offsetDays: 14 },
          ],
        },
      })).createTreatment,
      'treatment',
    );
    expect(physio.sessions.map((s) => s.sessionType)).toEqual(['TREATMENT', 'CONTROL']);
    ids.physio = physio.id;

    const resource = async (name: string, kind: 'ROOM' | 'EQUIPMENT' | 'VEHICLE') =>
      accepted((await client.execute(CreateResourceDocument, { input: { name, kind, status: 'active' } })).createResource, 'resource');
    ids.room = (await resource('Room 1', 'ROOM')).id;
    ids.chair = (await resource('Chair', 'EQUIPMENT')).id;
    const van = await resource('Van', 'VEHICLE');
    expect(van.kind).toBe('VEHICLE');
    ids.van = van.id;
    ids.location = accepted((await client.execute(CreateLocationDocument, { input: { name: 'Main clinic', timeZone: 'Europe/London' } })).createLocation, 'location').id;
    ids.case = accepted((await client.execute(CreateCaseDocument, { input: { title: 'Knee rehab', customerId: ids.ada } })).createCase, 'case').id;
    const clientPackage = accepted((await client.execute(CreateClientPackageDocument, { input: { customerId: ids.ada, treatmentId: ids.physio, sessionsTotal: 6 } })).createClientPackage, 'clientPackage');
    expect(clientPackage).toMatchObject({ sessionsTotal: 6, sessionsUsed: 0 });
    ids.clientPackage = clientPackage.id;
    ids.reason = accepted((await client.execute(CreateCancellationReasonDocument, { input: { name: 'Patient unwell' } })).createCancellationReason, 'cancellationReason').id;
  });

  it('LogContact (seed 004): an interaction with its contact, account, property and representative', async () => {
    const interaction = accepted(
      (await client.execute(LogContactDocument, {
        input: {
          method: 'EMAIL', direction: 'INBOUND', dateTime: '2030-11-07T05:31:56Z', contacted: true, status: 'SCHEDULED', notes: 'Asked for a morning visit',
          contactId: ids.ada, accountId: ids.account, propertyId: ids.property, representativeId: ids.doctor,
        },
      })).createInteraction,
      'interaction',
    );
    expect(interaction).toMatchObject({
      method: 'EMAIL', direction: 'INBOUND', contacted: true, status: 'SCHEDULED', notes: 'Asked for a morning visit',
      contact: { id: ids.ada, name: 'Ada Lovelace' }, account: { id: ids.account }, property: { id: ids.property },
      representative: { id: ids.doctor, name: 'Dr Grey' }, author: { id: ids.viewer },
    });
    expect(Date.parse(interaction.dateTime)).toBe(Date.parse('2030-11-07T05:31:56Z'));
    ids.contact = interaction.id;
  });

  it('CreateVisit (seed 000): a field visit inside its time band, linked to the interaction and work order', async () => {
    const visit = accepted(
      (await client.execute(CreateVisitDocument, {
        input: {
          startsAt: '2030-11-07T05:31:56Z', endsAt: '2030-11-07T06:31:56Z', medicalDependency: true, onEcr: true, animals: true,
          notes: 'Gate code 1234', onEcrNotes: 'Oxygen concentrator', interactionId: ids.contact, operationId: ids.operation, timeBandId: ids.band,
        },
      })).createAppointment,
      'appointment',
    );
    expect(visit).toMatchObject({
      medicalDependency: true, onEcr: true, animals: true, notes: 'Gate code 1234', onEcrNotes: 'Oxygen concentrator',
      interaction: { id: ids.contact }, operation: { id: ids.operation }, timeBand: { id: ids.band },
      author: { id: ids.viewer }, organisation: { name: 'Codegen clinic' },
    });
    ids.visit = visit.id;
    ids.organisation = visit.organisation.id;
  });

  it('BookTreatment (seed 001): a follow-up whose end comes from the treatment, answered with the nested catalogue', async () => {
    const appointment = accepted(
      (await client.execute(BookTreatmentDocument, {
        input: {
          customerId: ids.ada, practitionerId: ids.doctor, startsAt: '2030-11-07T09:00:00Z', status: 'PENDING', treatmentIds: [ids.physio],
          assistantIds: [ids.nurse], parentAppointmentId: ids.visit, notes: 'Follow-up', roomId: ids.room, sessionType: 'CONTROL', source: 'api',
        },
      })).createAppointment,
      'appointment',
    );
    expect(appointment.code).toMatch(/^APT-\d{6}$/);
    expect(Date.parse(appointment.endsAt)).toBe(Date.parse('2030-11-07T09:30:00Z'));
    expect(appointment).toMatchObject({
      status: 'PENDING', durationMinutes: 30, notes: 'Follow-up', sessionType: 'CONTROL', source: 'api', deletedAt: null,
      customer: { id: ids.ada, firstName: 'Ada', lastName: 'Lovelace', preferredContactMethod: 'SMS' },
      practitioner: { id: ids.doctor, name: 'Dr Grey' }, assistants: [{ id: ids.nurse, name: 'Nurse Joy' }], room: { id: ids.room, name: 'Room 1' },
      parentAppointment: { id: ids.visit }, childAppointments: [],
    });
    const [treatment] = appointment.treatments;
    expect(treatment).toMatchObject({ id: ids.physio, name: 'Physiotherapy', users: [{ id: ids.doctor }] });
    expect(treatment!.products).toEqual([expect.objectContaining({ id: ids.product, brand: { name: 'Acme' }, unitCode: { code: 'ml', name: 'millilitre' } })]);
    expect(treatment!.sessions.map((s) => [s.sessionOrder, s.sessionType])).toEqual([[1, 'TREATMENT'], [2, 'CONTROL']]);
    ids.followUp = appointment.id;
  });

  it('BookFromChat (seed 002): an inline client, payments from the amounts, and an idempotent replay', async () => {
    const input: CreateAppointmentInput = {
      resourceIds: [ids.chair], startsAt: '2030-11-07T05:30:00Z', endsAt: '2030-11-07T06:00:00Z', durationMinutes: 30,
      customer: { name: 'Aigerim Nurlanova', phoneNumber: '+77011234567', identityNumber: '900101400013', dateOfBirth: '1990-01-01', gender: 'female' },
      treatmentIds: [ids.physio], companyId: ids.company, interactionId: ids.contact, authorId: ids.viewer, status: 'APPROVED',
      appointmentType: 'consultation', clientComment: 'Ground floor, please', source: 'whatsapp', externalRef: 'OL-5521', idempotencyKey: 'ol-5521-1',
      serviceAmount: '150', prepaidAmount: '50', prepaidPaymentMethod: 'kaspi', settlementAmount: 100, settlementPaymentMethod: 'cash',
      paymentStatus: 'PAID', customAttributes: { floor: 0 },
    };
    const first = (await client.execute(BookFromChatDocument, { input })).createAppointment;
    const appointment = accepted(first, 'appointment');
    expect(first.replayed).toBe(false);
    expect(appointment).toMatchObject({
      status: 'APPROVED', durationMinutes: 30, appointmentType: 'consultation', source: 'whatsapp', externalRef: 'OL-5521', idempotencyKey: 'ol-5521-1',
      clientComment: 'Ground floor, please', customAttributes: { floor: 0 }, paymentStatus: 'PAID',
      customer: { name: 'Aigerim Nurlanova', phoneNumber: '+77011234567', identityNumber: '900101400013', dateOfBirth: '1990-01-01', gender: 'female' },
      resources: [{ id: ids.chair }], treatments: [{ id: ids.physio }], company: { id: ids.company }, interaction: { id: ids.contact }, author: { id: ids.viewer },
    });
    expect([appointment.serviceAmount, appointment.prepaidAmount, appointment.settlementAmount, appointment.amountPaid].map(Number)).toEqual([150, 50, 100, 150]);
    expect(appointment.payments.map((p) => [p.paymentKind, Number(p.amount), p.paymentMethod]).sort()).toEqual([['PREPAYMENT', 50, 'kaspi'], ['SETTLEMENT', 100, 'cash']]);

    const replay = (await client.execute(BookFromChatDocument, { input })).createAppointment;
    expect(replay.replayed).toBe(true);
    expect(replay.appointment?.id).toBe(appointment.id);
    ids.chat = appointment.id;
  });

  it('NodeById and Reschedule (seed 003): read the version, then move and relink the appointment with it', async () => {
    const { node } = await client.execute(NodeByIdDocument, { id: ids.followUp });
    if (node?.__typename !== 'Appointment') throw new Error(`expected an Appointment, got ${node?.__typename}`);
    const moved = accepted(
      (await client.execute(RescheduleDocument, {
        input: {
          id: ids.followUp, expectedVersion: node.version, locationId: ids.location, practitionerId: ids.doctor, treatmentIds: [ids.physio],
          customerId: ids.ada, clientPackageId: ids.clientPackage, caseId: ids.case, startsAt: '2030-11-08T09:00:00Z', endsAt: '2030-11-08T09:45:00Z',
          notes: 'Moved to Wednesday', confirmed: true, roomId: null, vehicleId: ids.van, resourceIds: [ids.chair],
        },
      })).updateAppointment,
      'appointment',
    );
    expect(moved).toMatchObject({
      version: node.version + 1, durationMinutes: 45, confirmed: true, notes: 'Moved to Wednesday', status: 'PENDING',
      location: { id: ids.location }, practitioner: { id: ids.doctor }, customer: { id: ids.ada }, clientPackage: { id: ids.clientPackage },
      case: { id: ids.case }, room: null, vehicle: { id: ids.van }, resources: [{ id: ids.chair }], cancelledAt: null,
    });
    expect(moved.confirmedAt).not.toBeNull();
    expect(Date.parse(moved.startsAt)).toBe(Date.parse('2030-11-08T09:00:00Z'));
  });

  it('RecordPayment: a later settlement pays the appointment', async () => {
    const payment = accepted(
      (await client.execute(RecordPaymentDocument, { input: { appointmentId: ids.followUp, amount: '40.00', paymentKind: 'SETTLEMENT', paymentMethod: 'card' } })).recordPayment,
      'payment',
    );
    expect(payment).toMatchObject({ paymentKind: 'SETTLEMENT', paymentMethod: 'card', appointment: { id: ids.followUp, paymentStatus: 'PAID' } });
    expect(Number(payment.appointment.amountPaid)).toBe(40);
  });

  it('bookTreatment() example: books, then explains a double booking; CancelAppointment frees the slot', async () => {
    const slot: CreateAppointmentInput = { customerId: ids.ada, practitionerId: ids.doctor, treatmentIds: [ids.physio], startsAt: '2030-11-09T10:00:00Z' };
    const booked = await bookTreatment(client, slot);
    if (!booked.booked) throw new Error(booked.reasons.join('; '));
    const clash = await bookTreatment(client, { ...slot, startsAt: '2030-11-09T10:15:00Z' });
    expect(clash).toEqual({ booked: false, reasons: [`Dr Grey (practitioner) is busy with ${booked.appointment.code}`] });

    const cancelled = accepted(
      (await client.execute(CancelAppointmentDocument, { input: { id: booked.appointment.id, cancellationReasonId: ids.reason, cancellationNote: 'Called in sick', expectedVersion: 1 } })).cancelAppointment,
      'appointment',
    );
    expect(cancelled).toMatchObject({ status: 'CANCELLED', version: 2, cancellationNote: 'Called in sick', cancellationReason: { id: ids.reason, name: 'Patient unwell' } });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect((await bookTreatment(client, { ...slot, startsAt: '2030-11-09T10:15:00Z' })).booked).toBe(true);
  });

  it('PractitionerWeek through practitionerAgenda(): every page of the week, with customer, treatments and payments', async () => {
    // A page size of 1 makes the example follow endCursor across pages.
    const lines = await practitionerAgenda(client, ids.doctor, '2030-11-06T00:00:00Z', '2030-11-13T00:00:00Z', 1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^2030-11-08 09:00–09:45 APT-\d{6} PENDING Ada Lovelace · Physiotherapy · paid 40(\.00)? \(PAID\)$/);
    expect(lines[1]).toMatch(/^2030-11-09 10:00–10:30 APT-\d{6} CANCELLED Ada Lovelace · Physiotherapy · paid 0(\.00)? \(UNPAID\)$/);
    expect(lines[2]).toMatch(/^2030-11-09 10:15–10:45 APT-\d{6} PENDING Ada Lovelace · Physiotherapy/);
  });

  it('CustomerWithAppointments: the customer and a page of their appointments', async () => {
    const { customer } = await client.execute(CustomerWithAppointmentsDocument, { id: ids.ada, first: 2 });
    expect(customer).toMatchObject({ id: ids.ada, name: 'Ada Lovelace', appointments: { totalCount: 3, pageInfo: { hasNextPage: true } } });
    expect(customer!.appointments.edges.map((edge) => edge.node.practitioner?.name)).toEqual(['Dr Grey', 'Dr Grey']);
    const next = await client.execute(CustomerWithAppointmentsDocument, { id: ids.ada, after: customer!.appointments.pageInfo.endCursor });
    expect(next.customer!.appointments.edges).toHaveLength(1);
    expect(next.customer!.appointments.pageInfo.hasNextPage).toBe(false);
  });

  it('NodeById resolves the organisation and the interaction with the appointments made from it', async () => {
    const organisation = (await client.execute(NodeByIdDocument, { id: ids.organisation })).node;
    expect(organisation).toEqual({ __typename: 'Organisation', id: ids.organisation, name: 'Codegen clinic', timeZone: 'Europe/London', currency: 'GBP' });
    const interaction = (await client.execute(NodeByIdDocument, { id: ids.contact })).node;
    if (interaction?.__typename !== 'Interaction') throw new Error(`expected an Interaction, got ${interaction?.__typename}`);
    expect(interaction.appointments.map((a) => a.id).sort()).toEqual([ids.visit, ids.chat].sort());
  });

  it('availability: a week of the practitioner with a room, a rejected slot and why, a hold turned into a booking', async () => {
    const hours = accepted((await client.execute(SetWorkingHoursDocument, { input: {
      bookableId: ids.doctor, timeZone: 'Europe/London',
      rules: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((dayOfWeek) => ({ dayOfWeek: dayOfWeek as 'MONDAY', startTime: '09:00', endTime: '13:00' })),
      overrides: [{ date: '2031-03-07', intervals: [], reason: 'Training day' }],
    } })).setWorkingHours, 'workingHours');
    expect(hours.rules).toHaveLength(5);
    const week = (await client.execute(PractitionerWithRoomWeekDocument, { input: {
      from: '2031-03-03T00:00:00Z', to: '2031-03-10T00:00:00Z', durationMinutes: 60, includeUnavailable: true,
      requirements: [{ anyOf: [ids.doctor] }, { anyOf: [ids.room] }],
    } })).availability;
    expect(week.userErrors).toEqual([]);
    expect(week.slots).toHaveLength(4 * 4);
    expect(week.slots[0]!.bookables.map((b) => b.id)).toEqual([ids.doctor, ids.room]);
    const friday = week.unavailable.find((u) => u.startsAt.startsWith('2031-03-07T09'))!;
    expect(friday.reasons.map((r) => r.code)).toEqual(['CLOSED']);

    const slot = { startsAt: week.slots[0]!.startsAt, endsAt: week.slots[0]!.endsAt };
    const held = accepted((await client.execute(HoldSlotDocument, { input: { ...slot, bookableIds: [ids.doctor, ids.room], customerId: ids.ada, ttlSeconds: 120 } })).createHold, 'hold');
    const released = accepted((await client.execute(ReleaseHoldDocument, { input: { id: held.id } })).releaseHold, 'hold');
    expect(released.id).toBe(held.id);
    const again = accepted((await client.execute(HoldSlotDocument, { input: { ...slot, bookableIds: [ids.doctor, ids.room], customerId: ids.ada } })).createHold, 'hold');
    const booked = accepted((await client.execute(BookHeldSlotDocument, { input: { ...slot, customerId: ids.ada, practitionerId: ids.doctor, roomId: ids.room, holdId: again.id } })).createAppointment, 'appointment');
    expect(booked.startsAt).toBe(slot.startsAt);
  });

  it('the example client rejects a bad token with UNAUTHENTICATED', async () => {
    const stranger = createKairosClient({ url, token: 'kairos_not-a-token' });
    const error = await stranger.execute(ViewerDocument, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KairosRequestError);
    expect((error as KairosRequestError).code).toBe('UNAUTHENTICATED');
  });

  it('ran every operation in examples/operations (add a step above for a new one)', () => {
    const all = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
    const missed = all.filter(([, document]) => !executed.has(document as DocumentNode)).map(([name]) => name);
    expect(missed).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(25);
  });
});
