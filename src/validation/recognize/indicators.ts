import Decimal from 'decimal.js';
import type {
  AmountTable,
  BudgetExecution,
  DeclaredScore,
  FormValue,
  Indicator,
  IndicatorTable,
  NumberCell,
  PercentCell,
  Project,
  TextCell,
  UnitTotal,
} from '../model';
import { isPlaceholderKey, keyOfNormalized, textKey } from '../normalize';
import type { SheetView } from '../sheet';
import {
  IndicatorColumn,
  UNIT_LABEL_PREFERENCE,
  comparatorOf,
  executionColumnOf,
  level1KindOf,
  level2KindOf,
} from '../vocabulary';
import type { IndicatorHeader } from './headers';
import { settleIndicatorColumns } from './indicator-columns';

const MAX_SHIFT = 2;
const TOTAL_LABEL = /^(合计|总计|总分|权重合计|分值合计|小计|合计分值|分值总计)$/;

interface BuildInput {
  view: SheetView;
  header: IndicatorHeader;
  bodyRows: number[];
  /** Rows of the form block above the header (already read). */
  form: FormValue[];
  formTop: number;
  title?: string;
  moneyUnit?: IndicatorTable['moneyUnit'];
  /** Blocks of amounts inside the form above the header (资金情况 with its 分值 | 执行率 | 得分). */
  blocks?: readonly AmountTable[];
}

