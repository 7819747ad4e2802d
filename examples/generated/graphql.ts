/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Flextell's status enum. Allowed moves: PENDING → APPROVED | REJECTED | CANCELLED; APPROVED → COMPLETED | NO_SHOW | CANCELLED; the other four are final. CANCELLED and REJECTED appointments release their practitioner, assistants, room, vehicle and resources. */
export type AppointmentStatus =
  /** Confirmed by the organisation; holds its bookables. */
  | 'APPROVED'
  /** Called off by either side (final); releases its bookables. */
  | 'CANCELLED'
  /** Took place (final). */
  | 'COMPLETED'
  /** The customer did not come (final); the slot stays held, it was spent. */
  | 'NO_SHOW'
  /** Requested, waiting for approval; holds its bookables. */
  | 'PENDING'
  /** Declined by the organisation (final); releases its bookables. */
  | 'REJECTED';

/** What to search: a range, what is booked, who or what is needed. */
export type AvailabilityInput = {
  /** Length in minutes when no treatment gives one (positive whole number); overrides the treatments' total. */
  durationMinutes?: number | null | undefined;
  /** Rescheduling: this appointment's own slot does not block. */
  excludeAppointmentId?: string | null | undefined;
  /** Earliest start (RFC 3339). */
  from: string;
  /** Also answer every rejected candidate with its reasons. */
  includeUnavailable?: boolean;
  /** A Location: its opening hours apply (LOCATION_CLOSED). */
  locationId?: string | null | undefined;
  /** Requirement groups; all must hold at once. */
  requirements: Array<BookableRequirement>;
  /** Minutes between candidate starts; default the treatments' interval, else the duration. */
  slotIntervalMinutes?: number | null | undefined;
  /** IANA zone of the slot grid; default the location's, else the organisation's. */
  timeZone?: string | null | undefined;
  /** Latest end (RFC 3339); at most 62 days after `from`. */
  to: string;
  /** Treatments: their durations add up; their buffers, notice, horizon, interval and performers apply. */
  treatmentIds?: Array<string> | null | undefined;
};

/** A requirement group: `count` of the bookables in `anyOf` must be free at once. */
export type BookableRequirement = {
  /** Users (members) or Resources, in order of preference. */
  anyOf: Array<string>;
  /** How many of `anyOf` are needed, 1 to the length of `anyOf`. */
  count?: number;
};

/** The role, in the refused request, of the busy bookable. */
export type BookingConflictKind =
  /** One of the `assistantIds` is busy. */
  | 'ASSISTANT'
  /** The `practitionerId` is busy. */
  | 'PRACTITIONER'
  /** One of the `resourceIds` is busy. */
  | 'RESOURCE'
  /** The `roomId` is busy. */
  | 'ROOM'
  /** The `vehicleId` is busy. */
  | 'VEHICLE';

/** Cancels an appointment: status CANCELLED, which releases its practitioner and resources. */
export type CancelAppointmentInput = {
  /** Free-text note, ≤ 1,000 characters (Flextell `cancellation_reason`, Caspen `cancellation_note`). */
  cancellationNote?: string | null | undefined;
  /** Reason from the catalogue (Caspen `cancellation_reason_id`). */
  cancellationReasonId?: string | null | undefined;
  /** The `version` you last read; a different current version answers STALE_VERSION. */
  expectedVersion?: number | null | undefined;
  /** The appointment. */
  id: string;
  /** For an appointment of a series: THIS (default), THIS_AND_FOLLOWING or ALL. The other open (PENDING or APPROVED) occurrences in scope are cancelled too, each with its own version and history event. Any other scope for an appointment outside a series is VALIDATION. */
  scope?: SeriesScope | null | undefined;
};

/** A new utility account of a customer (Ctrl-Hub `account`). */
export type CreateAccountInput = {
  /** Global id of the Customer who holds the account. */
  customerId?: string | null | undefined;
  /** Idempotency key: a replay with the same input answers the same account (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Account name, at most 200 characters. */
  name?: string | null | undefined;
  /** Account reference, e.g. a supply number, 1–200 characters. */
  reference: string;
};

/** A new appointment. Unites Ctrl-Hub (seed 000), Flextell (001) and One-link (002) create operations. */
export type CreateAppointmentInput = {
  /** Animals on site (Ctrl-Hub `animals`). */
  animals?: boolean | null | undefined;
  /** Free-form type (One-link `appointment_type`). */
  appointmentType?: string | null | undefined;
  /** Assistants, member Users (Flextell `assistant_id`). On update, replaces the list. */
  assistantIds?: Array<string> | null | undefined;
  /** Author (One-link `created_by_id`); defaults to the token's user; only OWNER/ADMIN may name another member. */
  authorId?: string | null | undefined;
  /** Cancellation note, ≤ 1,000 characters (Flextell `cancellation_reason`, Caspen `cancellation_note`). */
  cancellationNote?: string | null | undefined;
  /** Cancellation reason (Caspen `cancellation_reason_id`). */
  cancellationReasonId?: string | null | undefined;
  /** Case (Caspen `case_id`). */
  caseId?: string | null | undefined;
  /** The customer's comment, ≤ 1,000 characters (One-link `client_comment`). */
  clientComment?: string | null | undefined;
  /** Client package (Caspen `client_package_id`). */
  clientPackageId?: string | null | undefined;
  /** Company (One-link `company_id`). */
  companyId?: string | null | undefined;
  /** The customer confirmed (Caspen `confirmed`); becoming true stamps confirmedAt. */
  confirmed?: boolean | null | undefined;
  /** Free-form extras (One-link `custom_attributes`). */
  customAttributes?: Record<string, unknown> | null | undefined;
  /** The customer inline, instead of customerId (One-link `client_*`). */
  customer?: InlineCustomerInput | null | undefined;
  /** Customer (Flextell `customer_id`, One-link `contact_id`, Caspen `client_id`). */
  customerId?: string | null | undefined;
  /** Length in minutes (One-link `duration_min`); sets endsAt = startsAt + durationMinutes. Must agree with endsAt when both are given. */
  durationMinutes?: number | null | undefined;
  /** End, exclusive (RFC 3339). May be left out when durationMinutes is given or the treatments have durations. */
  endsAt?: string | null | undefined;
  /** Id in your own system (One-link `external_ref`). */
  externalRef?: string | null | undefined;
  /** A Hold to turn into this appointment in the same transaction: the appointment must have its times and bookables (else VALIDATION). */
  holdId?: string | null | undefined;
  /** Idempotency key, unique in the organisation (One-link `idempotency_key`): a replay with the same input answers the original appointment with `replayed: true`; another input is IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey?: string | null | undefined;
  /** Interaction it came from (Ctrl-Hub `interaction`, One-link `conversation_id`). */
  interactionId?: string | null | undefined;
  /** Location (Caspen `location_id`). */
  locationId?: string | null | undefined;
  /** Medical dependency on site (Ctrl-Hub `medical_dependency`). */
  medicalDependency?: boolean | null | undefined;
  /** Staff notes, ≤ 1,000 characters (Ctrl-Hub `notes`, Flextell `description`, Caspen `note`). */
  notes?: string | null | undefined;
  /** On the extra-care register (Ctrl-Hub `on_ecr`). */
  onEcr?: boolean | null | undefined;
  /** Extra-care notes, ≤ 1,000 characters (Ctrl-Hub `on_ecr_notes`). */
  onEcrNotes?: string | null | undefined;
  /** Work order (Ctrl-Hub `operation`). */
  operationId?: string | null | undefined;
  /** OWNER and ADMIN only (else FORBIDDEN): book outside working hours, closures, time off, notice and horizon (recorded in the history); never over another booking, hold or buffer. */
  overrideAvailability?: boolean | null | undefined;
  /** Parent appointment of a follow-up (Flextell `parent_appointment_id`). */
  parentAppointmentId?: string | null | undefined;
  /** One-link `payment_status`. Kairos derives the status from serviceAmount and payments; when given it must equal the derived one (else VALIDATION). */
  paymentStatus?: PaymentStatus | null | undefined;
  /** Practitioner, a member User (Flextell `user_id`, Caspen `practitioner_id`). */
  practitionerId?: string | null | undefined;
  /** Amount paid in advance, ≥ 0: recorded as a PREPAYMENT payment (One-link `prepaid_amount`). */
  prepaidAmount?: string | number | null | undefined;
  /** Method of the prepayment (One-link `prepaid_payment_method`). */
  prepaidPaymentMethod?: string | null | undefined;
  /** Other resources (One-link `resource_id`, Caspen `resource_ids`). On update, replaces the list. */
  resourceIds?: Array<string> | null | undefined;
  /** Room, a Resource of kind ROOM (Flextell/Caspen `room_id`). */
  roomId?: string | null | undefined;
  /** Agreed price, ≥ 0, major units of the organisation's currency (One-link `service_amount`). */
  serviceAmount?: string | number | null | undefined;
  /** For a follow-up: treatment or control session (Flextell `relation_type`). */
  sessionType?: SessionType | null | undefined;
  /** Amount settled, ≥ 0: recorded as a SETTLEMENT payment (One-link `settlement_amount`). */
  settlementAmount?: string | number | null | undefined;
  /** Method of the settlement (One-link `settlement_payment_method`). */
  settlementPaymentMethod?: string | null | undefined;
  /** Origin (One-link `source`). */
  source?: string | null | undefined;
  /** Start, inclusive (RFC 3339). Ctrl-Hub `start_time`, Flextell `scheduled_at`, One-link/Caspen `starts_at`. */
  startsAt?: string | null | undefined;
  /** Status (Flextell `status`). On update only the moves of `AppointmentStatus` are allowed. */
  status?: AppointmentStatus | null | undefined;
  /** Time band the visit must lie in (Ctrl-Hub `time_band`), checked in the organisation's time zone. */
  timeBandId?: string | null | undefined;
  /** Treatments (Flextell `treatments`, One-link/Caspen `service_id`); when given, at least one. On update, replaces the list. */
  treatmentIds?: Array<string> | null | undefined;
  /** Vehicle, a Resource of kind VEHICLE (Caspen `vehicle_id`). */
  vehicleId?: string | null | undefined;
};

