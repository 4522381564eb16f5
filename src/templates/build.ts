import { cellAddress, columnLetters } from '../validation/address';
import type { CodeTable, FlatList, FormRow, IndicatorBlock, SummaryTable, TemplateDefinition } from './definitions';
import { level1ListName, listSheet } from './lists';
import type { PlanValidation, RenderPlan } from './plan';

const MONEY = '#,##0.00';
const CHECK_NOTE = '检查结果（需安装“预算绩效表检查”加载项）';

/** Accumulates a plan row by row; rows and columns are 1-based here, as in A1 addresses. */
class PlanBuilder {
  readonly plan: RenderPlan;
  row = 1;

  constructor(definition: TemplateDefinition, widths: number[], landscape: boolean) {
    this.plan = {
      templateId: definition.id,
      sheetName: definition.sheetName,
      cells: [],
      merges: [],
      columnWidths: widths,
      numberFormats: [],
      validations: [],
      freezeRows: 0,
      landscape,
      boldRows: [],
      lists: listSheet(),
    };
  }

  get width(): number {
    return this.plan.columnWidths.length;
  }

  /** The builder counts rows and columns from 1, as Excel shows them. */
  static a1(row: number, col: number): string {
    return cellAddress(row - 1, col - 1);
  }

  value(row: number, col: number, value: string | number): void {
    this.plan.cells.push({ address: PlanBuilder.a1(row, col), value });
  }

  formula(row: number, col: number, formula: string): void {
    this.plan.cells.push({ address: PlanBuilder.a1(row, col), formula });
  }

  merge(row: number, fromCol: number, toRow: number, toCol: number): void {
    if (row === toRow && fromCol === toCol) return;
    this.plan.merges.push(`${PlanBuilder.a1(row, fromCol)}:${PlanBuilder.a1(toRow, toCol)}`);
  }

  format(fromRow: number, col: number, toRow: number, format: string): void {
    this.plan.numberFormats.push({ range: `${PlanBuilder.a1(fromRow, col)}:${PlanBuilder.a1(toRow, col)}`, format });
  }

  dropdown(fromRow: number, col: number, toRow: number, source: string, strict = true, prompt?: string): void {
    const validation: PlanValidation = {
      range: `${PlanBuilder.a1(fromRow, col)}:${PlanBuilder.a1(toRow, col)}`,
      source,
      strict,
    };
    if (prompt) validation.prompt = prompt;
    this.plan.validations.push(validation);
  }

  title(text: string, unitLine: string): void {
    this.value(this.row, 1, text);
    this.merge(this.row, 1, this.row, this.width);
    this.plan.boldRows.push(this.row);
    this.row++;
    this.value(this.row, this.width, unitLine);
    this.row++;
  }

  /** Label | value (merged across the rest of the width); amounts can be the sum of other rows. */
  form(rows: FormRow[]): Map<string, number> {
    const at = new Map<string, number>();
    rows.forEach((row, i) => at.set(row.label, this.row + i));
    for (const row of rows) {
      this.value(this.row, 1, row.label);
      this.merge(this.row, 2, this.row + (row.kind === 'text' ? (row.lines ?? 1) - 1 : 0), this.width);
      if (row.kind === 'amount') {
        this.format(this.row, 2, this.row, MONEY);
        if (row.sumOf) this.formula(this.row, 2, row.sumOf.map((label) => `B${at.get(label)!}`).join('+'));
      } else if (row.kind === 'weight') {
        this.value(this.row, 2, row.value);
      }
      if (row.kind === 'text' && row.lines && row.lines > 1) {
        this.merge(this.row, 1, this.row + row.lines - 1, 1);
        this.row += row.lines;
      } else this.row++;
    }
    return at;
  }

