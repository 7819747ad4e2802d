import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../shared/node.js';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { User } from './user.entity.js';
import { UserRole } from './user-role.js';

/** Where an invitation stands. `EXPIRED` is never stored: a `PENDING` invitation past `expiresAt` reads as it. */
export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the invitee to accept.' },
    ACCEPTED: { description: 'Accepted: the invitee is a member with the invitation\'s role.' },
    REVOKED: { description: 'Withdrawn by the organisation before it was accepted.' },
    EXPIRED: { description: 'Not accepted before `expiresAt`; invite again to renew it.' },
  },
});

/** The statuses a row holds. */
const STORED_STATUSES = [InvitationStatus.PENDING, InvitationStatus.ACCEPTED, InvitationStatus.REVOKED] as const;
export type StoredInvitationStatus = (typeof STORED_STATUSES)[number];

/**
 * An organisation's invitation of an e-mail address to become a member with `role`. Adding a person
 * always goes through one, so the organisation learns nothing about who the address belongs to until
 * that person accepts (docs/authentication.md, "Members by invitation"). One row per organisation
 * and address: inviting the address again renews it.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'An invitation of an e-mail address to join an organisation, seen by its OWNERs and ADMINs (and, while open, by the invitee in `myInvitations`). It holds only what the organisation typed until the invitee accepts.' })
@Entity()
@Unique({ name: 'invitation_organisation_email_unique', properties: ['organisation', 'email'] })
@Index({ name: 'invitation_email_index', properties: ['email'] })
export class Invitation extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId' | 'status';

  @Field({ description: 'The invited address, as typed (trimmed, lower-case).' })
  @Property({ type: 'text' })
  email!: string;

  /** The display name the organisation typed; the new user's name when the invitee has no account yet. */
  @Property({ type: 'text' })
  name!: string;

  @Field(() => UserRole, { description: 'The role the invitee gets on accepting.' })
  @Enum({ items: () => UserRole, nativeEnumName: 'user_role' })
  role!: UserRole;

  /** Stored status (EXPIRED is derived; see the `status` field). */
  @Enum({ items: () => STORED_STATUSES, nativeEnumName: 'invitation_status', fieldName: 'status' })
  storedStatus: StoredInvitationStatus = InvitationStatus.PENDING;

  @Field(() => Date, { description: 'When a pending invitation lapses (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Hex SHA-256 of the invitation code, which lets a person without an account accept. */
  @Property({ type: 'text', unique: true })
  codeHash!: string;

  @ManyToOne({ entity: () => User, deleteRule: 'set null', nullable: true })
  invitedBy?: User | null;

  /** The user who accepted; null until then. */
  @ManyToOne({ entity: () => User, deleteRule: 'set null', nullable: true })
  acceptedBy?: User | null;

  @Field(() => Date, { nullable: true, description: 'When the invitee accepted; null until then.' })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  @Field(() => InvitationStatus, { description: 'PENDING, ACCEPTED, REVOKED, or EXPIRED for a pending one past `expiresAt`.' })
  get status(): InvitationStatus {
    return this.storedStatus === InvitationStatus.PENDING && this.expiresAt.getTime() <= Date.now() ? InvitationStatus.EXPIRED : this.storedStatus;
  }
}
