/**
 * 指标值 as written: comparator + number + unit ("≥30万件", "≤15万元", "≥98%"), a 定性 grade ("优",
 * "显著提升"), a date ("2023年12月前"), or something that cannot be read ("天2"). From one cell or from
 * separate comparator / value / unit / 定量定性 columns. Never throws.
 */
import Decimal from 'decimal.js';
import { isPlaceholderKey, normalizeText, textKey } from './normalize';
import { comparatorOf } from './vocabulary';

export type Comparator = '≥' | '≤' | '=' | '>' | '<';

export type ValueKind =
  /** Comparator and/or number, possibly a unit. */
  | 'quantitative'
  /** A unit or comparator with no number: "天", "≥ %". */
  | 'missing-number'
  /** A grade or a phrase: "优", "优良中差", "显著提升". */
  | 'qualitative'
  /** A deadline: "2023年12月前", "12月底", "2023-12-31", "次年3月底前完成". */
  | 'date'
  /** A target relative to a reference: "≤预算", "不低于上年", "不低于国家标准". */
  | 'reference'
  /** A range or ratio: "95%-100%", "6-9", "≥1:3". */
  | 'range'
  | 'empty'
  /** Text mixing digits and words in a way that is no value: "天2", "1-2". */
  | 'unparseable';

export interface IndicatorValue {
  kind: ValueKind;
  comparator?: Comparator;
  number?: Decimal;
  /** The unit written in the value cell itself, normalized. */
  ownUnit?: string;
  /** The unit of the unit column, normalized. */
  columnUnit?: string;
  /** ownUnit ?? columnUnit. */
  unit?: string;
  /** Marked 定性 by a comparator or 指标值类型 column. */
  declaredQualitative: boolean;
  /** Marked 定量 by a 指标值类型 column. */
  declaredQuantitative: boolean;
  /** The comparator column and the value disagree ("≥" in the column, "≤100" in the value). */
  comparatorConflict?: { column: Comparator; value: Comparator };
  /** The value cell, normalized. */
  text: string;
}

export interface ValueInput {
  value?: string;
  comparator?: string;
  unit?: string;
  valueType?: string;
  /** The indicator is about money: a bare "万" means 万元. */
  moneyContext?: boolean;
}

const PREFIX =
  /^(≥|≤|≧|≦|⩾|⩽|≮|≯|>=|<=|=>|=<|==|大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|大于|小于|等于|控制在|达到|约|提高|提升|增加|增长|降低|减少|下降|压减|>|<|=)/;
/** Comparators written after the number: "100万元以内", "200以上", "90%左右". */
/** Words after the number that say how it compares; 完成 ("100%完成") says nothing more. */
const SUFFIX = /(及以内|及以下|及以上|以内|以下|之内|以上|左右|内|完成)$/;
const SUFFIX_COMPARATOR: Partial<Record<string, Comparator>> = {
  及以内: '≤',
  及以下: '≤',
  及以上: '≥',
  以内: '≤',
  以下: '≤',
  之内: '≤',
  以上: '≥',
  左右: '=',
  内: '≤',
};
const REFERENCE =
  /^(预算|年初预算|年度预算|当年预算|批复预算|预算数|批复数|上年|上年度|去年|同期|国家标准|行业标准|标准|规定|计划|计划数|目标|合同|年度计划)/;
const RANGE =
  /^[+-]?\d+(?:\.\d+)?%?\s*(?:-|~|～|—|至|到)\s*[+-]?\d+(?:\.\d+)?%?[^\d]{0,4}$|^\d+(?:\.\d+)?\s*[:：比]\s*\d+(?:\.\d+)?$/;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
