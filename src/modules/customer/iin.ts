/**
 * Kazakh individual identification number (ИИН / IIN) checksum, used for `identityNumber`
 * (One-link `client_identifier`, seed 002).
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** Weighted sum of the first 11 digits, mod 11. */
function weighted(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += digits[i]! * weights[i]!;
  return sum % 11;
}

/**
 * The check digit (12th digit) of an 11-digit IIN prefix, or null when no check digit exists
 * (the weighted sum is 10 with both weight sets: such prefixes are never issued).
 */
export function iinCheckDigit(prefix: string): number | null {
  if (!/^\d{11}$/.test(prefix)) return null;
  const digits = [...prefix].map(Number);
  let check = weighted(digits, FIRST_WEIGHTS);
  if (check === 10) check = weighted(digits, SECOND_WEIGHTS);
  return check === 10 ? null : check;
}

/**
 * Whether `s` is exactly 12 digits whose last digit is the IIN checksum of the first 11: weights
 * 1..11, sum mod 11; on 10 retry with weights 3..11,1,2; 10 again means invalid.
 */
export function isValidIin(s: string): boolean {
  if (!/^\d{12}$/.test(s)) return false;
  const check = iinCheckDigit(s.slice(0, 11));
  return check !== null && check === Number(s[11]);
}
