import { GraphQLError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Stable codes of business-rule failures, answered in `userErrors` (never as GraphQL errors). */
export enum UserErrorCode {
  VALIDATION = 'VALIDATION',
  INVALID_IIN = 'INVALID_IIN',
  RESOURCE_UNAVAILABLE = 'RESOURCE_UNAVAILABLE',
  STALE_VERSION = 'STALE_VERSION',
  OUTSIDE_TIME_BAND = 'OUTSIDE_TIME_BAND',
  INVALID_STATUS_TRANSITION = 'INVALID_STATUS_TRANSITION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  OUTSIDE_AVAILABILITY = 'OUTSIDE_AVAILABILITY',
  ALREADY_MEMBER = 'ALREADY_MEMBER',
  INVITATION_NOT_PENDING = 'INVITATION_NOT_PENDING',
  ACCOUNT_EXISTS = 'ACCOUNT_EXISTS',
  LAST_OWNER = 'LAST_OWNER',
  OCCURRENCES_UNAVAILABLE = 'OCCURRENCES_UNAVAILABLE',
  UNSAFE_WEBHOOK_URL = 'UNSAFE_WEBHOOK_URL',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Stable machine-readable code of a `UserError`. docs/errors.md has an example of each.',
  valuesConfig: {
    VALIDATION: { description: 'An input value breaks a rule: end before start, a length limit, an amount below zero, an empty treatment list, a wrong kind of resource.' },
    INVALID_IIN: { description: 'A 12-digit identityNumber fails the Kazakh IIN checksum (seed 002).' },
    RESOURCE_UNAVAILABLE: { description: 'A practitioner, assistant, room, vehicle or resource already holds an overlapping appointment.' },
    STALE_VERSION: { description: '`expectedVersion` is not the appointment\'s current `version`.' },
    OUTSIDE_TIME_BAND: { description: 'The appointment does not lie inside its time band in the organisation\'s time zone (seed 000).' },
    INVALID_STATUS_TRANSITION: { description: 'The status move is not allowed (see `AppointmentStatus`).' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The idempotency key was used before with a different input (seed 002).' },
    OUTSIDE_AVAILABILITY: { description: 'The time is one `availability` would not offer (working hours, closure, time off, location hours, notice, horizon, qualification); the payload\'s `unavailability` says why.' },
    ALREADY_MEMBER: { description: '`createUser` for an address that already belongs to a member of this organisation.' },
    INVITATION_NOT_PENDING: { description: 'The invitation was already accepted, was revoked, or has expired.' },
    ACCOUNT_EXISTS: { description: '`acceptInvitation` with a code for an address that already has a Kairos account: accept with that account\'s own API token instead.' },
    LAST_OWNER: { description: '`deactivateMember` of the organisation\'s last active OWNER (yourself included): an organisation always keeps one.' },
    OCCURRENCES_UNAVAILABLE: { description: 'A series or treatment plan booked ALL_OR_NOTHING (or BEST_EFFORT with no occurrence that fits) has occurrences or sessions that cannot be booked; the payload\'s `occurrences` / `sessions` say which and why. Nothing was written.' },
    UNSAFE_WEBHOOK_URL: { description: 'A webhook URL whose host is a loopback, private, link-local or other reserved address (or localhost), which this server does not allow (WEBHOOK_ALLOW_LOOPBACK, WEBHOOK_ALLOW_PRIVATE).' },
  },
});

/** A business-rule failure in a mutation payload (Shopify's `userErrors`). */
@ObjectType({ description: 'A business-rule failure: the mutation changed nothing.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the offending input field, e.g. `["input", "endsAt"]`.' })
  field?: string[];

  @Field({ description: 'Human-readable explanation.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'Stable machine-readable code.' })
  code!: UserErrorCode;

  static of(code: UserErrorCode, message: string, field?: string[]): UserError {
    return Object.assign(new UserError(), { code, message, field });
  }
}

/**
 * Thrown inside a mutation's transaction to abort it (nothing is written) and answer the payload
 * with these `userErrors` instead. Carries optional extra payload fields (e.g. `conflicts`).
 */
export class UserErrorsException extends Error {
  constructor(
    readonly userErrors: UserError[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(userErrors.map((e) => `${e.code}: ${e.message}`).join('; '));
  }
}

/** Collects userErrors while validating; {@link throwIfAny} aborts when any were found. */
export class UserErrorList {
  readonly errors: UserError[] = [];

  add(code: UserErrorCode, message: string, field?: string[]): this {
    this.errors.push(UserError.of(code, message, field));
    return this;
  }

  throwIfAny(): void {
    if (this.errors.length) throw new UserErrorsException(this.errors);
  }
}

/** GraphQL error codes answered in `extensions.code`. */
export type GraphQLErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';

export function graphQLError(code: GraphQLErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** `NOT_FOUND`: the id does not exist in the caller's organisation (another tenant's ids look the same). */
export function notFound(type: string, id: string, field?: string): GraphQLError {
  return graphQLError('NOT_FOUND', `${type} ${id} not found`, field ? { field } : {});
}
