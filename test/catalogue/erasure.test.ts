import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { errorCode, memberToken, mutate, payload, userErrors } from './helpers.js';

let app: TestApp;
let org: TestOrg;
let other: TestOrg;
let staff: string;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Clinic');
  other = await app.createOrg('Other');
  staff = await memberToken(app, org, 'STAFF');
});
afterAll(() => app?.stop());

const PERSONAL = 'firstName lastName name phoneNumber email dateOfBirth gender countryName identityNumber job address avatarUrl preferredContactMethod company { id } deletedAt';
const DELETE = `mutation($input: DeleteCustomerInput!) { deleteCustomer(input: $input) { customer { id ${PERSONAL} } userErrors { code field message } } }`;
const BOOK = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id } userErrors { code field message } } }`;

describe('deleteCustomer (GDPR erasure)', () => {
  it('blanks personal data, keeps appointments and payments linked, hides the customer from search, and is idempotent', async () => {
    const company = payload(await mutate(app, org.token, 'createCompany', 'company', { name: 'Employer' }), 'createCompany').company;
    const customer = payload(
      await mutate(app, org.token, 'createCustomer', 'customer', {
        firstName: 'Aigerim', lastName: 'Nurlanova', phoneNumber: '+77010000001', email: 'aigerim@example.com', dateOfBirth: '1990-01-02', gender: 'female',
        countryName: 'Kazakhstan', identityNumber: 'X-12345', job: 'Teacher', address: 'Abay 1', avatarUrl: 'https://example.com/a.png', preferredContactMethod: 'SMS', companyId: company.id,
      }, 'id'),
      'createCustomer',
    ).customer;
    const appointment = payload(
      await app.gql(BOOK, { input: { startsAt: '2031-06-01T09:00:00Z', endsAt: '2031-06-01T10:00:00Z', customerId: customer.id, notes: 'Allergic to latex', clientComment: 'Call me on my mobile', serviceAmount: '100', prepaidAmount: '40', prepaidPaymentMethod: 'card' } }, { token: org.token }),
      'createAppointment',
    ).appointment;
    const interaction = payload(
      await app.gql(`mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { interaction { id } userErrors { code field message } } }`, {
        input: { method: 'SMS', direction: 'OUTBOUND', dateTime: '2031-05-30T09:00:00Z', notes: 'Asked about her pregnancy', contactId: customer.id },
      }, { token: org.token }),
      'createInteraction',
    ).interaction;

    expect(errorCode(await app.gql(DELETE, { input: { id: customer.id } }, { token: staff }))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(DELETE, { input: { id: customer.id } }, { token: other.token }))).toBe('NOT_FOUND');

    const erased = payload(await app.gql(DELETE, { input: { id: customer.id } }, { token: org.token }), 'deleteCustomer').customer;
    expect(erased).toMatchObject({
      id: customer.id, firstName: null, lastName: null, name: 'Erased customer', phoneNumber: null, email: null, dateOfBirth: null, gender: null, countryName: null,
      identityNumber: null, job: null, address: null, avatarUrl: null, preferredContactMethod: null, company: null,
    });
    expect(erased.deletedAt).not.toBeNull();
    const again = payload(await app.gql(DELETE, { input: { id: customer.id } }, { token: org.token }), 'deleteCustomer').customer;
    expect(again).toEqual(erased);

    // Nothing personal is left anywhere in the database.
    const [dump] = await app.sql<{ text: string }>(
      `select concat_ws(' ', (select row_to_json(c)::text from customer c where id = $1),
                             (select string_agg(row_to_json(a)::text, ' ') from appointment a where customer_id = $1),
                             (select string_agg(e.changes::text, ' ') from appointment_event e join appointment a on a.id = e.appointment_id where a.customer_id = $1),
                             (select string_agg(row_to_json(i)::text, ' ') from interaction i where contact_id = $1)) as text`,
      [(await app.sql<{ id: string }>(`select id from customer where organisation_id = $1 and name = 'Erased customer'`, [org.organisationId]))[0]!.id],
    );
    expect(dump!.text).toContain('Erased customer');
    expect(dump!.text).toContain('"startsAt"');
    for (const secret of ['Aigerim', 'Nurlanova', '+77010000001', 'aigerim@', '1990-01-02', 'X-12345', 'Teacher', 'Abay', 'a.png', 'latex', 'mobile', 'pregnancy']) {
      expect(dump!.text).not.toContain(secret);
    }

    // The appointment, its payment and the interaction stay, linked to the erased customer.
    const read = await app.gql(`query($id: ID!, $i: ID!) {
      appointment(id: $id) { id notes clientComment customer { id name } payments { amount } history { action } }
      interaction(id: $i) { id notes contact { id name } } }`, { id: appointment.id, i: interaction.id }, { token: org.token });
    expect(read.errors).toBeUndefined();
    expect(read.data.appointment).toMatchObject({ id: appointment.id, notes: null, clientComment: null, customer: { id: customer.id, name: 'Erased customer' }, history: [{ action: 'CREATED' }] });
    expect(read.data.appointment.payments.map((p: any) => Number(p.amount))).toEqual([40]);
    expect(read.data.interaction).toEqual({ id: interaction.id, notes: null, contact: { id: customer.id, name: 'Erased customer' } });

    // Search does not find it, by the old data or by the new name.
    for (const search of ['Aigerim', '+7701', 'Erased']) {
      const found = await app.gql(`query($s: String) { customers(search: $s) { totalCount } }`, { s: search }, { token: org.token });
      expect(found.data.customers.totalCount).toBe(0);
    }

    // It cannot be undone by accident: no update fills it in again, and no new booking uses it.
    const refill = userErrors(await mutate(app, org.token, 'updateCustomer', 'customer', { id: customer.id, name: 'Aigerim' }, 'id'), 'updateCustomer', 'customer');
    expect(refill).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'id'] })]);
    const rebook = await app.gql(BOOK, { input: { startsAt: '2031-06-02T09:00:00Z', endsAt: '2031-06-02T10:00:00Z', customerId: customer.id } }, { token: org.token });
    expect(rebook.data.createAppointment).toEqual({ appointment: null, userErrors: [{ code: 'VALIDATION', field: ['input', 'customerId'], message: expect.stringContaining('erased') }] });
  });
});
