import type { AmountColumnInfo, AmountRow, AmountTable, NumberCell, RecognitionNote, TextCell } from '../model';
import { textKey } from '../normalize';
import type { SheetView } from '../sheet';
import type { AmountColumn } from '../vocabulary';
import type { AmountHeader } from './headers';
import { textCell } from './indicators';

const TOTAL_ROW = /^(合计|总计|共计|收入合计|支出合计|收入总计|支出总计|本年收入合计|本年支出合计|合计数)$/;
const NUMBERED_TOP = /^[一二三四五六七八九十]+[、.]/;
const CHILD_PREFIX = /^(其中|含)[:：]/;

interface BuildInput {
  view: SheetView;
  header: AmountHeader;
  bodyRows: number[];
  title?: string;
  moneyUnit?: AmountTable['moneyUnit'];
  notes: RecognitionNote[];
}

/** One header can hold several side-by-side tables (收入 | 支出): one AmountTable per side. */
export function buildAmountTables(input: BuildInput): AmountTable[] {
  const { header } = input;
  const hasCode = header.codeColumn !== undefined || header.codeParts !== undefined;
  if (hasCode || header.labelColumns.length <= 1) {
    return [buildSide(input, header.labelColumns[0], header.amountColumns, undefined)];
  }
  const tables: AmountTable[] = [];
  header.labelColumns.forEach((labelCol, i) => {
    const nextLabel = header.labelColumns[i + 1] ?? Number.MAX_SAFE_INTEGER;
    const amounts = header.amountColumns.filter((a) => a.col > labelCol && a.col < nextLabel);
    if (amounts.length === 0) return;
    tables.push(buildSide(input, labelCol, amounts, sideOf(input.view, header, labelCol)));
  });
  const income = tables.find((t) => t.side === 'income');
  const expense = tables.find((t) => t.side === 'expense');
  if (income && expense) {
    income.pairedWith = 'expense';
    expense.pairedWith = 'income';
  }
  return tables;
}

function sideOf(view: SheetView, header: AmountHeader, labelCol: number): AmountTable['side'] {
  for (let r = header.bottom; r >= Math.max(0, header.top - 1); r--) {
    const key = view.labelKey(r, labelCol);
    if (/^收入/.test(key)) return 'income';
    if (/^支出/.test(key)) return 'expense';
  }
  return undefined;
}

function buildSide(
  input: BuildInput,
  labelColumn: number | undefined,
  amountColumns: AmountHeader['amountColumns'],
  side: AmountTable['side'],
): AmountTable {
  const { view, header, bodyRows } = input;
  const layout: AmountTable['layout'] =
    header.codeColumn !== undefined || header.codeParts !== undefined ? 'code' : labelColumn !== undefined ? 'labels' : 'flat';
  const columns: AmountColumnInfo[] = amountColumns.map((a) => ({ col: a.col, role: a.role, header: a.header }));
  const left = Math.min(...[header.codeColumn, header.codeParts?.class, labelColumn, ...columns.map((c) => c.col)].filter((c): c is number => c !== undefined));
  const right = Math.max(...columns.map((c) => c.col), labelColumn ?? 0);
  const table: AmountTable = {
    kind: 'amounts',
    id: '',
    sheet: view.name,
    title: input.title,
    range: { top: header.top, left, bottom: header.bottom, right },
    headerRows: rangeOf(header.top, header.bottom),
    moneyUnit: input.moneyUnit,
    layout,
    side,
    codeColumn: header.codeColumn ?? header.codeParts?.class,
    labelColumn,
    columns,
    rows: [],
    rowFormulas: rowFormulas(columns),
  };

  let currentTop: number | undefined;
  for (const r of bodyRows) {
    const label = labelColumn !== undefined ? textCell(view, r, labelColumn) : undefined;
    const codeText = codeTextOf(view, r, header);
    const amounts = new Map<number, NumberCell | null>();
    const errorColumns = new Set<number>();
    let anyAmount = false;
    for (const column of columns) {
      const value = view.number(r, column.col);
      if (value !== null) {
        amounts.set(column.col, { sheet: view.name, row: r, col: column.col, value });
        anyAmount = true;
        continue;
      }
      amounts.set(column.col, null);
      if (view.isError(r, column.col)) errorColumns.add(column.col);
      const text = view.text(r, column.col);
      if (text !== '' && !view.isDash(r, column.col) && !view.isError(r, column.col)) {
        input.notes.push({ kind: 'non-numeric-amount', sheet: view.name, row: r, col: column.col, text, column: column.header });
      }
    }
    const labelKey = textKey(label?.text ?? '');
    const codeKey = textKey(codeText ?? '');
    if (!anyAmount && errorColumns.size === 0 && labelKey === '' && codeKey === '') continue;

    const isTotal = TOTAL_ROW.test(codeKey) || TOTAL_ROW.test(labelKey);
    const code = isTotal ? undefined : parseCode(codeText);
    const row: AmountRow = {
      row: r,
      code,
      label: label ?? (codeText && !code ? textCell(view, r, table.codeColumn!) : undefined),
      kind: isTotal ? 'total' : 'item',
      depth: 0,
      amounts,
      errorColumns,
    };
    if (layout === 'labels' && !isTotal) {
      if (NUMBERED_TOP.test(labelKey)) {
        currentTop = table.rows.length;
      } else if (CHILD_PREFIX.test(labelKey) && table.rows.length > 0) {
        row.depth = 1;
        row.parent = table.rows.length - 1;
      } else if (currentTop !== undefined && labelKey !== '') {
        row.depth = 1;
        row.parent = currentTop;
      }
    }
    table.rows.push(row);
    table.range.bottom = r;
  }
  if (layout === 'code') linkCodeHierarchy(table.rows);
  return table;
}

