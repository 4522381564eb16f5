import type { SheetView } from '../sheet';
import type { MoneyUnit } from '../normalize';
import {
  AmountColumn,
  moneyUnitInKey,
  IndicatorColumn,
  amountColumnOf,
  codeColumnOf,
  indicatorColumnOf,
  isTitleText,
  labelColumnOf,
  level1KindOf,
  level2KindOf,
  comparatorOf,
  serialColumnOf,
  isGroupHeaderName,
  infoColumnOf,
  isFundSourceName,
  type InfoColumnKind,
} from '../vocabulary';

/**
 * Header recognition, in two steps:
 * 1. an anchor row: one row whose cells (read through merges) name enough columns of a table kind;
 * 2. the header band around it: group rows above (a cell merged over several anchor columns), sub-header rows
 *    below (cells under a merged group, or names of columns), and a 栏次 row of column numbers (1 2 3 …).
 * Every column of the band gets its path of header texts, top to bottom (支出功能分类科目编码 › 类, 指标值 › 符号),
 * and its role is read from the most specific segment of the path that names one.
 */

/** A role a header path names for a column; `rank` 0 is the path's last (most specific) segment. */
export interface RoleCandidate {
  col: number;
  role: IndicatorColumn;
  rank: number;
}

export interface IndicatorHeader {
  type: 'indicators';
  /** First and last row of the header band. */
  top: number;
  bottom: number;
  columns: Partial<Record<IndicatorColumn, number>>;
  /** Every role a header names, with duplicates (twin 二级(长期) | 二级(年度) columns): settled against the body. */
  candidates: RoleCandidate[];
  /** Columns that split a project's budget by source (项目预算 | 资金来源 › 本级财政资金 | 上级补助资金 | 其他资金). */
  fundSources: number[];
  paths: Map<number, string[]>;
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
  /** The 收入 / 支出 group a label column stands under, when the header says. */
  labelSides: Map<number, 'income' | 'expense'>;
  amountColumns: AmountHeaderColumn[];
  /** Header cells among the amount columns that name nothing the checker knows. */
  unknownColumns: number[];
  /** 序号 / 行次 columns: numbers that are no amounts. */
  serialColumns: number[];
  /** Known columns that are never added up: 执行率, 占比, 分值, 得分, 增减幅度, 备注. */
  infoColumns: { col: number; kind: InfoColumnKind; header: string }[];
  /** No code or label column is named: the labels are the text column left of the amounts, found in the body. */
  labelsInBody: boolean;
  paths: Map<number, string[]>;
  moneyUnit?: MoneyUnit;
  left: number;
  right: number;
}

export type Header = IndicatorHeader | AmountHeader;

/** At most this many rows above and below the anchor row belong to its header band. */
const MAX_GROUP_ROWS_ABOVE = 2;
const MAX_SUB_ROWS_BELOW = 2;

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

interface IndicatorAnchor {
  columns: Partial<Record<IndicatorColumn, number>>;
}

/** Reads one row as an indicator-table header anchor, or undefined. */
function indicatorAnchor(view: SheetView, row: number): IndicatorAnchor | undefined {
  const columns = indicatorRolesOfRow(headerCells(view, row));
  const hasName = columns.level3 !== undefined || (columns.level1 !== undefined && columns.level2 !== undefined);
  if (hasName && holdsNumber(view, row)) return undefined;
  const hasTarget = columns.value !== undefined || columns.weight !== undefined || columns.comparator !== undefined;
  const roleCount = Object.keys(columns).length;
  if (!hasName || !hasTarget || roleCount < 3) return undefined;
  return { columns };
}

function indicatorRolesOfRow(cells: { col: number; key: string }[]): Partial<Record<IndicatorColumn, number>> {
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  const ambiguousUnit: number[] = [];
  for (const { col: c, key } of cells) {
    if (key === '单位') {
      ambiguousUnit.push(c);
      continue;
    }
    const role = indicatorColumnOf(key);
    if (role && columns[role] === undefined) columns[role] = c;
  }
  resolveUnitColumns(columns, ambiguousUnit);
  return columns;
}

/** "单位" is the unit of measure when it stands right of the indicator name, the organisation otherwise. */
function resolveUnitColumns(columns: Partial<Record<IndicatorColumn, number>>, ambiguous: number[]): void {
  for (const c of ambiguous) {
    const nameCol = columns.level3 ?? columns.level2 ?? columns.level1;
    if (nameCol !== undefined && c > nameCol && columns.unit === undefined) columns.unit = c;
    else if (columns.unitName === undefined) columns.unitName = c;
  }
}

/**
 * Reads one row as an amount-table header anchor (budget tables, 收支总表, 三公), or undefined. A row that names
 * amount columns but no code or label column anchors a block whose labels stand in the body (资金情况:
 * 年度资金总额 | 其中：财政拨款 under 全年预算数 | 全年执行数; 项目预算成本构成 under 金额 | 2020年实际执行数).
 */
