import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { findByGlobalId } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { findForUpdate } from '../../shared/crud.js';
import { requireAdmin } from '../../app/context.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import { Company } from '../company/company.entity.js';
import type { InteractionMethod } from '../interaction/interaction-enums.js';
import { findMember } from '../user/user.service.js';
import { toGlobalId } from '../../shared/global-id.js';
import { entityPayload, OutboxEventType, stageEvent } from '../events/outbox.js';
import { Customer } from './customer.entity.js';
import { isValidIin } from './iin.js';

/**
 * The writable fields of a customer, as `createCustomer`, `updateCustomer` and an inline customer of
 * `createAppointment` give them. Undefined means "not given"; null means "none".
 */
export interface CustomerFields {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  phoneNumber?: string | null;
  email?: string | null;
  dateOfBirth?: string | null;
  gender?: string | null;
  countryName?: string | null;
  identityNumber?: string | null;
  job?: string | null;
  address?: string | null;
  avatarUrl?: string | null;
  preferredContactMethod?: InteractionMethod | null;
  companyId?: string | null;
  relatedUserId?: string | null;
}

/** Longest accepted value of each free-text field, in characters. */
export const CUSTOMER_TEXT_LIMITS = {
  firstName: 200,
  lastName: 200,
  name: 200,
  phoneNumber: 200,
  email: 200,
  gender: 200,
  countryName: 200,
  identityNumber: 200,
  job: 200,
  address: 1000,
  avatarUrl: 2000,
} as const;
type TextField = keyof typeof CUSTOMER_TEXT_LIMITS;
const TEXT_FIELDS = Object.keys(CUSTOMER_TEXT_LIMITS) as TextField[];

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const TWELVE_DIGITS = /^\d{12}$/;

/** Trims a given string; an empty one becomes null. Undefined (not given) stays undefined. */
function text(value: string | null | undefined): string | null | undefined {
  if (value == null) return value;
  return value.trim() || null;
}

/** "first last" from whichever parts are present; null when both are empty. */
export function deriveCustomerName(firstName: string | null | undefined, lastName: string | null | undefined): string | null {
  return [text(firstName), text(lastName)].filter(Boolean).join(' ') || null;
}

/**
 * Checks the customer fields given in `input` (fields left out are not checked) and adds userErrors
 * under `path` (e.g. `['input']` or `['input', 'customer']`):
 * - INVALID_IIN: an identityNumber of exactly 12 digits that fails the Kazakh IIN checksum;
 * - VALIDATION: a text field over its limit ({@link CUSTOMER_TEXT_LIMITS}: 200 for names, 1,000 for
 *   the address), an e-mail that is not `local@domain`, and (unless `requireName: false`) no name
 *   and no first/last name to derive one from.
 */
export function validateCustomerFields(errors: UserErrorList, input: CustomerFields, path: string[], options: { requireName?: boolean } = {}): void {
  for (const field of TEXT_FIELDS) {
    const value = text(input[field]);
    const limit = CUSTOMER_TEXT_LIMITS[field];
    if (value && value.length > limit) errors.add(UserErrorCode.VALIDATION, `${field} must be at most ${limit} characters.`, [...path, field]);
  }
  const email = text(input.email);
  if (email && !EMAIL.test(email)) errors.add(UserErrorCode.VALIDATION, 'email must be an e-mail address (local@domain).', [...path, 'email']);
  const identityNumber = text(input.identityNumber);
  if (identityNumber && TWELVE_DIGITS.test(identityNumber) && !isValidIin(identityNumber)) {
    errors.add(UserErrorCode.INVALID_IIN, `identityNumber ${identityNumber} fails the Kazakh IIN checksum.`, [...path, 'identityNumber']);
  }
  if (options.requireName !== false && !text(input.name) && !deriveCustomerName(input.firstName, input.lastName)) {
    errors.add(UserErrorCode.VALIDATION, 'Give name, or firstName and/or lastName.', [...path, 'name']);
  }
}

/** Input field name for a NOT_FOUND error: `companyId` under `['input']`, `customer.companyId` under `['input', 'customer']`. */
const fieldName = (path: string[], field: string) => [...path.slice(1), field].join('.');

/** Copies the given (not undefined) scalar fields onto `customer`, trimmed; empty strings become null. */
function assignScalars(customer: Customer, input: CustomerFields): void {
  for (const field of TEXT_FIELDS) {
    if (field === 'name') continue;
    const value = text(input[field]);
    if (value !== undefined) customer[field] = value;
  }
  if (input.dateOfBirth !== undefined) customer.dateOfBirth = input.dateOfBirth;
  if (input.preferredContactMethod !== undefined) customer.preferredContactMethod = input.preferredContactMethod;
}