/** Digits of a classification code: "2010301", "201 03 01", "201-03-01", "201.03.01". */
export function parseCode(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const key = textKey(text);
  const match = /^(\d{3})(?:[-.]?(\d{2}))?(?:[-.]?(\d{2}))?(?!\d)/.exec(key);
  if (!match) return undefined;
  return `${match[1]}${match[2] ?? ''}${match[3] ?? ''}`;
}

function codeTextOf(view: SheetView, row: number, header: AmountHeader): string | undefined {
  if (header.codeColumn !== undefined) {
    const text = view.text(row, header.codeColumn);
    return text === '' ? undefined : text;
  }
  const parts = header.codeParts;
  if (!parts) return undefined;
  const cls = view.text(row, parts.class);
  const section = parts.section !== undefined ? view.text(row, parts.section) : '';
  const item = parts.item !== undefined ? view.text(row, parts.item) : '';
  if (cls === '' && section === '' && item === '') return undefined;
  if (TOTAL_ROW.test(textKey(cls))) return cls;
  // 类 | 款 | 项 columns hold either the two-digit part ("03") or the whole code ("20103").
  const digits = [cls, section, item].map((t) => textKey(t));
  const longest = digits.filter((d) => /^\d+$/.test(d)).sort((a, b) => b.length - a.length)[0] ?? '';
  if (longest.length >= 5) return longest;
  return digits.filter((d) => /^\d+$/.test(d)).join('');
}

/** Parent of each coded row: the row whose code is this code less its last two digits (or four). */
function linkCodeHierarchy(rows: AmountRow[]): void {
  const byCode = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.code && !byCode.has(row.code)) byCode.set(row.code, i);
  });
  rows.forEach((row) => {
    if (!row.code) return;
    row.depth = (row.code.length - 3) / 2;
    for (let cut = 2; row.code.length - cut >= 3; cut += 2) {
      const parent = byCode.get(row.code.slice(0, row.code.length - cut));
      if (parent !== undefined) {
        row.parent = parent;
        break;
      }
    }
  });
}

/** The identities every row of the table must satisfy, from the column roles. */
function rowFormulas(columns: AmountColumnInfo[]): AmountTable['rowFormulas'] {
  const first = (role: AmountColumn) => columns.find((c) => c.role === role)?.col;
  const all = (role: AmountColumn) => columns.filter((c) => c.role === role).map((c) => c.col);
  const formulas: AmountTable['rowFormulas'] = [];
  const total = first('total');
  const basic = first('basic');
  const project = first('project');
  const personnel = first('personnel');
  const publicCost = first('publicCost');
  const vehicle = first('vehicle');
  const purchase = first('vehiclePurchase');
  const running = first('vehicleRunning');
  const abroad = first('abroad');
  const reception = first('reception');
  if (total !== undefined && basic !== undefined && project !== undefined) formulas.push({ total, parts: [basic, project] });
  else if (total !== undefined && personnel !== undefined && publicCost !== undefined) formulas.push({ total, parts: [personnel, publicCost] });
  else if (total !== undefined && abroad !== undefined && reception !== undefined) {
    const vehicleParts = vehicle !== undefined ? [vehicle] : [purchase, running].filter((c): c is number => c !== undefined);
    formulas.push({ total, parts: [abroad, ...vehicleParts, reception] });
  } else if (total !== undefined && all('source').length > 0) formulas.push({ total, parts: all('source') });
  if (basic !== undefined && personnel !== undefined && publicCost !== undefined) formulas.push({ total: basic, parts: [personnel, publicCost] });
  if (vehicle !== undefined && purchase !== undefined && running !== undefined) formulas.push({ total: vehicle, parts: [purchase, running] });
  return formulas;
}

function rangeOf(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

export type { TextCell };
