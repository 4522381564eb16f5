/** What the text rules share: quoting a sentence, writing amounts as the text does, the cells a finding lists. */
import Decimal from 'decimal.js';
import type { CellPos } from '../../model';
import type { Quantity } from '../../text/reader';
import type { Mention } from '../../text/statements';

export { TEXT_ROUNDING } from './rounding';

/** The sentence as a finding quotes it: whole when short, else its first 60 characters. */
export function quote(sentence: string): string {
  const plain = sentence.replace(/\s+/g, ' ').trim();
  return plain.length > 60 ? `${plain.slice(0, 60)}…` : plain;
}

/** An amount as written ("89.97万元", "117.00万元", "469500 元" → "469500元"). */
export function written(quantity: Quantity): string {
  return quantity.text.replace(/\s+/g, '');
}

/** An amount in 元 (or a count) written in the unit of `like`, with as many decimals as the figures compared. */
export function inUnitOf(base: Decimal, like: Quantity, decimals: number): string {
  const value = base.div(like.factor);
  const places = Math.max(decimals, Math.min(value.decimalPlaces(), 4));
  const digits = value.toFixed(places);
  // Written with thousands separators ("2,945,760.00元"): the computed figure is printed the same way.
  return `${like.text.includes(',') ? withThousands(digits) : digits}${like.unit}`;
}

function withThousands(digits: string): string {
  const [whole, fraction] = digits.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function maxDecimals(quantities: readonly Quantity[]): number {
  return Math.max(0, ...quantities.map((q) => q.decimals));
}

/** A percentage to two decimals or to the precision of the written one, whichever is finer. */
export function percentText(value: Decimal, decimals: number): string {
  return `${value.toFixed(Math.max(2, decimals))}%`;
}

/** The cells of the mentions other than `at`, once each. */
export function cellsOf(at: CellPos, mentions: readonly Mention[]): CellPos[] {
  const out: CellPos[] = [];
  for (const m of mentions) {
    const cell = m.source.cell;
    if (cell.sheet === at.sheet && cell.row === at.row && cell.col === at.col) continue;
    if (out.some((c) => c.sheet === cell.sheet && c.row === cell.row && c.col === cell.col)) continue;
    out.push({ sheet: cell.sheet, row: cell.row, col: cell.col });
  }
  return out;
}

/** A mention's name as a finding writes it: the vocabulary's word when known, else the text's. */
export function nameOf(mention: Mention): string {
  const name = mention.name
    .replace(/\s+/g, '')
    .replace(/^(\d{4}年度?|本年度?|本单位|本部门|[,，:：])+/, '')
    .replace(/(为|是|达|共计|合计|共)$/, '');
  if (name !== '') return name;
  // "…，合计2,945,760.00元": the total is what it is called.
  return /^(以上|上述)?(合计|共计|总计)/.test(mention.name.trim())
    ? mention.name.trim().replace(/(为|是)$/, '')
    : '该项';
}
