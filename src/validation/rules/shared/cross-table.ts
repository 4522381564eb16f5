/**
 * The figures two tables of a 公开 set both state (DISCLOSURE_TIES in vocabulary.ts), found in what recognition
 * made of each table, in 元, and how they compare. sum/across-tables reports the ones that differ;
 * unit/wan-yuan the ones that differ by 10,000 times (元 written for 万元 or the other way).
 */
import Decimal from 'decimal.js';
import type { AmountRow, AmountTable, CellPos, NumberCell, WorkbookModel } from '../../model';
import { toYuan, type MoneyUnit } from '../../normalize';
import { DISCLOSURE_TIES, disclosureTableOf, type DisclosureFigure, type DisclosureTie } from '../../vocabulary';

export interface TieFigure {
  table: AmountTable;
  at: CellPos;
  /** The cell, or null when it is blank (read as 0). */
  cell: NumberCell | null;
  /** As the table writes it. */
  value: Decimal;
  unit?: MoneyUnit;
  /** In 元 (a table without a unit is read in the unit of the one it is compared with). */
  yuan: Decimal;
  /** What the table's last printed digit (0.01) stands for, in 元. */
  step: Decimal;
}

export interface TiePair {
  tie: DisclosureTie;
  claim: TieFigure;
  counterpart: TieFigure;
}

/** equal: the same to the coarser printed precision; tenThousand: one is 10,000 times the other. */
export type TieOutcome = 'equal' | 'rounding' | 'mismatch' | 'tenThousand';

const CACHE = new WeakMap<WorkbookModel, TiePair[]>();

export function disclosureTiePairs(model: WorkbookModel): TiePair[] {
  let pairs = CACHE.get(model);
  if (!pairs) {
    pairs = findPairs(model);
    CACHE.set(model, pairs);
  }
  return pairs;
}

function findPairs(model: WorkbookModel): TiePair[] {
  const byKind = new Map<string, AmountTable[]>();
  for (const table of model.tables) {
    if (table.kind !== 'amounts' || table.block) continue;
    const kind = disclosureTableOf(table.title ?? table.sheet);
    if (!kind) continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), table]);
  }
  const pairs: TiePair[] = [];
  for (const tie of DISCLOSURE_TIES) {
    const claim = onlyFigure(byKind.get(tie.claim.table) ?? [], tie.claim);
    const counterpart = onlyFigure(byKind.get(tie.counterpart.table) ?? [], tie.counterpart);
    if (!claim || !counterpart || claim.table === counterpart.table) continue;
    if (differentYears(claim.table, counterpart.table)) continue;
    if (claim.value.isZero() && counterpart.value.isZero()) continue;
    const unit = claim.unit ?? counterpart.unit;
    pairs.push({ tie, claim: inYuan(claim, unit), counterpart: inYuan(counterpart, unit) });
  }
  return pairs;
}

type Located = Omit<TieFigure, 'yuan' | 'step'>;

/** The figure, when exactly one table of the kind states it (or all that do agree); none when it is unclear. */
function onlyFigure(tables: readonly AmountTable[], figure: DisclosureFigure): Located | undefined {
  const found = tables.map((t) => figureOf(t, figure)).filter((f): f is Located => f !== undefined);
  if (found.length === 0) return undefined;
  if (found.some((f) => !f.value.eq(found[0]!.value) || f.unit !== found[0]!.unit)) return undefined;
  return found[0];
}

function figureOf(table: AmountTable, figure: DisclosureFigure): Located | undefined {
  const column = columnOf(table, figure.column);
  const row = rowOf(table, figure.row);
  if (column === undefined || !row || row.errorColumns.has(column)) return undefined;
  const value = row.amounts.value(column);
  if (value === undefined) return undefined;
  return {
    table,
    at: { sheet: table.sheet, row: row.row, col: column },
    cell: row.amounts.get(column) ?? null,
    value: value ?? new Decimal(0),
    unit: table.moneyUnit,
  };
}

