import type Decimal from 'decimal.js';
import type {
  AmountColumnInfo,
  AmountRow,
  AmountTable,
  ColumnEvidence,
  NumberCell,
  RecognitionNote,
  RowAmounts,
} from '../model';
import { keyOfNormalized, textKey } from '../normalize';
import type { SheetView } from '../sheet';
import type { AmountColumn } from '../vocabulary';
import type { AmountHeader } from './headers';
import { range, textCell } from './indicators';

const TOTAL_ROW = /^(合计|总计|共计|收入合计|支出合计|收入总计|支出总计|本年收入合计|本年支出合计|合计数|总合计)$/;
const SUBTOTAL_ROW = /^(小计|本页小计)$/;
const NO_ERROR_COLUMNS: ReadonlySet<number> = new Set();
const CHILD_PREFIX = /^(其中|含)[:：]?/;

/** Numbering styles of item labels, outermost first: 一、 (一) 1. (1). */
const NUMBERING: readonly RegExp[] = [
  /^[一二三四五六七八九十]+[、.．]/,
  /^[(（][一二三四五六七八九十]+[)）]/,
  /^\d+[、.．](?!\d)/,
  /^[(（]\d+[)）]/,
];

export function numberingLevel(labelKey: string): number | undefined {
  const level = NUMBERING.findIndex((pattern) => pattern.test(labelKey));
  return level < 0 ? undefined : level;
}

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
  if (header.labelsInBody) {
    return [buildSide(input, inferLabelColumn(input.view, header, input.bodyRows), header.amountColumns, undefined)];
  }
  const hasCode = header.codeColumn !== undefined || header.codeParts !== undefined;
  if (hasCode || header.labelColumns.length <= 1) {
    return [buildSide(input, header.labelColumns[0], header.amountColumns, undefined)];
  }
  const tables: AmountTable[] = [];
  header.labelColumns.forEach((labelCol, i) => {
    const nextLabel = header.labelColumns[i + 1] ?? Number.MAX_SAFE_INTEGER;
    const amounts = header.amountColumns.filter((a) => a.col > labelCol && a.col < nextLabel);
    if (amounts.length === 0) return;
    tables.push(
      buildSide(input, labelCol, amounts, header.labelSides.get(labelCol) ?? sideOf(input.view, header, labelCol)),
    );
  });
  // The two sides are paired by table id once the ids are known (recognizeSheet).
  return tables;
}