export function buildIndicatorTable(input: BuildInput): IndicatorTable {
  const { view, header, bodyRows, form } = input;
  const { columns, evidence } = settleIndicatorColumns(view, header, bodyRows);
  const flat = columns.projectName !== undefined;
  const table: IndicatorTable = {
    kind: 'indicators',
    id: '',
    sheet: view.name,
    title: input.title,
    range: { top: Math.min(input.formTop, header.top), ...spanOf(view, header, input.formTop), bottom: header.bottom },
    headerRows: range(header.top, header.bottom),
    moneyUnit: input.moneyUnit,
    columnEvidence: evidence,
    layout: flat ? 'flat' : 'form',
    scope: 'project',
    purpose: isSelfEvaluation(columns, input.title) ? 'self-evaluation' : 'targets',
    columns,
    fundSourceColumns: header.fundSources,
    form,
    formTexts: readFormTexts(view, input.formTop, header.top - 1),
    year: yearOf(input.title),
    projects: [],
    units: [],
  };
  if (!flat) {
    table.scope = isDepartmentForm(form, input.title) ? 'department' : 'project';
    const project = projectFromForm(form, table.moneyUnit);
    project.budgetExecutionWeight ??= executionPointsOf(view, input.blocks ?? []);
    if (table.purpose === 'self-evaluation') project.execution = budgetExecutionOf(view, input.blocks ?? []);
    table.projects.push(project);
  }
  const unitsByName = new Map<string, UnitTotal>();
  let currentUnit: UnitTotal | undefined;
  let carried: { level1?: TextCell; level2?: TextCell } = {};
  let lastContentRow = header.bottom;
  const firstColumn = Math.min(...Object.values(columns));

  for (const r of bodyRows) {
    if (rowIsBlankIn(view, r, header.left - MAX_SHIFT, header.right + MAX_SHIFT)) continue;
    // One line merged across the row and split with its text filled into every cell (a note, a signature).
    if (isFilledAcross(view, r)) continue;
    lastContentRow = r;
    const shift = detectShift(view, r, columns, firstColumn);

    if (flat) {
      const unitName = textAt(view, r, columns.unitName, 0);
      const projectName = textAt(view, r, columns.projectName, 0);
      const budget = numberCell(view, r, columns.budget);
      const projectNameIsLevel1 = projectName !== undefined && level1KindOf(projectName.text) !== undefined;
      const current = table.projects[table.projects.length - 1];
      // Exports that repeat the project's name (and budget) on every indicator row: the same project goes on.
      const sameProject =
        current?.name !== undefined &&
        projectName !== undefined &&
        keyOfNormalized(current.name.text) === keyOfNormalized(projectName.text);
      if (projectName && !projectNameIsLevel1 && !sameProject && !isTotalText(projectName.text)) {
        const project = emptyProject(r);
        project.name = projectName;
        project.budget = budget;
        project.budgetUnit = table.moneyUnit;
        const sourcesReadable = header.fundSources.every(
          (col) => view.isEmpty(r, col) || view.isDash(r, col) || view.number(r, col) !== null,
        );
        if (budget && header.fundSources.length > 0 && sourcesReadable) {
          // A blank source is 0: the cell is still where that part of the budget belongs.
          project.sources = header.fundSources.map(
            (col) => numberCell(view, r, col) ?? { sheet: view.name, row: r, col, value: new Decimal(0) },
          );
        }
        // A unit written once, on its first project's row, holds for the projects below it.
        project.unitLabel = unitName ?? current?.unitLabel ?? currentUnit?.name;
        project.yearTarget = textAt(view, r, columns.target, 0);
        table.projects.push(project);
        currentUnit?.projectIndices.push(table.projects.length - 1);
        carried = {};
      } else if (unitName && budget && !hasIndicatorContent(view, r, columns, shift)) {
        const key = keyOfNormalized(unitName.text);
        const known = unitsByName.get(key);
        if (known) known.repeats.push(budget);
        else {
          const unit: UnitTotal = { name: unitName, total: budget, projectIndices: [], repeats: [] };
          unitsByName.set(key, unit);
          table.units.push(unit);
        }
        currentUnit = unitsByName.get(key);
        continue;
      }
    }

    const totalWeight = totalRowWeight(view, r, header, columns.weight);
    if (totalWeight !== undefined) {
      const project = table.projects[table.projects.length - 1];
      if (project && totalWeight) project.weightTotal = totalWeight;
      const totalScore = numberCell(view, r, columns.score);
      if (project && totalScore) project.scoreTotal = totalScore;
      continue;
    }
    if (!hasIndicatorContent(view, r, columns, shift)) continue;
    let project = table.projects[table.projects.length - 1];
    if (!project) {
      project = emptyProject(r);
      table.projects.push(project);
    }

    let level1 = textAt(view, r, columns.level1, shift);
    if (shift !== 0 && (!level1 || level1KindOf(level1.text) === undefined))
      level1 = strayLevel1(view, r, header) ?? level1;
    let level2 = textAt(view, r, columns.level2, shift);
    const level3 = textAt(view, r, columns.level3, shift);
    const weightCol = columns.weight === undefined ? undefined : columns.weight + shift;
    const weightFilled = weightCol !== undefined && weightCol >= 0 && !view.isEmpty(r, weightCol);
    const weight = weightFilled ? weightOf(view, r, weightCol) : undefined;
    const writtenLevel1 = level1;
    const writtenLevel2 = level2;
    if (level1) carried = { level1, level2: undefined };
    else level1 = carried.level1;
    if (level2) carried.level2 = level2;
    else level2 = carried.level2;

    const onlyPlaceholder = level3 !== undefined && isPlaceholderKey(keyOfNormalized(level3.text));
    const valueCell = percentAware(view, textAt(view, r, columns.value, shift));
    const nameless = level3 === undefined || onlyPlaceholder;

    // Scores stated in their own columns: 一级指标 | 一级指标分值 | 二级指标 | 二级指标分值 | …
    if (columns.level1Score !== undefined || columns.level2Score !== undefined) {
      const level1Score =
        writtenLevel1 &&
        numberCell(view, r, columns.level1Score === undefined ? undefined : columns.level1Score + shift);
      if (writtenLevel1 && level1Score)
        project.declaredScores.push({ level: 1, name: writtenLevel1, score: level1Score });
      const level2Score =
        writtenLevel2 &&
        numberCell(view, r, columns.level2Score === undefined ? undefined : columns.level2Score + shift);
      if (writtenLevel2 && level2Score)
        project.declaredScores.push({ level: 2, name: writtenLevel2, score: level2Score });
    }
    if (nameless && weight && (writtenLevel1 || writtenLevel2) && !valueCell) {
      const declared: DeclaredScore = writtenLevel2
        ? { level: 2, name: writtenLevel2, score: weight }
        : { level: 1, name: writtenLevel1!, score: weight };
      project.declaredScores.push(declared);
      continue;
    }
    if (onlyPlaceholder && !weight && !valueCell) continue;
    if (nameless && !weight && !valueCell && !weightFilled) continue;

    const indicator: Indicator = {
      row: r,
      level1,
      level2,
      level3: onlyPlaceholder ? undefined : level3,
      comparator: textAt(view, r, columns.comparator, shift),
      value: valueCell,
      unit: textAt(view, r, columns.unit, shift),
      weight,
      weightText: weightFilled && !weight ? textCell(view, r, weightCol) : undefined,
      direction: textAt(view, r, columns.direction, shift),
      valueType: textAt(view, r, columns.valueType, shift),
      shift,
    };
    if (table.purpose === 'self-evaluation') readSelfEvaluation(view, r, columns, shift, indicator);
    if (project.indicators.length === 0) project.firstRow = r;
    project.indicators.push(indicator);
    project.lastRow = r;
  }
  table.range.bottom = Math.max(lastContentRow, header.bottom);
  return table;
}

