/**
 * Template insertion through the Office.js adapter, on office-addin-mock: the calls it makes, the number
 * of syncs (constant), unique naming, and that an existing sheet is never touched.
 */
import { installExcelMock } from './office-mock';
import { buildPlan } from '../src/templates/build';
import { templateById } from '../src/templates/definitions';
import { LIST_SHEET } from '../src/templates/lists';

interface FakeRange {
  address: string;
  values?: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  merged?: boolean;
  format: {
    columnWidth?: number;
    rowHeight?: number;
    horizontalAlignment?: string;
    wrapText?: boolean;
    font: { bold?: boolean; name?: string; size?: number };
    borders: { edges: Record<string, { style?: string; weight?: string }>; getItem(edge: string): object };
  };
  dataValidation: { rule?: unknown; errorAlert?: { showAlert: boolean }; prompt?: { message: string } };
  merge(across: boolean): void;
}

function fakeSheet(name: string) {
  const ranges: Record<string, FakeRange> = {};
  return {
    name,
    ranges,
    visibility: 'Visible',
    active: false,
    frozenRows: 0,
    getRange(address: string): FakeRange {
      ranges[address] ??= {
        address,
        format: {
          font: {},
          borders: {
            edges: {},
            getItem(this: { edges: Record<string, object> }, edge: string) {
              return (this.edges[edge] ??= {});
            },
          },
        },
        dataValidation: {},
        merge(this: FakeRange) {
          this.merged = true;
        },
      };
      return ranges[address];
    },
    freezePanes: {
      rows: 0,
      freezeRows(this: { rows: number }, rows: number) {
        this.rows = rows;
      },
    },
    showGridlines: true,
    pageLayout: {
      titles: '',
      printArea: '',
      headersFooters: { defaultForAllPages: {} },
      setPrintTitleRows(this: { titles: string }, rows: string) {
        this.titles = rows;
      },
      setPrintArea(this: { printArea: string }, area: string) {
        this.printArea = area;
      },
    } as Record<string, unknown>,
    activate(this: { active: boolean }) {
      this.active = true;
    },
  };
}
type FakeSheet = ReturnType<typeof fakeSheet>;

function installExcel(existingSheets: string[], existingNames: string[] = []) {
  const sheets = existingSheets.map(fakeSheet);
  const addedNames: [string, string][] = [];
  const { syncs } = installExcelMock(
    {
      worksheets: {
        items: sheets,
        add(name: string) {
          const sheet = fakeSheet(name);
          sheets.push(sheet);
          return sheet;
        },
      },
      names: {
        items: existingNames.map((name) => ({ name })),
        add(name: string, reference: string) {
          addedNames.push([name, reference]);
        },
      },
    },
    {
      SheetVisibility: { hidden: 'Hidden' },
      DataValidationAlertStyle: { stop: 'Stop' },
      PaperType: { a4: 'A4' },
      PageOrientation: { landscape: 'Landscape', portrait: 'Portrait' },
    },
  );
  return { sheets, addedNames, syncs };
}

const { insertTemplate } = require('../src/office/adapter') as typeof import('../src/office/adapter');

