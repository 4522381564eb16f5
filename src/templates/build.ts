import {
  parseConfig,
  type Config,
  cellAddress,
  columnLetters,
  parseCellAddress,
  parseRangeAddress,
} from '../validation';
import type { CodeTable, FlatList, FormRow, IndicatorBlock, SummaryTable, TemplateDefinition } from './definitions';
import { level1ListName, level2ListSource, listSheet } from './lists';
import { BODY_SIZE, innerPoints, LOOKS, rowPoints, textPoints } from './look';
import { cellRoles, type CellRole, type PlanValidation, type RenderPlan } from './plan';

const MONEY = '#,##0.00';
const CHECK_LABEL = '检查结果（预算检查加载项）';
/** What the live check shows where the add-in is not loaded (WPS, LibreOffice, a reviewer's Excel). */
export const CHECK_NOTE = '安装预算检查加载项后显示检查结果';
export const WEIGHTS_NOTE = '安装预算检查加载项后显示各项目权重合计';
/** Width (characters) of the columns holding the live check's label and note. */
const NOTE_WIDTH = 34;
/** Width of the column beside the indicator table that holds the weight status. */
const STATUS_WIDTH = 28;

/** Accumulates a plan row by row; rows and columns are 1-based here, as in A1 addresses. */
class PlanBuilder {
  readonly plan: RenderPlan;
  /** Columns of the printed form (the plan's widths may go on to the helper columns beside it). */
  readonly width: number;
  row = 1;

  constructor(definition: TemplateDefinition, widths: number[], landscape: boolean) {
    this.width = widths.length;
    this.plan = {
      templateId: definition.id,
      sheetName: definition.sheetName,
      cells: [],
      merges: [],
      columnWidths: [...widths],
      numberFormats: [],
      validations: [],
      freezeRows: 0,
      landscape,
      roles: [],
      rowHeights: [],
      printArea: '',
      lists: listSheet(),
    };
  }

  /** The builder counts rows and columns from 1, as Excel shows them. */
  static a1(row: number, col: number): string {
    return cellAddress(row - 1, col - 1);
  }

  static range(row: number, col: number, toRow: number, toCol: number): string {
    return `${PlanBuilder.a1(row, col)}:${PlanBuilder.a1(toRow, toCol)}`;
  }

  value(row: number, col: number, value: string | number): void {
    this.plan.cells.push({ address: PlanBuilder.a1(row, col), value });
  }

  formula(row: number, col: number, formula: string, result?: string): void {
    this.plan.cells.push({ address: PlanBuilder.a1(row, col), formula, ...(result !== undefined ? { result } : {}) });
  }

  merge(row: number, fromCol: number, toRow: number, toCol: number): void {
    if (row === toRow && fromCol === toCol) return;
    this.plan.merges.push(PlanBuilder.range(row, fromCol, toRow, toCol));
  }

  role(row: number, col: number, toRow: number, toCol: number, role: CellRole): void {
    this.plan.roles.push({ range: PlanBuilder.range(row, col, toRow, toCol), role });
  }

  /** Money cells: right-aligned (bold on a total row) with the money format. */
  money(fromRow: number, col: number, toRow: number, role: 'number' | 'totalNumber' = 'number'): void {
    this.plan.numberFormats.push({ range: PlanBuilder.range(fromRow, col, toRow, col), format: MONEY });
    this.role(fromRow, col, toRow, col, role);
  }

  dropdown(fromRow: number, col: number, toRow: number, source: string, strict = true, prompt?: string): void {
    const validation: PlanValidation = { range: PlanBuilder.range(fromRow, col, toRow, col), source, strict };
    if (prompt) validation.prompt = prompt;
    this.plan.validations.push(validation);
  }

  /** A row of column headers, bold, centred and wrapped. */
  headers(row: number, labels: string[]): void {
    labels.forEach((label, i) => {
      this.value(row, i + 1, label);
    });
    this.role(row, 1, row, labels.length, 'header');
  }

  title(text: string, unitLine: string): void {
    this.value(this.row, 1, text);
    this.merge(this.row, 1, this.row, this.width);
    this.role(this.row, 1, this.row, this.width, 'title');
    this.row++;
    this.value(this.row, this.width, unitLine);
    this.role(this.row, 1, this.row, this.width, 'unit');
    this.row++;
  }

