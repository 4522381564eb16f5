/**
 * The named quantities the recognized budget tables state, for comparing the text with them: the 三公 figures
 * (by column role, or by row label in a 三公 table), 基本支出/项目支出/合计 and 人员经费/公用经费 from the total row of
 * tables with those columns. Only what recognition found is used; a table whose total row or amount column
 * cannot be told gives nothing.
 */
import Decimal from 'decimal.js';
import type { AmountTable, CellPos, WorkbookModel } from '../model';
import type { AmountColumn } from '../vocabulary';
import { fundsNamed, quantityIdOf, type QuantityId } from './quantities';

export interface TableFigure {
  id: QuantityId;
  /** The fund the table is of ('appropriation' for 财政拨款 without a fund named), undefined when it names none. */
  fund?: string;
  /** In 元. */
  value: Decimal;
  /** What the table's last digit stands for, in 元. */
  step: Decimal;
  cell: CellPos;
  table: AmountTable;
  year?: number;
}

const SAN_GONG_PARTS: readonly QuantityId[] = ['abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleRunning'];
const ROLE_IDS: Partial<Record<AmountColumn, QuantityId>> = {
  abroad: 'abroad',
  reception: 'reception',
  vehicle: 'vehicle',
  vehiclePurchase: 'vehiclePurchase',
  vehicleRunning: 'vehicleRunning',
  basic: 'basic',
  project: 'project',
  personnel: 'personnel',
  publicCost: 'publicCost',
};

export function tableFund(table: AmountTable): string | undefined {
  const text = table.title ?? table.sheet;
  const funds = fundsNamed(text);
  if (funds.length > 1) return 'mixed';
  return funds[0] ?? (/财政拨款/.test(text) ? 'appropriation' : undefined);
}

function tableYear(table: AmountTable): number | undefined {
  const match = /(\d{4})\s?年/.exec(table.title ?? table.sheet);
  return match ? Number(match[1]) : undefined;
}

export function tableFigures(model: WorkbookModel, textYear: number | undefined): TableFigure[] {
  const out: TableFigure[] = [];
  for (const table of model.tables) {
    if (table.kind !== 'amounts' || !table.moneyUnit) continue;
    const factor = new Decimal(table.moneyUnit === '万元' ? 10000 : 1);
    const step = factor.times('0.01');
    const fund = tableFund(table);
    const year = tableYear(table);
    const figure = (id: QuantityId, row: (typeof table.rows)[number], col: number) => {
      const value = row.amounts.value(col);
      if (value === undefined) return;
      const cell = row.amounts.get(col) ?? { sheet: table.sheet, row: row.row, col };
      out.push({ id, fund, value: (value ?? new Decimal(0)).times(factor), step, cell, table, year });
    };
    const totals = table.rows.filter((r) => r.kind === 'total');
    const row =
      totals.length === 1 ? totals[0] : table.layout === 'flat' && table.rows.length === 1 ? table.rows[0] : undefined;
    const roles = new Set(table.columns.map((c) => c.role));
    if (row && !row.errorColumns.size) {
      const hasNumber = table.columns.some((c) => row.amounts.value(c.col));
      if (!hasNumber) continue;
      for (const column of table.columns) {
        const id = ROLE_IDS[column.role];
        if (id) figure(id, row, column.col);
        if (column.role !== 'total') continue;
        if (SAN_GONG_PARTS.some((p) => roles.has(p as AmountColumn))) figure('sanGong', row, column.col);
        else if (roles.has('basic') && roles.has('project')) figure('expense', row, column.col);
        else if (roles.has('personnel') && roles.has('publicCost')) figure('basic', row, column.col);
      }
      // The 三公 table's 机关运行经费, a column of its own beside the 三公 parts.
      for (const info of table.infoColumns)
        if (info.kind === 'separate' && /机关运行经费/.test(info.header)) figure('runningCost', row, info.col);
    }
    // A 三公 table with one row per figure ("1.因公出国(境)费 | 39"): the rows' labels name them.
    if (table.layout === 'labels') {
      const labelled = table.rows.map((r) => ({ row: r, id: r.label ? quantityIdOf(r.label.text) : undefined }));
      const parts = new Set(labelled.filter((l) => l.id && SAN_GONG_PARTS.includes(l.id)).map((l) => l.id));
      if (parts.size < 2) continue;
      const amountColumns = table.columns.filter((c) => c.role === 'amount' || c.role === 'total');
      const wanted = year ?? textYear;
      const column =
        amountColumns.length === 1
          ? amountColumns[0]
          : amountColumns.find((c) => wanted !== undefined && c.header.includes(String(wanted)));
      if (!column) continue;
      for (const { row: r, id } of labelled) {
        if (r.kind === 'total' && totals.length === 1) figure('sanGong', r, column.col);
        else if (id && SAN_GONG_PARTS.includes(id)) figure(id, r, column.col);
      }
    }
  }
  return out;
}