/**
 * The 分值 of a 预算执行 block (全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): the points 预算执行率 carries
 * beside the indicators, as a 预算执行率权重 field would state them.
 */
function executionPointsOf(view: SheetView, blocks: readonly AmountTable[]): NumberCell | undefined {
  for (const block of blocks) {
    const points = block.infoColumns.find((c) => c.kind === 'points');
    if (!points || !block.infoColumns.some((c) => c.kind === 'rate' || c.kind === 'score')) continue;
    for (const row of block.rows) {
      const value = numberCell(view, row.row, points.col);
      if (value) return value;
    }
  }
  return undefined;
}

/** A 自评表: the table has 实际完成值 or 得分 columns, or its title says so. */
function isSelfEvaluation(columns: Partial<Record<IndicatorColumn, number>>, title: string | undefined): boolean {
  return columns.actual !== undefined || columns.score !== undefined || /自评/.test(title ?? '');
}

/** 实际完成值, 得分 and 偏差原因 of a 自评表 row. */
function readSelfEvaluation(
  view: SheetView,
  row: number,
  columns: Partial<Record<IndicatorColumn, number>>,
  shift: number,
  indicator: Indicator,
): void {
  indicator.actual = percentAware(view, textAt(view, row, columns.actual, shift));
  // One reason may stand for several rows, merged over them.
  if (columns.deviation !== undefined && columns.deviation + shift >= 0) {
    const origin = view.origin(row, columns.deviation + shift);
    indicator.deviation = textCell(view, origin.row, origin.col);
  }
  const scoreCol = columns.score === undefined ? undefined : columns.score + shift;
  if (scoreCol === undefined || scoreCol < 0 || view.isEmpty(row, scoreCol)) return;
  indicator.score = numberCell(view, row, scoreCol);
  if (!indicator.score) indicator.scoreText = textCell(view, row, scoreCol);
}

/**
 * The 预算执行 line of a 自评表's 资金 block: the first row with a 分值 (or the block's first row), its 全年预算数,
 * 全年执行数, 执行率 and 得分.
 */
function budgetExecutionOf(view: SheetView, blocks: readonly AmountTable[]): BudgetExecution | undefined {
  for (const block of blocks) {
    const info = (kind: string) => block.infoColumns.find((c) => c.kind === kind)?.col;
    const pointsCol = info('points');
    const rateCol = info('rate');
    const scoreCol = info('score');
    if (rateCol === undefined && scoreCol === undefined) continue;
    const columnOf = (role: string) => block.columns.find((c) => executionColumnOf(c.header) === role)?.col;
    const row =
      block.rows.find((r) => pointsCol !== undefined && view.number(r.row, pointsCol) !== null) ??
      block.rows.find((r) => !r.partOf);
    if (!row) continue;
    return {
      initialBudget: numberCell(view, row.row, columnOf('initialBudget')),
      budget: numberCell(view, row.row, columnOf('budget')),
      executed: numberCell(view, row.row, columnOf('executed')),
      points: numberCell(view, row.row, pointsCol),
      rate: percentCell(view, row.row, rateCol),
      score: numberCell(view, row.row, scoreCol),
    };
  }
  return undefined;
}