function isAmountAnchor(view: SheetView, row: number): boolean {
  let hasCode = false;
  let labels = 0;
  let info = 0;
  const roles = new Set<AmountColumn>();
  let amountCells = 0;
  for (const { key } of headerCells(view, row)) {
    const code = codeColumnOf(key);
    if (code === 'code' || code === 'class') hasCode = true;
    if (code) continue;
    if (labelColumnOf(key)) {
      labels++;
      continue;
    }
    const role = amountColumnOf(key);
    if (role) {
      roles.add(role);
      amountCells++;
    } else if (infoColumnOf(key)) info++;
  }
  if (holdsNumber(view, row)) return false;
  const isSanGong = roles.has('abroad') && roles.has('reception');
  if (isSanGong) return true;
  if (roles.size === 0) return false;
  if (hasCode || labels > 0) return true;
  return amountCells + info >= 2;
}

/**
 * The header whose anchor row is `row`, with its band and every column's path; undefined when the row
 * anchors no header.
 */
export function readHeaderAt(view: SheetView, row: number, minTop = 0): Header | undefined {
  const indicator = indicatorAnchor(view, row);
  if (indicator) return indicatorHeaderOf(view, headerBand(view, row, 'indicators', minTop));
  if (isAmountAnchor(view, row)) return amountHeaderOf(view, headerBand(view, row, 'amounts', minTop));
  return undefined;
}

interface Band {
  top: number;
  bottom: number;
  /** The row of column numbers (栏次 1 2 3 …) below the names, if any: part of the header, never data. */
  columnNumbersRow?: number;
}

function headerBand(view: SheetView, anchor: number, kind: Header['type'], minTop: number): Band {
  let top = anchor;
  for (let r = anchor - 1; r >= Math.max(minTop, anchor - MAX_GROUP_ROWS_ABOVE); r--) {
    if (!isGroupRowAbove(view, r, top, kind)) break;
    top = r;
  }
  let bottom = anchor;
  for (let r = anchor + 1; r <= Math.min(view.rowCount - 1, anchor + MAX_SUB_ROWS_BELOW); r++) {
    if (!isSubHeaderRow(view, r, bottom, kind)) break;
    bottom = r;
  }
  const band: Band = { top, bottom };
  if (bottom + 1 < view.rowCount && isColumnNumbersRow(view, bottom + 1)) {
    band.columnNumbersRow = bottom + 1;
    band.bottom = bottom + 1;
  }
  return band;
}

/** Texts that are never header names: "单位：万元", "编制部门：…", titles, long sentences. */
function isHeaderLikeText(key: string): boolean {
  return key.length <= 24 && !/[:：]/.test(key) && !isTitleText(key);
}

/**
 * A group row above the anchor: header cells merged across several columns over the anchor row (资金来源 over
 * 本级 | 上级 | 其他; 收入 over 项目 | 预算数), or merged down into it. Every cell of it is a header: merged down
 * into the anchor row, or naming a column or a group of columns. A form row above the header ("年度目标 | 建成…",
 * "项目名称 | 学校运动场改造 | 资金总额 | 300万元") has values among its cells: it is the form's.
 */
function isGroupRowAbove(view: SheetView, row: number, below: number, kind: Header['type']): boolean {
  if (holdsNumber(view, row)) return false;
  const cols = view.filledColumns(row);
  if (cols.length === 0) return false;
  let groups = 0;
  for (const c of cols) {
    const key = view.keyOf(row, c);
    if (!isHeaderLikeText(key)) return false;
    const mergedDown = view.origin(below, c).row <= row;
    if (!mergedDown && !namesColumn(key, kind) && !isGroupHeaderName(key)) return false;
    if (view.mergeRight(row, c) > c || mergedDown) groups++;
  }
  // One cell merged over the whole sheet width is a caption ("绩效指标"), not a group of columns.
  if (cols.length === 1 && view.mergeRight(row, cols[0]!) - cols[0]! + 1 >= view.columnCount - 1) return false;
  return groups > 0;
}

/**
 * A sub-header row below the anchor: names only, each under a group cell merged across columns or naming
 * a column itself (类 | 款 | 项; 符号 | 数值; 小计 | 购置费 | 运行费); no framework names or comparators (body rows).
 */