/** The text column nearest left of the amounts that labels most body rows. */
function inferLabelColumn(view: SheetView, header: AmountHeader, rows: readonly number[]): number | undefined {
  const firstAmount = Math.min(...header.amountColumns.map((a) => a.col));
  let best: number | undefined;
  let bestCount = 0;
  for (let c = firstAmount - 1; c >= Math.max(0, firstAmount - 4); c--) {
    let count = 0;
    for (const r of rows) {
      if (view.text(r, c) !== '' && view.number(r, c) === null) count++;
    }
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
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
    header.codeColumn !== undefined || header.codeParts !== undefined
      ? 'code'
      : labelColumn !== undefined
        ? 'labels'
        : 'flat';
  const columns: AmountColumnInfo[] = amountColumns.map((a) => ({ col: a.col, role: a.role, header: a.header }));
  const left = Math.min(
    ...[header.codeColumn, header.codeParts?.class, labelColumn, ...columns.map((c) => c.col)].filter(
      (c): c is number => c !== undefined,
    ),
  );
  // The table spans its known columns that are never added up too (执行率, 得分, 备注, 机关运行经费).
  const right = Math.max(...columns.map((c) => c.col), labelColumn ?? 0, ...header.infoColumns.map((c) => c.col));
  const table: AmountTable = {
    kind: 'amounts',
    id: '',
    sheet: view.name,
    title: input.title,
    range: { top: header.top, left, bottom: header.bottom, right },
    headerRows: range(header.top, header.bottom),
    moneyUnit: input.moneyUnit,
    columnEvidence: amountEvidence(header, labelColumn, columns),
    layout,
    side,
    codeColumn: header.codeColumn ?? header.codeParts?.class,
    labelColumn,
    columns,
    rows: [],
    infoColumns: header.infoColumns,
    // Set by the indicator table whose form holds it (recognizeSheet).
    block: false,
    // A column the checker does not know may be part of the total: the row identity is not asserted then.
    rowFormulas: header.unknownColumns.some((c) => c > Math.min(...columns.map((a) => a.col)))
      ? []
      : rowFormulas(columns),
  };

  const firstAmountCol = Math.min(...columns.map((c) => c.col));
  // An amount of its own beside the parts (the 三公 table's 机关运行经费) is read too, never added up.
  const separateColumns = header.infoColumns.filter((c) => c.kind === 'separate').map((c) => c.col);
  const amountColumnNumbers = [...columns.map((c) => c.col), ...separateColumns];
  // Open numbered items, outermost first: a plain label belongs to the innermost one.
  let open: { index: number; level: number; partOf?: boolean }[] = [];
  let lastClass = '';
  let lastSection = '';
  for (const r of bodyRows) {
    const label = labelColumn !== undefined ? textCell(view, r, labelColumn) : undefined;
    let codeText = codeTextOf(view, r, header, lastClass, lastSection);
    const values: (Decimal | null)[] = [];
    let errorColumns: Set<number> | undefined;
    let anyAmount = false;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const value = view.number(r, column.col);
      values.push(value);
      if (value !== null) {
        anyAmount = true;
        continue;
      }
      const isError = view.isError(r, column.col);
      if (isError) (errorColumns ??= new Set<number>()).add(column.col);
      const text = view.text(r, column.col);
      if (text !== '' && !isError && !view.isDash(r, column.col)) {
        input.notes.push({
          kind: 'non-numeric-amount',
          sheet: view.name,
          row: r,
          col: column.col,
          text,
          column: column.header,
        });
      }
    }
    for (const col of separateColumns) values.push(view.number(r, col));
    const labelKey = label ? keyOfNormalized(label.text) : '';
    // "201 一般公共服务支出" under 科目名称: the code written in the name cell.
    if (
      codeText === undefined &&
      layout === 'labels' &&
      parseCodeKey(labelKey) !== undefined &&
      /^\d{3}[\d\s\-.]*[^\d\s\-.]/.test(labelKey)
    )
      codeText = labelKey;
    const codeKey = codeText === undefined ? '' : keyOfNormalized(codeText);
    if (!anyAmount && errorColumns === undefined && labelKey === '' && codeKey === '') continue;

    // 合计 may also stand in another text column left of the amounts (单位名称 | 项目名称 | 合计 …).
    const leadKey = leadingTextKey(view, r, 0, firstAmountCol);
    // Every 合计/总计/小计 label has a 计: most rows are decided without the patterns.
    const mayBeTotal = codeKey.includes('计') || labelKey.includes('计') || leadKey.includes('计');
    const isTotal = mayBeTotal && (TOTAL_ROW.test(codeKey) || TOTAL_ROW.test(labelKey) || TOTAL_ROW.test(leadKey));
    const isSubtotal =
      mayBeTotal &&
      !isTotal &&
      (SUBTOTAL_ROW.test(codeKey) || SUBTOTAL_ROW.test(labelKey) || SUBTOTAL_ROW.test(leadKey));
    const code = isTotal || isSubtotal ? undefined : parseCodeKey(codeKey);
    if (code && header.codeParts) {
      lastClass = code.slice(0, 3);
      lastSection = code.length >= 5 ? code.slice(3, 5) : '';
    }
    const row: AmountRow = {
      row: r,
      code,
      label: label ?? (codeText && !code ? textCell(view, r, table.codeColumn!) : undefined),
      kind: isTotal ? 'total' : isSubtotal ? 'subtotal' : 'item',
      partOf: undefined,
      depth: 0,
      // Declared here, set below: every row has the same shape (faster for the rules reading 10⁵ rows).
      parent: undefined,
      amounts: new ColumnAmounts(view.name, r, amountColumnNumbers, values),
      errorColumns: errorColumns ?? NO_ERROR_COLUMNS,
    };
    const index = table.rows.length;
    if (isTotal || isSubtotal) {
      open = [];
    } else if (code === undefined && layout !== 'flat') {
      const level = numberingLevel(labelKey);
      if (CHILD_PREFIX.test(labelKey) && index > 0 && table.rows[index - 1]!.kind === 'item') {
        row.parent = index - 1;
        row.partOf = true;
        // "其中：（1）…" numbers the breakdown: "（2）…" below it is the next part of the same parent.
        const partLevel = numberingLevel(labelKey.replace(CHILD_PREFIX, ''));
        if (partLevel !== undefined) {
          open.push({ index: index - 1, level: partLevel - 0.5 });
          open.push({ index, level: partLevel, partOf: true });
        }
      } else if (level !== undefined) {
        while (open.length > 0 && open[open.length - 1]!.level >= level) {
          const closed = open.pop()!;
          // A numbered line after a numbered 其中 line at its level is the next part of the same breakdown.
          if (closed.partOf && closed.level === level) row.partOf = true;
        }
        if (open.length > 0) row.parent = open[open.length - 1]!.index;
        open.push({ index, level, partOf: row.partOf });
      } else if (open.length > 0 && labelKey !== '') {
        row.parent = open[open.length - 1]!.index;
        // Lines after a "其中：" line belong to the same partial breakdown.
        const previous = table.rows[index - 1];
        if (previous?.partOf && previous.parent === row.parent) row.partOf = true;
      } else if (index > 0 && table.rows[index - 1]!.partOf && labelKey !== '') {
        row.parent = table.rows[index - 1]!.parent;
        row.partOf = true;
      }
      if (row.parent !== undefined) row.depth = table.rows[row.parent]!.depth + 1;
    }
    table.rows.push(row);
    table.range.bottom = r;
  }
  if (table.rows.some((row) => row.code !== undefined)) linkCodeHierarchy(table.rows);
  noteUnknownColumns(input, table);
  return table;
}

