/**
 * What the indicator rules need to know about one indicator, derived once: its parsed 指标值 and
 * whether it is a cost, a rate, a satisfaction or a count indicator (domain.md §3).
 */
import { IndicatorValue, isMoneyUnit, isRateUnit, parseIndicatorValue } from './indicator-value';
import type { CellPos, Indicator, IndicatorTable, TextCell } from './model';
import type Decimal from 'decimal.js';
import { sumOf } from './decimal';
import { displayName, keyOfNormalized } from './normalize';
import { Level1Kind, Level2Kind, level1KindOf, level2KindOf } from './vocabulary';

export interface IndicatorFacts {
  value: IndicatorValue;
  /** The 三级 name, normalized ("" when missing). */
  name: string;
  level1?: Level1Kind;
  level2?: Level2Kind;
  /** Under 成本指标 by its 一级 or its 二级 (成本, 经济/社会/生态环境成本), whatever its name. */
  underCostLevel: boolean;
  /** A cost indicator: under 成本指标, or (outside 效益/满意度) a name about 成本/费用/经费/预算 …, not a rate. */
  isCost: boolean;
  /** The name asks for a reduction or saving ("减少…成本", "三公经费同比减少率"): ≥ is right for it. */
  isReduction: boolean;
  isSatisfaction: boolean;
  /** A rate: unit % or a name ending in 率 / 满意度. */
  isRate: boolean;
  /** A growth or improvement: may exceed 100 %. */
  isGrowth: boolean;
  /** A count: 个数, 数量, 人次, 次数 … */
  isCount: boolean;
  /** A cost measured in money: 经济成本 (or 成本 with no 二级); 社会成本 / 生态环境成本 have units of their own. */
  isEconomicCost: boolean;
  /** Under 时效指标, or a name about time (及时, 时限, 完成时间 …). */
  isTimeliness: boolean;
  /** A 时效 target that is the serial number of a date (44561 = "2021-12-31"): that date; no unit is missing. */
  dateSerial?: string;
}

const COST_KINDS: ReadonlySet<Level2Kind> = new Set(['cost', 'economicCost', 'socialCost', 'ecoCost']);
const COST_NAME = /成本|费用|经费|维护费|运行费|租金|工资|单价|造价|支出|预算|资金(?!到位)|投入|费$/;
const REDUCTION = /减少|降低|节约|节省|压减|压缩|下降|控制率|降幅/;
const GROWTH = /增长|增加|提高|提升|同比|环比|倍|增幅|较上年|上年比|比上年/;
const TIME_NAME = /及时|时间|时限|时效|按时|准时|工作日|响应|进度/;
const RATE_NAME = /率$|满意度$|满意率$|占比|比例|比重|覆盖面|程度|进度/;
const BENEFIT_KINDS: ReadonlySet<Level2Kind> = new Set([
  'economicBenefit',
  'socialBenefit',
  'ecoBenefit',
  'sustainability',
  'satisfaction',
]);
const COUNT = /个数|数量|人次|次数|件数|户数|人数|台数|家数|场次|条数|篇数/;

const factsCache = new WeakMap<Indicator, IndicatorFacts>();

