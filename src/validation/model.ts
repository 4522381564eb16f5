/**
 * What recognition makes of a workbook: the tables it found, in terms the rules can check.
 * Coordinates are 0-based; `sheet` names the grid.
 */
import type Decimal from 'decimal.js';
import type { CellRange } from './grid';
import type { MoneyUnit } from './normalize';
import type { AmountColumn, FormField, IndicatorColumn, InfoColumnKind } from './vocabulary';

export interface CellPos {
  sheet: string;
  row: number;
  col: number;
}

/** A number read from a cell. */
export interface NumberCell extends CellPos {
  value: Decimal;
}

/** A text read from a cell (normalized text; `raw` as written). */
export interface TextCell extends CellPos {
  text: string;
  raw: string;
}

export interface FormValue extends CellPos {
  field: FormField;
  label: string;
  /** Set when the value is a number ("582.03万元" → 582.03). */
  amount?: Decimal;
  unit?: MoneyUnit;
  text: string;
}

/** A text of a form block with the cells that may label it: left of it, and above it. */
export interface FormText {
  cell: TextCell;
  left: string;
  above: string;
}

export interface Indicator {
  row: number;
  level1?: TextCell;
  level2?: TextCell;
  level3?: TextCell;
  comparator?: TextCell;
  value?: TextCell;
  unit?: TextCell;
  /** The weight as written (a number, or text that is not one: see weightText). */
  weight?: NumberCell;
  weightText?: TextCell;
  direction?: TextCell;
  valueType?: TextCell;
  /** 绩效自评表: the 实际完成值 as written. */
  actual?: TextCell;
  /** 绩效自评表: the 得分 (a number; scoreText when the cell holds text that is not one). */
  score?: NumberCell;
  scoreText?: TextCell;
  /** 绩效自评表: the 偏差原因 (分析及改进措施) as written. */
  deviation?: TextCell;
  /** Columns the row's content sits away from the header (−1 = one column left); 0 when aligned. */
  shift: number;
}

/** A 一级/二级 row that states the score of its children (a row with a weight but no 三级 name). */
export interface DeclaredScore {
  level: 1 | 2;
  name: TextCell;
  score: NumberCell;
}

export interface Project {
  name?: TextCell;
  budget?: NumberCell;
  budgetUnit?: MoneyUnit;
  /** The unit (单位/部门) the project belongs to, as written near it. */
  unitLabel?: TextCell;
  /** The budget's split by source, in a flat list's 资金来源 columns (本级财政资金 | 上级补助资金 | 其他资金). */
  sources?: NumberCell[];
  /** "预算执行率 权重 10" stated for the project. */
  budgetExecutionWeight?: NumberCell;
  yearTarget?: TextCell;
  indicators: Indicator[];
  declaredScores: DeclaredScore[];
  /** A 合计 row of the weight column, if the table has one. */
  weightTotal?: NumberCell;
  /** 绩效自评表: the 得分 of the 总分 row. */
  scoreTotal?: NumberCell;
  /** 绩效自评表: the 预算执行 block (全年预算数 | 全年执行数 | 分值 | 执行率 | 得分). */
  execution?: BudgetExecution;
  /** First and last sheet row of the project's indicator rows. */
  firstRow: number;
  lastRow: number;
}

/** A rate as printed: its value in % and the digits after the point it is shown with ("95.00%" → 95, 2). */
export interface PercentCell extends NumberCell {
  decimals: number;
  /** Written as a fraction (0.95, no percent format): the fraction's own digits are the printed precision. */
  fraction: boolean;
}

/** The 预算执行 line of a 绩效自评表 (财预〔2020〕10号): 执行率 = 全年执行数 ÷ 全年预算数, 得分 = 执行率 × 分值. */
export interface BudgetExecution {
  initialBudget?: NumberCell;
  /** 全年预算数 (the adjusted budget). */
  budget?: NumberCell;
  executed?: NumberCell;
  points?: NumberCell;
  rate?: PercentCell;
  score?: NumberCell;
}

/** A department (单位) line of a flat list: "201-平武县人民政府办公室 | | 97.20". */
export interface UnitTotal {
  name: TextCell;
  total: NumberCell;
  /** Indices into the table's projects. */
  projectIndices: number[];
  /** Later repetitions of the same line (page headers), with their cells. */
  repeats: NumberCell[];
}

/** How recognition decided a column's role: its header path (top to bottom) and the evidence. For --explain. */
export interface ColumnEvidence {
  col: number;
  path: string[];
  role?: string;
  why: string;
}

