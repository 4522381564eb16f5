/**
 * A reader of Chinese budget prose: a paragraph is split into sentences (。！？ and line breaks) and clauses
 * (，；：、 outside brackets), and the numbers in it are read with what follows them: amounts with their unit
 * (元, 千元, 万元, 亿元), percentages, counts with their measure word (个, 人, 辆, 项 …), years. Numbers that are
 * not quantities (document numbers 〔2019〕6号, codes, phone numbers, dates, enumerators "1." "(二)") are kept
 * as such so that nothing reads them as amounts. Pure: no model, no rules.
 */
import Decimal from 'decimal.js';
import { normalizeText } from '../normalize';

export type MoneyUnitWord = '元' | '千元' | '万元' | '亿元';

export interface Quantity {
  type: 'quantity';
  /** money: an amount; count: a number of things (个, 人 …); measure: a physical measure (亩, 公里 …). */
  kind: 'money' | 'count' | 'measure';
  /** The number as written, in `unit`. */
  value: Decimal;
  /** 元/千元/万元/亿元 for money ("万" alone is 万元); the measure word for counts and measures. */
  unit: string;
  /** Money in 元; counts and measures as written. */
  base: Decimal;
  /** base = value × factor (万元: 10000). */
  factor: Decimal;
  /** The unit of `base` the last written digit stands for (89.97万元 → 100 元; 30万元 → 10000 元). */
  step: Decimal;
  /** Digits after the decimal point as written. */
  decimals: number;
  /** 约, 近, 余, 多, 以上, 左右 … around it: not an exact figure. */
  approximate: boolean;
  /** 每 …, 单价, 按 … 标准, or a rate such as 元/人: not an amount of the whole. */
  perUnit: boolean;
  text: string;
  start: number;
  end: number;
}

export interface Percent {
  type: 'percent';
  value: Decimal;
  decimals: number;
  approximate: boolean;
  text: string;
  start: number;
  end: number;
}

/** A number that is no quantity: a year, a date part, an ordinal, a code, a bare number. */
export interface OtherNumber {
  type: 'year' | 'other';
  value: Decimal;
  text: string;
  start: number;
  end: number;
}

export type Token = Quantity | Percent | OtherNumber;

export interface Clause {
  /** The clause as written (normalized), without its separator. */
  text: string;
  start: number;
  end: number;
  /** The separator before it: '' at the start of a sentence, else one of , ; : 、 */
  sep: string;
  /** "1." "(二)" "①" … at its start, if any (removed from `body`). */
  enumerator?: string;
  /** The text after the enumerator, with bracketed groups left in place. */
  body: string;
  /** Offset of `body` in the paragraph. */
  bodyStart: number;
  /** Numbers outside brackets, in order. */
  tokens: Token[];
  /** Each bracketed group "( … )" in the clause, read as clauses of its own. */
  groups: Group[];
}

export interface Group {
  start: number;
  end: number;
  clauses: Clause[];
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  clauses: Clause[];
}

export interface Paragraph {
  /** The normalized text (line breaks kept). */
  text: string;
  sentences: Sentence[];
}

const MONEY_FACTORS: Record<string, number> = {
  元: 1,
  千元: 1000,
  万元: 10000,
  万: 10000,
  亿元: 100000000,
  亿: 100000000,
};
const COUNT_WORDS =
  '人次|个|名|人|辆|项|台|套|家|所|户|条|座|处|间|批|场|篇|期|份|部|本|张|次|件|栋|支|只|头|棵|株|枚|把|册|辆次|村|镇';
const MEASURE_WORDS = '平方米|平方公里|立方米|公里|千米|公顷|亩|米|吨|千克|公斤';
/** What may follow a number, longest first. */
const AFTER_NUMBER = new RegExp(
  `^\\s?(%|‰|个百分点|个月|亿元|万元|千元|元|亿|万|年度|年|月|日|号|天|小时|周|岁|倍|分|${MEASURE_WORDS}|${COUNT_WORDS})`,
);
const COUNT_SET = new Set(COUNT_WORDS.split('|'));
const MEASURE_SET = new Set(MEASURE_WORDS.split('|'));
/** A measure word or 余/多 after 万: "20万件", "3万余人" are counts in ten thousands, not 万元. */
const AFTER_WAN_NOT_MONEY = new RegExp(`^(余|多|${COUNT_WORDS}|${MEASURE_WORDS})`);
const NUMBER = /\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?/g;
const APPROX_BEFORE = /(约|近|逾|超过|超|不足|不到|不少于|不低于|不高于|不超过|大约|将近|接近|≥|≤|>|<)\s?$/;
const APPROX_AFTER = /^\s?(\([^()]{0,6}\))?\s?(余|多|以上|以下|以内|左右|上下|内|之内|起)/;
const PER_UNIT_BEFORE = /(每|单价|均价|人均|户均|平均|标准为|按照?[^,;:、。]{0,8}标准)[^,;:、。]{0,12}$/;