/** Resolves the given company and related-user links onto `customer` (null unlinks). */
async function assignLinks(em: EntityManager, ctx: Context, customer: Customer, input: CustomerFields, path: string[]): Promise<void> {
  if (input.companyId !== undefined) {
    customer.company = input.companyId === null ? null : await findByGlobalId(em, Company, input.companyId, fieldName(path, 'companyId'));
  }
  if (input.relatedUserId !== undefined) {
    customer.relatedUser = input.relatedUserId === null ? null : await findMember(em, input.relatedUserId, fieldName(path, 'relatedUserId'));
  }
}

/** Persists a new customer from already validated fields (not flushed). @throws GraphQLError NOT_FOUND for a link. */
async function newCustomer(em: EntityManager, ctx: Context, input: CustomerFields, path: string[]): Promise<Customer> {
  const name = text(input.name) ?? deriveCustomerName(input.firstName, input.lastName);
  const customer = em.create(Customer, { organisation: ctx.viewer!.organisationId, name: name! });
  assignScalars(customer, input);
  await assignLinks(em, ctx, customer, input, path);
  stageEvent(em, { type: OutboxEventType.CUSTOMER_CREATED, objectId: toGlobalId('Customer', customer.id), payload: () => entityPayload(em, customer) });
  return customer;
}

/**
 * The inline customer of `createAppointment`: an existing (not deleted) customer of the caller's
 * organisation with the same identityNumber, else with the same phoneNumber (the oldest one when
 * several match; its fields are left unchanged), else a new customer, persisted but not flushed.
 * Call {@link validateCustomerFields} first: this does not validate.
 * @param path where the inline customer sits in the input, for NOT_FOUND `field`s of its links.
 * @throws GraphQLError NOT_FOUND when a new customer's companyId or relatedUserId is unknown.
 */
export async function findOrCreateCustomer(em: EntityManager, ctx: Context, inline: CustomerFields, path: string[] = ['input', 'customer']): Promise<Customer> {
  const organisation = ctx.viewer!.organisationId;
  const identityNumber = text(inline.identityNumber);
  if (identityNumber) {
    const found = await em.findOne(Customer, { organisation, identityNumber, deletedAt: null }, { orderBy: { id: 'asc' } });
    if (found) return found;
  }
  const phoneNumber = text(inline.phoneNumber);
  if (phoneNumber) {
    const found = await em.findOne(Customer, { organisation, phoneNumber, deletedAt: null }, { orderBy: { id: 'asc' } });
    if (found) return found;
  }
  return newCustomer(em, ctx, inline, path);
}

export interface NewCustomer extends CustomerFields {
  idempotencyKey?: string | null;
}

/**
 * `createCustomer`. Idempotent by `input.idempotencyKey`.
 * userErrors: VALIDATION, INVALID_IIN. @throws GraphQLError NOT_FOUND for companyId / relatedUserId.
 */
export function createCustomer(ctx: Context, input: NewCustomer) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createCustomer', input, Customer, async () => {
      const errors = new UserErrorList();
      validateCustomerFields(errors, input, ['input']);
      errors.throwIfAny();
      return newCustomer(em, ctx, input, ['input']);
    }),
  );
}

export interface CustomerChanges extends CustomerFields {
  id: string;
}

/**
 * `updateCustomer`: changes only the fields given; null clears one. The name follows first and last
 * name when it was derived from them and is not given; `name: null` derives it again.
 * userErrors: VALIDATION (also for an erased customer), INVALID_IIN. @throws GraphQLError NOT_FOUND for the id or a link.
 */
