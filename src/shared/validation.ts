import { Decimal } from 'decimal.js';
import { UserErrorCode, type UserErrorList } from './errors.js';

/** Trims a given string; an empty one becomes null. */
export function clean(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** VALIDATION unless the trimmed `value` is 1–`max` characters. */
export function checkRequiredText(errors: UserErrorList, value: string | null | undefined, max: number, field: string[]): void {
  const text = clean(value);
  if (!text || text.length > max) errors.add(UserErrorCode.VALIDATION, `${field.at(-1)} must be 1–${max} characters.`, field);
}

/** VALIDATION when a given `value` is longer than `max` characters once trimmed. */
export function checkOptionalText(errors: UserErrorList, value: string | null | undefined, max: number, field: string[]): void {
  const text = clean(value);
  if (text && text.length > max) errors.add(UserErrorCode.VALIDATION, `${field.at(-1)} must be at most ${max} characters.`, field);
}

/**
 * VALIDATION for a given decimal amount that is below `min` (default 0), above `max`, or does not
 * fit a `numeric(19, 4)` column (more than 4 decimals or 15 integer digits).
 */
export function checkAmount(errors: UserErrorList, value: string | null | undefined, field: string[], limits: { min?: number; max?: number } = {}): void {
  if (value == null) return;
  const amount = new Decimal(value);
  const name = field.at(-1);
  const min = limits.min ?? 0;
  if (amount.lt(min)) errors.add(UserErrorCode.VALIDATION, `${name} must be at least ${min}.`, field);
  else if (limits.max !== undefined && amount.gt(limits.max)) errors.add(UserErrorCode.VALIDATION, `${name} must be at most ${limits.max}.`, field);
  else if (amount.decimalPlaces() > 4) errors.add(UserErrorCode.VALIDATION, `${name} must have at most 4 decimals.`, field);
  else if (amount.abs().gte('1e15')) errors.add(UserErrorCode.VALIDATION, `${name} must be below 10^15.`, field);
}

/** VALIDATION for a given integer outside `min`–2147483647 (a PostgreSQL integer). */
export function checkInt(errors: UserErrorList, value: number | null | undefined, min: number, field: string[], message = `${field.at(-1)} must be at least ${min}.`): void {
  if (value == null) return;
  if (value < min) errors.add(UserErrorCode.VALIDATION, message, field);
}

/**
 * VALIDATION for each field of `required` that an update input sends as null: an optional GraphQL
 * input field can carry null, but these columns cannot be cleared.
 */
export function checkNotCleared<I extends object>(errors: UserErrorList, input: I, required: readonly (keyof I & string)[]): void {
  for (const field of required) {
    if (input[field] === null) errors.add(UserErrorCode.VALIDATION, `${field} cannot be cleared.`, ['input', field]);
  }
}
