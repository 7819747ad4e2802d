import { ApiToken } from '../modules/auth/api-token.entity.js';
import { AppointmentEvent } from '../modules/appointment/appointment-event.entity.js';
import { Appointment } from '../modules/appointment/appointment.entity.js';
import { CancellationReason, Case, ClientPackage } from '../modules/care/care.entities.js';
import { Company } from '../modules/company/company.entity.js';
import { Customer } from '../modules/customer/customer.entity.js';
import { Account, TimeBand } from '../modules/field-service/field-service.entities.js';
import { Operation } from '../modules/field-service/operation.entity.js';
import { Property } from '../modules/field-service/property.entity.js';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity.js';
import { Interaction } from '../modules/interaction/interaction.entity.js';
import { Location } from '../modules/location/location.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { Payment } from '../modules/payment/payment.entity.js';
import { Brand, ProductCategory, ProductType, UnitCode } from '../modules/product/product-lookups.entity.js';
import { Product } from '../modules/product/product.entity.js';
import { Resource } from '../modules/resource/resource.entity.js';
import { Treatment, TreatmentSession } from '../modules/treatment/treatment.entity.js';
import { Invitation } from '../modules/user/invitation.entity.js';
import { Membership } from '../modules/user/membership.entity.js';
import { User } from '../modules/user/user.entity.js';
import { Hold } from '../modules/scheduling/hold.entity.js';
import { TimeOff } from '../modules/scheduling/time-off.entity.js';
import { AppointmentSeries, TreatmentPlan } from '../modules/series/series.entity.js';
import { WaitlistEntry } from '../modules/series/waitlist.entity.js';
import { WorkingHours } from '../modules/scheduling/working-hours.entity.js';
import { OutboxEvent } from '../modules/events/outbox-event.entity.js';
import { WebhookDelivery } from '../modules/webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../modules/webhooks/webhook-endpoint.entity.js';
import { ArchivableEntity, VersionedEntity } from '../shared/archivable.entity.js';
import { BaseEntity } from '../shared/base.entity.js';
import { TenantEntity } from '../shared/tenant.entity.js';

/** Every MikroORM entity, listed explicitly (no folder discovery: the same list serves tsc output and vitest). */
export const entities = [
  BaseEntity, TenantEntity, VersionedEntity, ArchivableEntity, Organisation, User, Membership, ApiToken, Company, Customer, Account, Property,
  Operation, TimeBand, Location, Resource, Brand, ProductType, ProductCategory, UnitCode, Product, Treatment,
  TreatmentSession, Case, ClientPackage, CancellationReason, Interaction, Appointment, AppointmentEvent,
  Payment, IdempotencyKey, WorkingHours, TimeOff, Hold, Invitation, OutboxEvent, AppointmentSeries, TreatmentPlan, WaitlistEntry,
  WebhookEndpoint, WebhookDelivery,
];
