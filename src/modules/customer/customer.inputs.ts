import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars.js';
import { InteractionMethod } from '../interaction/interaction-enums.js';

const D = {
  firstName: 'Given name (Flextell `first_name`), at most 200 characters.',
  lastName: 'Family name (Flextell `last_name`), at most 200 characters.',
  phoneNumber: 'Phone number as given (One-link `client_phone`), at most 200 characters.',
  email: 'E-mail address (`local@domain`), at most 200 characters.',
  dateOfBirth: 'Date of birth, `YYYY-MM-DD` (One-link `client_birth_date`).',
  gender: 'Gender as given (Flextell `gender`, One-link `client_gender`), e.g. `male`; at most 200 characters.',
  countryName: 'Country name, at most 200 characters.',
  identityNumber: 'National identity number (One-link `client_identifier`), at most 200 characters. Exactly 12 digits must pass the Kazakh IIN checksum, else userError INVALID_IIN.',
  job: 'Occupation, at most 200 characters.',
  address: 'Postal address, free text, at most 1,000 characters.',
  avatarUrl: 'URL of the customer\'s picture, at most 2,000 characters.',
  preferredContactMethod: 'How the customer prefers to be contacted (Flextell `default_channel_id`).',
  companyId: 'Global id of the customer\'s Company (One-link `company_id`).',
  relatedUserId: 'Global id of a User (a member of the organisation) related to the customer (Flextell `related_user`).',
};

/**
 * Fields create and update describe alike. The name and link fields stay in each input: their
 * descriptions say how create derives and update re-derives or unlinks them.
 */
@InputType({ description: 'Fields of a customer shared by create and update.' })
export abstract class CustomerFieldsInput {
  @Field(() => String, { nullable: true, description: D.phoneNumber })
  phoneNumber?: string | null;

  @Field(() => String, { nullable: true, description: D.email })
  email?: string | null;

  @Field(() => DateScalar, { nullable: true, description: D.dateOfBirth })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: D.gender })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: D.countryName })
  countryName?: string | null;

  @Field(() => String, { nullable: true, description: D.identityNumber })
  identityNumber?: string | null;

  @Field(() => String, { nullable: true, description: D.job })
  job?: string | null;

  @Field(() => String, { nullable: true, description: D.address })
  address?: string | null;

  @Field(() => String, { nullable: true, description: D.avatarUrl })
  avatarUrl?: string | null;

  @Field(() => InteractionMethod, { nullable: true, description: D.preferredContactMethod })
  preferredContactMethod?: InteractionMethod | null;
}

/** Input of `createCustomer`. Strings are trimmed; an empty string counts as not given. */
@InputType({ description: 'A new customer (Flextell customer, One-link client, Ctrl-Hub contact, Caspen client). Give `name`, or `firstName` and/or `lastName` to derive it.' })
export class CreateCustomerInput extends CustomerFieldsInput {
  @Field(() => String, { nullable: true, description: D.firstName })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: D.lastName })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Full display name (One-link `client_name`), at most 200 characters; derived as "firstName lastName" when not given. VALIDATION when neither it nor a first/last name is given.' })
  name?: string | null;


  @Field(() => ID, { nullable: true, description: D.companyId })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: D.relatedUserId })
  relatedUserId?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay with the same input answers the same customer (`replayed: true`).' })
  idempotencyKey?: string | null;
}

/**
 * Input of `updateCustomer`: a partial update. A field left out keeps its value; a field given as
 * null clears it (`name: null` re-derives the name from first and last name).
 */
@InputType({ description: 'Changes to a customer. Only the fields given change; null clears a field (`name: null` derives the name from firstName and lastName again).' })
export class UpdateCustomerInput extends CustomerFieldsInput {
  @Field(() => ID, { description: 'Global id of the Customer to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: `${D.firstName} When the name was derived and is not given, it follows the new first name.` })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: `${D.lastName} When the name was derived and is not given, it follows the new last name.` })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Full display name, at most 200 characters; null derives it as "firstName lastName" (VALIDATION when both are empty).' })
  name?: string | null;


  @Field(() => ID, { nullable: true, description: `${D.companyId} Null unlinks the company.` })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: `${D.relatedUserId} Null unlinks the user.` })
  relatedUserId?: string | null;
}

/** Input of `deleteCustomer`. */
@InputType({ description: 'Erases a customer (the GDPR right to erasure): personal data goes, appointments and payments stay.' })
export class DeleteCustomerInput {
  @Field(() => ID, { description: 'Global id of the Customer to erase; another organisation\'s id is NOT_FOUND.' })
  id!: string;
}
