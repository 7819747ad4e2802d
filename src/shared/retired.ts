import { UserError, UserErrorCode, UserErrorsException } from './errors.js';

/**
 * The refusal of a new booking or link that names a record history keeps but that is out of use: an
 * archived treatment, resource or location, an erased customer, or a member deactivated in the
 * organisation. Booking (`createAppointment`, `updateAppointment`), holds, the `availability` search
 * and the member links (`findMember`) all answer it, so a client meets one rule wherever it names one.
 * @param field the input field, dotted for a nested one (`requirements.0.anyOf`).
 * @returns VALIDATION naming the record, with `field: ["input", …field]`.
 */
export function retiredError(type: string, globalId: string, field: string): UserError {
  const what = type === 'Customer' ? 'was erased and cannot be booked' : type === 'User' ? 'is deactivated in this organisation and cannot be booked or linked' : 'is archived and cannot be booked';
  return UserError.of(UserErrorCode.VALIDATION, `${type} ${globalId} ${what}.`, ['input', ...field.split('.')]);
}

/** {@link retiredError} as the exception that stops a mutation. */
export function retiredRefusal(type: string, globalId: string, field: string): UserErrorsException {
  return new UserErrorsException([retiredError(type, globalId, field)]);
}