function columnOf(table: AmountTable, wanted: DisclosureFigure['column']): number | undefined {
  if (wanted instanceof RegExp) {
    // By header: an amount column, or one of the known columns never added up (the 三公 table's 机关运行经费).
    const matching = [...table.columns, ...table.infoColumns].filter((c) => wanted.test(c.header.replace(/\s+/g, '')));
    return matching.length === 1 ? matching[0]!.col : undefined;
  }
  for (const role of wanted) {
    const matching = table.columns.filter((c) => c.role === role);
    if (matching.length === 1) return matching[0]!.col;
    if (matching.length > 1) return undefined;
  }
  return undefined;
}

function rowOf(table: AmountTable, wanted: DisclosureFigure['row']): AmountRow | undefined {
  if (wanted && 'code' in wanted) {
    const rows = table.rows.filter((r) => r.kind === 'item' && r.code === wanted.code);
    return rows.length === 1 ? rows[0] : undefined;
  }
  if (wanted) {
    const labelled = table.rows.filter(
      (r) => r.label && wanted.label.test(r.label.text) && !/结转|结余/.test(r.label.text),
    );
    if (labelled.length === 1) return labelled[0];
  }
  const totals = table.rows.filter((r) => r.kind === 'total');
  if (totals.length > 0) return totals[totals.length - 1];
  return table.layout === 'flat' && table.rows.length === 1 ? table.rows[0] : undefined;
}

function differentYears(a: AmountTable, b: AmountTable): boolean {
  const year = (t: AmountTable) => /(\d{4})\s?年/.exec(t.title ?? t.sheet)?.[1];
  const [ya, yb] = [year(a), year(b)];
  return ya !== undefined && yb !== undefined && ya !== yb;
}

function inYuan(figure: Located, unit: MoneyUnit | undefined): TieFigure {
  const own = figure.unit ?? unit;
  // A table in neither unit is compared as it is written.
  const factor = own === '万元' ? new Decimal(10000) : new Decimal(1);
  return { ...figure, yuan: own ? toYuan(figure.value, own) : figure.value, step: factor.times('0.01') };
}

/**
 * How the two figures compare. Figures of different units agree when they agree to the coarser one's printed
 * digits (229.43 万元 and 2,294,335 元); figures of one unit may differ by one unit in the last digit (尾差).
 */
export function compareTie(pair: TiePair, tolerance: Decimal.Value): TieOutcome {
  const { claim, counterpart } = pair;
  const step = Decimal.max(claim.step, counterpart.step);
  const excess = claim.yuan.minus(counterpart.yuan);
  if (excess.isZero()) return 'equal';
  // Before `covers`: a 三公 figure 10,000 times its 经济分类 款 is a unit written wrong, not project spending.
  if (isTenThousandTimes(claim, counterpart)) return 'tenThousand';
  const difference = pair.tie.relation === 'covers' ? Decimal.max(excess.neg(), 0) : excess.abs();
  if (difference.isZero()) return 'equal';
  const sameUnit = claim.step.eq(counterpart.step);
  if (sameUnit && difference.lte(claim.step.div(0.01).times(tolerance))) return 'equal';
  if (!sameUnit && difference.lte(step.div(2))) return 'equal';
  if (difference.lte(step)) return 'rounding';
  return 'mismatch';
}

function isTenThousandTimes(a: TieFigure, b: TieFigure): boolean {
  if (a.yuan.isZero() || b.yuan.isZero()) return false;
  const [large, small] = a.yuan.abs().gt(b.yuan.abs()) ? [a, b] : [b, a];
  const slack = Decimal.max(large.step, small.step.times(10000)).div(2);
  return large.yuan.minus(small.yuan.times(10000)).abs().lte(slack);
}

/** "0.95 万元", "9500.00 元": a figure as its table writes it. */
export function figureText(figure: TieFigure): string {
  const digits = Math.max(2, figure.value.decimalPlaces());
  return `${figure.value.toFixed(digits)}${figure.unit ? ` ${figure.unit}` : ''}`;
}

/** The difference, in the claim's unit. */
export function differenceText(pair: TiePair): string {
  const { claim, counterpart } = pair;
  const diff = claim.yuan.minus(counterpart.yuan);
  const inClaimUnit = claim.unit === '万元' ? diff.div(10000) : diff;
  const digits = Math.max(2, Math.min(6, inClaimUnit.decimalPlaces()));
  return `${inClaimUnit.toFixed(digits)}${claim.unit ? ` ${claim.unit}` : ''}`;
}
