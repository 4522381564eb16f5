/**
 * What recognition made of a workbook, as a small stable object a test can compare with `toEqual`: the expected
 * model is then written out, and reviewed, in the test itself. Rows and columns as the user sees them (row 5,
 * column C), every table's kind, layout, range, header rows and column roles, and the identities the sum rules
 * will check (row formulas, the parent of each row, a project's budget = Σ its sources, declared scores).
 */
import { cellAddress, columnLetters, rangeAddress } from '../../src/validation/address';
import type {
  AmountTable,
  Indicator,
  IndicatorTable,
  RecognitionNote,
  Table,
  WorkbookModel,
} from '../../src/validation/model';

/** [sheet row, kind, code, parent's sheet row]: trailing blanks dropped. kind 'part' = an item of a 其中 breakdown. */
export type RowSummary = [number, 'total' | 'subtotal' | 'item' | 'part', ...(string | number | null)[]];

export interface AmountSummary {
  kind: 'amounts';
  sheet: string;
  layout: string;
  range: string;
  title?: string;
  moneyUnit?: string;
  headerRows: number[];
  /** Role of each header column by letter; null for a header column given no role. */
  columns: Record<string, string | null>;
  /** Header paths of more than one segment, joined with ›. */
  paths?: Record<string, string>;
  rows: RowSummary[];
  /** "C = D + E" for each identity every row must satisfy. */
  rowFormulas: string[];
  infoColumns?: Record<string, string>;
}

export interface ProjectSummary {
  name?: string;
  budget?: string;
  /** The budget's split by source, in a flat list's 资金来源 columns. */
  sources?: string[];
  indicators: number;
  /** Σ of the weights, when any indicator has one. */
  weights?: string;
  /** "产出指标(50分)": 50, a 一级/二级 that states its score. */
  declaredScores?: Record<string, string>;
  weightTotal?: string;
  budgetExecutionWeight?: string;
  yearTarget?: string;
  rows: string;
}

export interface IndicatorSummary {
  kind: 'indicators';
  sheet: string;
  layout: string;
  range: string;
  title?: string;
  moneyUnit?: string;
  headerRows: number[];
  columns: Record<string, string | null>;
  paths?: Record<string, string>;
  fundSourceColumns?: string[];
  /** A flat list's department lines: name, total, and the projects under it. */
  units?: { name: string; total: string; projects: string[] }[];
  projects: ProjectSummary[];
}

export type TableSummary = AmountSummary | IndicatorSummary;

export interface ModelSummary {
  tables: TableSummary[];
  /** "kind sheet!range": what recognition said it did not understand. */
  notes: string[];
}

export function summarizeModel(model: WorkbookModel): ModelSummary {
  return { tables: model.tables.map(summarizeTable), notes: model.notes.map(summarizeNote) };
}

export function summarizeTable(table: Table): TableSummary {
  return table.kind === 'amounts' ? summarizeAmounts(table) : summarizeIndicators(table);
}

function base(table: Table) {
  const columns: Record<string, string | null> = {};
  const paths: Record<string, string> = {};
  for (const evidence of table.columnEvidence) {
    const letter = columnLetters(evidence.col);
    columns[letter] = evidence.role ?? null;
    if (evidence.path.length > 1) paths[letter] = evidence.path.join('›');
  }
  return {
    sheet: table.sheet,
    range: rangeAddress(table.range),
    ...(table.title !== undefined && { title: table.title }),
    ...(table.moneyUnit !== undefined && { moneyUnit: table.moneyUnit }),
    headerRows: [...table.headerRows].sort((a, b) => a - b).map((r) => r + 1),
    columns,
    ...(Object.keys(paths).length > 0 && { paths }),
  };
}

function summarizeAmounts(table: AmountTable): AmountSummary {
  const layout = [table.block ? 'block' : undefined, table.layout, table.side].filter(Boolean).join(':');
  const rows = table.rows.map((row): RowSummary => {
    const kind = row.partOf ? 'part' : row.kind;
    const parent = row.parent !== undefined ? table.rows[row.parent]!.row + 1 : null;
    const cells: (string | number | null)[] = [row.code ?? null, parent];
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return [row.row + 1, kind, ...cells];
  });
  return {
    kind: 'amounts',
    ...base(table),
    layout,
    rows,
    rowFormulas: table.rowFormulas.map(
      (f) => `${columnLetters(f.total)} = ${f.parts.map((p) => columnLetters(p)).join(' + ')}`,
    ),
    ...(table.infoColumns.length > 0 && {
      infoColumns: Object.fromEntries(table.infoColumns.map((c) => [columnLetters(c.col), c.kind])),
    }),
  };
}

function summarizeIndicators(table: IndicatorTable): IndicatorSummary {
  return {
    kind: 'indicators',
    ...base(table),
    layout: `${table.layout}:${table.scope}`,
    ...(table.fundSourceColumns.length > 0 && { fundSourceColumns: table.fundSourceColumns.map(columnLetters) }),
    ...(table.units.length > 0 && {
      units: table.units.map((unit) => ({
        name: unit.name.text,
        total: unit.total.value.toString(),
        projects: unit.projectIndices.map((i) => table.projects[i]?.name?.text ?? `#${i}`),
      })),
    }),
    projects: table.projects.map((project) => {
      const weighted = project.indicators.filter((i) => i.weight);
      const summary: ProjectSummary = {
        ...(project.name && { name: project.name.text }),
        ...(project.budget && { budget: project.budget.value.toString() }),
        ...(project.sources && { sources: project.sources.map((s) => s.value.toString()) }),
        indicators: project.indicators.length,
        ...(weighted.length > 0 && {
          weights: weighted
            .reduce((sum, i) => sum.plus(i.weight!.value), weighted[0]!.weight!.value.times(0))
            .toString(),
        }),
        ...(project.declaredScores.length > 0 && {
          declaredScores: Object.fromEntries(
            project.declaredScores.map((d) => [d.name.text, d.score.value.toString()]),
          ),
        }),
        ...(project.weightTotal && { weightTotal: project.weightTotal.value.toString() }),
        ...(project.budgetExecutionWeight && {
          budgetExecutionWeight: project.budgetExecutionWeight.value.toString(),
        }),
        ...(project.yearTarget && { yearTarget: project.yearTarget.text }),
        rows: `${project.firstRow + 1}:${project.lastRow + 1}`,
      };
      return summary;
    }),
  };
}

/**
 * One indicator as a row of text: [sheet row, 一级, 二级, 三级, comparator, value, unit, weight], blanks as ''.
 * For tests that need to see what was read from each cell (符号 | 数值 split, a date target).
 */
export function indicatorLine(indicator: Indicator): (string | number)[] {
  return [
    indicator.row + 1,
    indicator.level1?.text ?? '',
    indicator.level2?.text ?? '',
    indicator.level3?.text ?? '',
    indicator.comparator?.text ?? '',
    indicator.value?.text ?? '',
    indicator.unit?.text ?? '',
    indicator.weight?.value.toString() ?? indicator.weightText?.text ?? '',
  ];
}

export function indicatorLines(table: Table | undefined): (string | number)[][] {
  if (table?.kind !== 'indicators') return [];
  return table.projects.flatMap((project) => project.indicators.map(indicatorLine));
}

function summarizeNote(note: RecognitionNote): string {
  switch (note.kind) {
    case 'unrecognized-range':
    case 'no-table':
      return `${note.kind} ${note.sheet}!${rangeAddress(note.range)}`;
    case 'non-numeric-amount':
    case 'error-value':
      return `${note.kind} ${note.sheet}!${cellAddress(note.row, note.col)}`;
  }
}