export function factsOf(indicator: Indicator): IndicatorFacts {
  // Cached beside the model, never in it: recognition's output is read-only to the rules.
  const cached = factsCache.get(indicator);
  if (cached) return cached;
  const name = indicator.level3 ? withoutTemplateMarks(keyOfNormalized(indicator.level3.text)) : '';
  const level1 = indicator.level1 ? level1KindOf(indicator.level1.text) : undefined;
  const level2 = indicator.level2 ? level2KindOf(indicator.level2.text) : undefined;
  const underBenefit =
    level1 === 'benefit' || level1 === 'satisfaction' || (level2 !== undefined && BENEFIT_KINDS.has(level2));
  const costByLevel = level1 === 'cost' || (level2 !== undefined && COST_KINDS.has(level2));
  const nameIsRate = RATE_NAME.test(name);
  const nameIsCost = COST_NAME.test(name);
  const unitText = indicator.unit?.text;
  const value = parseIndicatorValue({
    value: indicator.value?.text,
    comparator: indicator.comparator?.text,
    unit: unitText,
    valueType: indicator.valueType?.text,
    moneyContext: costByLevel || nameIsCost || isMoneyUnit(unitText),
  });
  const isGrowth = GROWTH.test(name);
  const isCountName = COUNT.test(name);
  // A rate or a time under 成本指标 (覆盖率, 工资发放及时, 费用收取时间) is misplaced, not a cost. The name alone
  // makes a cost only where the 二级 says nothing (tables with one 指标 column): "补助资金发放户数" under
  // 数量指标 is a count.
  const unitKnownNotMoney = value.unit !== undefined && !isMoneyUnit(value.unit) && !isRateUnit(value.unit);
  const nameMakesCost = level2 === undefined && !underBenefit && nameIsCost && !isCountName && !unitKnownNotMoney;
  const isCost = !nameIsRate && (costByLevel || nameMakesCost) && !TIME_NAME.test(name);
  const facts: IndicatorFacts = {
    value,
    name,
    level1,
    level2,
    underCostLevel: costByLevel,
    isCost,
    isReduction: REDUCTION.test(name),
    isSatisfaction: level1 === 'satisfaction' || level2 === 'satisfaction' || name.includes('满意'),
    isRate: isRateUnit(value.unit) || nameIsRate,
    isGrowth,
    isCount: isCountName && !nameIsRate && !isGrowth,
    isEconomicCost: costByLevel && level2 !== 'socialCost' && level2 !== 'ecoCost',
    isTimeliness: level2 === 'timeliness' || TIME_NAME.test(name),
    dateSerial: undefined,
  };
  if (facts.isTimeliness) facts.dateSerial = dateOfSerial(value);
  factsCache.set(indicator, facts);
  return facts;
}

/**
 * A 三级 name without what an indicator library adds to it: core marks (★, ★★★) and the hint of a target to fill
 * in ("种植作物成活率(≥**%)", "补助成本(≤XX元/株)"), so that the name reads as the name.
 */
export function withoutTemplateMarks(nameKey: string): string {
  if (!/^[★☆]|\)$/.test(nameKey)) return nameKey;
  return nameKey.replace(/^[★☆]+/, '').replace(TEMPLATE_HINT, '');
}

/** "(≥**%)", "(≤XX元/株)", "(≥某某户)": a target left to fill in, with placeholders for the number. */
export const TEMPLATE_HINT = /\([^()]*(?:\*|[XＸx×]{1,3}|某|…)[^()]*\)$/;

/** Serial numbers of the days 2000-01-01 … 2099-12-31 in Excel's 1900 date system. */
const FIRST_SERIAL = 36526;
const LAST_SERIAL = 73050;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** The date a bare whole number in the serial range stands for; a number with a unit (天, 小时) is a duration. */
function dateOfSerial(value: IndicatorValue): string | undefined {
  const { kind, number, ownUnit, columnUnit } = value;
  if (kind !== 'quantitative' || number === undefined || !number.isInteger()) return undefined;
  if (ownUnit !== undefined || (columnUnit !== undefined && !/^\d+$/.test(columnUnit))) return undefined;
  const serial = number.toNumber();
  if (serial < FIRST_SERIAL || serial > LAST_SERIAL) return undefined;
  return new Date(EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
}

/** Σ of the weights of the indicators that have one (exact). */
export function weightSum(indicators: readonly Indicator[]): Decimal {
  return sumOf(indicators, weightOf);
}

function weightOf(indicator: Indicator): Decimal | undefined {
  return indicator.weight?.value;
}

/** Where a finding about the indicator's value points: the value cell, else the comparator, unit or name. */
export function valueCell(indicator: Indicator, table: IndicatorTable): CellPos {
  if (indicator.value) return indicator.value;
  // An empty value cell is still where the value belongs.
  if (table.columns.value !== undefined)
    return { sheet: table.sheet, row: indicator.row, col: table.columns.value + indicator.shift };
  return indicator.comparator ?? indicator.unit ?? indicator.level3 ?? rowCell(indicator, table);
}

export function rowCell(indicator: Indicator, table: IndicatorTable): CellPos {
  const col = table.columns.level3 ?? table.columns.value ?? table.range.left;
  return { sheet: table.sheet, row: indicator.row, col };
}

/** The indicator's name for messages: its 三级 name, or the row. */
export function indicatorName(indicator: Indicator): { 'zh-CN': string; 'en-US': string } {
  const name = indicator.level3 ? displayName(indicator.level3.text) : '';
  return name
    ? { 'zh-CN': name, 'en-US': name }
    : { 'zh-CN': `第 ${indicator.row + 1} 行指标`, 'en-US': `the indicator on row ${indicator.row + 1}` };
}

export function cellText(cell: TextCell | undefined): string {
  return cell?.raw.trim() ?? '';
}
