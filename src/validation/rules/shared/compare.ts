import Decimal from 'decimal.js';
import { ZERO, addScaled, difference, scaledOf, sumDecimals } from '../../decimal';
import { Localized, money } from '../../messages';
import type { CellPos, NumberCell } from '../../model';
import type { RuleContext } from '../types';
import { SUM_ROUNDING } from './rounding';

/** A total that claims to be the sum of its parts. Blank cells count as 0. */
export interface SumClaim {
  /** Where the total is (or should be, when blank). */
  totalAt: CellPos;
  total: NumberCell | null | undefined;
  parts: readonly (NumberCell | null | undefined)[];
  /** What the total is, e.g. “合计”行的总计 / 总计 of row “合计”. */
  subject: Localized | (() => Localized);
  /** What the parts are, e.g. 基本支出 + 项目支出 / the 4 类 rows. */
  partsLabel: Localized;
  tableId?: string;
  /** Extra related cells beyond the parts (e.g. a whole column range). */
  related?: readonly CellPos[];
  /** An Excel error value among the cells: the claim cannot be checked (structure/error-value says so). */
  unverifiable?: boolean;
}

/** Result of comparing one claim, for rules that need to know (e.g. ties across tables). */
export type SumOutcome = 'equal' | 'within-tolerance' | 'rounding' | 'mismatch' | 'skipped';

/** The difference a rounding to `unit` can explain when `addends` rounded amounts are added. */
export function roundingBound(unit: number, addends: number): Decimal {
  return new Decimal(unit).div(2).times(Math.max(addends, 1));
}

/** How far a total is from the sum of `addends` parts: equal, negligible, rounding-sized or a mismatch. */
export function classifyDifference(
  context: RuleContext,
  total: Decimal,
  sum: Decimal,
  addends: number,
  totalIsBlank = false,
): Exclude<SumOutcome, 'skipped'> {
  const signed = difference(total, sum);
  if (signed.isZero()) return 'equal';
  const diff = signed.abs();
  if (diff.lte(context.options.tolerance)) return 'within-tolerance';
  if (!totalIsBlank && diff.lte(roundingBound(context.options.roundingUnit, addends))) return 'rounding';
  return 'mismatch';
}

/**
 * Whether the total equals the sum of its parts exactly (blank parts count as 0), decided on exact scaled
 * integers without building a claim: the case of nearly every row. False means "compare it properly".
 */
export function addsUpExactly(
  total: Decimal | null | undefined,
  parts: readonly (Decimal | null | undefined)[],
): boolean {
  if (!total) return false;
  const target = scaledOf(total);
  if (Number.isNaN(target)) return false;
  let sum = 0;
  for (const part of parts) {
    if (!part) continue;
    sum = addScaled(sum, scaledOf(part));
    if (Number.isNaN(sum)) return false;
  }
  return sum === target;
}

/**
 * Compares a total with its parts; reports a real mismatch under the calling rule (message id
 * "mismatch") and a rounding-sized one as the kind sum/rounding.
 */
export function compareSum(context: RuleContext, claim: SumClaim): SumOutcome {
  const parts: NumberCell[] = [];
  // Only a non-zero amount can carry a rounding residue.
  let addends = 0;
  for (const part of claim.parts) {
    if (part === null || part === undefined) continue;
    parts.push(part);
    if (!part.value.isZero()) addends++;
  }
  if (claim.unverifiable || (!claim.total && parts.length === 0)) return 'skipped';
  const total = claim.total?.value ?? ZERO;
  const sum = sumDecimals(parts.map((p) => p.value));
  const outcome = classifyDifference(context, total, sum, addends, !claim.total);
  if (outcome === 'equal' || outcome === 'within-tolerance') return outcome;
  const data = {
    // Made only for a finding: most totals are right.
    subject: typeof claim.subject === 'function' ? claim.subject() : claim.subject,
    parts: claim.partsLabel,
    total: money(total),
    sum: money(sum),
    diff: money(total.minus(sum)),
    bound: money(roundingBound(context.options.roundingUnit, addends)),
  };
  const related = [...parts, ...(claim.related ?? [])];
  context.report({
    messageId: outcome === 'rounding' ? 'rounding' : claim.total ? 'mismatch' : 'blank-total',
    data,
    at: claim.totalAt,
    related,
    tableId: claim.tableId,
    kind: outcome === 'rounding' ? SUM_ROUNDING : undefined,
  });
  return outcome;
}

/** The standard message of a sum rule: "{subject} {total} ≠ {parts} {sum}（相差 {diff}）". */
export const MISMATCH_MESSAGE: Localized = {
  'zh-CN': '{subject}为 {total}，但{parts}为 {sum}，相差 {diff}',
  'en-US': '{subject} is {total}, but {parts} is {sum} (difference {diff})',
};

/** A sum rule's message for a total left blank while its parts are not. */
export const BLANK_TOTAL_MESSAGE: Localized = {
  'zh-CN': '{subject}未填写，但{parts}为 {sum}',
  'en-US': '{subject} is blank, but {parts} is {sum}',
};
