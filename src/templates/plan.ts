import { cellAddress, parseRangeAddress } from '../validation';

/**
 * What a template becomes on a sheet, independent of who writes it: cells (values and formulas), merges,
 * widths, number formats, dropdowns, named lists, frozen rows and print setup. The CLI renders a plan with
 * exceljs, the task pane with Office.js; both render the same plan.
 */
export interface PlanCell {
  address: string;
  value?: string | number;
  formula?: string;
  /** What a formula shows before any program calculates it (the live check's note). */
  result?: string;
}

export interface PlanValidation {
  /** A1 range the dropdown applies to. */
  range: string;
  /** List source: a formula ("=一级指标", "=INDIRECT($B12)") or an inline list ('"≥,≤,=,定性"'). */
  source: string;
  /** Whether other text is still allowed (units: a curated list, free text allowed). */
  strict: boolean;
  prompt?: string;
}

/** What a cell is on the form; look.ts says how each role looks (font, alignment, border). */
export type CellRole =
  | 'title'
  | 'unit'
  | 'header'
  | 'label'
  | 'text'
  | 'subtext'
  | 'center'
  | 'number'
  | 'total'
  | 'totalNumber'
  | 'status'
  | 'note';

export interface RenderPlan {
  templateId: string;
  /** The sheet name to use, before making it unique in the workbook. */
  sheetName: string;
  cells: PlanCell[];
  merges: string[];
  /** Column widths in characters, column A first. */
  columnWidths: number[];
  numberFormats: { range: string; format: string }[];
  validations: PlanValidation[];
  /** Rows frozen at the top (the header). */
  freezeRows: number;
  /** Header rows repeated on every printed page, e.g. "5:6". */
  printTitleRows?: string;
  landscape: boolean;
  /** Roles by A1 range, a later range winning over an earlier one: every cell of the printed form has one. */
  roles: { range: string; role: CellRole }[];
  /** Heights in points of the rows whose fixed text takes more than one line (or a larger font). */
  rowHeights: { row: number; height: number }[];
  /** The printed form, e.g. "A1:H30": the live check and other helpers stay outside it. */
  printArea: string;
  /** The hidden sheet holding the dropdown lists, and the names that point into it. */
  lists?: ListSheet;
}

export interface ListSheet {
  sheetName: string;
  /** Columns of the list sheet, column A first: a header and its values. */
  columns: { header: string; values: string[] }[];
  /** Defined names → ranges on the list sheet ("'_预算检查列表'!$A$2:$A$5"). */
  names: { name: string; range: string }[];
}

/** "项目支出绩效目标表" → "项目支出绩效目标表 (2)" when taken; never an existing sheet's name. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const trimmed = base.slice(0, 31);
  if (!taken.has(trimmed.toLowerCase())) return trimmed;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Each cell's role by its A1 address, the later of two ranges winning. */
export function cellRoles(plan: Pick<RenderPlan, 'roles'>): Map<string, CellRole> {
  const roles = new Map<string, CellRole>();
  for (const { range, role } of plan.roles) {
    const r = parseRangeAddress(range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) roles.set(cellAddress(row, col), role);
  }
  return roles;
}