  /** Label | value (merged across the rest of the width); amounts can be the sum of other rows. */
  form(rows: FormRow[]): Map<string, number> {
    const at = new Map<string, number>();
    let next = this.row;
    for (const row of rows) {
      at.set(row.label, next);
      next += row.kind === 'text' ? (row.lines ?? 1) : 1;
    }
    for (const row of rows) {
      const lines = row.kind === 'text' ? (row.lines ?? 1) : 1;
      const last = this.row + lines - 1;
      this.value(this.row, 1, row.label);
      this.merge(this.row, 1, last, 1);
      this.role(this.row, 1, last, 1, 'label');
      this.merge(this.row, 2, last, this.width);
      if (row.kind === 'amount') {
        this.money(this.row, 2, this.row);
        this.role(this.row, 2, this.row, this.width, 'number');
        // SUM, not +: a source typed as text (or left as "") never turns the total into #VALUE!.
        if (row.sumOf) this.formula(this.row, 2, `SUM(${row.sumOf.map((label) => `B${at.get(label)!}`).join(',')})`);
      } else {
        this.role(this.row, 2, last, this.width, row.kind === 'weight' ? 'number' : 'text');
      }
      this.row += lines;
    }
    return at;
  }

  /**
   * A live check beside the form, outside the print area: =BUDGET.CHECK(…) spills its findings from there.
   * Without the add-in the cell shows a note instead of #NAME? (IFERROR), which no checker reports.
   */
  helper(row: number, col: number, label: string, formula: string, note: string): void {
    while (this.plan.columnWidths.length < col - 1) this.plan.columnWidths.push(2);
    this.plan.columnWidths[col - 1] = NOTE_WIDTH;
    this.value(row, col, label);
    this.formula(row + 1, col, `IFERROR(${formula},"${note}")`, note);
    this.role(row, col, row + 1, col, 'note');
  }

  checkCell(row: number, col: number, range: string): void {
    this.helper(row, col, CHECK_LABEL, `BUDGET.CHECK(${range})`, CHECK_NOTE);
  }

  /** The print area over the form's columns down to `lastRow`, and the heights of rows whose text wraps. */
  finish(lastRow: number): RenderPlan {
    this.plan.printArea = PlanBuilder.range(1, 1, lastRow, this.width);
    this.plan.rowHeights = rowHeights(this.plan);
    return this.plan;
  }
}

/**
 * Rows whose fixed text (titles, headers, labels) needs more than one line in its column, or a larger font:
 * their height is set, since Excel does not fit rows to wrapped text when it opens a file. Rows left to the
 * user keep the automatic height.
 */
function rowHeights(plan: RenderPlan): { row: number; height: number }[] {
  const roles = cellRoles(plan);
  const spans = new Map<string, { cols: number[]; rows: number }>();
  for (const merge of plan.merges) {
    const r = parseRangeAddress(merge);
    const cols = Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i);
    spans.set(cellAddress(r.top, r.left), { cols, rows: r.bottom - r.top + 1 });
  }
  const heights = new Map<number, number>();
  for (const cell of plan.cells) {
    if (typeof cell.value !== 'string') continue;
    const role = roles.get(cell.address);
    if (!role || role === 'note') continue;
    const look = LOOKS[role];
    const { row, col } = parseCellAddress(cell.address);
    const span = spans.get(cell.address) ?? { cols: [col], rows: 1 };
    const width = span.cols.reduce((sum, c) => sum + (plan.columnWidths[c] ?? 8.43), 0);
    const points = innerPoints(width, look.indent);
    const lines = look.wrap ? Math.ceil(textPoints(cell.value, look.font.size) / points) : 1;
    // A cell spread over several rows shares their height.
    const height = rowPoints(Math.ceil(lines / span.rows), look.font.size);
    if (height > rowPoints(1, BODY_SIZE) && height > (heights.get(row) ?? 0)) heights.set(row, height);
  }
  return [...heights].sort(([a], [b]) => a - b).map(([row, height]) => ({ row: row + 1, height }));
}

export function buildPlan(definition: TemplateDefinition): RenderPlan {
  switch (definition.body.kind) {
    case 'indicators':
      return indicatorPlan(definition, definition.body);
    case 'flat':
      return flatPlan(definition, definition.body);
    case 'code':
      return codePlan(definition, definition.body);
    case 'sangong':
      return sanGongPlan(definition);
    case 'summary':
      return summaryPlan(definition, definition.body);
  }
}