/** A deadline in any of the usual spellings, after the words around it are removed. */
function isDateText(text: string): boolean {
  if (!/\d/.test(text) && !/(年底|月底|年内)/.test(text)) return false;
  const rest = text
    .replace(/^(次年|当年|本年|年内|全年|年底前?)/, '')
    .replace(/(完成|办结|到位|实施|竣工|验收|交付|投入使用)$/, '')
    .replace(/(底|初|末|中旬|上旬|下旬)?(前|以前|之前|内|以内|止)?$/, '');
  return (
    (/^(\d{4}年)?(\d{1,2}(-\d{1,2})?月)?(\d{1,2}日)?$/.test(rest) && /[年月日]/.test(rest)) ||
    /^\d{4}[-./]\d{1,2}([-./]\d{1,2})?$/.test(rest) ||
    rest === ''
  );
}

/** Units the checker knows, in normalized form; anything else short and wordless is still a unit. */
const UNIT =
  /^(%|‰|(亿|千万|百万|万|千|百)?(元|元人民币|个|人|次|件|天|日|月|年|小时|分钟|周|台|套|条|篇|场|场次|人次|户|所|辆|家|项|批|册|期|份|座|处|间|亩|眼|公里|米|平方米|立方米|吨|张|本|部|名|棵|株|头|只|分|起|宗|例|分贝|个百分点|百分点|吨标准煤|Mbps|GB|TB|M|G|km|m2|㎡)(\/[^\s\d]{1,6})?|(元|万元)\/(人|年|月|天|次|平方米|每项目|人\/年|人·年|亩|公里)|人\/年|次\/年|个\/年)$/i;

export function isKnownUnit(unit: string): boolean {
  return UNIT.test(unit);
}

export function isMoneyUnit(unit: string | undefined): boolean {
  // Every money unit has 元: most units are decided without the pattern.
  return unit !== undefined && unit.includes('元') && /^(亿|千万|百万|万|千)?元(人民币)?(\/.*)?$/.test(unit);
}

export function isRateUnit(unit: string | undefined): boolean {
  return unit === '%' || unit === '‰';
}

/** "％" → "%", "万" → "万元" about money, spaces removed. */
const PER_PERIOD = /^(?:平均)?每(日|天|周|月|季度|年)/;

export function normalizeUnit(text: string | undefined, moneyContext = false): string | undefined {
  if (text === undefined) return undefined;
  const key = textKey(text)
    .replace(/^单位[:：]/, '')
    .replace(/^\((.*)\)$/, '$1');
  // "/", "—", "无", "定性" in a unit column mean: no unit.
  if (key === '' || /^[-—–―－/／\\]+$/.test(key) || /^(无|定性|不适用)$/.test(key)) return undefined;
  if (/^(百分比|百分率|百分数)$/.test(key)) return '%';
  if (moneyContext && key === '万') return '万元';
  return key;
}

interface ParsedEntry {
  comparator: string | undefined;
  unit: string | undefined;
  valueType: string | undefined;
  moneyContext: boolean;
  result: IndicatorValue;
}
const parsed = new Map<string, ParsedEntry[]>();
const PARSED_LIMIT = 50_000;

/** Parses a 指标值; the same few values ("≥95%", "优") repeat on many rows, so results are shared (read-only). */
export function parseIndicatorValue(input: ValueInput): IndicatorValue {
  // Looked up by the value text, then among the few comparator/unit/type combinations seen with it.
  const valueKey = input.value ?? '';
  const moneyContext = input.moneyContext === true;
  let entries = parsed.get(valueKey);
  if (entries) {
    for (const entry of entries) {
      if (
        entry.comparator === input.comparator &&
        entry.unit === input.unit &&
        entry.valueType === input.valueType &&
        entry.moneyContext === moneyContext
      ) {
        return entry.result;
      }
    }
  } else {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    entries = [];
    parsed.set(valueKey, entries);
  }
  const result = Object.freeze(parseUncached(input));
  if (entries.length >= 32) entries.length = 0;
  entries.push({ comparator: input.comparator, unit: input.unit, valueType: input.valueType, moneyContext, result });
  return result;
}

