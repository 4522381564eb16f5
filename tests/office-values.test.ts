/** Cells as Office.js gives them (add-in, worksheet functions) read as the CLI reads the same cells of the saved file. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { gridFromRange } from '../src/functions/core';
import { appendOfficeRows, isDateFormat, officeCellValue, padRows, type OfficeGrid } from '../src/xlsx/office-values';
import { worksheetToGrid } from '../src/xlsx/worksheet-grid';

describe('officeCellValue', () => {
  it('tells date formats from the others, ignoring quoted text and [..] sections', () => {
    for (const format of [
      'yyyy-mm-dd',
      'm/d/yyyy',
      'yyyy"年"m"月"d"日"',
      '[$-x-sysdate]dddd, mmmm dd, yyyy',
      'h:mm',
      'mmm-yy',
    ]) {
      expect([format, isDateFormat(format)]).toEqual([format, true]);
    }
    const escaped = [
      '0.00\\ \\k\\m',
      '#,##0\\ \\d\\a\\y\\s',
      '0_m',
      '0.0*s',
      '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    ];
    for (const format of [
      undefined,
      '',
      'General',
      '0.00%',
      '#,##0.00',
      '#,##0.00"万元"',
      '"¥"#,##0.00;[Red]"¥"-#,##0.00',
      '[$¥-804]#,##0.00',
      '@',
      ...escaped,
    ]) {
      expect([format, isDateFormat(format)]).toEqual([format, false]);
    }
  });

  it('reads a number shown as a date as the date, one Excel shows as ######## as the number, error codes as errors', () => {
    expect(officeCellValue(45351, 'yyyy-mm-dd')).toBe('2024-02-29');
    expect(officeCellValue(45351.75, 'yyyy/m/d h:mm')).toBe('2024-02-29');
    expect(officeCellValue(45351, '#,##0.00')).toBe(45351);
    expect(officeCellValue(-1, 'yyyy-mm-dd')).toBe(-1);
    expect(officeCellValue(3_000_000, 'yyyy-mm-dd')).toBe(3_000_000);
    expect(officeCellValue('#REF!', undefined)).toEqual({ error: '#REF!' });
    expect(officeCellValue('2024-02-29', 'yyyy-mm-dd')).toBe('2024-02-29');
    expect(officeCellValue('', undefined)).toBeNull();
    expect(officeCellValue(true, undefined)).toBe(true);
  });

  it('gives the value the CLI reads from the same cell saved to an .xlsx, for numbers under any format', async () => {
    // Not formats with escaped letters ("0.00\\ \\k\\m"): exceljs drops the backslashes when it reads a file, so the CLI
    // cannot tell "km" from minutes and months there, where the add-in, given the format as Excel has it, can.
    const formats = [
      'General',
      'yyyy-mm-dd',
      'm/d/yy',
      'yyyy"年"m"月"d"日"',
      '0.00%',
      '#,##0.00',
      '#,##0.00"万元"',
      '[$-F800]dddd, mmmm dd, yyyy',
    ];
    const serial = fc.oneof(
      fc.integer({ min: -1000, max: 3_000_000 }),
      fc.double({ min: -1000, max: 2_958_465, noNaN: true }).map((n) => Math.round(n * 4) / 4),
      // Amounts in 元 with cents, some of them negative or past 9999 as dates.
      fc.integer({ min: -100_000_000, max: 400_000_000 }).map((n) => n / 100),
    );
    const cells = fc.array(fc.tuple(serial, fc.constantFrom(...formats)), { minLength: 1, maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(cells, async (written) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('表1');
        written.forEach(([value, format], i) => {
          const cell = sheet.getCell(i + 1, 1);
          cell.value = value;
          if (format !== 'General') cell.numFmt = format;
        });
        const read = new ExcelJS.Workbook();
        await read.xlsx.load(await workbook.xlsx.writeBuffer());
        const fromFile = worksheetToGrid(read.getWorksheet('表1')!).cells.map((row) => row[0]);
        // -0 is written as 0 to the file.
        const fromOffice = written.map(([value, format]) =>
          officeCellValue(value === 0 ? 0 : value, format === 'General' ? undefined : format),
        );
        expect(fromOffice).toEqual(fromFile);
      }),
      { numRuns: 40 },
    );
  });
});

describe('placing Office rows in a grid', () => {
  it('pads rows above and columns left of the range, and keeps each format with its cell', () => {
    const grid: OfficeGrid = { sheet: 'S', cells: [], numberFormats: [] };
    padRows(grid, 2);
    appendOfficeRows(grid, 1, [[45351, 0.95, '#N/A']], [['yyyy-mm-dd', '0%', 'General']]);
    expect(grid.cells).toEqual([[], [], [null, '2024-02-29', 0.95, { error: '#N/A' }]]);
    expect(grid.numberFormats).toEqual([[], [], [undefined, 'yyyy-mm-dd', '0%', undefined]]);
  });

  it('BUDGET.CHECK places its range at its address and reads its cells as the pane does', () => {
    const grid = gridFromRange(
      [
        ['截止日期', 45351],
        ['错误', '#REF!'],
      ],
      '表1!C3:D4',
      [
        ['General', 'yyyy-mm-dd'],
        ['General', 'General'],
      ],
    );
    expect(grid.sheet).toBe('表1');
    expect(grid.cells).toEqual([
      [],
      [],
      [null, null, '截止日期', '2024-02-29'],
      [null, null, '错误', { error: '#REF!' }],
    ]);
  });
});