/** A new catalogue entry explaining a cancellation (Caspen `cancellation_reason_id`). */
export type CreateCancellationReasonInput = {
  /** Idempotency key: a replay with the same input answers the same cancellation reason (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Reason, e.g. `Customer ill`, 1–1,000 characters. */
  name: string;
};

/** A new course of care grouping appointments (Caspen `case_id`). */
export type CreateCaseInput = {
  /** Global id of the Customer the case is for. */
  customerId?: string | null | undefined;
  /** Idempotency key: a replay with the same input answers the same case (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Status as given, e.g. `open`, `closed`; 1–200 characters, default `open`. */
  status?: string | null | undefined;
  /** Title, 1–200 characters. */
  title: string;
};

/** Sessions of a treatment a customer bought in advance (Caspen `client_package_id`). */
export type CreateClientPackageInput = {
  /** Global id of the Customer who bought the package. */
  customerId: string;
  /** Idempotency key: a replay with the same input answers the same client package (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Sessions bought, ≥ 0. */
  sessionsTotal: number;
  /** Sessions already used, 0–sessionsTotal; default 0. */
  sessionsUsed?: number | null | undefined;
  /** Global id of the Treatment the sessions are for. */
  treatmentId?: string | null | undefined;
};

/** A new company. */
export type CreateCompanyInput = {
  /** Idempotency key: a replay with the same input answers the same company (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Company name, 1–200 characters. */
  name: string;
};

/** A new customer (Flextell customer, One-link client, Ctrl-Hub contact, Caspen client). Give `name`, or `firstName` and/or `lastName` to derive it. */
export type CreateCustomerInput = {
  /** Postal address, free text, at most 1,000 characters. */
  address?: string | null | undefined;
  /** URL of the customer's picture, at most 2,000 characters. */
  avatarUrl?: string | null | undefined;
  /** Global id of the customer's Company (One-link `company_id`). */
  companyId?: string | null | undefined;
  /** Country name, at most 200 characters. */
  countryName?: string | null | undefined;
  /** Date of birth, `YYYY-MM-DD` (One-link `client_birth_date`). */
  dateOfBirth?: string | null | undefined;
  /** E-mail address (`local@domain`), at most 200 characters. */
  email?: string | null | undefined;
  /** Given name (Flextell `first_name`), at most 200 characters. */
  firstName?: string | null | undefined;
  /** Gender as given (Flextell `gender`, One-link `client_gender`), e.g. `male`; at most 200 characters. */
  gender?: string | null | undefined;
  /** Idempotency key: a replay with the same input answers the same customer (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** National identity number (One-link `client_identifier`), at most 200 characters. Exactly 12 digits must pass the Kazakh IIN checksum, else userError INVALID_IIN. */
  identityNumber?: string | null | undefined;
  /** Occupation, at most 200 characters. */
  job?: string | null | undefined;
  /** Family name (Flextell `last_name`), at most 200 characters. */
  lastName?: string | null | undefined;
  /** Full display name (One-link `client_name`), at most 200 characters; derived as "firstName lastName" when not given. VALIDATION when neither it nor a first/last name is given. */
  name?: string | null | undefined;
  /** Phone number as given (One-link `client_phone`), at most 200 characters. */
  phoneNumber?: string | null | undefined;
  /** How the customer prefers to be contacted (Flextell `default_channel_id`). */
  preferredContactMethod?: InteractionMethod | null | undefined;
  /** Global id of a User (a member of the organisation) related to the customer (Flextell `related_user`). */
  relatedUserId?: string | null | undefined;
};

/** A hold on bookables while a booking is completed. */
export type CreateHoldInput = {
  /** The Users (members) and Resources to hold. */
  bookableIds: Array<string>;
  /** The customer the hold is for. */
  customerId?: string | null | undefined;
  /** End, exclusive; default startsAt + the treatments' durations. */
  endsAt?: string | null | undefined;
  /** Idempotency key: a replay with the same input answers the same hold (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** A Location: its opening hours apply. */
  locationId?: string | null | undefined;
  /** Start, inclusive (RFC 3339). */
  startsAt: string;
  /** Treatments: duration, buffers, notice, horizon and performers apply. */
  treatmentIds?: Array<string> | null | undefined;
  /** Seconds until the hold expires, 30–3,600; default 300. */
  ttlSeconds?: number;
};

/** A new interaction (Ctrl-Hub seed 004). `author` is the token's user. */
export type CreateInteractionInput = {
  /** The customer's account (Ctrl-Hub `account`). */
  accountId?: string | null | undefined;
  /** The customer contacted (Ctrl-Hub `contact`). */
  contactId?: string | null | undefined;
  /** Whether the customer was reached (Ctrl-Hub `contacted`, default false). */
  contacted?: boolean | null | undefined;
  /** When it happened or is planned (Ctrl-Hub `date_time`); required on create. */
  dateTime?: string | null | undefined;
  /** INBOUND or OUTBOUND (Ctrl-Hub `direction`); required on create. */
  direction?: InteractionDirection | null | undefined;
  /** Idempotency key: a replay answers the same interaction with `replayed: true`. */
  idempotencyKey?: string | null | undefined;
  /** Channel (Ctrl-Hub `method`); required on create. */
  method?: InteractionMethod | null | undefined;
  /** Notes, ≤ 1,000 characters (Ctrl-Hub `notes`). */
  notes?: string | null | undefined;
  /** The premises (Ctrl-Hub `property`). */
  propertyId?: string | null | undefined;
  /** The member who handled it (Ctrl-Hub `representative`). */
  representativeId?: string | null | undefined;
  /** State (Ctrl-Hub `status`, default SCHEDULED). */
  status?: InteractionStatus | null | undefined;
};