interface TableBase {
  id: string;
  sheet: string;
  title?: string;
  range: CellRange;
  headerRows: number[];
  moneyUnit?: MoneyUnit;
  /** Every header column with the role it was given (or none) and why. */
  columnEvidence: ColumnEvidence[];
}

export interface IndicatorTable extends TableBase {
  kind: 'indicators';
  /** form: one project per table with a label → value block above; flat: one row per indicator, projects in columns. */
  layout: 'form' | 'flat';
  /** form tables: the whole department (部门整体) or one project. */
  scope: 'department' | 'project';
  /** targets: 绩效目标表 (申报/审批); self-evaluation: 绩效自评表 (实际完成值, 得分). */
  purpose: 'targets' | 'self-evaluation';
  columns: Partial<Record<IndicatorColumn, number>>;
  /** Columns that split each project's budget by source (资金来源 › 本级财政资金 | 上级补助资金 | 其他资金). */
  fundSourceColumns: number[];
  form: FormValue[];
  /** Every text cell of the form block above the header, with the label it stands under or beside. */
  formTexts: FormText[];
  /** The year the table is for ("2023年项目支出绩效目标表" → 2023), when its title says. */
  year?: number;
  projects: Project[];
  units: UnitTotal[];
}

export interface AmountColumnInfo {
  col: number;
  role: AmountColumn;
  header: string;
}

/**
 * A row's amounts by column (the table's amount columns and its `separate` info columns): null when blank or not
 * a number, undefined for a column the table lacks.
 */
export interface RowAmounts {
  /** The amount alone: what sums over 10⁵ rows read, with no cell object made. */
  value(col: number): Decimal | null | undefined;
  /** The amount's cell, for a finding's location: made when asked for. */
  get(col: number): NumberCell | null | undefined;
}

export interface AmountRow {
  row: number;
  /** Digits of the classification code ("2010301"), when the row has one. */
  code?: string;
  label?: TextCell;
  /** 'total' = 合计/总计 row, 'subtotal' = 小计 row; otherwise an item at `depth` (0 = top). */
  kind: 'total' | 'subtotal' | 'item';
  /** "其中：" rows: a partial breakdown of their parent (Σ ≤ parent, not =). */
  partOf?: boolean;
  depth: number;
  /** Index of the parent row in `rows`, if any. */
  parent?: number;
  amounts: RowAmounts;
  /** Columns whose cell holds an Excel error value: sums involving them cannot be checked. */
  errorColumns: ReadonlySet<number>;
}

export interface AmountTable extends TableBase {
  kind: 'amounts';
  /** code: 科目编码 rows; labels: 项目 rows (收支总表 sides); flat: data rows with no label (三公 表). */
  layout: 'code' | 'labels' | 'flat';
  /** For a two-sided 收支总表: which side this is. */
  side?: 'income' | 'expense';
  /** The other side of the same 收支总表, by id. */
  pairedWith?: string;
  codeColumn?: number;
  labelColumn?: number;
  columns: AmountColumnInfo[];
  rows: AmountRow[];
  /** Row formulas that hold on every row: total column = Σ part columns. */
  rowFormulas: { total: number; parts: number[] }[];
  /** Known columns that are never added up (执行率, 占比, 分值, 得分, 增减幅度, 备注). */
  infoColumns: { col: number; kind: InfoColumnKind; header: string }[];
  /**
   * A block of a form (资金情况 under 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分; 项目预算成本构成) whose
   * labels stand in the body: part of the form around it, not a table of its own.
   */
  block: boolean;
}

export type Table = IndicatorTable | AmountTable;

/** Something recognition could not make sense of, reported by the structure rules. */
export type RecognitionNote =
  | { kind: 'unrecognized-range'; sheet: string; range: CellRange; numbers: number }
  | { kind: 'non-numeric-amount'; sheet: string; row: number; col: number; text: string; column: string }
  | { kind: 'error-value'; sheet: string; row: number; col: number; code: string; inTable: boolean }
  /** A sheet that holds numbers but no table recognition could read: nothing on it was checked. */
  | { kind: 'no-table'; sheet: string; numbers: number; range: CellRange };

export interface WorkbookModel {
  sheets: string[];
  /** Sheet sizes, for checking that every finding lies inside its grid. */
  sheetSizes: Map<string, { rows: number; columns: number }>;
  tables: Table[];
  notes: RecognitionNote[];
  /** Text cells outside every recognized table (情况说明 paragraphs, notes under tables), in sheet and row order. */
  texts: TextCell[];
}
