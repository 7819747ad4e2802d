import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../../shared/tenant.entity.js';

/**
 * A claimed idempotency key (Stripe's semantics, One-link `idempotency_key`): unique per organisation,
 * with the fingerprint of the input it was first used with and the object that input created.
 * Written in the creating transaction, so a failed attempt leaves no key behind. Internal.
 */
@Entity()
@Unique({ name: 'idempotency_key_organisation_key_unique', properties: ['organisation', 'key'] })
export class IdempotencyKey extends TenantEntity {
  @Property({ type: 'text' })
  key!: string;

  /** The mutation that claimed it, e.g. `createAppointment`. */
  @Property({ type: 'text' })
  operation!: string;

  /** Hex SHA-256 of the canonical JSON of the input. */
  @Property({ type: 'text' })
  fingerprint!: string;

  /** Primary key of the created object. */
  @Property({ type: 'uuid', nullable: true })
  resultId?: string | null;

  /**
   * What the first answer said besides the object, for mutations whose replay must repeat it (the
   * occurrences of `createAppointmentSeries`, the sessions of `bookTreatmentPlan`, with the reasons
   * of those not booked); null for the others.
   */
  @Property({ type: 'json', nullable: true })
  answer?: unknown;
}