/**
 * The weight total's status, from the profile's options as the weight/sum rule reads them: with 预算执行率's
 * points stated in the form, the table holds the rest (100 − 10 = 90); without, the table holds 100, or 90 where
 * the profile accepts (or requires) 预算执行率 scored outside the table. Blank while no weight is entered.
 */
export function weightStatus(
  options: Config['options'],
  sum: string,
  weights: string,
  execution: string | undefined,
): string {
  const full = options.weightTotal;
  const outside = options.acceptBudgetExecutionWeight ? options.budgetExecutionWeight : 0;
  const accepted =
    outside > 0 ? (options.requireBudgetExecutionWeight ? [full - outside] : [full, full - outside]) : [full];
  const rounded = `ROUND(${sum},6)`;
  const unstated = `IF(OR(${accepted.map((total) => `${rounded}=${total}`).join(',')}),"✓ 正确","✗ 应为 ${accepted.join(' 或 ')}")`;
  const status = execution
    ? `IF(COUNT(${execution})=1,IF(${rounded}=${full}-${execution},"✓ 正确","✗ 应为 "&(${full}-${execution})),${unstated})`
    : unstated;
  return `IF(COUNT(${weights})=0,"",${status})`;
}

function indicatorPlan(definition: TemplateDefinition, block: IndicatorBlock): RenderPlan {
  const b = new PlanBuilder(definition, [24, 20, 30, 10, 11, 10, 7, 12], true);
  b.title(definition.title, definition.unitLine);
  const form = b.form(definition.form);
  const header = b.row;
  b.headers(header, ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '权重', '指标方向性']);
  const first = header + 1;
  block.prefill.forEach(([level1, level2], i) => {
    b.value(first + i, 1, level1);
    b.value(first + i, 2, level2);
  });
  const last = first + block.prefill.length + block.blankRows - 1;
  (['center', 'center', 'text', 'center', 'center', 'center', 'number', 'center'] as const).forEach((role, i) => {
    b.role(first, i + 1, last, i + 1, role);
  });
  b.dropdown(first, 1, last, `=${level1ListName(block.profile)}`, true, '一级指标');
  b.dropdown(first, 2, last, level2ListSource(block.profile, `$A${first}`), true, '二级指标（随一级指标变化）');
  b.dropdown(first, 4, last, '=指标性质列表');
  b.dropdown(first, 6, last, '=计量单位列表', false, '可从列表选择，也可直接输入');
  b.dropdown(first, 8, last, '=指标方向性列表');
  // Weights keep Excel's General format: 7.5 shows as 7.5 (a "0" format would show 8 while the total adds 7.5).
  const total = last + 1;
  b.value(total, 1, '权重合计');
  b.merge(total, 1, total, 6);
  b.role(total, 1, total, 6, 'total');
  b.formula(total, 7, `SUM(G${first}:G${last})`);
  b.role(total, 7, total, 7, 'totalNumber');
  const execution = form.get('预算执行率权重');
  const options = parseConfig({ profile: block.profile }).options;
  b.role(total, 8, total, 8, 'total');
  // The status is a helper beside the printed form, as the live check is.
  b.formula(
    total,
    9,
    weightStatus(options, `G${total}`, `G${first}:G${last}`, execution !== undefined ? `B${execution}` : undefined),
  );
  b.role(total, 9, total, 9, 'status');
  b.plan.columnWidths.push(STATUS_WIDTH);
  // The header sits below the form: freezing down to it would hold half the screen, so nothing is frozen.
  b.plan.printTitleRows = `${header}:${header}`;
  b.checkCell(header, 10, `A1:H${total}`);
  return b.finish(total);
}