/** Reads every number of a normalized text with what follows it. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const written = match[0];
    const before = text.slice(0, start);
    const previous = before.slice(-1);
    // Inside a code or a word with letters ("C25", "50024021T0000", "15cm"), or a decimal's tail.
    if (/[A-Za-z_.]/.test(previous) && !/\d\.$/.test(before)) {
      tokens.push(other(written, start));
      continue;
    }
    let end = start + written.length;
    const rest = text.slice(end);
    if (/^[A-Za-z]/.test(rest)) {
      tokens.push(other(written, start));
      continue;
    }
    const value = new Decimal(written.replace(/,/g, ''));
    const decimals = written.includes('.') ? written.split('.')[1]!.length : 0;
    const unitMatch = AFTER_NUMBER.exec(rest);
    const unit = unitMatch?.[1];
    const ordinal = /第\s?$/.test(before);
    const inBrackets = /[〔[【]\s?$/.test(before) && /^\s?[〕\]】]/.test(rest);
    if (unit === undefined || ordinal || inBrackets) {
      tokens.push(other(written, start, unit === '年' && written.length === 4 ? 'year' : 'other'));
      continue;
    }
    end += unitMatch![0].length;
    const after = text.slice(end);
    const approximate = APPROX_BEFORE.test(before) || APPROX_AFTER.test(after);
    const textOf = text.slice(start, end);
    if (unit === '%') {
      tokens.push({ type: 'percent', value, decimals, approximate, text: textOf, start, end });
      continue;
    }
    if ((unit === '年' || unit === '年度') && written.length === 4 && decimals === 0) {
      tokens.push({ type: 'year', value, text: textOf, start, end });
      continue;
    }
    const perRate = /^\s?\//.test(after) || /^\s?[/每]/.test(after);
    const perUnit = perRate || PER_UNIT_BEFORE.test(before);
    if (unit in MONEY_FACTORS) {
      if ((unit === '万' || unit === '亿') && AFTER_WAN_NOT_MONEY.test(after)) {
        tokens.push(other(written, start));
        continue;
      }
      const unitWord = (unit.endsWith('元') ? unit : `${unit}元`) as MoneyUnitWord;
      const factor = new Decimal(MONEY_FACTORS[unit]!);
      tokens.push({
        type: 'quantity',
        kind: 'money',
        value,
        unit: unitWord,
        base: value.times(factor),
        factor,
        step: new Decimal(10).pow(-decimals).times(factor),
        decimals,
        approximate,
        perUnit,
        text: textOf,
        start,
        end,
      });
      continue;
    }
    if (COUNT_SET.has(unit) || MEASURE_SET.has(unit)) {
      tokens.push({
        type: 'quantity',
        kind: COUNT_SET.has(unit) ? 'count' : 'measure',
        value,
        unit,
        base: value,
        factor: new Decimal(1),
        step: new Decimal(10).pow(-decimals),
        decimals,
        approximate,
        perUnit,
        text: textOf,
        start,
        end,
      });
      continue;
    }
    tokens.push(other(written, start));
  }
  return tokens;
}

function other(written: string, start: number, type: 'year' | 'other' = 'other'): OtherNumber {
  return { type, value: new Decimal(written.replace(/,/g, '')), text: written, start, end: start + written.length };
}

/** The reading form of a cell's text: each line normalized (full-width folded, spaces collapsed), lines kept. */
export function normalizeParagraph(raw: string): string {
  return raw
    .split(/\r?\n/)
    .map((line) => normalizeText(line))
    .filter((line) => line !== '')
    .join('\n');
}

const OPEN = '(（[【〔';
const CLOSE = ')）]】〕';
const SENTENCE_END = /[。!?！？\n]/;
const CLAUSE_SEP = /[,;:、，；：]/;
const ENUMERATOR =
  /^(?:\(\s?[一二三四五六七八九十\d]{1,3}\s?\)|（\s?[一二三四五六七八九十\d]{1,3}\s?）|[一二三四五六七八九十]{1,3}\s?[、.]|\d{1,2}\s?[、.](?!\d)|\d{1,2}\)|[①-⑳])\s?/;

