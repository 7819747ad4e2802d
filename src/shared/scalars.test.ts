import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal } from './scalars.js';

describe('canonicalDecimal', () => {
  it('answers what decimal.js toFixed() answers, for numeric text and everything else', () => {
    const values: unknown[] = [
      '85.0000', '85.5000', '-85.5000', '0.0000', '-0.0000', '0', '-0', '0.0001', '-0.0001', '10', '100.00', '1000',
      '123456789012345.1234', '999999999999999.9999', '0.1000', '10.0100', 'NaN', 'Infinity', '-Infinity', '1e3', '1.50E+2',
      '00012.50', '.5', '12.5', 12.5, -0, 0.1, 1e21, new Decimal('2.5000'),
    ];
    for (const value of values) {
      expect(canonicalDecimal(value), String(value)).toBe(new Decimal(value instanceof Decimal ? value : String(value)).toFixed());
    }
  });
});
