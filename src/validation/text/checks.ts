/**
 * The arithmetic of text statements, exact in decimals: a whole against its parts, a share or a ratio against
 * its amounts, a change rate against its change and current amount. A percentage is checked to the precision it
 * is written in (19.62 % allows ± 0.005 points); an amount to its last digit. A difference the rounding of the
 * written figures can explain is 'rounding', anything beyond is 'mismatch'.
 */
import Decimal from 'decimal.js';
import type { Percent, Quantity } from './reader';
import { compositionOf } from './quantities';
import type { ChangeStatement, CountStatement, Mention, PartsStatement } from './statements';

export type Outcome = 'equal' | 'rounding' | 'mismatch';

const HUNDRED = new Decimal(100);

/**
 * The unit the last written digit of an amount stands for, in the amount's base (元 for money). A whole
 * number is taken as exact to the cent ("30万元" is 30.00万元): texts write round amounts without decimals.
 */
export function precisionStep(quantity: Quantity): Decimal {
  // "3辆", "8个": things are counted, never rounded ("3.5万人" is).
  if (quantity.kind === 'count' && quantity.decimals === 0 && quantity.factor.eq(1)) return new Decimal(0);
  if (quantity.decimals > 0 || quantity.kind !== 'money') return quantity.step;
  return quantity.factor.times('0.01');
}

function coarsest(quantities: readonly Quantity[]): Decimal {
  return quantities.map(precisionStep).reduce((a, b) => (b.gt(a) ? b : a));
}

export interface PartsCheck {
  outcome: Outcome | 'partial';
  sum: Decimal;
  whole: Decimal;
  difference: Decimal;
  bound: Decimal;
  /** The parts are known to make the whole: all of a known composition, or a list that says 分别为. */
  complete: boolean;
}

export function checkParts(statement: PartsStatement): PartsCheck {
  const { whole, parts } = statement;
  const sum = parts.reduce((s, p) => s.plus(p.quantity.base), new Decimal(0));
  const total = whole.quantity.base;
  const difference = sum.minus(total);
  const nonZero = parts.filter((p) => !p.quantity.base.isZero()).length;
  const bound = coarsest([whole.quantity, ...parts.map((p) => p.quantity)])
    .div(2)
    .times(Math.max(nonZero, 1));
  const complete = isComplete(whole, parts, statement);
  let outcome: PartsCheck['outcome'];
  if (difference.isZero()) outcome = 'equal';
  else if (difference.isNegative() && !complete) outcome = 'partial';
  else outcome = difference.abs().lte(bound) ? 'rounding' : 'mismatch';
  return { outcome, sum, whole: total, difference, bound, complete };
}

function isComplete(whole: Mention, parts: readonly Mention[], statement: PartsStatement): boolean {
  const composition = compositionOf(whole.id);
  if (composition && composition.every((id) => parts.some((p) => p.id === id))) return true;
  // "分别为": the list says it names every part. ("其中" alone may list only the main ones.)
  return statement.exhaustive;
}

export interface PercentCheck {
  outcome: Outcome;
  /** The percentage the amounts give, full precision. */
  computed: Decimal;
  written: Decimal;
}

/**
 * Compares a written percentage with numerator / denominator × 100. `range` gives the lowest and highest
 * value the written amounts allow (each within half its last digit): a percentage inside that range widened
 * by the written precision is a rounding matter.
 */
export function comparePercent(
  written: Percent,
  computed: Decimal,
  range: readonly [Decimal, Decimal] = [computed, computed],
): PercentCheck {
  const half = new Decimal(10).pow(-written.decimals).div(2);
  const distance = computed.minus(written.value).abs();
  let outcome: Outcome;
  if (distance.lte(half)) outcome = 'equal';
  else if (
    distance.lte(half.times(2)) ||
    (written.value.gte(range[0].minus(half)) && written.value.lte(range[1].plus(half)))
  )
    outcome = 'rounding';
  else outcome = 'mismatch';
  return { outcome, computed, written: written.value };
}

function interval(quantity: Quantity): [Decimal, Decimal] {
  const half = quantity.decimals > 0 ? precisionStep(quantity).div(2) : new Decimal(0);
  return [quantity.base.minus(half), quantity.base.plus(half)];
}

