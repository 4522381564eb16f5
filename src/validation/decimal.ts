import Decimal from 'decimal.js';

export const ZERO = new Decimal(0);

export function sumDecimals(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}
