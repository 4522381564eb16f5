/**
 * What the text rules read and what they skipped, one line each, for `--explain`: every statement with the
 * figures it was checked with and the outcome, and every number the reader did not take, with why.
 */
import type { Locale } from '../config';
import { cellAddress, qualifiedAddress } from '../address';
import type { WorkbookModel } from '../model';
import { checkChange, checkStatedPrevious, checkCount, checkParts, comparePercent, ratioPercent } from './checks';
import { baseOf, readWorkbookText, restatements, tableComparisons } from './index';
import type { Quantity } from './reader';
import type { Mention, SkipReason, Statement } from './statements';
import type { TextDocument } from './index';

const KIND: Record<Statement['kind'], Record<Locale, string>> = {
  parts: { 'zh-CN': '分项', 'en-US': 'parts' },
  share: { 'zh-CN': '占比', 'en-US': 'share' },
  change: { 'zh-CN': '增减', 'en-US': 'change' },
  ratio: { 'zh-CN': '完成率', 'en-US': 'ratio' },
  count: { 'zh-CN': '计数', 'en-US': 'count' },
};

const OUTCOME: Record<string, Record<Locale, string>> = {
  equal: { 'zh-CN': '相符', 'en-US': 'checks' },
  rounding: { 'zh-CN': '尾差', 'en-US': 'rounding' },
  mismatch: { 'zh-CN': '不符', 'en-US': 'mismatch' },
  tenThousand: { 'zh-CN': '相差 1 万倍（元/万元）', 'en-US': '10,000 times apart (元/万元)' },
  direction: { 'zh-CN': '方向不符', 'en-US': 'direction differs' },
  partial: {
    'zh-CN': '各项少于总数（未必列全，不报告）',
    'en-US': 'parts below the total (maybe not all listed; not reported)',
  },
  'no-rate': { 'zh-CN': '无增减率，无可核对', 'en-US': 'no rate, nothing to check' },
  'no-previous': { 'zh-CN': '上年为零，增减率无从核对', 'en-US': 'nothing last year, rate not checkable' },
  'base-not-stated': { 'zh-CN': '跳过：文中未给出基数金额', 'en-US': 'skipped: the base amount is not stated' },
  'base-ambiguous': { 'zh-CN': '跳过：基数在文中有不同金额', 'en-US': 'skipped: the base has different amounts' },
};

const SKIP: Record<SkipReason, Record<Locale, string>> = {
  approximate: {
    'zh-CN': '约数或界限（约、余、以上、不低于……）',
    'en-US': 'an approximate figure or a bound (about, over, at least…)',
  },
  'per-unit': { 'zh-CN': '单价或标准（每……、元/人）', 'en-US': 'a unit price or rate' },
  'compared-amount': { 'zh-CN': '与上年比较的金额（与……持平/一致）', 'en-US': 'an amount compared with' },
  'change-explained': { 'zh-CN': '增减原因中的金额（主要是……增加）', 'en-US': 'an amount explaining a change' },
  'no-subject': { 'zh-CN': '同一句中没有它所说的金额', 'en-US': 'no amount it refers to in the sentence' },
  'rate-without-change': { 'zh-CN': '只有增减率，没有增减额', 'en-US': 'a rate without the amount of change' },
  'rate-without-subject': { 'zh-CN': '增减率没有对应的金额', 'en-US': 'a rate without its amount' },
  'execution-rate': {
    'zh-CN': '执行率（未读取其预算数与执行数）',
    'en-US': 'an execution rate (its amounts not read)',
  },
  'other-percent': {
    'zh-CN': '不是占比或增减率的百分数（指标值等）',
    'en-US': 'a percentage that is no share or rate',
  },
  'list-without-whole': { 'zh-CN': '“其中”前没有总数', 'en-US': '“其中” with no total before it' },
  'list-without-parts': { 'zh-CN': '“其中”后没有读到金额', 'en-US': '“其中” with no amounts after it' },
  'open-list': { 'zh-CN': '名单以“等”结尾，未列全', 'en-US': 'a list ending in 等 (not complete)' },
  'mixed-kinds': { 'zh-CN': '金额与数量混在一起', 'en-US': 'amounts and counts mixed' },
};