function parseUncached(input: ValueInput): IndicatorValue {
  const text = normalizeText(input.value ?? '');
  const columnComparator = input.comparator !== undefined ? comparatorOf(input.comparator) : undefined;
  const typeKey = textKey(input.valueType ?? '');
  const declaredQualitative = columnComparator === '定性' || typeKey === '定性';
  const declaredQuantitative = typeKey === '定量';
  const columnUnit = normalizeUnit(input.unit, input.moneyContext);
  const base = {
    declaredQualitative,
    declaredQuantitative,
    columnUnit,
    text,
    comparator: columnComparator && columnComparator !== '定性' ? columnComparator : undefined,
  };
  let rest = text.replace(/\s+/g, '');
  if (rest === '' || isPlaceholderKey(rest)) return { ...base, kind: 'empty', unit: columnUnit };

  let comparator: Comparator | undefined = base.comparator;
  let written: Comparator | undefined;
  const prefix = PREFIX.exec(rest);
  if (prefix) {
    written = prefixComparator(prefix[1]!);
    rest = rest.slice(prefix[1]!.length);
  }
  const found = SUFFIX.exec(rest);
  // A bare 内 or 完成 is read only after a number ("24小时内", "100%完成"), not in "区域内", "按时完成".
  const suffix =
    found && (found[1] === '内' || found[1] === '完成') && !NUMBER.test(rest.slice(0, rest.length - found[1].length))
      ? null
      : found;
  if (suffix) {
    written = written ?? SUFFIX_COMPARATOR[suffix[1]!];
    rest = rest.slice(0, rest.length - suffix[1]!.length);
  }
  const conflict =
    written && base.comparator && written !== base.comparator && written !== '='
      ? { column: base.comparator, value: written }
      : undefined;
  comparator = written ?? comparator;
  const withComparator = { ...base, comparator, comparatorConflict: conflict };
  if (REFERENCE.test(rest)) return { ...withComparator, kind: 'reference', unit: columnUnit };
  if (RANGE.test(rest)) return { ...withComparator, kind: 'range', unit: /%/.test(rest) ? '%' : columnUnit };
  if (isDateText(rest) && rest !== '') return { ...withComparator, kind: 'date', unit: columnUnit };
  // "每日16小时", "每月4次": a number per period, its unit 小时/日, 次/月.
  const perPeriod = PER_PERIOD.exec(rest);
  if (perPeriod) rest = rest.slice(perPeriod[0].length);
  const number = NUMBER.exec(rest);
  if (number) {
    const written = normalizeUnit(rest.slice(number[0].length), input.moneyContext);
    const value = new Decimal(number[0].replace(/,/g, ''));
    if (written === undefined || isKnownUnit(written) || !/\d/.test(written)) {
      const ownUnit = perPeriod && written ? `${written}/${perPeriod[1]!}` : written;
      return { ...withComparator, kind: 'quantitative', number: value, ownUnit, unit: ownUnit ?? columnUnit };
    }
    return { ...withComparator, kind: 'unparseable', unit: columnUnit };
  }
  if (rest === '') return { ...withComparator, kind: 'missing-number', unit: columnUnit };
  const ownUnit = normalizeUnit(rest, input.moneyContext);
  if (ownUnit !== undefined && isKnownUnit(ownUnit))
    return { ...withComparator, kind: 'missing-number', ownUnit, unit: ownUnit };
  if (/\d/.test(rest)) return { ...withComparator, kind: 'unparseable', unit: columnUnit };
  return { ...withComparator, kind: 'qualitative', unit: columnUnit };
}

function prefixComparator(prefix: string): Comparator | undefined {
  if (prefix === '控制在') return '≤';
  if (prefix === '达到') return '≥';
  if (prefix === '约') return '=';
  if (/^(提高|提升|增加|增长)$/.test(prefix)) return '≥';
  if (/^(降低|减少|下降|压减)$/.test(prefix)) return '≤';
  const comparator = comparatorOf(prefix);
  return comparator && comparator !== '定性' ? comparator : undefined;
}