  /** A live check next to the table: =BUDGET.CHECK(…) spills its findings from there. */
  checkCell(row: number, col: number, range: string): void {
    this.value(row, col, CHECK_NOTE);
    this.formula(row + 1, col, `BUDGET.CHECK(${range})`);
  }
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

function indicatorPlan(definition: TemplateDefinition, block: IndicatorBlock): RenderPlan {
  const b = new PlanBuilder(definition, [16, 18, 30, 10, 14, 12, 8, 12], false);
  b.title(definition.title, definition.unitLine);
  const form = b.form(definition.form);
  const header = b.row;
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '权重', '指标方向性'].forEach((h, i) =>
    b.value(header, i + 1, h),
  );
  b.plan.boldRows.push(header);
  const first = header + 1;
  block.prefill.forEach(([level1, level2], i) => {
    b.value(first + i, 1, level1);
    b.value(first + i, 2, level2);
  });
  const last = first + block.prefill.length + block.blankRows - 1;
  b.dropdown(first, 1, last, `=${level1ListName(block.profile)}`, true, '一级指标');
  b.dropdown(first, 2, last, `=INDIRECT($A${first})`, true, '二级指标（随一级指标变化）');
  b.dropdown(first, 4, last, '=指标性质列表');
  b.dropdown(first, 6, last, '=计量单位列表', false, '可从列表选择，也可直接输入');
  b.dropdown(first, 8, last, '=指标方向性列表');
  // Weights keep Excel's General format: 7.5 shows as 7.5 (a "0" format would show 8 while the total adds 7.5).
  const total = last + 1;
  b.value(total, 1, '权重合计');
  b.merge(total, 1, total, 6);
  b.formula(total, 7, `SUM(G${first}:G${last})`);
  const execution = form.get('预算执行率权重');
  // 预算执行率 stated in the form takes its points out of the table; otherwise 100, or 90 + 10.
  b.formula(
    total,
    8,
    execution !== undefined
      ? `IF(G${total}=100-B${execution},"✓ 正确","✗ 应为 "&(100-B${execution}))`
      : `IF(OR(G${total}=100,G${total}=90),"✓ 正确","✗ 应为 100（或 90 + 预算执行率 10）")`,
  );
  b.plan.boldRows.push(total);
  b.plan.freezeRows = header;
  b.plan.printTitleRows = `${header}:${header}`;
  b.checkCell(header, 10, `A1:H${total}`);
  return b.plan;
}

function flatPlan(definition: TemplateDefinition, list: FlatList): RenderPlan {
  const headers = [
    '单位名称',
    '项目名称',
    '预算数',
    '年度目标',
    '一级指标',
    '二级指标',
    '三级指标',
    '指标性质',
    '指标值',
    '度量单位',
    '权重',
    '指标方向性',
  ];
  const b = new PlanBuilder(definition, [16, 24, 10, 30, 12, 16, 28, 9, 10, 10, 7, 11], true);
  b.title(definition.title, definition.unitLine);
  const header = b.row;
  headers.forEach((h, i) => b.value(header, i + 1, h));
  b.plan.boldRows.push(header);
  const first = header + 1;
  const last = first + list.rows - 1;
  b.dropdown(first, 5, last, '=一级指标列表');
  b.dropdown(first, 6, last, `=INDIRECT($E${first})`, true, '二级指标（随一级指标变化）');
  b.dropdown(first, 8, last, '=指标性质列表');
  b.dropdown(first, 10, last, '=计量单位列表', false, '可从列表选择，也可直接输入');
  b.dropdown(first, 12, last, '=指标方向性列表');
  b.format(first, 3, last, MONEY);
  b.plan.freezeRows = header;
  b.plan.printTitleRows = `${header}:${header}`;
  // Projects are rows of this list: the per-project weight totals come from BUDGET.WEIGHTS. Both results
  // spill downwards, so they stand side by side (3 and 4 columns wide), never one below the other.
  b.value(header, 14, '各项目权重合计（需安装加载项）');
  b.formula(header + 1, 14, `BUDGET.WEIGHTS(A${header}:L${last})`);
  b.checkCell(header, 18, `A${header}:L${last}`);
  return b.plan;
}