function flatPlan(definition: TemplateDefinition, list: FlatList): RenderPlan {
  const columns: [string, CellRole][] = [
    ['单位名称', 'text'],
    ['项目名称', 'text'],
    ['预算数', 'number'],
    ['年度目标', 'text'],
    ['一级指标', 'center'],
    ['二级指标', 'center'],
    ['三级指标', 'text'],
    ['指标性质', 'center'],
    ['指标值', 'center'],
    ['度量单位', 'center'],
    ['权重', 'number'],
    ['指标方向性', 'center'],
  ];
  const b = new PlanBuilder(definition, [10, 12, 11, 12, 12, 12, 14, 10, 8, 10, 6, 12], true);
  b.title(definition.title, definition.unitLine);
  const header = b.row;
  b.headers(
    header,
    columns.map(([label]) => label),
  );
  const first = header + 1;
  const last = first + list.rows - 1;
  columns.forEach(([, role], i) => {
    b.role(first, i + 1, last, i + 1, role);
  });
  b.dropdown(first, 5, last, '=一级指标列表');
  b.dropdown(first, 6, last, level2ListSource('national-2021', `$E${first}`), true, '二级指标（随一级指标变化）');
  b.dropdown(first, 8, last, '=指标性质列表');
  b.dropdown(first, 10, last, '=计量单位列表', false, '可从列表选择，也可直接输入');
  b.dropdown(first, 12, last, '=指标方向性列表');
  b.money(first, 3, last);
  b.plan.freezeRows = header;
  b.plan.printTitleRows = `${header}:${header}`;
  // Projects are rows of this list: the per-project weight totals come from BUDGET.WEIGHTS. Both results
  // spill downwards, so they stand side by side (3 and 4 columns wide), never one below the other.
  b.helper(header, 14, '各项目权重合计（预算检查加载项）', `BUDGET.WEIGHTS(A${header}:L${last})`, WEIGHTS_NOTE);
  b.checkCell(header, 18, `A${header}:L${last}`);
  return b.finish(last);
}

function codePlan(definition: TemplateDefinition, table: CodeTable): RenderPlan {
  const b = new PlanBuilder(definition, [10, 34, ...table.amounts.map(() => 14)], false);
  b.title(definition.title, definition.unitLine);
  const upper = b.row;
  b.value(upper, 1, `${table.classification}科目`);
  b.merge(upper, 1, upper, 2);
  b.value(upper, 3, '预算数');
  b.merge(upper, 3, upper, 2 + table.amounts.length);
  b.role(upper, 1, upper, b.width, 'header');
  const header = upper + 1;
  b.headers(header, ['科目编码', '科目名称', ...table.amounts]);
  const totalRow = header + 1;
  const first = totalRow + 1;
  const last = first + table.rows - 1;
  b.value(totalRow, 1, '合计');
  b.merge(totalRow, 1, totalRow, 2);
  b.role(totalRow, 1, totalRow, 2, 'total');
  b.role(first, 1, last, 2, 'text');
  table.amounts.forEach((_, i) => {
    const col = columnLetters(2 + i);
    // The 合计 row adds the 类 rows (three-digit codes) only, so each leaf is counted once.
    // Comma form: the rows' "" (blank) results count as 0 instead of making the product #VALUE!.
    b.formula(totalRow, 3 + i, `SUMPRODUCT(--(LEN($A$${first}:$A$${last})=3),${col}$${first}:${col}$${last})`);
    b.money(totalRow, 3 + i, totalRow, 'totalNumber');
    b.money(first, 3 + i, last);
  });
  const parts = table.amounts.slice(1).map((_, i) => columnLetters(3 + i));
  for (let r = first; r <= last; r++) {
    // 合计 = its parts, on every row; blank while the row is empty.
    const cells = parts.map((c) => `${c}${r}`).join(',');
    b.formula(r, 3, `IF(COUNT(${cells})=0,"",SUM(${cells}))`);
  }
  b.plan.freezeRows = header;
  b.plan.printTitleRows = `${upper}:${header}`;
  b.checkCell(upper, 4 + table.amounts.length, `A${upper}:${columnLetters(1 + table.amounts.length)}${last}`);
  return b.finish(last);
}

function sanGongPlan(definition: TemplateDefinition): RenderPlan {
  const b = new PlanBuilder(definition, [13, 15, 13, 15, 15, 14], false);
  b.title(definition.title, definition.unitLine);
  const h1 = b.row;
  const h2 = h1 + 1;
  b.value(h1, 1, '合计');
  b.merge(h1, 1, h2, 1);
  b.value(h1, 2, '因公出国（境）费');
  b.merge(h1, 2, h2, 2);
  b.value(h1, 3, '公务用车购置及运行费');
  b.merge(h1, 3, h1, 5);
  b.value(h2, 3, '小计');
  b.value(h2, 4, '公务用车购置费');
  b.value(h2, 5, '公务用车运行费');
  b.value(h1, 6, '公务接待费');
  b.merge(h1, 6, h2, 6);
  b.role(h1, 1, h2, 6, 'header');
  const data = h2 + 1;
  b.formula(data, 1, `SUM(B${data},C${data},F${data})`);
  b.formula(data, 3, `SUM(D${data}:E${data})`);
  for (let c = 1; c <= 6; c++) b.money(data, c, data);
  b.plan.freezeRows = h2;
  b.plan.printTitleRows = `${h1}:${h2}`;
  b.checkCell(h1, 8, `A${h1}:F${data}`);
  return b.finish(data);
}