/**
 * A rate as the user sees it: "95%", 0.95 shown as "95.00%", 95 (in %). A number below 1.5 with no percent format
 * is a fraction (0.95, 1): the way a formula =B/A leaves it.
 */
function percentCell(view: SheetView, row: number, col: number | undefined): PercentCell | undefined {
  if (col === undefined) return undefined;
  const text = view.keyOf(row, col);
  const written = /^(\d+(?:\.(\d+))?)%$/.exec(text);
  if (written) {
    return {
      sheet: view.name,
      row,
      col,
      value: new Decimal(written[1]!),
      decimals: written[2]?.length ?? 0,
      fraction: false,
    };
  }
  const value = view.number(row, col);
  if (value === null) return undefined;
  const formatDecimals = view.formatDecimals(row, col);
  if (view.isPercentFormat(row, col)) {
    const decimals = formatDecimals ?? Math.max(0, value.decimalPlaces() - 2);
    return { sheet: view.name, row, col, value: value.times(100), decimals, fraction: false };
  }
  if (value.lt(1.5)) {
    const decimals = formatDecimals ?? value.decimalPlaces();
    return { sheet: view.name, row, col, value: value.times(100), decimals: Math.max(0, decimals - 2), fraction: true };
  }
  return { sheet: view.name, row, col, value, decimals: formatDecimals ?? value.decimalPlaces(), fraction: false };
}

/** A row whose cells, three or more, all hold the same text: one merged line split and filled ("拆分并填充"). */
function isFilledAcross(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  if (cols.length < 3) return false;
  const text = view.text(row, cols[0]!);
  return view.number(row, cols[0]!) === null && cols.every((c) => view.text(row, c) === text);
}

/** The columns a table spans: its header band's (备注 and 分值 included) and its form's above it. */
function spanOf(view: SheetView, header: IndicatorHeader, formTop: number): { left: number; right: number } {
  let left = header.left;
  let right = header.right;
  for (const col of header.paths.keys()) {
    left = Math.min(left, col);
    right = Math.max(right, col);
  }
  for (let r = Math.max(0, formTop); r < header.top; r++) {
    const cols = view.filledColumns(r);
    if (cols.length === 0) continue;
    left = Math.min(left, cols[0]!);
    right = Math.max(right, view.mergeRight(r, cols[cols.length - 1]!));
  }
  return { left, right };
}