function codePlan(definition: TemplateDefinition, table: CodeTable): RenderPlan {
  const b = new PlanBuilder(definition, [12, 36, ...table.amounts.map(() => 14)], false);
  b.title(definition.title, definition.unitLine);
  const upper = b.row;
  b.value(upper, 1, `${table.classification}科目`);
  b.merge(upper, 1, upper, 2);
  b.value(upper, 3, '预算数');
  b.merge(upper, 3, upper, 2 + table.amounts.length);
  const header = upper + 1;
  ['科目编码', '科目名称', ...table.amounts].forEach((h, i) => b.value(header, i + 1, h));
  b.plan.boldRows.push(upper, header);
  const totalRow = header + 1;
  const first = totalRow + 1;
  const last = first + table.rows - 1;
  b.value(totalRow, 1, '合计');
  b.plan.boldRows.push(totalRow);
  table.amounts.forEach((_, i) => {
    const col = columnLetters(2 + i);
    // The 合计 row adds the 类 rows (three-digit codes) only, so each leaf is counted once.
    // Comma form: the rows' "" (blank) results count as 0 instead of making the product #VALUE!.
    b.formula(totalRow, 3 + i, `SUMPRODUCT(--(LEN($A$${first}:$A$${last})=3),${col}$${first}:${col}$${last})`);
    b.format(totalRow, 3 + i, last, MONEY);
  });
  const parts = table.amounts.slice(1).map((_, i) => columnLetters(3 + i));
  for (let r = first; r <= last; r++) {
    // 合计 = its parts, on every row; blank while the row is empty.
    b.formula(
      r,
      3,
      `IF(COUNT(${parts.map((c) => `${c}${r}`).join(',')})=0,"",${parts.map((c) => `${c}${r}`).join('+')})`,
    );
  }
  b.plan.freezeRows = header;
  b.plan.printTitleRows = `${upper}:${header}`;
  b.checkCell(upper, 4 + table.amounts.length, `A${upper}:${columnLetters(1 + table.amounts.length)}${last}`);
  return b.plan;
}

function sanGongPlan(definition: TemplateDefinition): RenderPlan {
  const b = new PlanBuilder(definition, [12, 16, 12, 16, 16, 14], true);
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
  b.plan.boldRows.push(h1, h2);
  const data = h2 + 1;
  b.formula(data, 1, `B${data}+C${data}+F${data}`);
  b.formula(data, 3, `D${data}+E${data}`);
  for (let c = 1; c <= 6; c++) b.format(data, c, data, MONEY);
  b.plan.freezeRows = h2;
  b.checkCell(h1, 8, `A${h1}:F${data}`);
  return b.plan;
}

function summaryPlan(definition: TemplateDefinition, table: SummaryTable): RenderPlan {
  const b = new PlanBuilder(definition, [24, 12, 28, 12, 14, 14, 14], true);
  b.title(definition.title, definition.unitLine);
  const upper = b.row;
  b.value(upper, 1, '收入');
  b.merge(upper, 1, upper, 2);
  b.value(upper, 3, '支出');
  b.merge(upper, 3, upper, 7);
  const header = upper + 1;
  ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'].forEach((h, i) =>
    b.value(header, i + 1, h),
  );
  b.plan.boldRows.push(upper, header);
  let row = header + 1;
  const incomeTops: number[] = [];
  for (const item of table.income) {
    const top = row++;
    b.value(top, 1, item.label);
    incomeTops.push(top);
    const children = item.children ?? [];
    children.forEach((child) => b.value(row++, 1, child));
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
  b.value(totalRow, 1, '收入合计');
  b.formula(totalRow, 2, incomeTops.map((r) => `B${r}`).join('+'));
  b.value(totalRow, 3, '支出合计');
  for (const col of ['D', 'E', 'F', 'G'])
    b.formula(totalRow, 'DEFG'.indexOf(col) + 4, expenseTops.map((r) => `${col}${r}`).join('+'));
  b.plan.boldRows.push(totalRow);
  b.format(header + 1, 2, totalRow, MONEY);
  for (let c = 4; c <= 7; c++) b.format(header + 1, c, totalRow, MONEY);
  b.value(totalRow + 1, 1, '收支平衡');
  b.formula(totalRow + 1, 2, `IF(B${totalRow}=D${totalRow},"✓ 收支平衡","✗ 收入合计与支出合计不等")`);
  b.plan.freezeRows = header;
  b.checkCell(upper, 9, `A${upper}:G${totalRow}`);
  return b.plan;
}