/** A new place where appointments happen (Caspen `location_id`). */
export type CreateLocationInput = {
  /** Street address, at most 1,000 characters. */
  address?: string | null | undefined;
  /** Idempotency key: a replay with the same input answers the same location (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Name, e.g. `Central clinic`, 1–200 characters. */
  name: string;
  /** IANA time zone of the location, e.g. `Asia/Almaty`; null means the organisation's. An unknown zone is VALIDATION. */
  timeZone?: string | null | undefined;
};

/** A new work order that visits belong to (Ctrl-Hub `operation`). */
export type CreateOperationInput = {
  /** What the work is, at most 1,000 characters. */
  description?: string | null | undefined;
  /** Idempotency key: a replay with the same input answers the same operation (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Global id of the Property (premises) the work is at. */
  propertyId?: string | null | undefined;
  /** Work-order reference, 1–200 characters. */
  reference: string;
};

/** A new product a treatment uses (Flextell `products[]`). Brand, product type, category and unit code are found by name/code in the organisation or created. */
export type CreateProductInput = {
  /** Barcode (EAN/UPC as given), at most 200 characters. */
  barcode?: string | null | undefined;
  /** Units per box, as given (Flextell `box_quantity`), at most 200 characters. */
  boxQuantity?: string | null | undefined;
  /** Brand name (Flextell `brand`), 1–200 characters; found or created in the organisation. */
  brand?: string | null | undefined;
  /** Category name (Flextell `category`), 1–200 characters; found or created in the organisation. */
  category?: string | null | undefined;
  /** Stock level (units) under which the product is critical, ≥ 0 (Flextell `critical_stock_level`). */
  criticalStockLevel?: number | null | undefined;
  /** Description, at most 1,000 characters. */
  description?: string | null | undefined;
  /** Full name, at most 200 characters. */
  fullName?: string | null | undefined;
  /** Idempotency key: a replay with the same input answers the same product (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Name printed on invoices, at most 200 characters. */
  invoiceName?: string | null | undefined;
  /** False when the product is no longer used; default true. */
  isActive?: boolean | null | undefined;
  /** Short name, 1–200 characters. */
  name: string;
  /** Unit price in major units of the organisation's currency, ≥ 0, at most 4 decimals. */
  price?: string | number | null | undefined;
  /** Product type (Flextell `product_type`); found by name or created. */
  productType?: ProductTypeInput | null | undefined;
  /** Tax rate in percent, 0–100, at most 4 decimals (e.g. `"12"` is 12 %). */
  taxRate?: string | number | null | undefined;
  /** Unit of measure (Flextell `unit_code`); found by code or created. */
  unitCode?: UnitCodeInput | null | undefined;
  /** Volume of one unit, as given (Flextell `unit_volume`), in `unitCode` units; at most 200 characters. */
  unitVolume?: string | null | undefined;
};

/** New premises a visit happens at (Ctrl-Hub `property`). */
export type CreatePropertyInput = {
  /** Global id of the Account the premises belong to. */
  accountId?: string | null | undefined;
  /** Street address, 1–1,000 characters. */
  address: string;
  /** Idempotency key: a replay with the same input answers the same property (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Postcode, at most 50 characters. */
  postcode?: string | null | undefined;
};

/** A new bookable thing: a room (Flextell `room_id`, Caspen `room_id`), a vehicle (Caspen `vehicle_id`), equipment (One-link `resource_id`). */
export type CreateResourceInput = {
  /** Idempotency key: a replay with the same input answers the same resource (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Kind of resource: ROOM goes in `roomId`, VEHICLE in `vehicleId`. */
  kind: ResourceKind;
  /** Global id of the Location the resource belongs to. */
  locationId?: string | null | undefined;
  /** Name, e.g. `Room 1`, 1–200 characters. */
  name: string;
  /** Operational status as given (Flextell room `status`), 1–200 characters; default `active`. */
  status?: string | null | undefined;
};

/** A new named daily window in the organisation's local time (Ctrl-Hub `time_band`), e.g. AM 08:00–12:00. */
export type CreateTimeBandInput = {
  /** Local end, `HH:MM` 24-hour, after startTime; `24:00` is midnight at the end of the day. */
  endTime: string;
  /** Idempotency key: a replay with the same input answers the same time band (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** Name, e.g. `AM`, 1–200 characters. */
  name: string;
  /** Local start, `HH:MM` 24-hour (`00:00`–`23:59`), inclusive. */
  startTime: string;
};

/** A new bookable service (Flextell treatment, One-link `service_id`, Caspen `service_id`). */
export type CreateTreatmentInput = {
  /** Days ahead it can be booked, ≥ 0 (the last day is today + this in the organisation's zone); null: no limit. */
  bookingHorizonDays?: number | null | undefined;
  /** Minutes blocked after each appointment, 0–1,440; default 0. */
  bufferAfterMinutes?: number | null | undefined;
  /** Minutes blocked before each appointment, 0–1,440; default 0. */
  bufferBeforeMinutes?: number | null | undefined;
  /** Description, at most 1,000 characters. */
  description?: string | null | undefined;
  /** Length of one session in minutes, > 0; appointments without `endsAt` add these up. */
  durationMinutes?: number | null | undefined;
  /** Free-form extras (Flextell `extra_info`). */
  extraInfo?: Record<string, unknown> | null | undefined;
  /** Idempotency key: a replay with the same input answers the same treatment (`replayed: true`). */
  idempotencyKey?: string | null | undefined;
  /** False when the treatment can no longer be booked (Flextell `is_active`); default true. */
  isActive?: boolean | null | undefined;
  /** Minutes of notice a booking needs, ≥ 0; default 0. */
  minimumNoticeMinutes?: number | null | undefined;
  /** Name, 1–200 characters. */
  name: string;
  /** Price in major units of the organisation's currency (Flextell `price`), ≥ 0, at most 4 decimals. */
  price?: string | number | null | undefined;
  /** Global ids of the Products the treatment uses (Flextell `products[]`). */
  productIds?: Array<string> | null | undefined;
  /** Number of sessions the treatment takes (Flextell `session`), ≥ 1; default the number of `sessions` given, or 1. */
  sessionCount?: number | null | undefined;
  /** The session plan (Flextell `sessions[]`). */
  sessions?: Array<TreatmentSessionInput> | null | undefined;
  /** Minutes between candidate starts in `availability`, > 0; null: the duration. */
  slotIntervalMinutes?: number | null | undefined;
  /** Global ids of the Users (members of the organisation) who may perform it (Flextell `users[]`). */
  userIds?: Array<string> | null | undefined;
};

/** A person to invite to the caller's organisation (OWNER or ADMIN only). */
export type CreateUserInput = {
  /** E-mail address of the invitee; they become a member only by accepting. */
  email: string;
  /** Idempotency key (see `replayed`). */
  idempotencyKey?: string | null | undefined;
  /** Display name, 1–200 characters: the name of the new account when the invitee has none yet. */
  name: string;
  /** Role in the organisation once accepted (default STAFF); not above your own. */
  role?: UserRole;
};

/** The hours of one local date, replacing the weekly rules of that date. */
export type DateOverrideInput = {
  /** The local date, `YYYY-MM-DD`, in the schedule's time zone. */
  date: string;
  /** The hours of that date; empty = closed (a holiday). */
  intervals: Array<LocalIntervalInput>;
  /** Why, at most 200 characters. */
  reason?: string | null | undefined;
};

/** A day of the week, read in the schedule's time zone. */
export type DayOfWeek =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