function amountEvidence(
  header: AmountHeader,
  labelColumn: number | undefined,
  columns: AmountColumnInfo[],
): ColumnEvidence[] {
  const evidence: ColumnEvidence[] = [];
  const cols = [labelColumn, header.codeColumn, header.codeParts?.class, ...columns.map((c) => c.col)].filter(
    (c): c is number => c !== undefined,
  );
  const [left, right] = [Math.min(...cols), Math.max(...cols)];
  for (const [col, path] of [...header.paths].sort((a, b) => a[0] - b[0])) {
    // A side of a 收入 | 支出 table explains its own columns.
    if (header.labelColumns.length > 1 && (col < left || col > right)) continue;
    const amount = columns.find((c) => c.col === col);
    let role: string | undefined = amount?.role;
    if (col === header.codeColumn) role = 'code';
    else if (header.codeParts?.class === col) role = 'code:类';
    else if (header.codeParts?.section === col) role = 'code:款';
    else if (header.codeParts?.item === col) role = 'code:项';
    else if (col === labelColumn) role = 'label';
    else if (header.serialColumns.includes(col)) role = 'serial';
    else role ??= header.infoColumns.find((i) => i.col === col)?.kind;
    evidence.push({ col, path, role, why: role ? 'header' : `no role for "${path.join('›')}"` });
  }
  return evidence;
}

/** The row's amounts in column order; cells are made only for the few amounts a finding points at. */
class ColumnAmounts implements RowAmounts {
  constructor(
    private readonly sheet: string,
    private readonly row: number,
    private readonly columns: readonly number[],
    private readonly values: readonly (Decimal | null)[],
  ) {}

  value(col: number): Decimal | null | undefined {
    const index = this.columns.indexOf(col);
    return index < 0 ? undefined : this.values[index];
  }

  get(col: number): NumberCell | null | undefined {
    const value = this.value(col);
    return value ? { sheet: this.sheet, row: this.row, col, value } : value;
  }
}

/** Numbers under a header the checker does not know are said to be unchecked, never skipped silently. */
function noteUnknownColumns(input: BuildInput, table: AmountTable): void {
  const { view, header } = input;
  const firstAmount = Math.min(...table.columns.map((c) => c.col));
  for (const col of input.header.unknownColumns) {
    if (col < firstAmount || table.rows.length === 0) continue;
    let numbers = 0;
    for (const row of table.rows) if (view.number(row.row, col) !== null) numbers++;
    // Both sides of a 收入 | 支出 table see the same header: note a column once.
    const duplicate = input.notes.some(
      (n) =>
        n.kind === 'unrecognized-range' &&
        n.sheet === view.name &&
        n.range.left === col &&
        n.range.top === header.bottom,
    );
    if (numbers === 0 || duplicate) continue;
    input.notes.push({
      kind: 'unrecognized-range',
      sheet: view.name,
      range: { top: header.bottom, left: col, bottom: table.range.bottom, right: col },
      numbers,
    });
  }
}

/** The first text cell of the row between `from` and the first amount column. */
function leadingTextKey(view: SheetView, row: number, from: number, to: number): string {
  for (let c = Math.max(0, from); c < to; c++) {
    const key = view.keyOf(row, c);
    if (key !== '') return key;
  }
  return '';
}

