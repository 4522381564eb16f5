import Decimal from 'decimal.js';

export const ZERO = new Decimal(0);

/**
 * Exact sums without a Decimal operation per addend. Amounts in budget tables have at most 7 decimals and are
 * below 9 × 10⁸: they are summed as integer multiples of 10⁻⁷, exactly, in doubles (every value and partial
 * sum is checked to stay a safe integer). Anything else falls back to Decimal arithmetic. This reads
 * decimal.js's documented instance layout (d: base-1e7 words, integer words first; e: exponent; s: sign).
 */
const WORD = 1e7;

interface DecimalLayout {
  d: number[] | null;
  e: number;
  s: number;
}

/** The value × 10⁷ as a safe integer, or NaN when the value is outside the fast path. */
export function scaledOf(value: Decimal): number {
  const { d, e, s } = value as unknown as DecimalLayout;
  if (d === null) return NaN;
  // 0.5 is one word 5000000 with exponent −1; values below 10⁻⁷ need more words.
  if (e < 0) return e >= -7 && d.length === 1 ? s * d[0]! : NaN;
  // 10⁹ and above: × 10⁷ is past 2⁵³.
  if (e >= 9) return NaN;
  const integerWords = Math.floor(e / 7) + 1;
  // More than one word after the integer words: more than 7 decimals.
  if (d.length > integerWords + 1) return NaN;
  let integer = 0;
  for (let i = 0; i < integerWords; i++) integer = integer * WORD + (d[i] ?? 0);
  const scaled = integer * WORD + (d[integerWords] ?? 0);
  return Number.isSafeInteger(scaled) ? s * scaled : NaN;
}

/** a + b on scaled integers, or NaN when the result might not be exact. */
export function addScaled(a: number, b: number): number {
  return Math.abs(a) + Math.abs(b) <= Number.MAX_SAFE_INTEGER ? a + b : NaN;
}

const SMALL_INTEGERS: Decimal[] = Array.from({ length: 1001 }, (_, i) => new Decimal(i));

function fromScaled(scaled: number): Decimal {
  if (scaled % WORD === 0) {
    const integer = scaled / WORD;
    if (integer >= 0 && integer <= 1000) return SMALL_INTEGERS[integer]!;
    return new Decimal(integer);
  }
  return new Decimal(scaled).div(WORD);
}

export function sumDecimals(values: readonly Decimal[]): Decimal {
  return sumOf(values, identity);
}

function identity(value: Decimal): Decimal {
  return value;
}

/** Σ valueOf(item) over the items for which it is defined, exactly. An index loop: this runs per project and per row. */
export function sumOf<T>(items: readonly T[], valueOf: (item: T) => Decimal | undefined): Decimal {
  let scaledTotal = 0;
  let slow: Decimal | undefined;
  for (let i = 0; i < items.length; i++) {
    const value = valueOf(items[i]!);
    if (value === undefined) continue;
    if (slow === undefined) {
      const next = addScaled(scaledTotal, scaledOf(value));
      if (!Number.isNaN(next)) {
        scaledTotal = next;
        continue;
      }
      slow = fromScaled(scaledTotal);
    }
    slow = slow.plus(value);
  }
  return slow ?? fromScaled(scaledTotal);
}

/** a − b, exactly. */
export function difference(a: Decimal, b: Decimal): Decimal {
  const scaled = addScaled(scaledOf(a), -scaledOf(b));
  return Number.isNaN(scaled) ? a.minus(b) : fromScaled(scaled);
}

const numberCache = new Map<number, Decimal>();
const NUMBER_CACHE_LIMIT = 50_000;

/**
 * A cell's number as a Decimal, at the 15 significant digits Excel shows (a cached =SUM's 0.30000000000000004
 * is 0.3). Decimals are immutable, and the same weights and amounts recur on every row: each is made once.
 */
export function decimalOfCellNumber(value: number): Decimal {
  let decimal = numberCache.get(value);
  if (decimal === undefined) {
    decimal = Number.isSafeInteger(value) ? new Decimal(value) : new Decimal(value.toPrecision(15));
    if (numberCache.size >= NUMBER_CACHE_LIMIT) numberCache.clear();
    numberCache.set(value, decimal);
  }
  return decimal;
}