/** A customer given inline (One-link `client_name`, `client_phone`, `client_identifier`, `client_birth_date`, `client_gender`): matched to an existing customer of the organisation by identityNumber, then phoneNumber, else created. */
export type InlineCustomerInput = {
  /** Date of birth, YYYY-MM-DD (One-link `client_birth_date`). */
  dateOfBirth?: string | null | undefined;
  /** E-mail address. */
  email?: string | null | undefined;
  /** Given name. */
  firstName?: string | null | undefined;
  /** Gender as given (One-link `client_gender`). */
  gender?: string | null | undefined;
  /** Identity number (One-link `client_identifier`); 12 digits must pass the Kazakh IIN checksum. */
  identityNumber?: string | null | undefined;
  /** Family name. */
  lastName?: string | null | undefined;
  /** Full name (One-link `client_name`); required unless firstName/lastName are given. */
  name?: string | null | undefined;
  /** Phone number (One-link `client_phone`). */
  phoneNumber?: string | null | undefined;
  /** Preferred contact channel. */
  preferredContactMethod?: InteractionMethod | null | undefined;
};

/** Who started the contact (Ctrl-Hub `direction`). */
export type InteractionDirection =
  /** The customer contacted us. */
  | 'INBOUND'
  /** We contacted the customer. */
  | 'OUTBOUND';

/** Channel of a contact (Ctrl-Hub `method`, e.g. `email`). */
export type InteractionMethod =
  /** A chat or messenger conversation. */
  | 'CHAT'
  /** An e-mail (Ctrl-Hub `email`). */
  | 'EMAIL'
  /** A meeting face to face. */
  | 'IN_PERSON'
  /** A letter on paper. */
  | 'LETTER'
  /** A phone call. */
  | 'PHONE'
  /** A text message. */
  | 'SMS';

/** State of a contact (Ctrl-Hub `status`, e.g. `scheduled`). */
export type InteractionStatus =
  /** Called off before it happened. */
  | 'CANCELLED'
  /** Happened. */
  | 'COMPLETED'
  /** Attempted but did not reach the customer (no answer, bounced). */
  | 'FAILED'
  /** Planned for `scheduledAt`, not yet happened. */
  | 'SCHEDULED';

/** Where an invitation stands. */
export type InvitationStatus =
  /** Accepted: the invitee is a member with the invitation's role. */
  | 'ACCEPTED'
  /** Not accepted before `expiresAt`; invite again to renew it. */
  | 'EXPIRED'
  /** Waiting for the invitee to accept. */
  | 'PENDING'
  /** Withdrawn by the organisation before it was accepted. */
  | 'REVOKED';

/** A local interval of a dated override. */
export type LocalIntervalInput = {
  /** Local end, `HH:MM`; at or before `startTime` it is on the next day. */
  endTime: string;
  /** Local start, `HH:MM`. */
  startTime: string;
};

/** Why money moved; decides how a payment counts towards `amountPaid`. */
export type PaymentKind =
  /** Paid before the visit (One-link `prepaid_amount`). */
  | 'PREPAYMENT'
  /** Money returned to the customer; subtracted from `amountPaid`. */
  | 'REFUND'
  /** Paid at or after the visit (One-link `settlement_amount`). */
  | 'SETTLEMENT';

/** Derived from serviceAmount and payments (net = prepayments + settlements − refunds); never stored. */
export type PaymentStatus =
  /** Net ≥ serviceAmount, or serviceAmount is not set and net > 0. */
  | 'PAID'
  /** Net is above 0 but below serviceAmount. */
  | 'PARTIALLY_PAID'
  /** Refunds brought a paid amount back to ≤ 0. */
  | 'REFUNDED'
  /** Nothing paid: net is 0 and there was no refund. */
  | 'UNPAID';

/** A product type (Flextell `product_type`), found by name in the organisation or created. */
export type ProductTypeInput = {
  /** Category label of the type, at most 200 characters; sets it only on a new type or one that has none. */
  category?: string | null | undefined;
  /** Type name, 1–200 characters; the lookup key. */
  name: string;
};

/** Money taken or refunded for an appointment. */
export type RecordPaymentInput = {
  /** Amount ≥ 0 in major units of the organisation's currency, with at most its minor-unit digits (GBP: 2). */
  amount: string | number;
  /** The appointment paid for. */
  appointmentId: string;
  /** Idempotency key: a replay answers the same payment with `replayed: true`. */
  idempotencyKey?: string | null | undefined;
  /** When the money moved (default: now). */
  paidAt?: string | null | undefined;
  /** PREPAYMENT, SETTLEMENT or REFUND. */
  paymentKind: PaymentKind;
  /** How it was paid, e.g. `card`, `cash`. */
  paymentMethod?: string | null | undefined;
};

/** Releases a hold at once. */
export type ReleaseHoldInput = {
  /** The Hold. */
  id: string;
};

/** What a resource is. ROOM goes in `roomId`, VEHICLE in `vehicleId`; any kind may go in `resourceIds`. */
export type ResourceKind =
  /** A device or tool (a laser, a scanner); bookable in `resourceIds`. */
  | 'EQUIPMENT'
  /** Anything else that can be booked once at a time; bookable in `resourceIds`. */
  | 'OTHER'
  /** A treatment or consulting room; bookable as an appointment's `roomId`. */
  | 'ROOM'
  /** A vehicle of a field-service team; bookable as an appointment's `vehicleId`. */
  | 'VEHICLE';

/** Which appointments of a series a change applies to. Each changed appointment keeps its own `version` and history event. */
export type SeriesScope =
  /** Every open (PENDING or APPROVED) occurrence of the series, earlier ones included. */
  | 'ALL'
  /** Only the appointment named (the default; the only scope for an appointment outside a series). */
  | 'THIS'
  /** The appointment named and every later open (PENDING or APPROVED) occurrence of its series. */
  | 'THIS_AND_FOLLOWING';

/** Kind of step in a treatment plan (Flextell `session_type`). */
export type SessionType =
  /** A check-up after treatment sessions. */
  | 'CONTROL'
  /** A treatment session. */
  | 'TREATMENT';

/** Replaces the working-hours schedule of a member or resource, or the opening hours of a location. */
export type SetWorkingHoursInput = {
  /** A User (member), Resource or Location. */
  bookableId: string;
  /** Dated overrides, one per date. */
  overrides?: Array<DateOverrideInput> | null | undefined;
  /** Weekly rules; several on one day add up, but may not overlap. `[]` with no overrides removes the schedule (always available). */
  rules: Array<WeeklyRuleInput>;
  /** IANA time zone, e.g. `Europe/Berlin`; default the location's (for a location), else the organisation's. */
  timeZone?: string | null | undefined;
};

/** One step of a treatment's session plan (Flextell `sessions[]`). */
export type TreatmentSessionInput = {
  /** Days to wait after this session before the next one, ≥ 0. */
  nextGapDays?: number | null | undefined;
  /** Days from the first session to this one, ≥ 0. */
  offsetDays?: number | null | undefined;
  /** Position in the plan, from 1; unique within the treatment. */
  sessionOrder: number;
  /** Treatment or control session (Flextell `session_type`); default TREATMENT. */
  sessionType?: SessionType;
};

/** Why a time is not available (docs/availability.md). */
export type UnavailabilityCode =
  /** The bookable holds an overlapping appointment. */
  | 'BOOKED'
  /** Only a buffer (this one's or the neighbour's) overlaps another appointment. */
  | 'BUFFER'
  /** The bookable's schedule is closed that local date by an override. */
  | 'CLOSED'
  /** An unexpired hold of somebody else takes the bookable. */
  | 'HELD'
  /** Outside the location's opening hours. */
  | 'LOCATION_CLOSED'
  /** The member is not among the users of a treatment that names users. */
  | 'NOT_QUALIFIED'
  /** Outside the bookable's working hours (with buffers). */
  | 'OUTSIDE_WORKING_HOURS'
  /** The bookable has time off then. */
  | 'TIME_OFF'
  /** Starts after the treatments' booking horizon. */
  | 'TOO_FAR'
  /** Starts before now + the treatments' minimum notice (past times always). */
  | 'TOO_SOON';