/** Digits of a classification code: "2010301", "201 03 01", "201-03-01", "201.03.01". */
export function parseCode(text: string | undefined): string | undefined {
  return text ? parseCodeKey(textKey(text)) : undefined;
}

function parseCodeKey(key: string): string | undefined {
  if (key === '') return undefined;
  const match = /^(\d{3})(?:[-.]?(\d{2}))?(?:[-.]?(\d{2}))?(?!\d)/.exec(key);
  if (!match) return undefined;
  const written = match[0];
  // Most codes are written as bare digits: the match is the code.
  return written.length === 3 || /^\d+$/.test(written) ? written : `${match[1]}${match[2] ?? ''}${match[3] ?? ''}`;
}

function codeTextOf(
  view: SheetView,
  row: number,
  header: AmountHeader,
  lastClass: string,
  lastSection: string,
): string | undefined {
  if (header.codeColumn !== undefined) {
    const text = view.text(row, header.codeColumn);
    return text === '' ? undefined : text;
  }
  const parts = header.codeParts;
  if (!parts) return undefined;
  const cls = view.keyOf(row, parts.class);
  const section = parts.section !== undefined ? view.keyOf(row, parts.section) : '';
  const item = parts.item !== undefined ? view.keyOf(row, parts.item) : '';
  if (cls === '' && section === '' && item === '') return undefined;
  if (TOTAL_ROW.test(cls) || SUBTOTAL_ROW.test(cls)) return cls;
  const digits = [cls, section, item].filter((d) => /^\d+$/.test(d));
  if (digits.length !== [cls, section, item].filter((d) => d !== '').length) return undefined;
  // 类 | 款 | 项 columns hold either the two-digit part ("03") or the whole code ("20103").
  const longest = [...digits].sort((a, b) => b.length - a.length)[0] ?? '';
  if (longest.length >= 5) return longest;
  // 类 (and 款) left blank under the line that states them: carried down.
  const classPart = cls !== '' ? cls : lastClass;
  const sectionPart = section !== '' ? section : item !== '' ? lastSection : '';
  if (classPart === '') return undefined;
  return `${classPart}${sectionPart}${item}`;
}

/** Parent of each coded row: the row whose code is this code less its last two digits (or four). */
function linkCodeHierarchy(rows: AmountRow[]): void {
  // Codes are 3, 5 or 7 digits: keyed as numbers (length and value), a parent's key is arithmetic, with no
  // string cut and hashed per row.
  const keyOf = (value: number, length: number) => length * 1e7 + value;
  const values = rows.map((row) => (row.code ? Number(row.code) : 0));
  // Set from the last row up, so that a code written twice keeps its first row: one Map operation per row.
  const byCode = new Map<number, number>();
  for (let i = rows.length - 1; i >= 0; i--) {
    const code = rows[i]!.code;
    if (code) byCode.set(keyOf(values[i]!, code.length), i);
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const code = row.code;
    if (!code) continue;
    row.depth = (code.length - 3) / 2;
    for (let cut = 2, divisor = 100; code.length - cut >= 3; cut += 2, divisor *= 100) {
      const parent = byCode.get(keyOf(Math.floor(values[i]! / divisor), code.length - cut));
      if (parent !== undefined) {
        row.parent = parent;
        break;
      }
    }
  }
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
  const otherExpense = all('otherExpense');
  if (total !== undefined && basic !== undefined && project !== undefined)
    formulas.push({ total, parts: [basic, project, ...otherExpense] });
  else if (total !== undefined && personnel !== undefined && publicCost !== undefined && project !== undefined) {
    // 基本支出 written as a group header over 人员经费 | 公用经费, with no column of its own.
    formulas.push({ total, parts: [personnel, publicCost, project, ...otherExpense] });
  } else if (total !== undefined && personnel !== undefined && publicCost !== undefined)
    formulas.push({ total, parts: [personnel, publicCost] });
  else if (total !== undefined && abroad !== undefined && reception !== undefined) {
    const vehicleParts =
      vehicle !== undefined ? [vehicle] : [purchase, running].filter((c): c is number => c !== undefined);
    formulas.push({ total, parts: [abroad, ...vehicleParts, reception] });
  } else if (total !== undefined && all('source').length > 0) formulas.push({ total, parts: all('source') });
  if (basic !== undefined && personnel !== undefined && publicCost !== undefined)
    formulas.push({ total: basic, parts: [personnel, publicCost] });
  if (vehicle !== undefined && purchase !== undefined && running !== undefined)
    formulas.push({ total: vehicle, parts: [purchase, running] });
  return formulas;
}