export function updateCustomer(ctx: Context, input: CustomerChanges) {
  return runMutation(ctx, async (em) => {
    const customer = await findByGlobalId(em, Customer, input.id, 'id');
    stageEvent(em, { type: OutboxEventType.CUSTOMER_UPDATED, objectId: toGlobalId('Customer', customer.id), payload: () => entityPayload(em, customer), before: entityPayload(em, customer) });
    const errors = new UserErrorList();
    if (customer.deletedAt) errors.add(UserErrorCode.VALIDATION, 'The customer was erased (deleteCustomer): their data cannot be filled in again; create a new customer.', ['input', 'id']).throwIfAny();
    validateCustomerFields(errors, input, ['input'], { requireName: false });
    const firstName = input.firstName !== undefined ? text(input.firstName) : customer.firstName;
    const lastName = input.lastName !== undefined ? text(input.lastName) : customer.lastName;
    const wasDerived = customer.name === deriveCustomerName(customer.firstName, customer.lastName);
    const namesChanged = input.firstName !== undefined || input.lastName !== undefined;
    let name: string | null = customer.name;
    if (input.name !== undefined) name = text(input.name) ?? deriveCustomerName(firstName, lastName);
    else if (namesChanged && wasDerived) name = deriveCustomerName(firstName, lastName);
    if (!name) errors.add(UserErrorCode.VALIDATION, 'name cannot be empty: give name, or firstName and/or lastName.', ['input', 'name']);
    errors.throwIfAny();
    await assignLinks(em, ctx, customer, input, ['input']);
    assignScalars(customer, input);
    customer.name = name!;
    return { result: customer };
  });
}

/**
 * `customers(search)`: customers that are not deleted, oldest first; `search` matches a substring of
 * name, phoneNumber, email or identityNumber, case-insensitively.
 */
export function searchCustomers(ctx: Context, search: string | null | undefined, args: ConnectionArgs) {
  const where: Record<string, unknown> = { deletedAt: null };
  const term = search?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.$or = (['name', 'phoneNumber', 'email', 'identityNumber'] as const).map((field) => ({ [field]: { $ilike: like } }));
  }
  return paginate(ctx.em, Customer, where, args, ['id']);
}

/** The name an erased customer keeps (the column cannot be null). */
export const ERASED_CUSTOMER_NAME = 'Erased customer';

/** Free-text fields of an appointment that describe its customer (columns notes, client_comment, on_ecr_notes, custom_attributes), blanked by an erasure, and their keys in the appointment's history. */
const APPOINTMENT_PERSONAL_FIELDS = ['notes', 'clientComment', 'onEcrNotes', 'customAttributes'] as const;

/**
 * `deleteCustomer` (OWNER/ADMIN): the GDPR right to erasure, as one transaction. The customer row stays
 * (appointments, payments, interactions, accounts, cases and packages keep pointing at it) with every
 * personal field blanked: name becomes {@link ERASED_CUSTOMER_NAME}; first and last name, phone, e-mail,
 * date of birth, gender, country, identity number, job, address, avatar, preferred contact method,
 * company and related user become null; `deletedAt` is set. The free text that describes the customer
 * on their appointments (notes, client comment, extra-care notes, custom attributes) and in those
 * appointments' history, and the notes of interactions with them, are blanked too. Times, treatments,
 * staff, resources, prices and payments stay. Erasing an erased customer changes nothing (idempotent);
 * nothing undoes an erasure: updateCustomer refuses the customer, booking refuses it, and inline
 * customers never match it.
 * @throws GraphQLError UNAUTHENTICATED / FORBIDDEN (not OWNER or ADMIN), NOT_FOUND.
 */
export function deleteCustomer(ctx: Context, input: { id: string }) {
  requireAdmin(ctx);
  return runMutation(ctx, async (em) => {
    const customer = await findForUpdate(em, Customer, input.id);
    if (customer.deletedAt) return { result: customer };
    stageEvent(em, { type: OutboxEventType.CUSTOMER_UPDATED, objectId: toGlobalId('Customer', customer.id), payload: () => entityPayload(em, customer), before: entityPayload(em, customer) });
    for (const field of TEXT_FIELDS) if (field !== 'name') customer[field] = null;
    Object.assign(customer, { name: ERASED_CUSTOMER_NAME, dateOfBirth: null, preferredContactMethod: null, company: null, relatedUser: null, deletedAt: new Date() });
    const organisation = ctx.viewer!.organisationId;
    await em.execute(
      `update appointment set notes = null, client_comment = null, on_ecr_notes = null, custom_attributes = null where organisation_id = ? and customer_id = ?`,
      [organisation, customer.id],
    );
    await em.execute(
      `update appointment_event e set changes = e.changes - array[?]::text[]
       from appointment a where e.appointment_id = a.id and a.organisation_id = ? and a.customer_id = ? and jsonb_exists_any(e.changes, array[?]::text[])`,
      [APPOINTMENT_PERSONAL_FIELDS, organisation, customer.id, APPOINTMENT_PERSONAL_FIELDS],
    );
    await em.execute(`update interaction set notes = null where organisation_id = ? and contact_id = ?`, [organisation, customer.id]);
    return { result: customer };
  });
}
