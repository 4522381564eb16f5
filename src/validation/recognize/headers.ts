import type { SheetView } from '../sheet';
import { MoneyUnit, textKey } from '../normalize';
import {
  AmountColumn,
  moneyUnitInKey,
  IndicatorColumn,
  amountColumnOf,
  codeColumnOf,
  indicatorColumnOf,
  labelColumnOf,
} from '../vocabulary';

export interface IndicatorHeader {
  type: 'indicators';
  /** First and last row of the header (two-row headers span two). */
  top: number;
  bottom: number;
  columns: Partial<Record<IndicatorColumn, number>>;
  /** "预算数（元）": the money unit a header names. */
  moneyUnit?: MoneyUnit;
  left: number;
  right: number;
}

export interface AmountHeaderColumn {
  col: number;
  role: AmountColumn;
  header: string;
}

export interface AmountHeader {
  type: 'amounts';
  top: number;
  bottom: number;
  codeColumn?: number;
  /** 类 | 款 | 项 columns when the code is split over three columns. */
  codeParts?: { class: number; section?: number; item?: number };
  labelColumns: number[];
  amountColumns: AmountHeaderColumn[];
  /** Header cells among the amount columns that name nothing the checker knows. */
  unknownColumns: number[];
  moneyUnit?: MoneyUnit;
  left: number;
  right: number;
}

export type Header = IndicatorHeader | AmountHeader;

/**
 * The non-empty header cells of a row, read through merges (a cell under a vertical merge has
 * the merge's text); a header merged across several columns names only the first of them.
 */
function headerCells(view: SheetView, row: number): { col: number; key: string }[] {
  const cells: { col: number; key: string }[] = [];
  let previousKey = '';
  for (let c = 0; c < view.columnCount; c++) {
    const key = view.labelKey(row, c);
    const continuation =
      key !== '' && key === previousKey && view.isMergedContinuation(row, c) && view.origin(row, c).row === row;
    previousKey = key;
    if (key !== '' && !continuation) cells.push({ col: c, key });
  }
  return cells;
}

/** A header row holds names only: a row with a number in it is data (e.g. a form row "预算金额 | 10"). */
function holdsNumber(view: SheetView, row: number): boolean {
  for (let c = 0; c < view.columnCount; c++) {
    if (typeof view.raw(row, c) === 'number' || view.number(row, c) !== null) return true;
  }
  return false;
}

/** Reads one row as an indicator-table header, or undefined. Cells are read through merges. */
export function readIndicatorHeaderRow(view: SheetView, row: number): IndicatorHeader | undefined {
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  const ambiguousUnit: number[] = [];
  for (const { col: c, key } of headerCells(view, row)) {
    if (key === '单位') {
      ambiguousUnit.push(c);
      continue;
    }
    const role = indicatorColumnOf(key);
    if (role && columns[role] === undefined) columns[role] = c;
  }
  // "单位" is the unit of measure when it stands right of the indicator name, the organisation otherwise.
  for (const c of ambiguousUnit) {
    const nameCol = columns.level3 ?? columns.level2 ?? columns.level1;
    if (nameCol !== undefined && c > nameCol && columns.unit === undefined) columns.unit = c;
    else if (columns.unitName === undefined) columns.unitName = c;
  }
  const hasName = columns.level3 !== undefined || (columns.level1 !== undefined && columns.level2 !== undefined);
  if (hasName && holdsNumber(view, row)) return undefined;
  const hasTarget = columns.value !== undefined || columns.weight !== undefined || columns.comparator !== undefined;
  const roleCount = Object.keys(columns).length;
  if (!hasName || !hasTarget || roleCount < 3) return undefined;
  const cols = Object.values(columns) as number[];
  const moneyUnit = columns.budget !== undefined ? moneyUnitInKey(view.labelKey(row, columns.budget)) : undefined;
  return {
    type: 'indicators',
    top: row,
    bottom: row,
    columns,
    moneyUnit,
    left: Math.min(...cols),
    right: Math.max(...cols),
  };
}

