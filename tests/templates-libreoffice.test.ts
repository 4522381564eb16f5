/**
 * Every template as a clerk without the add-in meets it: written by the CLI's renderer, then recalculated
 * and printed by LibreOffice Calc (headless). Blank and filled with a correct example, no cell holds an error
 * value; the filled example passes our own checker with no finding; the weight status agrees with the
 * weight/sum rule for each profile; the printed form is A4, one page wide, with no text under 9 pt.
 * Skipped with a warning where LibreOffice or poppler-utils is absent, except in CI (CI=true).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { convertWithLibreOffice, findLibreOffice, printedPages, type PrintedPage } from '../scripts/libreoffice';
import { fillExample, TEMPLATE_EXAMPLES, templateWorkbook, type IndicatorExample } from '../scripts/template-examples';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { renderPlan } from '../src/cli/template';
import { buildPlan, CHECK_NOTE } from '../src/templates/build';
import { TEMPLATES, templateById, type TemplateDefinition } from '../src/templates/definitions';
import { LIST_SHEET } from '../src/templates/lists';
import { checkGrids, parseCellAddress, parseRangeAddress, type Grid, type Report } from '../src/validation';
import { isExcelError } from '../src/validation/grid';
import type { ProfileId } from '../src/validation/config';
import { tempDir, where } from './helpers';

jest.setTimeout(600_000);

const soffice = findLibreOffice();
if (!soffice) {
  if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) and poppler-utils are required in CI');
  console.warn('templates-libreoffice: soffice or poppler-utils not found; the LibreOffice template tests are skipped');
}
const describeWithLibreOffice = soffice ? describe : describe.skip;

const dir = tempDir();
const IDS = TEMPLATES.map((t) => t.id);
const recalculated = new Map<string, Grid[]>();
const printed = new Map<string, PrintedPage[]>();

/** The weight status's cases: the example 002 with its weights and 预算执行率 changed, per profile. */
const WEIGHT_CASES: { name: string; profile: ProfileId; firstWeight: number; execution: number | null }[] = [
  { name: 'national-90-stated-10', profile: 'national-2021', firstWeight: 20, execution: 10 },
  { name: 'national-90-unstated', profile: 'national-2021', firstWeight: 20, execution: null },
  { name: 'national-100-unstated', profile: 'national-2021', firstWeight: 30, execution: null },
  { name: 'national-100-stated-10', profile: 'national-2021', firstWeight: 30, execution: 10 },
  { name: 'national-95-unstated', profile: 'national-2021', firstWeight: 25, execution: null },
  { name: 'legacy-100-unstated', profile: 'legacy', firstWeight: 30, execution: null },
  { name: 'execution90-100-unstated', profile: 'execution-90', firstWeight: 30, execution: null },
  { name: 'execution90-90-unstated', profile: 'execution-90', firstWeight: 20, execution: null },
];

function weightCase(c: (typeof WEIGHT_CASES)[number]): ExcelJS.Workbook {
  const base = templateById(c.profile === 'legacy' ? 'project-legacy' : 'project-2021')!;
  const definition = {
    ...base,
    body: { ...base.body, profile: c.profile },
  } as TemplateDefinition;
  const example = structuredClone(TEMPLATE_EXAMPLES['project-2021'] as IndicatorExample);
  example.indicators[0]![6] = c.firstWeight;
  example.form['预算执行率权重'] = c.execution;
  if (c.profile === 'legacy') example.indicators[3]!.splice(0, 2, '产出指标', '成本指标');
  const workbook = new ExcelJS.Workbook();
  fillExample(renderPlan(workbook, buildPlan(definition)), example);
  return workbook;
}