function yearOf(title: string | undefined): number | undefined {
  const match = /(\d{4})\s*年/.exec(title ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Text cells of the form block, each with the texts to its left and above it (either may be its label). */
function readFormTexts(view: SheetView, top: number, bottom: number): IndicatorTable['formTexts'] {
  const texts: IndicatorTable['formTexts'] = [];
  for (let r = Math.max(0, top); r <= bottom; r++) {
    const cols = view.filledColumns(r);
    cols.forEach((c, i) => {
      const cell = textCell(view, r, c);
      if (!cell || view.number(r, c) !== null) return;
      const left = i > 0 ? view.text(r, cols[i - 1]!) : '';
      const above = r > top ? view.filledText(r - 1, c) : '';
      texts.push({ cell, left, above });
    });
  }
  return texts;
}

function emptyProject(row: number): Project {
  return { indicators: [], declaredScores: [], firstRow: row, lastRow: row };
}

function projectFromForm(form: FormValue[], moneyUnit: IndicatorTable['moneyUnit']): Project {
  const project = emptyProject(0);
  const first = (field: FormValue['field']) => form.find((f) => f.field === field);
  // A project form may name its department too: the project's own name is the one that counts.
  const names = form.filter((f) => f.field === 'name');
  const name = names.find((f) => /项目|专项/.test(textKey(f.label))) ?? names[0];
  if (name) project.name = { sheet: name.sheet, row: name.row, col: name.col, text: name.text, raw: name.text };
  const total = form.find((f) => f.field === 'total' && f.amount !== undefined);
  if (total?.amount) {
    project.budget = { sheet: total.sheet, row: total.row, col: total.col, value: total.amount };
    project.budgetUnit = total.unit ?? moneyUnit;
  }
  const unit = preferredUnitLabel(form.filter((f) => f.field === 'unitLabel'));
  if (unit) project.unitLabel = { sheet: unit.sheet, row: unit.row, col: unit.col, text: unit.text, raw: unit.text };
  const execution = form.find((f) => f.field === 'budgetExecutionWeight' && f.amount !== undefined);
  if (execution?.amount)
    project.budgetExecutionWeight = {
      sheet: execution.sheet,
      row: execution.row,
      col: execution.col,
      value: execution.amount,
    };
  const target = first('yearTarget');
  if (target)
    project.yearTarget = { sheet: target.sheet, row: target.row, col: target.col, text: target.text, raw: target.text };
  return project;
}

function preferredUnitLabel(labels: FormValue[]): FormValue | undefined {
  const rank = (f: FormValue) => {
    const key = textKey(f.label).replace(/\(盖章\)/g, '');
    const i = UNIT_LABEL_PREFERENCE.findIndex((label) => key.startsWith(label));
    return i < 0 ? UNIT_LABEL_PREFERENCE.length : i;
  };
  return [...labels].sort((a, b) => rank(a) - rank(b))[0];
}

function isDepartmentForm(form: FormValue[], title: string | undefined): boolean {
  const titleKey = textKey(title ?? '');
  if (/部门(\(单位\))?整体|单位整体/.test(titleKey)) return true;
  // A project form may state its department too: the project's own name decides.
  if (/项目/.test(titleKey) || form.some((f) => f.field === 'name' && /项目|专项/.test(textKey(f.label)))) return false;
  return form.some((f) => f.field === 'name' && /^部门(\(单位\))?名称/.test(textKey(f.label)));
}

/** 0.95 shown as "95%" is the value 95 %, as the user sees it. */
function percentAware(view: SheetView, cell: TextCell | undefined): TextCell | undefined {
  if (!cell || !view.isPercentFormat(cell.row, cell.col)) return cell;
  const value = view.number(cell.row, cell.col);
  // A percentage stored the Excel way is the fraction the cell shows ×100: 0.95 → 95%, and 2.92 → the 292% the
  // reviewer sees. 95 under "0%" (shown 9500%) was typed as 95 into a cell formatted beforehand.
  if (value === null || value.abs().gt(10)) return cell;
  return { ...cell, text: `${value.times(100).toString()}%` };
}

function isTotalText(text: string): boolean {
  // Every total label has 计 or 分: most texts are decided without the pattern.
  return (text.includes('计') || text.includes('分')) && TOTAL_LABEL.test(keyOfNormalized(text));
}

/**
 * A 合计/总分 row, wherever its label stands (序号 column, 一级 column, a column left of the table):
 * its weight (null when it has none), or undefined when the row is not a total row.
 */
function totalRowWeight(
  view: SheetView,
  row: number,
  header: IndicatorHeader,
  weightCol: number | undefined,
): NumberCell | null | undefined {
  for (let c = 0; c <= header.right; c++) {
    if (c === weightCol) continue;
    const text = view.text(row, c);
    if (text === '') continue;
    // A project's name or budget carried down from the row above (a merge split and filled) is no label.
    if (row > 0 && text === view.text(row - 1, c)) continue;
    if (!isTotalText(text)) return undefined;
    return weightOf(view, row, weightCol) ?? null;
  }
  return undefined;
}

/** A weight as written: a number, "50%" or 0.5 shown as a percentage (both 50 points). */
function weightOf(view: SheetView, row: number, col: number | undefined): NumberCell | undefined {
  if (col === undefined || col < 0) return undefined;
  const value = view.number(row, col);
  if (value !== null)
    return {
      sheet: view.name,
      row,
      col,
      value: view.isPercentFormat(row, col) && value.abs().lte(1) ? value.times(100) : value,
    };
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(view.keyOf(row, col));
  return percent ? { sheet: view.name, row, col, value: new Decimal(percent[1]!) } : undefined;
}

/**
 * How many columns a row's content sits away from the header: the offset at which the row's
 * 一级/二级 names, comparator and weight line up best with their columns.
 */
function detectShift(
  view: SheetView,
  row: number,
  columns: Partial<Record<IndicatorColumn, number>>,
  firstColumn: number,
): number {
  if (columns.level1 === undefined && columns.level2 === undefined) return 0;
  const score = (d: number): number => alignmentScore(view, row, columns, d);
  const aligned = score(0);
  // A level name in its own column and a comparator or weight in theirs: the row lines up (the common case,
  // decided without trying offsets). One name alone is not enough: 服务对象满意度指标 is both a 一级 alias and a 二级.
  if (aligned >= 3) return 0;
  let best = 0;
  let bestScore = aligned;
  for (let d = -MAX_SHIFT; d <= MAX_SHIFT; d++) {
    if (d === 0) continue;
    if (firstColumn + d < 0) continue;
    const s = score(d);
    if (s >= 3 && s > bestScore + 1) {
      best = d;
      bestScore = s;
    }
  }
  return best;
}

function alignmentScore(
  view: SheetView,
  row: number,
  columns: Partial<Record<IndicatorColumn, number>>,
  d: number,
): number {
  let s = 0;
  if (columns.level1 !== undefined && level1KindOf(view.filledText(row, columns.level1 + d)) !== undefined) s += 2;
  if (columns.level2 !== undefined && level2KindOf(view.filledText(row, columns.level2 + d)) !== undefined) s += 2;
  if (columns.comparator !== undefined && comparatorOf(view.text(row, columns.comparator + d)) !== undefined) s += 1;
  if (columns.weight !== undefined && view.number(row, columns.weight + d) !== null) s += 1;
  return s;
}

/** The 一级 name of a shifted row, wherever it ended up (e.g. in the 项目名称 column). */
function strayLevel1(view: SheetView, row: number, header: IndicatorHeader): TextCell | undefined {
  for (let c = Math.max(0, header.left - MAX_SHIFT); c <= header.right + MAX_SHIFT; c++) {
    const text = view.text(row, c);
    if (text && level1KindOf(text) !== undefined) return textCell(view, row, c);
  }
  return undefined;
}

const CONTENT_COLUMNS: readonly IndicatorColumn[] = [
  'level1',
  'level2',
  'level3',
  'value',
  'weight',
  'comparator',
  'unit',
];

function hasIndicatorContent(
  view: SheetView,
  row: number,
  columns: Partial<Record<IndicatorColumn, number>>,
  shift: number,
): boolean {
  for (const name of CONTENT_COLUMNS) {
    const c = columns[name];
    if (c !== undefined && !view.isEmpty(row, c + shift)) return true;
  }
  return false;
}

function rowIsBlankIn(view: SheetView, row: number, left: number, right: number): boolean {
  for (let c = Math.max(0, left); c <= right; c++) if (!view.isEmpty(row, c)) return false;
  return true;
}

/** The text cell of a column (if the table has it), `shift` columns over. */
function textAt(view: SheetView, row: number, col: number | undefined, shift: number): TextCell | undefined {
  return col === undefined ? undefined : textCell(view, row, col + shift);
}

export function textCell(view: SheetView, row: number, col: number): TextCell | undefined {
  if (col < 0) return undefined;
  const text = view.text(row, col);
  if (text === '') return undefined;
  const raw = view.raw(row, col);
  return { sheet: view.name, row, col, text, raw: typeof raw === 'string' ? raw : text };
}

export function numberCell(view: SheetView, row: number, col: number | undefined): NumberCell | undefined {
  if (col === undefined || col < 0) return undefined;
  const value = view.number(row, col);
  return value === null ? undefined : { sheet: view.name, row, col, value };
}

/** from, from + 1, …, to. */
export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
