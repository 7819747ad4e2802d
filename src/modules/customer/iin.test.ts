import { describe, expect, it } from 'vitest';
import { iinCheckDigit, isValidIin } from './iin.js';

describe('isValidIin', () => {
  it('accepts an IIN whose 12th digit is the weights-1..11 checksum', () => {
    // 9·1+5·2+0·3+1·4+0·5+7·6+3·7+0·8+0·9+1·10+2·11 = 118; 118 mod 11 = 8.
    expect(isValidIin('950107300128')).toBe(true);
  });

  it('rejects the same number with any other check digit', () => {
    for (const d of [0, 1, 2, 3, 4, 5, 6, 7, 9]) expect(isValidIin(`95010730012${d}`)).toBe(false);
  });

  it('uses the second weights 3..11,1,2 when the first sum gives 10', () => {
    const prefix = '95010730180';
    const first = [...prefix].reduce((sum, d, i) => sum + Number(d) * (i + 1), 0) % 11;
    expect(first).toBe(10);
    expect(iinCheckDigit(prefix)).toBe(1);
    expect(isValidIin('950107301801')).toBe(true);
    // The first pass's 10 is never a valid digit, so "…0" must fail.
    expect(isValidIin('950107301800')).toBe(false);
  });

  it('rejects every number whose prefix gives 10 with both weight sets', () => {
    expect(iinCheckDigit('95010730260')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`95010730260${d}`)).toBe(false);
  });

  it('rejects anything that is not exactly 12 digits', () => {
    expect(isValidIin('')).toBe(false);
    expect(isValidIin('95010730012')).toBe(false);
    expect(isValidIin('9501073001280')).toBe(false);
    expect(isValidIin('95010730012a')).toBe(false);
    expect(isValidIin(' 950107300128')).toBe(false);
    expect(isValidIin('９５０１０７３００１２８')).toBe(false);
  });
});
