/**
 * Every template, written by `budget-check template <id> -o file.xlsx` and opened with exceljs:
 * merges, dropdowns (list sources, the dependent 二级 list), the hidden list sheet and its names,
 * formulas, number formats, frozen header and print setup.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { CHECK_NOTE, WEIGHTS_NOTE, weightStatus } from '../src/templates/build';
import { parseConfig } from '../src/validation';
import { TEMPLATES } from '../src/templates/definitions';
import { LIST_SHEET } from '../src/templates/lists';
import { uniqueSheetName } from '../src/templates/plan';
import { tempDir } from './helpers';

const dir = tempDir();
const books = new Map<string, ExcelJS.Workbook>();

beforeAll(async () => {
  for (const t of TEMPLATES) {
    const file = join(dir, `${t.id}.xlsx`);
    const code = await run(
      ['template', t.id, '-o', file],
      () => undefined,
      () => undefined,
    );
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    books.set(t.id, workbook);
  }
});

type Validation = { type: string; formulae: string[]; showErrorMessage?: boolean };
function validations(sheet: ExcelJS.Worksheet): Record<string, Validation> {
  return (sheet as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;
}
const formulaAt = (sheet: ExcelJS.Worksheet, a1: string) =>
  (sheet.getCell(a1).value as ExcelJS.CellFormulaValue | null)?.formula;

test('template --list names every template; an unknown one, a missing -o or an existing file is refused', async () => {
  let listed = '';
  expect(
    await run(
      ['template', '--list'],
      (t) => (listed += t),
      () => undefined,
    ),
  ).toBe(0);
  for (const t of TEMPLATES) expect(listed).toContain(t.id);
  let error = '';
  expect(
    await run(
      ['template', 'nope', '-o', join(dir, 'x.xlsx')],
      () => undefined,
      (t) => (error += t),
    ),
  ).toBe(2);
  expect(error).toContain('unknown template "nope"');
  expect(
    await run(
      ['template', 'sangong'],
      () => undefined,
      () => undefined,
    ),
  ).toBe(2);
  const existing = join(dir, 'sangong.xlsx');
  error = '';
  expect(
    await run(
      ['template', 'sangong', '-o', existing],
      () => undefined,
      (t) => (error += t),
    ),
  ).toBe(2);
  expect(error).toContain('已存在，未覆盖；要替换它请加 --force (');
  expect(error).toContain('already exists and was left as it is; add --force to replace it');
  expect(existsSync(existing)).toBe(true);
});

describe.each(['project-2021', 'project-legacy', 'department'])('%s', (id) => {
  test('title merged across, nothing frozen (the header sits below the form), A4 landscape fit to width, print area and titles', () => {
    const sheet = books.get(id)!.worksheets[0]!;
    expect(sheet.model.merges).toContain('A1:H1');
    const header = sheet.getColumn(1).values.findIndex((v) => v === '一级指标');
    const total = sheet.getColumn(1).values.findIndex((v) => v === '权重合计');
    expect(sheet.views[0]).toMatchObject({ state: 'normal', showGridLines: false });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printArea: `A1:H${total}`,
      printTitlesRow: `${header}:${header}`,
    });
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  test('dropdowns: 一级 from the profile, 二级 dependent on 一级, 指标性质, 单位 (free text allowed), 方向性', () => {
    const workbook = books.get(id)!;
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getColumn(1).values.findIndex((v) => v === '一级指标');
    const model = validations(sheet);
    // exceljs reads a range's rule back as one entry per cell; the file holds one rule per range.
    const byColumn = (col: string) => {
      expect(model[`${col}${header + 15}`]).toEqual(model[`${col}${header + 1}`]);
      return model[`${col}${header + 1}`];
    };
    expect(byColumn('A')?.formulae).toEqual([id === 'project-legacy' ? '一级指标列表_旧版' : '一级指标列表']);
    expect(byColumn('B')?.formulae).toEqual([
      id === 'project-legacy' ? `INDIRECT($A${header + 1}&"_旧版")` : `INDIRECT($A${header + 1})`,
    ]);
    expect(byColumn('D')?.formulae).toEqual(['指标性质列表']);
    // 单位: no error alert (absent = off in the file), so text outside the list is still accepted.
    expect(byColumn('F')?.formulae).toEqual(['计量单位列表']);
    expect(byColumn('F')?.showErrorMessage).toBeFalsy();
    expect(byColumn('A')?.showErrorMessage).toBe(true);
    expect(byColumn('H')?.formulae).toEqual(['指标方向性列表']);
    // The lists: a hidden sheet, with a name for each list; a 二级 list named after each 一级.
    const lists = workbook.getWorksheet(LIST_SHEET)!;
    expect(lists.state).toBe('hidden');
    const names = workbook.definedNames.model.map((n: { name: string; ranges: string[] }) => [n.name, n.ranges[0]]);
    expect(names).toContainEqual(['一级指标列表', `'${LIST_SHEET}'!$A$2:$A$5`]);
    // The 2021 framework: 成本指标 is a 一级 only, never a 二级 under 产出指标; the older framework's lists have it.
    expect(names).toContainEqual(['产出指标', `'${LIST_SHEET}'!$C$2:$C$4`]);
    expect(lists.getColumn(3).values.slice(1)).toEqual(['产出指标', '数量指标', '质量指标', '时效指标']);
    expect(names).toContainEqual(['产出指标_旧版', `'${LIST_SHEET}'!$J$2:$J$5`]);
    expect(lists.getColumn(10).values.slice(1)).toEqual([
      '产出指标（旧版）',
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
    ]);
  });

  test('formulas: the weight total, its status per profile, the live check wrapped, and form totals', () => {
    const sheet = books.get(id)!.worksheets[0]!;
    const totalRow = sheet.getColumn(1).values.findIndex((v) => v === '权重合计');
    const header = sheet.getColumn(1).values.findIndex((v) => v === '一级指标');
    const weights = `G${header + 1}:G${totalRow - 1}`;
    expect(formulaAt(sheet, `G${totalRow}`)).toBe(`SUM(${weights})`);
    // The status, beside the total row and outside the print area: blank until a weight is entered; 100, or 90
    // with 预算执行率 scored outside (national-2021 and legacy accept both); 100 − the points the form states.
    const execution = sheet.getColumn(1).values.findIndex((v) => v === '预算执行率权重');
    const unstated = `IF(OR(ROUND(G${totalRow},6)=100,ROUND(G${totalRow},6)=90),"✓ 正确","✗ 应为 100 或 90")`;
    expect(formulaAt(sheet, `I${totalRow}`)).toBe(
      id === 'department'
        ? `IF(COUNT(${weights})=0,"",${unstated})`
        : `IF(COUNT(${weights})=0,"",IF(COUNT(B${execution})=1,IF(ROUND(G${totalRow},6)=100-B${execution},"✓ 正确","✗ 应为 "&(100-B${execution})),${unstated}))`,
    );
    if (id !== 'department') expect(sheet.getCell(`B${execution}`).value).toBeNull();
    // Without the add-in the live check shows a note (cached too, for programs that do not calculate).
    expect(sheet.getCell(`J${header + 1}`).value).toEqual({
      formula: `IFERROR(BUDGET.CHECK(A1:H${totalRow}),"${CHECK_NOTE}")`,
      result: CHECK_NOTE,
    });
    const fundsRow = sheet.getColumn(1).values.findIndex((v) => typeof v === 'string' && /资金总额/.test(v));
    expect(formulaAt(sheet, `B${fundsRow}`)).toMatch(/^SUM\(B\d+,B\d+/);
    expect(sheet.getCell(`B${fundsRow}`).numFmt).toBe('#,##0.00');
    // Weights keep the General format, so 7.5 is shown as 7.5.
    expect(sheet.getCell(`G${header + 1}`).numFmt ?? 'General').toBe('General');
  });

  test('look: 宋体 body and 黑体 title, thin borders on the form only, centred bold headers, right-aligned amounts', () => {
    const sheet = books.get(id)!.worksheets[0]!;
    const header = sheet.getColumn(1).values.findIndex((v) => v === '一级指标');
    const totalRow = sheet.getColumn(1).values.findIndex((v) => v === '权重合计');
    const fundsRow = sheet.getColumn(1).values.findIndex((v) => typeof v === 'string' && /资金总额/.test(v));
    expect(sheet.getCell('A1').font).toMatchObject({ name: '黑体', size: 18, charset: 134 });
    expect(sheet.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(sheet.getCell('A1').border ?? {}).toEqual({});
    for (const col of 'ABCDEFGH') {
      const cell = sheet.getCell(`${col}${header}`);
      expect(cell.font).toMatchObject({ name: '宋体', size: 11, bold: true });
      expect(cell.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
      for (const cellInTable of [cell, sheet.getCell(`${col}${header + 3}`), sheet.getCell(`${col}${totalRow}`)])
        expect(cellInTable.border).toMatchObject({
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        });
    }
    expect(sheet.getCell(`C${header + 1}`).font).toMatchObject({ name: '宋体', size: 11 });
    expect(sheet.getCell(`C${header + 1}`).font.bold).toBeFalsy();
    expect(sheet.getCell(`A${totalRow}`).font).toMatchObject({ name: '宋体', bold: true });
    expect(sheet.getCell(`B${fundsRow}`).alignment).toMatchObject({ horizontal: 'right' });
    expect(sheet.getCell(`G${header + 1}`).alignment).toMatchObject({ horizontal: 'right' });
    // The helpers beside the form have no border and a smaller grey note.
    expect(sheet.getCell(`J${header + 1}`).border ?? {}).toEqual({});
    expect(sheet.getCell(`J${header + 1}`).font).toMatchObject({ name: '宋体', size: 10, color: { argb: 'FF808080' } });
    // Widths that fit the labels: 其中：财政拨款（万元） (11 characters at 11 pt) on one line.
    expect(sheet.getColumn(1).width! * 5.25 - 4).toBeGreaterThanOrEqual(11 * 11);
  });
});

test('function-budget: codes, 合计 of the 类 rows only, 合计 = 基本 + 项目 on every row, money format', () => {
  const sheet = books.get('function-budget')!.worksheets[0]!;
  expect(sheet.model.merges).toEqual(expect.arrayContaining(['A3:B3', 'C3:E3', 'A5:B5']));
  expect((sheet.getRow(4).values as unknown[]).slice(0, 6)).toEqual([
    undefined,
    '科目编码',
    '科目名称',
    '合计',
    '基本支出',
    '项目支出',
  ]);
  // The comma form: blank ("") row results count as 0 rather than turning the total into #VALUE!.
  expect(formulaAt(sheet, 'C5')).toBe('SUMPRODUCT(--(LEN($A$6:$A$65)=3),C$6:C$65)');
  expect(formulaAt(sheet, 'E5')).toBe('SUMPRODUCT(--(LEN($A$6:$A$65)=3),E$6:E$65)');
  expect(formulaAt(sheet, 'C6')).toBe('IF(COUNT(D6,E6)=0,"",SUM(D6,E6))');
  expect(formulaAt(sheet, 'C65')).toBe('IF(COUNT(D65,E65)=0,"",SUM(D65,E65))');
  expect(sheet.getCell('D30').numFmt).toBe('#,##0.00');
  expect(sheet.getCell('D30').alignment).toMatchObject({ horizontal: 'right' });
  expect(sheet.getCell('C5').font).toMatchObject({ name: '宋体', bold: true });
  // Only the header is frozen (title, unit line and the two header rows); they repeat on every printed page.
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  expect(sheet.pageSetup).toMatchObject({ orientation: 'portrait', printArea: 'A1:E65', printTitlesRow: '3:4' });
  expect(formulaAt(sheet, 'G4')).toBe(`IFERROR(BUDGET.CHECK(A3:E65),"${CHECK_NOTE}")`);
});

test('economic-basic: 经济分类 科目, 合计 = 人员经费 + 公用经费 on every row, 合计 row over the 类 rows', () => {
  const sheet = books.get('economic-basic')!.worksheets[0]!;
  expect(sheet.getCell('A3').value).toBe('经济分类科目');
  expect((sheet.getRow(4).values as unknown[]).slice(0, 6)).toEqual([
    undefined,
    '科目编码',
    '科目名称',
    '合计',
    '人员经费',
    '公用经费',
  ]);
  expect(formulaAt(sheet, 'D5')).toBe('SUMPRODUCT(--(LEN($A$6:$A$65)=3),D$6:D$65)');
  expect(formulaAt(sheet, 'C40')).toBe('IF(COUNT(D40,E40)=0,"",SUM(D40,E40))');
});

test('sangong: two-row header with the 公务用车 group, 合计 and 小计 formulas', () => {
  const sheet = books.get('sangong')!.worksheets[0]!;
  expect(sheet.model.merges).toEqual(expect.arrayContaining(['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4']));
  expect((sheet.getRow(4).values as unknown[]).slice(0, 7)).toEqual([
    undefined,
    '合计',
    '因公出国（境）费',
    '小计',
    '公务用车购置费',
    '公务用车运行费',
    '公务接待费',
  ]);
  expect(formulaAt(sheet, 'A5')).toBe('SUM(B5,C5,F5)');
  expect(formulaAt(sheet, 'C5')).toBe('SUM(D5:E5)');
  // Merged headers centred, over the two header rows repeated on every page.
  expect(sheet.getCell('C3').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
  expect(sheet.getCell('C3').font).toMatchObject({ name: '宋体', bold: true });
  expect(sheet.pageSetup).toMatchObject({ orientation: 'portrait', printArea: 'A1:F5', printTitlesRow: '3:4' });
  expect(formulaAt(sheet, 'H4')).toBe(`IFERROR(BUDGET.CHECK(A3:F5),"${CHECK_NOTE}")`);
});

test('fiscal-summary: 收入 | 支出 sides, 本年收入 = Σ sources, 收入合计 = 一 + 二, the balance status', () => {
  const sheet = books.get('fiscal-summary')!.worksheets[0]!;
  expect(sheet.model.merges).toEqual(expect.arrayContaining(['A3:B3', 'C3:G3']));
  expect(sheet.getCell('A5').value).toBe('一、本年收入');
  expect(formulaAt(sheet, 'B5')).toBe('SUM(B6:B8)');
  expect(formulaAt(sheet, 'B9')).toBe('SUM(B10:B12)');
  const totalRow = sheet.getColumn(1).values.findIndex((v) => v === '收入合计');
  // SUM, not +: 二、结转下年 (D14) is "" while empty, and "" + a number is #VALUE!.
  expect(formulaAt(sheet, `B${totalRow}`)).toBe('SUM(B5,B9)');
  expect(formulaAt(sheet, `D${totalRow}`)).toBe('SUM(D5,D14)');
  expect(formulaAt(sheet, 'D14')).toBe('IF(COUNT(E14:G14)=0,"",SUM(E14:G14))');
  // The balance status: beside the total row, outside the print area; cent-exact; blank on a blank form.
  expect(formulaAt(sheet, `H${totalRow}`)).toBe(
    `IF(AND(B${totalRow}=0,D${totalRow}=0),"",IF(ROUND(B${totalRow}-D${totalRow},2)=0,"✓ 收支平衡","✗ 收入合计与支出合计不等"))`,
  );
  expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printArea: `A1:G${totalRow}` });
  // Sub-lines indented under their line.
  expect(sheet.getCell('A6').alignment).toMatchObject({ horizontal: 'left', indent: 2 });
  expect(sheet.getCell('A5').alignment).toMatchObject({ horizontal: 'left', indent: 1 });
});

test('project-list: the flat list of seed 003 with its dropdowns and BUDGET.WEIGHTS', () => {
  const sheet = books.get('project-list')!.worksheets[0]!;
  expect((sheet.getRow(3).values as unknown[]).slice(0, 13)).toEqual([
    undefined,
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
  ]);
  const model = validations(sheet);
  expect(['E4', 'F4', 'H4', 'J4', 'L4', 'L63'].map((cell) => model[cell]?.formulae[0])).toEqual([
    '一级指标列表',
    'INDIRECT($E4)',
    '指标性质列表',
    '计量单位列表',
    '指标方向性列表',
    '指标方向性列表',
  ]);
  expect(model['L64']).toBeUndefined();
  expect(formulaAt(sheet, 'N4')).toBe(`IFERROR(BUDGET.WEIGHTS(A3:L63),"${WEIGHTS_NOTE}")`);
  // Beside it, not below it: both spill downwards.
  expect(formulaAt(sheet, 'R4')).toBe(`IFERROR(BUDGET.CHECK(A3:L63),"${CHECK_NOTE}")`);
  expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printArea: 'A1:L63', printTitlesRow: '3:3' });
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
});

test('sheet names are made unique, never replacing a sheet', () => {
  expect(uniqueSheetName('项目支出绩效目标表', ['Sheet1'])).toBe('项目支出绩效目标表');
  expect(uniqueSheetName('项目支出绩效目标表', ['项目支出绩效目标表'])).toBe('项目支出绩效目标表 (2)');
  expect(uniqueSheetName('项目支出绩效目标表', ['项目支出绩效目标表', '项目支出绩效目标表 (2)'])).toBe(
    '项目支出绩效目标表 (3)',
  );
  expect(uniqueSheetName('A'.repeat(40), ['A'.repeat(31)])).toBe(`${'A'.repeat(27)} (2)`);
});

test('weight status from the profile’s options: execution-90 accepts only 90 unless 预算执行率 is stated', () => {
  const status = (profile: 'national-2021' | 'legacy' | 'execution-90', execution?: string) =>
    weightStatus(parseConfig({ profile }).options, 'G20', 'G5:G19', execution);
  expect(status('execution-90')).toBe('IF(COUNT(G5:G19)=0,"",IF(OR(ROUND(G20,6)=90),"✓ 正确","✗ 应为 90"))');
  expect(status('national-2021')).toBe(status('legacy'));
  expect(status('national-2021')).toContain('"✗ 应为 100 或 90"');
  // A stated 预算执行率 takes its points from 100 in every profile.
  expect(status('execution-90', 'B10')).toContain(
    'IF(COUNT(B10)=1,IF(ROUND(G20,6)=100-B10,"✓ 正确","✗ 应为 "&(100-B10))',
  );
  // A region that turns the option off: 100 only.
  expect(
    weightStatus(parseConfig({ options: { acceptBudgetExecutionWeight: false } }).options, 'G20', 'G5:G19', undefined),
  ).toBe('IF(COUNT(G5:G19)=0,"",IF(OR(ROUND(G20,6)=100),"✓ 正确","✗ 应为 100"))');
});
