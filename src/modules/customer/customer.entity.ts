import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Node } from '../../shared/node.js';
import { DateScalar } from '../../shared/scalars.js';
import { Company } from '../company/company.entity.js';
import { InteractionMethod } from '../interaction/interaction-enums.js';
import { User } from '../user/user.entity.js';

/**
 * The client / patient / contact (Flextell customer, One-link client, Ctrl-Hub contact, Caspen client).
 * Inline customers on `createAppointment` are matched by `identityNumber`, then `phoneNumber`.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'The client, patient or contact an appointment or interaction is for (Flextell customer, One-link client, Ctrl-Hub contact, Caspen client).' })
@Entity()
@Index({ properties: ['organisation', 'identityNumber'] })
@Index({ properties: ['organisation', 'phoneNumber'] })
@Index({ properties: ['organisation', 'name'] })
export class Customer extends TenantEntity {
  @Field(() => String, { nullable: true, description: 'Given name (Flextell `first_name`).' })
  @Property({ type: 'text', nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name (Flextell `last_name`).' })
  @Property({ type: 'text', nullable: true })
  lastName?: string | null;

  @Field({ description: 'Full display name (One-link `client_name`); derived from first and last name when not given.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone number as given (One-link `client_phone`).' })
  @Property({ type: 'text', nullable: true })
  phoneNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of birth, `YYYY-MM-DD` (One-link `client_birth_date`).' })
  @Property({ type: 'date', nullable: true })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender as given (Flextell `gender`, One-link `client_gender`), e.g. `male`.' })
  @Property({ type: 'text', nullable: true })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'Country name.' })
  @Property({ type: 'text', nullable: true })
  countryName?: string | null;

  @Field(() => String, { nullable: true, description: 'National identity number (One-link `client_identifier`); 12 digits must pass the Kazakh IIN checksum.' })
  @Property({ type: 'text', nullable: true })
  identityNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Occupation.' })
  @Property({ type: 'text', nullable: true })
  job?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address, free text.' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'URL of the customer\'s picture.' })
  @Property({ type: 'text', nullable: true })
  avatarUrl?: string | null;

  @Field(() => InteractionMethod, { nullable: true, description: 'How the customer prefers to be contacted (Flextell `default_channel_id`).' })
  @Enum({ items: () => InteractionMethod, nativeEnumName: 'interaction_method', nullable: true })
  preferredContactMethod?: InteractionMethod | null;

  @ManyToOne({ entity: () => Company, nullable: true, deleteRule: 'set null', index: true })
  company?: Company | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  relatedUser?: User | null;

  @Field(() => Date, { nullable: true, description: 'When the customer was soft-deleted (Flextell `deleted_at`); null while active.' })
  @Property({ type: 'datetime', nullable: true })
  deletedAt?: Date | null;
}
