/**
 * The texts of a workbook read once for all text rules: the 情况说明 paragraphs and notes outside the tables
 * (one document per sheet) and the texts of indicator forms (one document per cell), with what each says and
 * the bases its shares and ratios refer to.
 */
import Decimal from 'decimal.js';
import type { WorkbookModel } from '../model';
import { compareAmounts, precisionStep, type Outcome } from './checks';
import { tableFigures, type TableFigure } from './tables';
import { quantityDefinition, quantityIdOf, compositionOf, nameKey, fundsNamed, type QuantityId } from './quantities';
import type { Quantity } from './reader';
import {
  MAY_STATE,
  readDocument,
  type DocumentReading,
  type Mention,
  type RatioStatement,
  type ShareStatement,
  type TextSource,
} from './statements';

export interface TextDocument extends DocumentReading {
  sources: TextSource[];
  /** The year most of its amounts are of ("2024年…"), for amounts that do not say. */
  year?: number;
}

export interface WorkbookText {
  documents: TextDocument[];
}

const PROSE = /[\u4e00-\u9fff]/;
const cache = new WeakMap<WorkbookModel, WorkbookText>();

export function readWorkbookText(model: WorkbookModel): WorkbookText {
  const cached = cache.get(model);
  if (cached) return cached;
  const documents: TextDocument[] = [];
  const bySheet = new Map<string, TextSource[]>();
  for (const cell of model.texts) {
    const list = bySheet.get(cell.sheet) ?? [];
    list.push({ cell });
    bySheet.set(cell.sheet, list);
  }
  for (const sources of bySheet.values()) documents.push(readSources(sources));
  for (const table of model.tables) {
    if (table.kind !== 'indicators') continue;
    const seen = new Set<string>();
    const add = (source: TextSource) => {
      const key = `${source.cell.row}:${source.cell.col}`;
      if (seen.has(key) || source.cell.text.length < 6 || !PROSE.test(source.cell.text)) return;
      if (!MAY_STATE.test(source.cell.raw)) return;
      seen.add(key);
      documents.push(readSources([source]));
    };
    for (const text of table.formTexts) add({ cell: text.cell, label: text.left || text.above, tableId: table.id });
    for (const project of table.projects)
      if (project.yearTarget) add({ cell: project.yearTarget, label: '年度目标', tableId: table.id });
  }
  const text = { documents };
  cache.set(model, text);
  return text;
}

function readSources(sources: TextSource[]): TextDocument {
  const reading = readDocument(sources.map((source) => ({ source, raw: source.cell.raw })));
  const years = new Map<number, number>();
  for (const m of reading.mentions) if (m.year !== undefined) years.set(m.year, (years.get(m.year) ?? 0) + 1);
  const ranked = [...years.entries()].sort((a, b) => b[1] - a[1]);
  // The year most amounts say, when one clearly leads; otherwise amounts are compared only within their own year.
  const year = ranked.length > 0 && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : undefined;
  return { ...reading, sources, year };
}

/** What a share or a ratio is of, as the text gives it. */
export interface Base {
  amount: Decimal;
  quantities: Quantity[];
  mentions: Mention[];
  /** whole: the whole the subject is listed under; stated: said elsewhere in the text; parts: the sum of its parts. */
  how: 'whole' | 'stated' | 'parts';
}

export type BaseMiss = 'base-not-stated' | 'base-ambiguous';

function namesMatch(baseName: string, mention: Mention): boolean {
  const key = nameKey(baseName);
  if (key !== '' && key === mention.key) return true;
  const id = quantityIdOf(baseName);
  if (id === undefined || id !== mention.id) return false;
  const fund = fundsNamed(baseName)[0];
  return quantityDefinition(id).anyFund === true || fund === mention.fund;
}

/** Mentions that are this year's figures, said for themselves (not a part of something, not 上年 …). */
function figures(document: TextDocument): Mention[] {
  return document.mentions.filter(
    (m) => !m.notThisYear && m.quantity.kind === 'money' && yearOf(m, document) === document.year,
  );
}

function yearOf(mention: Mention, document: TextDocument): number | undefined {
  return mention.year ?? document.year;
}

/** The base of "A 占 B 的 p%" or "完成 B 的 p%". */
export function baseOf(statement: ShareStatement | RatioStatement, document: TextDocument): Base | BaseMiss {
  const { subject } = statement;
  const baseName = statement.baseName;
  const parent = subject.parent;
  if (parent && (baseName === undefined || namesMatch(baseName, parent)))
    return { amount: parent.quantity.base, quantities: [parent.quantity], mentions: [parent], how: 'whole' };
  if (baseName === undefined) return 'base-not-stated';
  const stated = figures(document).filter((m) => m !== subject && namesMatch(baseName, m));
  const values = new Set(stated.map((m) => m.quantity.base.toString()));
  if (values.size > 1) return 'base-ambiguous';
  if (stated.length > 0) {
    const m = stated[0]!;
    return { amount: m.quantity.base, quantities: [m.quantity], mentions: [m], how: 'stated' };
  }
  return baseFromParts(statement, baseName, document);
}

/**
 * "基本支出 … 占一般公共预算支出的 84.06%" and "项目支出 … 占一般公共预算支出的 19.62%": when every part of a known
 * whole states its share of it, the whole is the sum of those parts.
 */