/** A unit of measure (Flextell `unit_code`), found by code in the organisation or created. */
export type UnitCodeInput = {
  /** Short code, e.g. `ML`, 1–50 characters; the lookup key. */
  code: string;
  /** Name, e.g. `millilitre`, at most 200 characters; sets it only on a new unit or one that has none. */
  name?: string | null | undefined;
};

/** A partial update (Caspen, seed 003): only the fields present change; null clears a field. Every rule of create is checked again. */
export type UpdateAppointmentInput = {
  /** Animals on site (Ctrl-Hub `animals`). */
  animals?: boolean | null | undefined;
  /** Free-form type (One-link `appointment_type`). */
  appointmentType?: string | null | undefined;
  /** Assistants, member Users (Flextell `assistant_id`). On update, replaces the list. */
  assistantIds?: Array<string> | null | undefined;
  /** Cancellation note, ≤ 1,000 characters (Flextell `cancellation_reason`, Caspen `cancellation_note`). */
  cancellationNote?: string | null | undefined;
  /** Cancellation reason (Caspen `cancellation_reason_id`). */
  cancellationReasonId?: string | null | undefined;
  /** Case (Caspen `case_id`). */
  caseId?: string | null | undefined;
  /** The customer's comment, ≤ 1,000 characters (One-link `client_comment`). */
  clientComment?: string | null | undefined;
  /** Client package (Caspen `client_package_id`). */
  clientPackageId?: string | null | undefined;
  /** Company (One-link `company_id`). */
  companyId?: string | null | undefined;
  /** The customer confirmed (Caspen `confirmed`); becoming true stamps confirmedAt. */
  confirmed?: boolean | null | undefined;
  /** Free-form extras (One-link `custom_attributes`). */
  customAttributes?: Record<string, unknown> | null | undefined;
  /** Customer (Flextell `customer_id`, One-link `contact_id`, Caspen `client_id`). */
  customerId?: string | null | undefined;
  /** Length in minutes (One-link `duration_min`); sets endsAt = startsAt + durationMinutes. Must agree with endsAt when both are given. */
  durationMinutes?: number | null | undefined;
  /** End, exclusive (RFC 3339). May be left out when durationMinutes is given or the treatments have durations. */
  endsAt?: string | null | undefined;
  /** The `version` you last read; a different current version answers STALE_VERSION. */
  expectedVersion?: number | null | undefined;
  /** Id in your own system (One-link `external_ref`). */
  externalRef?: string | null | undefined;
  /** The appointment (Caspen path `appointment`). */
  id: string;
  /** Interaction it came from (Ctrl-Hub `interaction`, One-link `conversation_id`). */
  interactionId?: string | null | undefined;
  /** Location (Caspen `location_id`). */
  locationId?: string | null | undefined;
  /** Medical dependency on site (Ctrl-Hub `medical_dependency`). */
  medicalDependency?: boolean | null | undefined;
  /** Staff notes, ≤ 1,000 characters (Ctrl-Hub `notes`, Flextell `description`, Caspen `note`). */
  notes?: string | null | undefined;
  /** On the extra-care register (Ctrl-Hub `on_ecr`). */
  onEcr?: boolean | null | undefined;
  /** Extra-care notes, ≤ 1,000 characters (Ctrl-Hub `on_ecr_notes`). */
  onEcrNotes?: string | null | undefined;
  /** Work order (Ctrl-Hub `operation`). */
  operationId?: string | null | undefined;
  /** OWNER and ADMIN only (else FORBIDDEN): book outside working hours, closures, time off, notice and horizon (recorded in the history); never over another booking, hold or buffer. */
  overrideAvailability?: boolean | null | undefined;
  /** Parent appointment of a follow-up (Flextell `parent_appointment_id`). */
  parentAppointmentId?: string | null | undefined;
  /** Practitioner, a member User (Flextell `user_id`, Caspen `practitioner_id`). */
  practitionerId?: string | null | undefined;
  /** Other resources (One-link `resource_id`, Caspen `resource_ids`). On update, replaces the list. */
  resourceIds?: Array<string> | null | undefined;
  /** Room, a Resource of kind ROOM (Flextell/Caspen `room_id`). */
  roomId?: string | null | undefined;
  /** For an appointment of a series: THIS (default), THIS_AND_FOLLOWING or ALL. The other open occurrences get the same change, a new start moved by the same local days and time of day in the series' zone; each keeps its own version and history. Any other scope for an appointment outside a series is VALIDATION. */
  scope?: SeriesScope | null | undefined;
  /** Agreed price, ≥ 0, major units of the organisation's currency (One-link `service_amount`). */
  serviceAmount?: string | number | null | undefined;
  /** For a follow-up: treatment or control session (Flextell `relation_type`). */
  sessionType?: SessionType | null | undefined;
  /** Origin (One-link `source`). */
  source?: string | null | undefined;
  /** Start, inclusive (RFC 3339). Ctrl-Hub `start_time`, Flextell `scheduled_at`, One-link/Caspen `starts_at`. */
  startsAt?: string | null | undefined;
  /** Status (Flextell `status`). On update only the moves of `AppointmentStatus` are allowed. */
  status?: AppointmentStatus | null | undefined;
  /** Time band the visit must lie in (Ctrl-Hub `time_band`), checked in the organisation's time zone. */
  timeBandId?: string | null | undefined;
  /** Treatments (Flextell `treatments`, One-link/Caspen `service_id`); when given, at least one. On update, replaces the list. */
  treatmentIds?: Array<string> | null | undefined;
  /** Vehicle, a Resource of kind VEHICLE (Caspen `vehicle_id`). */
  vehicleId?: string | null | undefined;
};

/** Stable machine-readable code of a `UserError`. docs/errors.md has an example of each. */
export type UserErrorCode =
  /** `acceptInvitation` with a code for an address that already has a Kairos account: accept with that account's own API token instead. */
  | 'ACCOUNT_EXISTS'
  /** `createUser` for an address that already belongs to a member of this organisation. */
  | 'ALREADY_MEMBER'
  /** The idempotency key was used before with a different input (seed 002). */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** A 12-digit identityNumber fails the Kazakh IIN checksum (seed 002). */
  | 'INVALID_IIN'
  /** The status move is not allowed (see `AppointmentStatus`). */
  | 'INVALID_STATUS_TRANSITION'
  /** The invitation was already accepted, was revoked, or has expired. */
  | 'INVITATION_NOT_PENDING'
  /** `deactivateMember` of the organisation's last active OWNER (yourself included): an organisation always keeps one. */
  | 'LAST_OWNER'
  /** A series or treatment plan booked ALL_OR_NOTHING (or BEST_EFFORT with no occurrence that fits) has occurrences or sessions that cannot be booked; the payload's `occurrences` / `sessions` say which and why. Nothing was written. */
  | 'OCCURRENCES_UNAVAILABLE'
  /** The time is one `availability` would not offer (working hours, closure, time off, location hours, notice, horizon, qualification); the payload's `unavailability` says why. */
  | 'OUTSIDE_AVAILABILITY'
  /** The appointment does not lie inside its time band in the organisation's time zone (seed 000). */
  | 'OUTSIDE_TIME_BAND'
  /** A practitioner, assistant, room, vehicle or resource already holds an overlapping appointment. */
  | 'RESOURCE_UNAVAILABLE'
  /** `expectedVersion` is not the appointment's current `version`. */
  | 'STALE_VERSION'
  /** A webhook URL whose host is a loopback, private, link-local or other reserved address (or localhost), which this server does not allow (WEBHOOK_ALLOW_LOOPBACK, WEBHOOK_ALLOW_PRIVATE). */
  | 'UNSAFE_WEBHOOK_URL'
  /** An input value breaks a rule: end before start, a length limit, an amount below zero, an empty treatment list, a wrong kind of resource. */
  | 'VALIDATION';