function isSubHeaderRow(view: SheetView, row: number, above: number, kind: Header['type']): boolean {
  if (holdsNumber(view, row)) return false;
  const cols = view.filledColumns(row);
  if (cols.length === 0) return false;
  for (const c of cols) {
    const key = view.keyOf(row, c);
    if (!isHeaderLikeText(key)) return false;
    if (level1KindOf(key) !== undefined || level2KindOf(key) !== undefined || comparatorOf(key) !== undefined) {
      return false;
    }
    const origin = view.origin(above, c);
    const underGroup = view.mergeRight(origin.row, origin.col) > origin.col || underUnmergedGroup(view, above, c);
    if (!underGroup && !namesColumn(key, kind)) return false;
  }
  return true;
}

/**
 * A group written without a merge: its name in its first cell and the cells to its right left blank (资金来源 | | over
 * 本级 | 上级 | 其他). Column `col` is under it when the nearest filled cell at or left of it in `row` names a group.
 */
function underUnmergedGroup(view: SheetView, row: number, col: number): boolean {
  for (let c = col; c >= 0; c--) {
    if (view.isEmpty(row, c)) continue;
    const key = view.keyOf(row, c);
    // Its name alone with blanks to its right, or repeated in each of its cells (a merge split and filled).
    const repeated = view.keyOf(row, c + 1) === key || (c > 0 && view.keyOf(row, c - 1) === key);
    return isGroupHeaderName(key) && (view.isEmpty(row, c + 1) || repeated);
  }
  return false;
}

function namesColumn(key: string, kind: Header['type']): boolean {
  if (kind === 'indicators') return indicatorColumnOf(key) !== undefined || key === '单位' || serialColumnOf(key);
  return (
    codeColumnOf(key) !== undefined || labelColumnOf(key) || amountColumnOf(key) !== undefined || serialColumnOf(key)
  );
}

/** 栏次 / 行次 row: "栏次 | 1 | 2 | 3 | 4", or the numbers 1, 2, 3 … alone across the columns. */
function isColumnNumbersRow(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  if (cols.length < 3) return false;
  let expected = 1;
  let numbers = 0;
  for (const c of cols) {
    const key = view.keyOf(row, c);
    if (/^(栏次|行次|栏号|列次)$/.test(key)) continue;
    const value = view.number(row, c);
    if (value === null || !value.isInteger()) return false;
    // Column numbers count up from 1 (or A, B … written as 1, 2 …), one per column.
    if (value.toNumber() !== expected) return false;
    expected++;
    numbers++;
  }
  return numbers >= 3;
}

/** Every column's header path over the band's name rows, top to bottom, the same text once. */
function columnPaths(view: SheetView, top: number, bottom: number): Map<number, string[]> {
  const paths = new Map<number, string[]>();
  for (let c = 0; c < view.columnCount; c++) {
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const key = view.labelKey(r, c);
      if (key !== '' && path[path.length - 1] !== key) path.push(key);
    }
    if (path.length > 0) paths.set(c, path);
  }
  return paths;
}

function nameRowsBottom(band: Band): number {
  return band.columnNumbersRow !== undefined ? band.columnNumbersRow - 1 : band.bottom;
}

function indicatorHeaderOf(view: SheetView, band: Band): IndicatorHeader {
  const paths = columnPaths(view, band.top, nameRowsBottom(band));
  const candidates: RoleCandidate[] = [];
  const ambiguousUnit: number[] = [];
  for (const [col, path] of paths) {
    for (let rank = 0; rank < path.length; rank++) {
      const key = path[path.length - 1 - rank]!;
      if (key === '单位') {
        ambiguousUnit.push(col);
        break;
      }
      const role = indicatorColumnOf(key);
      if (role) {
        candidates.push({ col, role, rank });
        break;
      }
    }
  }
  const named = new Set(candidates.map((c) => c.col));
  const fundSources = [...paths]
    .filter(([col, path]) => !named.has(col) && isFundSourceName(path[path.length - 1]!))
    .map(([col]) => col)
    .sort((a, b) => a - b);
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  // The most specific name first; between equals, the leftmost (settled against the body later).
  for (const candidate of [...candidates].sort((a, b) => a.rank - b.rank || a.col - b.col)) {
    if (columns[candidate.role] === undefined) columns[candidate.role] = candidate.col;
  }
  resolveUnitColumns(columns, ambiguousUnit);
  for (const col of ambiguousUnit) {
    const role = columns.unit === col ? 'unit' : columns.unitName === col ? 'unitName' : undefined;
    if (role) candidates.push({ col, role, rank: 0 });
  }
  const cols = [...new Set(candidates.map((c) => c.col))];
  const budgetCol = columns.budget;
  return {
    type: 'indicators',
    top: band.top,
    bottom: band.bottom,
    columns,
    candidates,
    // Sources split a budget: without a budget column they are something else.
    fundSources: budgetCol !== undefined ? fundSources : [],
    paths,
    moneyUnit: budgetCol !== undefined ? moneyUnitOfPath(paths.get(budgetCol)) : undefined,
    left: Math.min(...cols),
    right: Math.max(...cols),
  };
}

