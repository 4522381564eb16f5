/**
 * What the 自评表 rules share: an indicator's 实际完成值 read as a value, and whether it meets the 年度指标值 by its
 * comparator (财预〔2020〕10号: a target met earns the full 分值).
 */
import Decimal from 'decimal.js';
import { factsOf } from '../../indicator-facts';
import { type Comparator, type IndicatorValue, parseIndicatorValue } from '../../indicator-value';
import type { Indicator, IndicatorTable } from '../../model';
import { keyOfNormalized } from '../../normalize';
import { type Grade, directionOf, gradeOf } from '../../vocabulary';

/** The 自评表s of the model. */
export function selfEvaluationTables(tables: readonly { kind: string }[]): IndicatorTable[] {
  return tables.filter(
    (t): t is IndicatorTable => t.kind === 'indicators' && (t as IndicatorTable).purpose === 'self-evaluation',
  );
}

/** The 实际完成值 parsed like a 指标值, with the target's unit column as its unit when it writes none. */
export function actualValue(indicator: Indicator): IndicatorValue | undefined {
  if (!indicator.actual) return undefined;
  return parseIndicatorValue({ value: indicator.actual.text, unit: indicator.unit?.text });
}

/** The target is a number to compare with (定量 with a number). */
export function isQuantitativeTarget(indicator: Indicator): boolean {
  const { kind, number, declaredQualitative } = factsOf(indicator).value;
  return kind === 'quantitative' && number !== undefined && !declaredQualitative;
}

/** A 定性 target: a grade or a phrase, or marked 定性. */
export function isQualitativeTarget(indicator: Indicator): boolean {
  const { kind, declaredQualitative } = factsOf(indicator).value;
  return declaredQualitative || kind === 'qualitative';
}

/** The grade a 实际完成值 states: 达成 / 部分达成 / 未达成, or the target's own words (达成). */
export function actualGrade(indicator: Indicator): Grade | undefined {
  if (!indicator.actual) return undefined;
  const grade = gradeOf(indicator.actual.text);
  if (grade) return grade;
  if (indicator.value && keyOfNormalized(indicator.actual.text) === keyOfNormalized(indicator.value.text)) return 'met';
  return undefined;
}

/** Units that name the same thing: the target's and the result's ("%" and "百分比" are both %). */
export function sameUnit(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * Whether the 实际完成值 of a 定量 target meets it: by its comparator (≥ ≤ = > <), else by its 指标方向, else ≤ for a
 * cost and ≥ for anything else. Undefined when the result is no number or has another unit.
 */
export function quantitativeOutcome(indicator: Indicator): 'met' | 'unmet' | undefined {
  if (!isQuantitativeTarget(indicator)) return undefined;
  const facts = factsOf(indicator);
  const target = facts.value.number!;
  const actual = actualValue(indicator);
  if (!actual || actual.kind !== 'quantitative' || actual.number === undefined) return undefined;
  if (!sameUnit(facts.value.unit, actual.ownUnit)) return undefined;
  const comparator = comparatorFor(indicator);
  return meets(actual.number, comparator, target) ? 'met' : 'unmet';
}

function comparatorFor(indicator: Indicator): Comparator {
  const facts = factsOf(indicator);
  if (facts.value.comparator) return facts.value.comparator;
  const direction = directionOf(indicator.direction?.text ?? '');
  if (direction === 'negative') return '≤';
  if (direction === 'positive') return '≥';
  return facts.isCost && !facts.isReduction ? '≤' : '≥';
}

function meets(actual: Decimal, comparator: Comparator, target: Decimal): boolean {
  switch (comparator) {
    case '≥':
      return actual.gte(target);
    case '≤':
      return actual.lte(target);
    case '>':
      return actual.gt(target);
    case '<':
      return actual.lt(target);
    case '=':
      return actual.equals(target);
  }
}

/** The share of the 分值 a 10号 grade earns: 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 %. */
export const GRADE_BANDS: Record<Grade, { low: Decimal; high: Decimal; label: string }> = {
  met: { low: new Decimal(0.8), high: new Decimal(1), label: '达成' },
  partly: { low: new Decimal(0.6), high: new Decimal(0.8), label: '部分达成' },
  unmet: { low: new Decimal(0), high: new Decimal(0.6), label: '未达成' },
};

/** Rounds to `decimals` digits the usual way (half up) and by cutting off: a form may do either. */
export function printedEquals(written: Decimal, exact: Decimal, decimals: number): boolean {
  return (
    written.equals(exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP)) ||
    written.equals(exact.toDecimalPlaces(decimals, Decimal.ROUND_DOWN))
  );
}