/** numerator / denominator × 100, with the range the written amounts allow. */
export function ratioPercent(
  numerator: Quantity,
  denominator: { base: Decimal; quantities: readonly Quantity[] },
): { computed: Decimal; range: [Decimal, Decimal] } | undefined {
  if (denominator.base.lte(0)) return undefined;
  const computed = numerator.base.div(denominator.base).times(HUNDRED);
  const [n0, n1] = interval(numerator);
  let d0 = new Decimal(0);
  let d1 = new Decimal(0);
  for (const q of denominator.quantities) {
    const [lo, hi] = interval(q);
    d0 = d0.plus(lo);
    d1 = d1.plus(hi);
  }
  if (denominator.quantities.length === 0 || d0.lte(0)) return { computed, range: [computed, computed] };
  return { computed, range: [n0.div(d1).times(HUNDRED), n1.div(d0).times(HUNDRED)] };
}

export interface ChangeCheck {
  outcome: Outcome | 'direction';
  previous: Decimal;
  computed: Decimal;
}

/** r = Δ / (current − Δ) for an increase, Δ / (current + Δ) for a decrease. Undefined when there was nothing before. */
export function checkChange(statement: ChangeStatement): ChangeCheck | undefined {
  const { subject, delta, direction, rate, rateDirection } = statement;
  if (!rate) return undefined;
  const current = subject.quantity.base;
  const sign = direction === 'up' ? -1 : 1;
  const previous = current.plus(delta.base.times(sign));
  if (previous.lte(0)) return undefined;
  const computed = delta.base.div(previous).times(HUNDRED);
  if (rateDirection !== direction && !delta.base.isZero()) return { outcome: 'direction', previous, computed };
  const [c0, c1] = interval(subject.quantity);
  const [d0, d1] = interval(delta);
  const previousRange: [Decimal, Decimal] =
    direction === 'up' ? [c0.minus(d1), c1.minus(d0)] : [c0.plus(d0), c1.plus(d1)];
  const range: [Decimal, Decimal] = previousRange[0].gt(0)
    ? [d0.div(previousRange[1]).times(HUNDRED), d1.div(previousRange[0]).times(HUNDRED)]
    : [computed, computed];
  const { outcome } = comparePercent(rate, computed, range);
  return { outcome, previous, computed };
}

/**
 * "较2023年预算14.00万元减少2.00万元": the stated last year's amount ± the change must give this year's amount, to
 * the rounding of the three written figures. Undefined when no last year's amount is stated.
 */
export function checkStatedPrevious(
  statement: ChangeStatement,
): { outcome: Outcome; expected: Decimal; previous: Quantity } | undefined {
  const { subject, delta, direction, previous } = statement;
  if (!previous) return undefined;
  const expected = previous.base.plus(direction === 'up' ? delta.base : delta.base.neg());
  const difference = subject.quantity.base.minus(expected).abs();
  if (difference.isZero()) return { outcome: 'equal', expected, previous };
  const bound = [subject.quantity, previous, delta]
    .map(precisionStep)
    .reduce((a, b) => a.plus(b))
    .div(2);
  return { outcome: difference.lte(bound) ? 'rounding' : 'mismatch', expected, previous };
}

/** The counts a list may have: items split at 、 and commas, and also at 和/及 in the last item. */
export function checkCount(statement: CountStatement): { outcome: 'equal' | 'mismatch'; counted: number } {
  const { count, items, joined, parts } = statement;
  if (count === items.length || count === joined) return { outcome: 'equal', counted: items.length };
  // A 其中 list may name only the main items: fewer than counted is a mismatch only when they make the whole.
  if (parts && items.length < count && checkParts(parts).outcome !== 'equal')
    return { outcome: 'equal', counted: items.length };
  return { outcome: 'mismatch', counted: items.length };
}

/** Whether two statements of one amount agree, to the coarser of their last digits. */
export function compareAmounts(a: Quantity, b: Quantity): Outcome {
  const difference = a.base.minus(b.base).abs();
  if (difference.isZero()) return 'equal';
  const step = coarsest([a, b]);
  if (difference.lte(step.div(2))) return 'equal';
  if (difference.lte(step)) return 'rounding';
  return 'mismatch';
}