function moneyUnitOfPath(path: string[] | undefined): MoneyUnit | undefined {
  for (const key of [...(path ?? [])].reverse()) {
    const unit = moneyUnitInKey(key);
    if (unit) return unit;
  }
  return undefined;
}

function sideOfPath(path: string[]): 'income' | 'expense' | undefined {
  for (const key of path) {
    if (/^收入/.test(key)) return 'income';
    if (/^支出/.test(key)) return 'expense';
  }
  return undefined;
}

/** Group roles that a 小计/合计 under them stands for (公务用车购置及运行费 › 小计 is the vehicle subtotal). */
const GROUP_SUBTOTAL_ROLES: ReadonlySet<AmountColumn> = new Set(['vehicle', 'basic', 'project', 'abroad', 'reception']);

function amountHeaderOf(view: SheetView, band: Band): AmountHeader {
  const paths = columnPaths(view, band.top, nameRowsBottom(band));
  let codeColumn: number | undefined;
  const codeParts: { class?: number; section?: number; item?: number } = {};
  const labelColumns: number[] = [];
  const labelSides = new Map<number, 'income' | 'expense'>();
  const amountColumns: AmountHeaderColumn[] = [];
  const unknownColumns: number[] = [];
  const serialColumns: number[] = [];
  const infoColumns: AmountHeader['infoColumns'] = [];
  for (const [col, path] of paths) {
    const specific = path[path.length - 1]!;
    const code = codeColumnOf(specific);
    if (code === 'code') {
      if (codeColumn === undefined) codeColumn = col;
      continue;
    }
    if (code) {
      if (codeParts[code] === undefined) codeParts[code] = col;
      continue;
    }
    if (serialColumnOf(specific)) {
      serialColumns.push(col);
      continue;
    }
    if (labelColumnOf(specific)) {
      labelColumns.push(col);
      const side = sideOfPath(path);
      if (side) labelSides.set(col, side);
      continue;
    }
    const info = infoColumnOf(specific);
    if (info) {
      infoColumns.push({ col, kind: info, header: specific });
      continue;
    }
    const role = amountRoleOfPath(path);
    if (role) amountColumns.push({ col, role: role.role, header: role.header });
    else unknownColumns.push(col);
  }
  const roles = new Set(amountColumns.map((a) => a.role));
  // A one-row 三公 table has no labels at all: a table of its own, not a block of a form.
  const labelsInBody =
    codeColumn === undefined &&
    codeParts.class === undefined &&
    labelColumns.length === 0 &&
    !(roles.has('abroad') && roles.has('reception'));
  if (labelsInBody) {
    // A caption merged down the block's left side ("项目资金（万元）") names no column of its own.
    for (let i = unknownColumns.length - 1; i >= 0; i--) {
      if (unknownColumns[i]! < Math.min(...amountColumns.map((a) => a.col))) unknownColumns.splice(i, 1);
    }
  }
  // A code column split into 类 | 款 | 项 is read from its parts; the group above them only names them.
  if (codeParts.class !== undefined && codeColumn !== undefined && (paths.get(codeParts.class)?.length ?? 0) > 1) {
    codeColumn = undefined;
  }
  const firstAmount = Math.min(...amountColumns.map((a) => a.col));
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
    top: band.top,
    bottom: band.bottom,
    codeColumn,
    codeParts:
      codeParts.class !== undefined
        ? { class: codeParts.class, section: codeParts.section, item: codeParts.item }
        : undefined,
    labelColumns,
    labelSides,
    amountColumns,
    unknownColumns: unknownColumns.filter((c) => c > firstAmount),
    serialColumns,
    infoColumns,
    labelsInBody,
    paths,
    moneyUnit: amountColumns.map((a) => moneyUnitOfPath(paths.get(a.col))).find((u) => u !== undefined),
    left: Math.min(...cols),
    right: Math.max(...cols),
  };
}

/** The amount role a header path names: its most specific segment, or the group a 小计 stands under. */
function amountRoleOfPath(path: string[]): { role: AmountColumn; header: string } | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const role = amountColumnOf(path[i]!);
    // A group names a column under it only for a part it names itself (财政拨款收入 › 一般公共预算资金), never
    // for an unknown column under 合计 or 预算数.
    if (!role || (i < path.length - 1 && (role === 'total' || role === 'amount'))) continue;
    if (role === 'total' && i > 0) {
      const group = amountColumnOf(path[i - 1]!);
      if (group && GROUP_SUBTOTAL_ROLES.has(group)) return { role: group, header: path[i - 1]! };
    }
    return { role, header: path[i]! };
  }
  return undefined;
}

/** The header text of a path for messages: its segments joined. */
export function pathText(path: readonly string[] | undefined): string {
  return (path ?? []).join('›');
}