/** Reads one row as an amount-table header (budget tables, 收支总表, 三公), or undefined. */
export function readAmountHeaderRow(view: SheetView, row: number): AmountHeader | undefined {
  let codeColumn: number | undefined;
  const codeParts: { class?: number; section?: number; item?: number } = {};
  const labelColumns: number[] = [];
  const amountColumns: AmountHeaderColumn[] = [];
  const unknownColumns: number[] = [];
  for (const { col: c, key } of headerCells(view, row)) {
    const code = codeColumnOf(key);
    if (code === 'code' && codeColumn === undefined) {
      codeColumn = c;
      continue;
    }
    if (code === 'class') codeParts.class = c;
    else if (code === 'section') codeParts.section = c;
    else if (code === 'item') codeParts.item = c;
    if (code) continue;
    if (labelColumnOf(key)) {
      labelColumns.push(c);
      continue;
    }
    const role = amountColumnOf(key);
    if (role) amountColumns.push({ col: c, role, header: view.filledText(row, c) });
    else unknownColumns.push(c);
  }
  const hasCode = codeColumn !== undefined || codeParts.class !== undefined;
  const roles = new Set(amountColumns.map((a) => a.role));
  const isSanGong = roles.has('abroad') && roles.has('reception');
  if (!isSanGong && (amountColumns.length === 0 || (!hasCode && labelColumns.length === 0))) return undefined;
  if (holdsNumber(view, row)) return undefined;
  const cols = [
    codeColumn,
    codeParts.class,
    codeParts.section,
    codeParts.item,
    ...labelColumns,
    ...amountColumns.map((a) => a.col),
  ].filter((c): c is number => c !== undefined);
  return {
    type: 'amounts',
    top: row,
    bottom: row,
    codeColumn,
    codeParts:
      codeParts.class !== undefined
        ? { class: codeParts.class, section: codeParts.section, item: codeParts.item }
        : undefined,
    labelColumns,
    amountColumns,
    unknownColumns: unknownColumns.filter((c) => c > Math.min(...amountColumns.map((a) => a.col))),
    moneyUnit: amountColumns.map((a) => moneyUnitInKey(textKey(a.header))).find((u) => u !== undefined),
    left: Math.min(...cols),
    right: Math.max(...cols),
  };
}

export function readHeaderRow(view: SheetView, row: number): Header | undefined {
  return readIndicatorHeaderRow(view, row) ?? readAmountHeaderRow(view, row);
}

/**
 * Joins a header with the row below it when that row is a header of the same kind too
 * (two-row headers: "公务用车购置及运行费" over "小计 | 购置费 | 运行费"; "指标值" over "符号 | 数值").
 */
export function joinTwoRowHeader(view: SheetView, upper: Header, lower: Header | undefined): Header {
  if (!lower || lower.type !== upper.type || lower.top !== upper.bottom + 1) return upper;
  if (upper.type === 'indicators' && lower.type === 'indicators') {
    return {
      ...lower,
      top: upper.top,
      columns: { ...upper.columns, ...lower.columns },
      moneyUnit: lower.moneyUnit ?? upper.moneyUnit,
      left: Math.min(upper.left, lower.left),
      right: Math.max(upper.right, lower.right),
    };
  }
  if (upper.type === 'amounts' && lower.type === 'amounts') {
    const upperByCol = new Map(upper.amountColumns.map((a) => [a.col, a] as const));
    // A 小计/合计 under a group header (公务用车购置及运行费) is that group's subtotal.
    const amountColumns = lower.amountColumns.map((a) => {
      const above = groupHeaderAbove(view, upper.bottom, a.col, upperByCol);
      if (a.role === 'total' && above && above.role !== 'total' && above.role !== 'amount')
        return { ...a, role: above.role, header: above.header };
      return a;
    });
    for (const a of upper.amountColumns) {
      if (!amountColumns.some((b) => b.col === a.col)) amountColumns.push(a);
    }
    amountColumns.sort((a, b) => a.col - b.col);
    return {
      ...lower,
      top: upper.top,
      codeColumn: lower.codeColumn ?? upper.codeColumn,
      codeParts: lower.codeParts ?? upper.codeParts,
      labelColumns: lower.labelColumns.length > 0 ? lower.labelColumns : upper.labelColumns,
      amountColumns,
      moneyUnit: lower.moneyUnit ?? upper.moneyUnit,
      // A column named in either row is known.
      unknownColumns: lower.unknownColumns.filter(
        (c) =>
          !amountColumns.some((a) => a.col === c) &&
          !upper.amountColumns.some((a) => a.col === view.origin(upper.bottom, c).col),
      ),
      left: Math.min(upper.left, lower.left),
      right: Math.max(upper.right, lower.right),
    };
  }
  return upper;
}

function groupHeaderAbove(
  view: SheetView,
  row: number,
  col: number,
  byCol: Map<number, AmountHeaderColumn>,
): AmountHeaderColumn | undefined {
  const origin = view.origin(row, col);
  return byCol.get(origin.col);
}
