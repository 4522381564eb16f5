/**
 * The engine's exact sums skip Decimal arithmetic for amounts that fit 10⁻⁷ steps: the result must be the
 * Decimal sum, exactly, for any amounts (integers, cents, tiny fractions, huge values, negatives).
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { decimalOfCellNumber, difference, scaledOf, sumDecimals } from '../src/validation/decimal';
import { addsUpExactly } from '../src/validation/rules/shared/compare';

const digits = fc.stringMatching(/^[1-9]\d{0,17}$/);
const amount = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => new Decimal(n)),
  fc.integer({ min: -5_000_000_000, max: 5_000_000_000 }).map((n) => new Decimal(n).div(100)),
  fc
    .tuple(digits, fc.integer({ min: -30, max: 30 }), fc.boolean())
    .map(([d, e, negative]) => new Decimal(`${negative ? '-' : ''}${d}e${e}`)),
  fc.constantFrom(
    new Decimal(0),
    new Decimal('0.5'),
    new Decimal('1e7'),
    new Decimal('9999999.9999999'),
    new Decimal('0.0000001'),
    new Decimal('-0'),
  ),
);

function slowSum(values: Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), new Decimal(0));
}

describe('exact sums without Decimal arithmetic', () => {
  it('sumDecimals equals the Decimal sum for any amounts', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (values) => {
        expect(sumDecimals(values).equals(slowSum(values))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('difference equals Decimal minus', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(difference(a, b).equals(a.minus(b))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('scaledOf is the value × 10⁷ when it is defined', () => {
    fc.assert(
      fc.property(amount, (value) => {
        const scaled = scaledOf(value);
        if (!Number.isNaN(scaled)) expect(new Decimal(scaled).equals(value.times(1e7))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // The common amounts take the fast path.
    expect(scaledOf(new Decimal('582.03'))).toBe(5_820_300_000);
    expect(scaledOf(new Decimal('-0.5'))).toBe(-5_000_000);
    expect(scaledOf(new Decimal('123456789.5'))).toBe(1_234_567_895_000_000);
    expect(scaledOf(new Decimal('12345678.90'))).toBe(123_456_789_000_000);
    expect(Number.isNaN(scaledOf(new Decimal('1234567890.5')))).toBe(true);
    expect(Number.isNaN(scaledOf(new Decimal('0.123456789')))).toBe(true);
  });

  it('addsUpExactly says "equal" only when the total is exactly the Decimal sum, and does say it for cents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(amount, { nil: null }), { maxLength: 12 }),
        fc.boolean(),
        amount,
        (parts, exact, other) => {
          const sum = slowSum(parts.filter((p): p is Decimal => p !== null));
          const total = exact ? sum : other;
          if (addsUpExactly(total, parts)) expect(total.equals(sum)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    // Amounts in 元 of up to 50 million with 4 decimals: a dozen of them stay on the fast path.
    const centsArb = fc.integer({ min: -500_000_000_000, max: 500_000_000_000 }).map((n) => new Decimal(n).div(10000));
    fc.assert(
      fc.property(fc.array(fc.option(centsArb, { nil: null }), { maxLength: 12 }), (parts) => {
        const sum = slowSum(parts.filter((p): p is Decimal => p !== null));
        expect(addsUpExactly(sum, parts)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(addsUpExactly(new Decimal('500.75'), [new Decimal('299.30'), new Decimal('201.35')])).toBe(false);
    expect(addsUpExactly(undefined, [new Decimal(1)])).toBe(false);
  });

  it('many large amounts leave the fast path before a partial sum could lose precision', () => {
    const values = Array.from({ length: 200 }, () => new Decimal('9999999.9999999'));
    expect(sumDecimals(values).toString()).toBe(new Decimal('9999999.9999999').times(200).toString());
  });

  it('a cell number is read at the 15 digits Excel shows, and the same number gives the same Decimal', () => {
    expect(decimalOfCellNumber(0.1 + 0.2).toString()).toBe('0.3');
    expect(decimalOfCellNumber(582.03).toString()).toBe('582.03');
    expect(decimalOfCellNumber(120)).toBe(decimalOfCellNumber(120));
  });
});