function baseFromParts(
  statement: ShareStatement | RatioStatement,
  baseName: string,
  document: TextDocument,
): Base | BaseMiss {
  const id = quantityIdOf(baseName);
  const parts = compositionOf(id);
  if (!parts || statement.kind !== 'share') return 'base-not-stated';
  const shares = document.statements.filter(
    (s): s is ShareStatement =>
      s.kind === 'share' &&
      s.baseName !== undefined &&
      quantityIdOf(s.baseName) === id &&
      s.subject.parent === undefined,
  );
  const mentions: Mention[] = [];
  for (const part of parts) {
    const ofPart = shares.filter((s) => s.subject.id === part);
    const values = new Set(ofPart.map((s) => s.subject.quantity.base.toString()));
    if (values.size !== 1) return 'base-not-stated';
    mentions.push(ofPart[0]!.subject);
  }
  if (!mentions.includes(statement.subject)) return 'base-not-stated';
  const amount = mentions.reduce((sum, m) => sum.plus(m.quantity.base), new Decimal(0));
  return { amount, quantities: mentions.map((m) => m.quantity), mentions, how: 'parts' };
}

/** The same quantity stated a second time with another amount. */
export interface Restatement {
  first: Mention;
  again: Mention;
  outcome: Exclude<Outcome, 'equal'>;
}

export function restatements(document: TextDocument): Restatement[] {
  const groups = new Map<string, Mention[]>();
  for (const mention of document.mentions) {
    if (mention.id === undefined || mention.notThisYear || mention.quantity.kind !== 'money') continue;
    const definition = quantityDefinition(mention.id);
    // 三公经费 and 机关运行经费 are one figure whatever is said around them; 基本支出 of the 部门 (all funds) and of
    // the 一般公共预算 are two, and so are 工资福利支出 of 基本支出 and of 项目支出: the whole and its fund tell them apart.
    const context = definition.anyFund
      ? ''
      : `${fundOf(mention) ?? ''}|${mention.parent ? (mention.parent.id ?? mention.parent.key) : ''}`;
    const key = `${mention.id}|${context}|${mention.year ?? document.year ?? 'none'}`;
    const list = groups.get(key) ?? [];
    list.push(mention);
    groups.set(key, list);
  }
  const out: Restatement[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    for (const again of list.slice(1)) {
      const outcome = compareAmounts(first.quantity, again.quantity);
      if (outcome !== 'equal') out.push({ first, again, outcome });
    }
  }
  return out;
}

/** The fund a mention is of: its own name's, or its whole's ("一般公共预算支出 …，其中：基本支出 …"). */
export function fundOf(mention: Mention): string | undefined {
  for (let m: Mention | undefined = mention; m; m = m.parent) {
    const fund = m.fund ?? (/财政拨款/.test(m.name) ? 'appropriation' : undefined);
    if (fund) return fund;
  }
  return undefined;
}

export type { QuantityId };

/** A figure of the text that a table of the workbook states too, with the table's figure. */
export interface TableComparison {
  mention: Mention;
  figure: TableFigure;
  /** tenThousand: the text and the table are 10,000 times apart (元 and 万元 mixed up: unit/wan-yuan). */
  outcome: Outcome | 'tenThousand';
}

/**
 * Named amounts of the text against the same quantities in the tables: 三公 figures whatever fund is said,
 * others only when the text and the table name the same fund (一般公共预算基本支出 against the 一般公共预算 table).
 */
export function tableComparisons(model: WorkbookModel, document: TextDocument): TableComparison[] {
  const figures = tableFigures(model, document.year);
  const out: TableComparison[] = [];
  for (const mention of document.mentions) {
    if (mention.id === undefined || mention.notThisYear || mention.quantity.kind !== 'money') continue;
    const definition = quantityDefinition(mention.id);
    if (definition.scoped) continue;
    const year = mention.year ?? document.year;
    const fund = fundOf(mention);
    const candidates = figures.filter(
      (f) =>
        f.id === mention.id &&
        (definition.anyFund === true || (fund !== undefined && f.fund === fund)) &&
        (f.year === undefined || year === undefined || f.year === year),
    );
    if (candidates.length === 0) continue;
    if (new Set(candidates.map((f) => f.value.toString())).size > 1) continue;
    const figure = candidates[0]!;
    out.push({ mention, figure, outcome: compareWithTable(mention.quantity, figure) });
  }
  return out;
}

function compareWithTable(quantity: Quantity, figure: TableFigure): TableComparison['outcome'] {
  const difference = quantity.base.minus(figure.value).abs();
  if (difference.isZero()) return 'equal';
  const textStep = precisionStep(quantity);
  const step = textStep.gt(figure.step) ? textStep : figure.step;
  if (difference.lte(step.div(2))) return 'equal';
  if (tenThousandApart(quantity.base, textStep, figure.value, figure.step)) return 'tenThousand';
  if (difference.lte(step)) return 'rounding';
  return 'mismatch';
}

/** Whether one amount (in 元, printed to `step`) is 10,000 times the other, to their printed precision. */
function tenThousandApart(a: Decimal, aStep: Decimal, b: Decimal, bStep: Decimal): boolean {
  if (a.isZero() || b.isZero()) return false;
  const [large, largeStep, small, smallStep] = a.abs().gt(b.abs()) ? [a, aStep, b, bStep] : [b, bStep, a, aStep];
  const slack = Decimal.max(largeStep, smallStep.times(10000)).div(2);
  return large.minus(small.times(10000)).abs().lte(slack);
}