function summaryPlan(definition: TemplateDefinition, table: SummaryTable): RenderPlan {
  const b = new PlanBuilder(definition, [26, 14, 22, 14, 14, 16, 18], true);
  b.title(definition.title, definition.unitLine);
  const upper = b.row;
  b.value(upper, 1, '收入');
  b.merge(upper, 1, upper, 2);
  b.value(upper, 3, '支出');
  b.merge(upper, 3, upper, 7);
  b.role(upper, 1, upper, 7, 'header');
  const header = upper + 1;
  b.headers(header, ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']);
  let row = header + 1;
  const incomeTops: number[] = [];
  const subRows: number[] = [];
  for (const item of table.income) {
    const top = row++;
    b.value(top, 1, item.label);
    incomeTops.push(top);
    const children = item.children ?? [];
    children.forEach((child) => {
      subRows.push(row);
      b.value(row++, 1, child);
    });
    if (children.length > 0) b.formula(top, 2, `SUM(B${top + 1}:B${top + children.length})`);
  }
  const incomeEnd = row;
  row = header + 1;
  const expenseTops: number[] = [];
  for (const item of table.expense) {
    const top = row++;
    b.value(top, 3, item.label);
    expenseTops.push(top);
    const children = item.children ?? 0;
    if (children > 0) {
      for (const col of ['D', 'E', 'F', 'G'])
        b.formula(top, 'DEFG'.indexOf(col) + 4, `SUM(${col}${top + 1}:${col}${top + children})`);
    } else {
      // A line with no sub-lines (二、结转下年): its 合计 is its own sources.
      b.formula(top, 4, `IF(COUNT(E${top}:G${top})=0,"",SUM(E${top}:G${top}))`);
    }
    for (let i = 0; i < children; i++) {
      const r = row++;
      b.formula(r, 4, `IF(COUNT(E${r}:G${r})=0,"",SUM(E${r}:G${r}))`);
    }
  }
  const totalRow = Math.max(incomeEnd, row);
  b.role(header + 1, 1, totalRow - 1, 1, 'text');
  for (const r of subRows) b.role(r, 1, r, 1, 'subtext');
  b.role(header + 1, 3, totalRow - 1, 3, 'text');
  b.money(header + 1, 2, totalRow - 1);
  for (let c = 4; c <= 7; c++) b.money(header + 1, c, totalRow - 1);
  b.value(totalRow, 1, '收入合计');
  // SUM, not +: 二、结转下年 is "" while it is empty.
  b.formula(totalRow, 2, `SUM(${incomeTops.map((r) => `B${r}`).join(',')})`);
  b.value(totalRow, 3, '支出合计');
  for (const col of ['D', 'E', 'F', 'G'])
    b.formula(totalRow, 'DEFG'.indexOf(col) + 4, `SUM(${expenseTops.map((r) => `${col}${r}`).join(',')})`);
  b.role(totalRow, 1, totalRow, 1, 'total');
  b.role(totalRow, 3, totalRow, 3, 'total');
  for (const c of [2, 4, 5, 6, 7]) b.money(totalRow, c, totalRow, 'totalNumber');
  // The balance status is a helper beside the total row, outside the printed form and the amount columns.
  b.plan.columnWidths.push(STATUS_WIDTH);
  b.formula(
    totalRow,
    8,
    `IF(AND(B${totalRow}=0,D${totalRow}=0),"",IF(ROUND(B${totalRow}-D${totalRow},2)=0,"✓ 收支平衡","✗ 收入合计与支出合计不等"))`,
  );
  b.role(totalRow, 8, totalRow, 8, 'status');
  b.plan.freezeRows = header;
  b.plan.printTitleRows = `${upper}:${header}`;
  b.checkCell(upper, 10, `A${upper}:G${totalRow}`);
  return b.finish(totalRow);
}