function where(cell: { sheet: string; row: number; col: number }): string {
  return qualifiedAddress(cell.sheet, cellAddress(cell.row, cell.col));
}

function figure(quantity: Quantity): string {
  return quantity.text.replace(/\s+/g, '');
}

function named(mention: Mention): string {
  return `${mention.name.replace(/\s+/g, '') || '—'} ${figure(mention.quantity)}`;
}

function describe(statement: Statement, document: TextDocument, locale: Locale): string {
  switch (statement.kind) {
    case 'parts': {
      const check = checkParts(statement);
      return `${named(statement.whole)} = ${statement.parts.map(named).join(' + ')} → ${OUTCOME[check.outcome]![locale]}`;
    }
    case 'share':
    case 'ratio': {
      const base = baseOf(statement, document);
      const head = `${named(statement.subject)} / ${statement.baseName ?? '—'} = ${statement.percent.text}`;
      if (typeof base === 'string') return `${head} → ${OUTCOME[base]![locale]}`;
      const ratio = ratioPercent(statement.subject.quantity, { base: base.amount, quantities: base.quantities });
      if (!ratio) return `${head} → ${OUTCOME['base-not-stated']![locale]}`;
      const outcome = comparePercent(statement.percent, ratio.computed, ratio.range).outcome;
      return `${head} (${base.mentions.map(named).join(' + ')}: ${ratio.computed.toFixed(4)}%) → ${OUTCOME[outcome]![locale]}`;
    }
    case 'change': {
      const head = `${named(statement.subject)} ${statement.direction === 'up' ? '+' : '−'}${figure(statement.delta)}${
        statement.rate ? ` ${statement.rateDirection === 'up' ? '+' : '−'}${statement.rate.text}` : ''
      }`;
      const stated = checkStatedPrevious(statement);
      if (stated) {
        const previous = `${locale === 'zh-CN' ? '上年' : 'last year'} ${figure(stated.previous)}`;
        if (stated.outcome !== 'equal' || !statement.rate)
          return `${head}, ${previous} → ${OUTCOME[stated.outcome]![locale]}`;
      }
      if (!statement.rate) return `${head} → ${OUTCOME['no-rate']![locale]}`;
      const check = checkChange(statement);
      if (!check) return `${head} → ${OUTCOME['no-previous']![locale]}`;
      return `${head} (${check.computed.toFixed(4)}%) → ${OUTCOME[check.outcome]![locale]}`;
    }
    case 'count': {
      const check = checkCount(statement);
      return `${statement.countText}: ${statement.items.join('、')} (${check.counted}) → ${OUTCOME[check.outcome]![locale]}`;
    }
  }
}

/** One line per statement read and per number skipped, in sheet order. */
export function explainText(model: WorkbookModel, locale: Locale = 'zh-CN'): string[] {
  const lines: string[] = [];
  const read = locale === 'zh-CN' ? '读取' : 'read';
  const skipped = locale === 'zh-CN' ? '跳过' : 'skipped';
  for (const document of readWorkbookText(model).documents) {
    for (const statement of document.statements)
      lines.push(
        `${where(statement.source.cell)} ${read} ${KIND[statement.kind][locale]}: ${describe(statement, document, locale)}`,
      );
    for (const { first, again, outcome } of restatements(document))
      lines.push(
        `${where(again.source.cell)} ${read} ${locale === 'zh-CN' ? '重复金额' : 'restated'}: ${named(again)} / ${named(first)} (${where(first.source.cell)}) → ${OUTCOME[outcome]![locale]}`,
      );
    for (const { mention, figure, outcome } of tableComparisons(model, document))
      lines.push(
        `${where(mention.source.cell)} ${read} ${locale === 'zh-CN' ? '表格核对' : 'against the table'}: ${named(mention)} / ${where(figure.cell)} ${figure.value.toString()}元 → ${OUTCOME[outcome]![locale]}`,
      );
    for (const skip of document.skipped)
      lines.push(`${where(skip.source.cell)} ${skipped}: “${skip.text.trim()}” (${SKIP[skip.reason][locale]})`);
  }
  return lines;
}