/** Splits a paragraph into sentences and clauses and reads its numbers. */
export function readParagraph(raw: string): Paragraph {
  const text = normalizeParagraph(raw);
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  let sentenceStart = 0;
  let depth = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i] ?? '';
    if (OPEN.includes(ch) && ch !== '') depth++;
    else if (CLOSE.includes(ch) && ch !== '') depth = Math.max(0, depth - 1);
    // An ASCII full stop ends a sentence when a space or the end follows it and no digit comes before it
    // ("下降 0.2 %. 其中"), never inside a number or an enumerator ("1. ").
    const asciiStop = ch === '.' && depth === 0 && /\s/.test(text[i + 1] ?? ' ') && /[^\d\s]/.test(text[i - 1] ?? '');
    const ends = i === text.length || asciiStop || (SENTENCE_END.test(ch) && (depth === 0 || ch === '\n'));
    if (!ends) continue;
    if (ch === '\n') depth = 0;
    const end = i;
    if (text.slice(sentenceStart, end).trim() !== '') {
      sentences.push({
        text: text.slice(sentenceStart, end).trim(),
        start: sentenceStart,
        end,
        clauses: splitClauses(text, sentenceStart, end, tokens),
      });
    }
    sentenceStart = i + 1;
  }
  return { text, sentences };
}

/** Clauses of text[start, end), split at separators outside brackets; bracketed groups read recursively. */
function splitClauses(text: string, start: number, end: number, tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let clauseStart = start;
  let sep = '';
  let depth = 0;
  for (let i = start; i <= end; i++) {
    const ch = i < end ? text[i]! : '';
    if (ch !== '' && OPEN.includes(ch)) depth++;
    else if (ch !== '' && CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    // "一、…", "1、…": an enumerator, not a list separator.
    const enumeratorComma = ch === '、' && /^\s*[一二三四五六七八九十\d]{1,3}$/.test(text.slice(clauseStart, i));
    // "1,234.56": a thousands separator, not a clause break.
    const thousands = ch === ',' && /\d$/.test(text.slice(clauseStart, i)) && /^\d{3}(?!\d)/.test(text.slice(i + 1));
    const splits = i === end || (depth === 0 && CLAUSE_SEP.test(ch) && !enumeratorComma && !thousands);
    if (!splits) continue;
    const clause = makeClause(text, clauseStart, i, normalizeSep(sep), tokens);
    if (clause) clauses.push(clause);
    sep = ch;
    clauseStart = i + 1;
  }
  return clauses;
}

function normalizeSep(sep: string): string {
  return ({ '，': ',', '；': ';', '：': ':' } as Record<string, string>)[sep] ?? sep;
}

function makeClause(text: string, from: number, to: number, sep: string, tokens: readonly Token[]): Clause | undefined {
  let start = from;
  while (start < to && /\s/.test(text[start]!)) start++;
  let end = to;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return undefined;
  const whole = text.slice(start, end);
  const enumerator = ENUMERATOR.exec(whole)?.[0];
  const bodyStart = start + (enumerator?.length ?? 0);
  const groups: Group[] = [];
  // Bracketed groups at depth 1, each read as clauses of its own.
  let depth = 0;
  let groupStart = -1;
  for (let i = bodyStart; i < end; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) {
      if (depth === 0) groupStart = i;
      depth++;
    } else if (CLOSE.includes(ch) && depth > 0) {
      depth--;
      if (depth === 0 && groupStart >= 0) {
        groups.push({ start: groupStart, end: i + 1, clauses: splitClauses(text, groupStart + 1, i, tokens) });
        groupStart = -1;
      }
    }
  }
  const inGroup = (t: Token) => groups.some((g) => t.start >= g.start && t.end <= g.end);
  return {
    text: whole,
    start,
    end,
    sep,
    enumerator: enumerator?.trim(),
    body: text.slice(bodyStart, end),
    bodyStart,
    tokens: tokens.filter((t) => t.start >= bodyStart && t.end <= end && !inGroup(t)),
    groups,
  };
}

/** The clause's text before a position, with bracketed groups removed ("费用(含税)39万元" → "费用"). */
export function textBefore(clause: Clause, position: number): string {
  let out = '';
  let at = clause.bodyStart;
  for (const group of clause.groups) {
    if (group.start >= position) break;
    out += clause.body.slice(at - clause.bodyStart, group.start - clause.bodyStart);
    at = group.end;
  }
  if (at < position) out += clause.body.slice(at - clause.bodyStart, position - clause.bodyStart);
  return out;
}

/** The clause's text after a position, up to the next number, with groups removed. */
export function textAfter(clause: Clause, position: number): string {
  let out = '';
  let at = position;
  for (const group of clause.groups) {
    if (group.end <= position) continue;
    out += clause.body.slice(at - clause.bodyStart, Math.max(at, group.start) - clause.bodyStart);
    at = Math.max(at, group.end);
  }
  out += clause.body.slice(at - clause.bodyStart);
  return out;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "七" → 7, "十二" → 12, "二十" → 20, "三十五" → 35; undefined for anything else. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return undefined;
  const [, tens, ten, ones] = match;
  if (!ten) return tens !== undefined && ones === undefined ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? CHINESE_DIGITS[tens]! : 1) * 10 + (ones ? CHINESE_DIGITS[ones]! : 0);
}