/** What a user may do in an organisation. */
export type UserRole =
  /** Everything, including managing users and setting another `authorId`. */
  | 'ADMIN'
  /** Everything, including managing users. */
  | 'OWNER'
  /** Reads only; every mutation answers `FORBIDDEN`. */
  | 'READ_ONLY'
  /** Reads and writes scheduling data. */
  | 'STAFF';

/** A weekly interval of working hours. */
export type WeeklyRuleInput = {
  /** The local day the interval starts on. */
  dayOfWeek: DayOfWeek;
  /** Local end, `HH:MM`; at or before `startTime` it runs past midnight into the next day. */
  endTime: string;
  /** Local start, `HH:MM` (00:00–23:59). */
  startTime: string;
};

export type SetWorkingHoursMutationVariables = Exact<{
  input: SetWorkingHoursInput;
}>;


export type SetWorkingHoursMutation = { setWorkingHours: { workingHours: { timeZone: string, rules: Array<{ dayOfWeek: DayOfWeek, startTime: string, endTime: string }>, overrides: Array<{ date: string, reason: string | null, intervals: Array<{ startTime: string, endTime: string }> }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type PractitionerWithRoomWeekQueryVariables = Exact<{
  input: AvailabilityInput;
}>;


export type PractitionerWithRoomWeekQuery = { availability: { timeZone: string, slots: Array<{ startsAt: string, endsAt: string, bookables: Array<
        | { __typename: 'Account', id: string }
        | { __typename: 'ApiToken', id: string }
        | { __typename: 'Appointment', id: string }
        | { __typename: 'AppointmentEvent', id: string }
        | { __typename: 'AppointmentSeries', id: string }
        | { __typename: 'Brand', id: string }
        | { __typename: 'CancellationReason', id: string }
        | { __typename: 'Case', id: string }
        | { __typename: 'ClientPackage', id: string }
        | { __typename: 'Company', id: string }
        | { __typename: 'Customer', id: string }
        | { __typename: 'Hold', id: string }
        | { __typename: 'Interaction', id: string }
        | { __typename: 'Invitation', id: string }
        | { __typename: 'Location', id: string }
        | { __typename: 'Operation', id: string }
        | { __typename: 'Organisation', id: string }
        | { __typename: 'Payment', id: string }
        | { __typename: 'Product', id: string }
        | { __typename: 'ProductCategory', id: string }
        | { __typename: 'ProductType', id: string }
        | { __typename: 'Property', id: string }
        | { __typename: 'Resource', name: string, id: string }
        | { __typename: 'TimeBand', id: string }
        | { __typename: 'TimeOff', id: string }
        | { __typename: 'Treatment', id: string }
        | { __typename: 'TreatmentPlan', id: string }
        | { __typename: 'TreatmentSession', id: string }
        | { __typename: 'UnitCode', id: string }
        | { __typename: 'User', name: string, id: string }
        | { __typename: 'WaitlistEntry', id: string }
        | { __typename: 'WebhookDelivery', id: string }
        | { __typename: 'WebhookEndpoint', id: string }
      > }>, unavailable: Array<{ startsAt: string, endsAt: string, reasons: Array<{ code: UnavailabilityCode, message: string, bookable:
          | { __typename: 'Account', id: string }
          | { __typename: 'ApiToken', id: string }
          | { __typename: 'Appointment', id: string }
          | { __typename: 'AppointmentEvent', id: string }
          | { __typename: 'AppointmentSeries', id: string }
          | { __typename: 'Brand', id: string }
          | { __typename: 'CancellationReason', id: string }
          | { __typename: 'Case', id: string }
          | { __typename: 'ClientPackage', id: string }
          | { __typename: 'Company', id: string }
          | { __typename: 'Customer', id: string }
          | { __typename: 'Hold', id: string }
          | { __typename: 'Interaction', id: string }
          | { __typename: 'Invitation', id: string }
          | { __typename: 'Location', id: string }
          | { __typename: 'Operation', id: string }
          | { __typename: 'Organisation', id: string }
          | { __typename: 'Payment', id: string }
          | { __typename: 'Product', id: string }
          | { __typename: 'ProductCategory', id: string }
          | { __typename: 'ProductType', id: string }
          | { __typename: 'Property', id: string }
          | { __typename: 'Resource', id: string }
          | { __typename: 'TimeBand', id: string }
          | { __typename: 'TimeOff', id: string }
          | { __typename: 'Treatment', id: string }
          | { __typename: 'TreatmentPlan', id: string }
          | { __typename: 'TreatmentSession', id: string }
          | { __typename: 'UnitCode', id: string }
          | { __typename: 'User', id: string }
          | { __typename: 'WaitlistEntry', id: string }
          | { __typename: 'WebhookDelivery', id: string }
          | { __typename: 'WebhookEndpoint', id: string }
         | null, appointment: { id: string, code: string } | null, hold: { id: string, expiresAt: string } | null }> }>, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type HoldSlotMutationVariables = Exact<{
  input: CreateHoldInput;
}>;


export type HoldSlotMutation = { createHold: { replayed: boolean, hold: { id: string, startsAt: string, endsAt: string, expiresAt: string, bookables: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      > } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }>, conflicts: Array<{ kind: BookingConflictKind, bookable:
        | { __typename: 'Resource', id: string, name: string, kind: ResourceKind }
        | { __typename: 'User', id: string, name: string }
      , appointment: { id: string, code: string } | null, hold: { id: string, expiresAt: string } | null }> } };

export type BookHeldSlotMutationVariables = Exact<{
  input: CreateAppointmentInput;
}>;


export type BookHeldSlotMutation = { createAppointment: { appointment: { id: string, code: string, startsAt: string, endsAt: string, bufferBeforeMinutes: number, bufferAfterMinutes: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }>, conflicts: Array<{ kind: BookingConflictKind, bookable:
        | { __typename: 'Resource', id: string, name: string, kind: ResourceKind }
        | { __typename: 'User', id: string, name: string }
      , appointment: { id: string, code: string } | null, hold: { id: string, expiresAt: string } | null }>, unavailability: Array<{ code: UnavailabilityCode, message: string }> } };

export type ReleaseHoldMutationVariables = Exact<{
  input: ReleaseHoldInput;
}>;


export type ReleaseHoldMutation = { releaseHold: { hold: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CancelAppointmentMutationVariables = Exact<{
  input: CancelAppointmentInput;
}>;


export type CancelAppointmentMutation = { cancelAppointment: { appointment: { id: string, status: AppointmentStatus, version: number, cancelledAt: string | null, cancellationNote: string | null, cancellationReason: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { invitationCode: string | null, invitation: { id: string, email: string, role: UserRole, status: InvitationStatus, expiresAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type CreateProductMutation = { createProduct: { product: { id: string, name: string, price: string | null, taxRate: string | null, brand: { name: string } | null, unitCode: { code: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateTreatmentMutationVariables = Exact<{
  input: CreateTreatmentInput;
}>;


export type CreateTreatmentMutation = { createTreatment: { treatment: { id: string, name: string, durationMinutes: number | null, price: string | null, products: Array<{ id: string }>, users: Array<{ id: string }>, sessions: Array<{ sessionOrder: number, sessionType: SessionType }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateResourceMutationVariables = Exact<{
  input: CreateResourceInput;
}>;


export type CreateResourceMutation = { createResource: { resource: { id: string, name: string, kind: ResourceKind, status: string, location: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateLocationMutationVariables = Exact<{
  input: CreateLocationInput;
}>;


export type CreateLocationMutation = { createLocation: { location: { id: string, name: string, timeZone: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateTimeBandMutationVariables = Exact<{
  input: CreateTimeBandInput;
}>;


export type CreateTimeBandMutation = { createTimeBand: { timeBand: { id: string, name: string, startTime: string, endTime: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateCompanyMutationVariables = Exact<{
  input: CreateCompanyInput;
}>;


export type CreateCompanyMutation = { createCompany: { company: { id: string, name: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateAccountMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type CreateAccountMutation = { createAccount: { account: { id: string, reference: string, customer: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreatePropertyMutationVariables = Exact<{
  input: CreatePropertyInput;
}>;


export type CreatePropertyMutation = { createProperty: { property: { id: string, address: string, postcode: string | null, account: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateOperationMutationVariables = Exact<{
  input: CreateOperationInput;
}>;


export type CreateOperationMutation = { createOperation: { operation: { id: string, reference: string, property: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateCaseMutationVariables = Exact<{
  input: CreateCaseInput;
}>;


export type CreateCaseMutation = { createCase: { case: { id: string, title: string, status: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateClientPackageMutationVariables = Exact<{
  input: CreateClientPackageInput;
}>;


export type CreateClientPackageMutation = { createClientPackage: { clientPackage: { id: string, sessionsTotal: number, sessionsUsed: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateCancellationReasonMutationVariables = Exact<{
  input: CreateCancellationReasonInput;
}>;


export type CreateCancellationReasonMutation = { createCancellationReason: { cancellationReason: { id: string, name: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { replayed: boolean, customer: { id: string, name: string, firstName: string | null, lastName: string | null, phoneNumber: string | null, email: string | null, dateOfBirth: string | null, identityNumber: string | null, preferredContactMethod: InteractionMethod | null, company: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CustomerWithAppointmentsQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomerWithAppointmentsQuery = { customer: { id: string, name: string, phoneNumber: string | null, email: string | null, identityNumber: string | null, appointments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, status: AppointmentStatus, startsAt: string, endsAt: string, practitioner: { id: string, name: string } | null, treatments: Array<{ name: string }> } }> } } | null };

export type UserErrorFieldsFragment = { field: Array<string> | null, message: string, code: UserErrorCode };

export type ConflictFieldsFragment = { kind: BookingConflictKind, bookable:
    | { __typename: 'Resource', id: string, name: string, kind: ResourceKind }
    | { __typename: 'User', id: string, name: string }
  , appointment: { id: string, code: string } | null, hold: { id: string, expiresAt: string } | null };

export type NodeByIdQueryVariables = Exact<{
  id: string;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Account', id: string }
    | { __typename: 'ApiToken', id: string }
    | { __typename: 'Appointment', code: string, status: AppointmentStatus, startsAt: string, endsAt: string, version: number, id: string }
    | { __typename: 'AppointmentEvent', id: string }
    | { __typename: 'AppointmentSeries', id: string }
    | { __typename: 'Brand', id: string }
    | { __typename: 'CancellationReason', id: string }
    | { __typename: 'Case', id: string }
    | { __typename: 'ClientPackage', id: string }
    | { __typename: 'Company', id: string }
    | { __typename: 'Customer', name: string, phoneNumber: string | null, id: string }
    | { __typename: 'Hold', id: string }
    | { __typename: 'Interaction', method: InteractionMethod, direction: InteractionDirection, dateTime: string, id: string, appointments: Array<{ id: string }> }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'Location', id: string }
    | { __typename: 'Operation', id: string }
    | { __typename: 'Organisation', name: string, timeZone: string, currency: string, id: string }
    | { __typename: 'Payment', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'ProductCategory', id: string }
    | { __typename: 'ProductType', id: string }
    | { __typename: 'Property', id: string }
    | { __typename: 'Resource', id: string }
    | { __typename: 'TimeBand', id: string }
    | { __typename: 'TimeOff', id: string }
    | { __typename: 'Treatment', id: string }
    | { __typename: 'TreatmentPlan', id: string }
    | { __typename: 'TreatmentSession', id: string }
    | { __typename: 'UnitCode', id: string }
    | { __typename: 'User', name: string, email: string, id: string }
    | { __typename: 'WaitlistEntry', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
   | null };

export type PractitionerWeekQueryVariables = Exact<{
  practitionerId: string;
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PractitionerWeekQuery = { appointments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, status: AppointmentStatus, startsAt: string, endsAt: string, durationMinutes: number, version: number, serviceAmount: string | null, amountPaid: string, paymentStatus: PaymentStatus, customer: { id: string, name: string, phoneNumber: string | null } | null, treatments: Array<{ id: string, name: string, durationMinutes: number | null }>, room: { id: string, name: string } | null, payments: Array<{ id: string, amount: string, paymentKind: PaymentKind, paymentMethod: string | null, paidAt: string }> } }> } };

export type RecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type RecordPaymentMutation = { recordPayment: { replayed: boolean, payment: { id: string, amount: string, paymentKind: PaymentKind, paymentMethod: string | null, paidAt: string, appointment: { id: string, amountPaid: string, paymentStatus: PaymentStatus } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateVisitMutationVariables = Exact<{
  input: CreateAppointmentInput;
}>;


export type CreateVisitMutation = { createAppointment: { appointment: { id: string, startsAt: string, endsAt: string, medicalDependency: boolean, onEcr: boolean, animals: boolean, notes: string | null, onEcrNotes: string | null, createdAt: string, updatedAt: string, interaction: { id: string } | null, operation: { id: string } | null, timeBand: { id: string } | null, author: { id: string, name: string } | null, organisation: { id: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type BookTreatmentMutationVariables = Exact<{
  input: CreateAppointmentInput;
}>;


export type BookTreatmentMutation = { createAppointment: { appointment: { id: string, code: string, status: AppointmentStatus, startsAt: string, endsAt: string, durationMinutes: number, notes: string | null, cancellationNote: string | null, sessionType: SessionType | null, source: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, customer: { id: string, firstName: string | null, lastName: string | null, phoneNumber: string | null, email: string | null, dateOfBirth: string | null, gender: string | null, countryName: string | null, identityNumber: string | null, job: string | null, address: string | null, avatarUrl: string | null, preferredContactMethod: InteractionMethod | null, relatedUser: { id: string, name: string } | null } | null, practitioner: { id: string, name: string } | null, assistants: Array<{ id: string, name: string }>, room: { id: string, name: string, status: string } | null, parentAppointment: { id: string, code: string } | null, childAppointments: Array<{ id: string, code: string }>, treatments: Array<{ id: string, name: string, description: string | null, price: string | null, sessionCount: number, isActive: boolean, extraInfo: Record<string, unknown> | null, products: Array<{ id: string, name: string, fullName: string | null, barcode: string | null, price: string | null, taxRate: string | null, brand: { name: string } | null, productType: { name: string, category: string | null } | null, category: { name: string } | null, unitCode: { code: string, name: string | null } | null }>, users: Array<{ id: string, name: string }>, sessions: Array<{ sessionOrder: number, sessionType: SessionType, nextGapDays: number | null, offsetDays: number | null }> }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }>, conflicts: Array<{ kind: BookingConflictKind, bookable:
        | { __typename: 'Resource', id: string, name: string, kind: ResourceKind }
        | { __typename: 'User', id: string, name: string }
      , appointment: { id: string, code: string } | null, hold: { id: string, expiresAt: string } | null }> } };

export type BookFromChatMutationVariables = Exact<{
  input: CreateAppointmentInput;
}>;


export type BookFromChatMutation = { createAppointment: { replayed: boolean, appointment: { id: string, startsAt: string, endsAt: string, durationMinutes: number, status: AppointmentStatus, appointmentType: string | null, source: string | null, externalRef: string | null, idempotencyKey: string | null, clientComment: string | null, customAttributes: Record<string, unknown> | null, serviceAmount: string | null, prepaidAmount: string, settlementAmount: string, amountPaid: string, paymentStatus: PaymentStatus, customer: { id: string, name: string, phoneNumber: string | null, identityNumber: string | null, dateOfBirth: string | null, gender: string | null } | null, resources: Array<{ id: string }>, treatments: Array<{ id: string }>, company: { id: string } | null, interaction: { id: string } | null, author: { id: string } | null, payments: Array<{ id: string, amount: string, paymentMethod: string | null, paymentKind: PaymentKind, paidAt: string }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }>, conflicts: Array<{ kind: BookingConflictKind, bookable:
        | { __typename: 'Resource', id: string, name: string, kind: ResourceKind }
        | { __typename: 'User', id: string, name: string }
      , appointment: { id: string, code: string } | null, hold: { id: string, expiresAt: string } | null }> } };

export type RescheduleMutationVariables = Exact<{
  input: UpdateAppointmentInput;
}>;


export type RescheduleMutation = { updateAppointment: { appointment: { id: string, startsAt: string, endsAt: string, durationMinutes: number, status: AppointmentStatus, confirmed: boolean, confirmedAt: string | null, notes: string | null, version: number, cancellationNote: string | null, cancelledAt: string | null, createdAt: string, location: { id: string } | null, practitioner: { id: string } | null, treatments: Array<{ id: string }>, customer: { id: string } | null, clientPackage: { id: string } | null, case: { id: string } | null, room: { id: string } | null, vehicle: { id: string } | null, resources: Array<{ id: string }>, cancellationReason: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }>, conflicts: Array<{ kind: BookingConflictKind, bookable:
        | { __typename: 'Resource', id: string, name: string, kind: ResourceKind }
        | { __typename: 'User', id: string, name: string }
      , appointment: { id: string, code: string } | null, hold: { id: string, expiresAt: string } | null }> } };

export type LogContactMutationVariables = Exact<{
  input: CreateInteractionInput;
}>;


export type LogContactMutation = { createInteraction: { interaction: { id: string, method: InteractionMethod, direction: InteractionDirection, dateTime: string, contacted: boolean, status: InteractionStatus, notes: string | null, createdAt: string, updatedAt: string, contact: { id: string, name: string } | null, account: { id: string } | null, property: { id: string } | null, representative: { id: string, name: string } | null, author: { id: string } | null, organisation: { id: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, email: string, role: UserRole | null, isActive: boolean }, currentOrganisation: { id: string, name: string, timeZone: string, currency: string } };

export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const ConflictFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Node"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ConflictFieldsFragment, unknown>;
export const SetWorkingHoursDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetWorkingHours"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetWorkingHoursInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setWorkingHours"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workingHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<SetWorkingHoursMutation, SetWorkingHoursMutationVariables>;
export const PractitionerWithRoomWeekDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PractitionerWithRoomWeek"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AvailabilityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"bookables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<PractitionerWithRoomWeekQuery, PractitionerWithRoomWeekQueryVariables>;
export const HoldSlotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldSlot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateHoldInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createHold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"bookables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConflictFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Node"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<HoldSlotMutation, HoldSlotMutationVariables>;
export const BookHeldSlotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BookHeldSlot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAppointmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"bufferBeforeMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"bufferAfterMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConflictFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unavailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Node"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<BookHeldSlotMutation, BookHeldSlotMutationVariables>;
export const ReleaseHoldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReleaseHold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReleaseHoldInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseHold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<ReleaseHoldMutation, ReleaseHoldMutationVariables>;
export const CancelAppointmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelAppointment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelAppointmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationNote"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CancelAppointmentMutation, CancelAppointmentMutationVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitationCode"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const CreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateProductMutation, CreateProductMutationVariables>;
export const CreateTreatmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTreatment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTreatmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTreatment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"treatment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionOrder"}},{"kind":"Field","name":{"kind":"Name","value":"sessionType"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateTreatmentMutation, CreateTreatmentMutationVariables>;
export const CreateResourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateResource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateResourceMutation, CreateResourceMutationVariables>;
export const CreateLocationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateLocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLocationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateLocationMutation, CreateLocationMutationVariables>;
export const CreateTimeBandDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTimeBand"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTimeBandInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTimeBand"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeBand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateTimeBandMutation, CreateTimeBandMutationVariables>;
export const CreateCompanyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCompany"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCompanyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCompany"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateCompanyMutation, CreateCompanyMutationVariables>;
export const CreateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateAccountMutation, CreateAccountMutationVariables>;
export const CreatePropertyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProperty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePropertyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProperty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreatePropertyMutation, CreatePropertyMutationVariables>;
export const CreateOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOperationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOperation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateOperationMutation, CreateOperationMutationVariables>;
export const CreateCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateCaseMutation, CreateCaseMutationVariables>;
export const CreateClientPackageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateClientPackage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientPackageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClientPackage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientPackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sessionsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"sessionsUsed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateClientPackageMutation, CreateClientPackageMutationVariables>;
export const CreateCancellationReasonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCancellationReason"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCancellationReasonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCancellationReason"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateCancellationReasonMutation, CreateCancellationReasonMutationVariables>;
export const CreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"identityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"preferredContactMethod"}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const CustomerWithAppointmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerWithAppointments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"identityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"practitioner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerWithAppointmentsQuery, CustomerWithAppointmentsQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Appointment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Interaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"dateTime"}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const PractitionerWeekDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PractitionerWeek"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"practitionerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"practitionerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"practitionerId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceAmount"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"paymentKind"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PractitionerWeekQuery, PractitionerWeekQueryVariables>;
export const RecordPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"paymentKind"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<RecordPaymentMutation, RecordPaymentMutationVariables>;
export const CreateVisitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAppointmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"medicalDependency"}},{"kind":"Field","name":{"kind":"Name","value":"onEcr"}},{"kind":"Field","name":{"kind":"Name","value":"animals"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"onEcrNotes"}},{"kind":"Field","name":{"kind":"Name","value":"interaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeBand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateVisitMutation, CreateVisitMutationVariables>;
export const BookTreatmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BookTreatment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAppointmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationNote"}},{"kind":"Field","name":{"kind":"Name","value":"sessionType"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"countryName"}},{"kind":"Field","name":{"kind":"Name","value":"identityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"job"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"preferredContactMethod"}},{"kind":"Field","name":{"kind":"Name","value":"relatedUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"practitioner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parentAppointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"childAppointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"sessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"extraInfo"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"barcode"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"taxRate"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionOrder"}},{"kind":"Field","name":{"kind":"Name","value":"sessionType"}},{"kind":"Field","name":{"kind":"Name","value":"nextGapDays"}},{"kind":"Field","name":{"kind":"Name","value":"offsetDays"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConflictFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Node"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<BookTreatmentMutation, BookTreatmentMutationVariables>;
export const BookFromChatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BookFromChat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAppointmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentType"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalRef"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"clientComment"}},{"kind":"Field","name":{"kind":"Name","value":"customAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"identityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceAmount"}},{"kind":"Field","name":{"kind":"Name","value":"prepaidAmount"}},{"kind":"Field","name":{"kind":"Name","value":"settlementAmount"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"paymentKind"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConflictFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Node"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<BookFromChatMutation, BookFromChatMutationVariables>;
export const RescheduleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Reschedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAppointmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practitioner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientPackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cancellationNote"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConflictFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Node"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<RescheduleMutation, RescheduleMutationVariables>;
export const LogContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInteractionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInteraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"dateTime"}},{"kind":"Field","name":{"kind":"Name","value":"contacted"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"representative"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<LogContactMutation, LogContactMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;