beforeAll(async () => {
  if (!soffice) return;
  const files: string[] = [];
  for (const id of IDS) {
    for (const filled of [false, true]) {
      const file = join(dir, `${id}-${filled ? 'filled' : 'blank'}.xlsx`);
      await templateWorkbook(id, filled).xlsx.writeFile(file);
      files.push(file);
    }
  }
  const weightFiles: string[] = [];
  for (const c of WEIGHT_CASES) {
    const file = join(dir, `weights-${c.name}.xlsx`);
    await weightCase(c).xlsx.writeFile(file);
    weightFiles.push(file);
  }
  const xlsx = convertWithLibreOffice(soffice, [...files, ...weightFiles], 'xlsx', join(dir, 'recalculated'));
  for (const file of xlsx)
    recalculated.set(file.replace(/^.*\//, '').replace(/\.xlsx$/, ''), await readWorkbookGrids(file));
  const pdfs = convertWithLibreOffice(soffice, files, 'pdf', join(dir, 'printed'));
  for (const pdf of pdfs) printed.set(pdf.replace(/^.*\//, '').replace(/\.pdf$/, ''), printedPages(pdf));
});

const ERROR_TEXT = /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)|Err:\d+)$/;

function errorCells(grids: Grid[]): string[] {
  const found: string[] = [];
  for (const grid of grids)
    grid.cells.forEach((row, r) => {
      row.forEach((value, c) => {
        if (isExcelError(value) || (typeof value === 'string' && ERROR_TEXT.test(value)))
          found.push(`${grid.sheet}!R${r + 1}C${c + 1} ${JSON.stringify(value)}`);
      });
    });
  return found;
}

const sheetOf = (grids: Grid[]) => grids.find((g) => g.sheet !== LIST_SHEET)!;
const cellAt = (grid: Grid, label: string, offset: number) => {
  const r = grid.cells.findIndex((row) => row[0] === label);
  if (r < 0) throw new Error(`${grid.sheet}: no row ${label}`);
  return grid.cells[r]![offset];
};

describeWithLibreOffice('recalculated by LibreOffice', () => {
  test.each(IDS)('%s: no error value, blank or filled; the live check shows its note', (id) => {
    for (const state of ['blank', 'filled']) {
      const grids = recalculated.get(`${id}-${state}`)!;
      expect(errorCells(grids)).toEqual([]);
      const sheet = sheetOf(grids);
      // The note is what Calc computed (IFERROR around the add-in's function), in the cell that holds it.
      expect(sheet.cells.flat()).toContain(CHECK_NOTE);
    }
  });

  test.each(IDS)('%s: the filled example passes our checker with no finding', (id) => {
    const report: Report = checkGrids(recalculated.get(`${id}-filled`)!);
    expect(where(report.findings)).toEqual([]);
    // Not vacuous: the table was recognized, with the example's content.
    expect(report.tables.length).toBeGreaterThanOrEqual(1);
    const example = TEMPLATE_EXAMPLES[id]!;
    if (example.kind === 'indicators')
      expect(report.tables[0]).toMatchObject({
        kind: 'indicators',
        projects: [{ indicators: example.indicators.length }],
      });
    else expect(report.tables[0]!.kind).not.toBe('unrecognized');
  });

  test.each(IDS)('%s: the blank template gives our checker nothing to report', (id) => {
    expect(where(checkGrids(recalculated.get(`${id}-blank`)!).findings)).toEqual([]);
  });

  test('the formulas computed the example’s totals', () => {
    const project = sheetOf(recalculated.get('project-2021-filled')!);
    expect(cellAt(project, '年度资金总额（万元）', 1)).toBe(20);
    expect(cellAt(project, '权重合计', 6)).toBe(90);
    expect(cellAt(project, '权重合计', 8)).toBe('✓ 正确');
    const summary = sheetOf(recalculated.get('fiscal-summary-filled')!);
    expect(cellAt(summary, '收入合计', 1)).toBe(500.74);
    expect(cellAt(summary, '收入合计', 3)).toBe(500.74);
    expect(cellAt(summary, '收入合计', 7)).toBe('✓ 收支平衡');
    const functions = sheetOf(recalculated.get('function-budget-filled')!);
    expect(cellAt(functions, '合计', 2)).toBe(467.87);
    const sanGong = sheetOf(recalculated.get('sangong-filled')!);
    expect(sanGong.cells[4]!.slice(0, 6)).toEqual([4.7, 0, 3.5, 0, 3.5, 1.2]);
    // Blank: the totals are 0 or empty, the statuses empty, never an error.
    const blank = sheetOf(recalculated.get('project-2021-blank')!);
    expect(cellAt(blank, '权重合计', 8) ?? '').toBe('');
  });

  test.each(WEIGHT_CASES.map((c) => [c.name, c] as const))(
    'weight status %s agrees with the weight/sum rule of its profile',
    (name, c) => {
      const grids = recalculated.get(`weights-${name}`)!;
      const status = cellAt(sheetOf(grids), '权重合计', 8);
      const findings = checkGrids(grids, { config: { profile: c.profile } }).findings.filter(
        (f) => f.ruleId === 'weight/sum',
      );
      expect(status === '✓ 正确').toBe(findings.length === 0);
      expect(status).toMatch(/^[✓✗]/);
    },
  );

  test('weight status: 90 or 100 without 预算执行率 (national, legacy), 100 − the stated points, only 90 where required', () => {
    const status = (name: string) => cellAt(sheetOf(recalculated.get(`weights-${name}`)!), '权重合计', 8);
    expect(status('national-90-stated-10')).toBe('✓ 正确');
    expect(status('national-90-unstated')).toBe('✓ 正确');
    expect(status('national-100-unstated')).toBe('✓ 正确');
    expect(status('national-100-stated-10')).toBe('✗ 应为 90');
    expect(status('national-95-unstated')).toBe('✗ 应为 100 或 90');
    expect(status('legacy-100-unstated')).toBe('✓ 正确');
    expect(status('execution90-100-unstated')).toBe('✗ 应为 90');
    expect(status('execution90-90-unstated')).toBe('✓ 正确');
  });
});

describeWithLibreOffice('printed by LibreOffice', () => {
  const plans = new Map(TEMPLATES.map((t) => [t.id, buildPlan(t)]));
  const cases = IDS.flatMap((id) => ['blank', 'filled'].map((state) => [`${id}-${state}`, id] as const));

  test.each(cases)('%s: A4 in the plan’s orientation, one page wide, header repeated, page numbers', (name, id) => {
    const pages = printed.get(name)!;
    const plan = plans.get(id)!;
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const [width, height] = plan.landscape ? [841.89, 595.3] : [595.3, 841.89];
    const headerRow = Number(plan.printTitleRows?.split(':')[1] ?? 0);
    // The last header of the form: the rightmost column's label, printed on every page.
    const right = parseRangeAddress(plan.printArea).right;
    const lastHeader = plan.cells
      .map((c) => ({ ...parseCellAddress(c.address), value: c.value }))
      .filter((c) => c.row === headerRow - 1 && c.col <= right && typeof c.value === 'string')
      .sort((a, b) => a.col - b.col)
      .map((c) => String(c.value))
      .pop()!;
    pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(width, 0);
      expect(page.height).toBeCloseTo(height, 0);
      const text = page.words.map((w) => w.text).join('');
      // One page wide: every page holds the rightmost column (a page of left-over columns would not).
      expect(text).toContain(lastHeader);
      expect(text).toContain(`第${i + 1}页，共${pages.length}页`);
      for (const word of page.words) expect(word.xMax).toBeLessThanOrEqual(page.width);
    });
  });

  test.each(cases)('%s: no printed text under 9 pt; the helpers beside the form are not printed', (name) => {
    const words = printed.get(name)!.flatMap((page) => page.words);
    expect(words.length).toBeGreaterThan(10);
    expect(words.filter((w) => w.size < 9).map((w) => `${w.text} ${w.size.toFixed(2)} pt`)).toEqual([]);
    const text = words.map((w) => w.text).join('');
    expect(text).not.toContain('安装预算检查加载项');
    expect(text).not.toContain('检查结果');
    expect(text).not.toMatch(/[✓✗]/);
  });
});