test('inserts the template as a new sheet with its values, formulas, merges, dropdowns and layout, in two syncs', async () => {
  const excel = installExcel(['Sheet1']);
  const plan = buildPlan(templateById('project-2021')!);
  const name = await insertTemplate(plan);
  expect(name).toBe('项目支出绩效目标表');
  expect(excel.syncs()).toBe(2);
  const sheet = excel.sheets.find((s) => s.name === name) as FakeSheet;
  expect(sheet.getRange('A1').values).toEqual([['项目支出绩效目标表']]);
  const header = plan.cells.find((c) => c.value === '一级指标')!.address;
  const headerRow = Number(header.slice(1));
  expect(sheet.getRange(`G${headerRow + 16}`).formulas).toEqual([[`=SUM(G${headerRow + 1}:G${headerRow + 15})`]]);
  expect(sheet.getRange(`J${headerRow + 1}`).formulas).toEqual([
    [`=IFERROR(BUDGET.CHECK(A1:H${headerRow + 16}),"安装预算检查加载项后显示检查结果")`],
  ]);
  expect(sheet.getRange('A1:H1').merged).toBe(true);
  const level2 = sheet.getRange(`B${headerRow + 1}:B${headerRow + 15}`);
  expect(level2.dataValidation.rule).toEqual({
    list: { inCellDropDown: true, source: `=INDIRECT($A${headerRow + 1})` },
  });
  expect(sheet.getRange(`F${headerRow + 1}:F${headerRow + 15}`).dataValidation.errorAlert?.showAlert).toBe(false);
  const funds = plan.numberFormats.find((f) => f.format === '#,##0.00')!;
  expect(sheet.getRange(funds.range).numberFormat).toEqual([['#,##0.00']]);
  // Widths in points, as the file's: characters of the default font's digits, 5.25 pt each.
  expect(sheet.getRange('C:C').format.columnWidth).toBe(plan.columnWidths[2]! * 5.25);
  // The look of the CLI's file: 宋体 headers centred and bold, thin borders, no gridlines, print area and footer.
  const headerRange = sheet.getRange(`A${headerRow}:H${headerRow}`).format;
  expect(headerRange.font).toMatchObject({ name: '宋体', size: 11, bold: true });
  expect(headerRange).toMatchObject({ horizontalAlignment: 'Center', wrapText: true });
  expect(headerRange.borders.edges).toMatchObject({
    EdgeTop: { style: 'Continuous', weight: 'Thin' },
    InsideVertical: { style: 'Continuous', weight: 'Thin' },
  });
  expect(sheet.getRange('A1:H1').format.font).toMatchObject({ name: '黑体', size: 18 });
  expect(sheet.showGridlines).toBe(false);
  // The header sits below the form: nothing is frozen.
  expect(sheet.freezePanes.rows).toBe(0);
  expect(sheet.pageLayout).toMatchObject({
    paperSize: 'A4',
    orientation: 'Landscape',
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    titles: `$${headerRow}:$${headerRow}`,
    printArea: `A1:H${headerRow + 16}`,
    centerHorizontally: true,
    headersFooters: { defaultForAllPages: { centerFooter: '第 &P 页，共 &N 页' } },
  });
  expect(sheet.active).toBe(true);
  // The lists: a new hidden sheet and every name.
  const lists = excel.sheets.find((s) => s.name === LIST_SHEET)!;
  expect(lists.visibility).toBe('Hidden');
  expect(lists.getRange('C1:C4').values).toEqual([['产出指标'], ['数量指标'], ['质量指标'], ['时效指标']]);
  expect(excel.addedNames).toEqual(plan.lists!.names.map((n) => [n.name, `=${n.range}`]));
});

test('a sheet of the same name exists: a new name, and the existing sheet is never touched', async () => {
  const excel = installExcel(['项目支出绩效目标表', LIST_SHEET], ['一级指标列表', '产出指标']);
  const before = excel.sheets.map((s) => JSON.stringify(s));
  const name = await insertTemplate(buildPlan(templateById('project-2021')!));
  expect(name).toBe('项目支出绩效目标表 (2)');
  expect(excel.syncs()).toBe(2);
  // The two existing sheets (the earlier table and the list sheet) are exactly as they were.
  expect(excel.sheets.slice(0, 2).map((s) => JSON.stringify(s))).toEqual(before);
  // The list sheet exists: it is left alone, and only the names the workbook lacks are added.
  expect(excel.addedNames.map(([n]) => n)).toEqual(
    buildPlan(templateById('project-2021')!)
      .lists!.names.map((n) => n.name)
      .filter((n) => n !== '一级指标列表' && n !== '产出指标'),
  );
  expect(excel.sheets.map((s) => s.name)).toEqual(['项目支出绩效目标表', LIST_SHEET, '项目支出绩效目标表 (2)']);
});

test('an Excel without ExcelApi 1.9 gets a clear refusal before anything is written', async () => {
  const excel = installExcel(['Sheet1']);
  (globalThis as unknown as { Office: unknown }).Office = {
    context: { requirements: { isSetSupported: () => false } },
  };
  try {
    await expect(insertTemplate(buildPlan(templateById('sangong')!))).rejects.toThrow('ExcelApi 1.9');
    expect(excel.syncs()).toBe(0);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  } finally {
    delete (globalThis as unknown as { Office?: unknown }).Office;
  }
});

test('the number of syncs does not grow with the template', async () => {
  for (const id of ['sangong', 'function-budget', 'project-list']) {
    const excel = installExcel([]);
    await insertTemplate(buildPlan(templateById(id)!));
    expect(excel.syncs()).toBe(2);
  }
});
