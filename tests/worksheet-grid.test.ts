/** worksheetToGrid: what the CLI and the standalone pane read from an .xlsx, after a round trip through a real file. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { checkGrids } from '../src/validation';
import { worksheetToGrid } from '../src/xlsx/worksheet-grid';
import { tempDir } from './helpers';
import { addHyperlinks } from './xlsx-links';

/** The sheet as written and read back; `linkedCells` get a hyperlink whatever they hold, as Excel allows. */
async function roundTrip(
  build: (sheet: ExcelJS.Worksheet) => void,
  linkedCells: string[] = [],
): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('表1');
  build(sheet);
  let bytes: Uint8Array = new Uint8Array(await workbook.xlsx.writeBuffer());
  if (linkedCells.length > 0) bytes = await addHyperlinks(bytes, new Map([[sheet.id, linkedCells]]));
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(bytes as unknown as ArrayBuffer);
  return read.getWorksheet('表1')!;
}

describe('worksheetToGrid', () => {
  it('reads merged ranges, blanks their continuation cells, and keeps the formats of numbers', async () => {
    const sheet = await roundTrip((s) => {
      s.getCell('A1').value = '项目名称';
      s.mergeCells('A1:C1');
      s.mergeCells('B3:B5');
      s.getCell('B3').value = '产出指标';
      s.getCell('D2').value = 0.95;
      s.getCell('D2').numFmt = '0%';
      s.getCell('E2').value = '95%';
      s.getCell('E2').numFmt = '0%';
      s.getCell('F2').value = { formula: 'D2*2', result: 1.9 };
      s.getCell('F2').numFmt = '0.00%';
    });
    const grid = worksheetToGrid(sheet);
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 2 },
        { top: 2, left: 1, bottom: 4, right: 1 },
      ]),
    );
    expect(grid.merges).toHaveLength(2);
    expect(grid.cells[0]?.[0]).toBe('项目名称');
    expect(grid.cells[0]?.[1] ?? null).toBeNull();
    expect(grid.cells[2]?.[1]).toBe('产出指标');
    expect(grid.cells[3]?.[1] ?? null).toBeNull();
    expect(grid.cells[1]?.slice(3)).toEqual([0.95, '95%', 1.9]);
    expect(grid.numberFormats?.[1]?.[3]).toBe('0%');
    expect(grid.numberFormats?.[1]?.[5]).toBe('0.00%');
    // A text cell's format does not change what it says.
    expect(grid.numberFormats?.[1]?.[4]).toBeUndefined();
  });

  it('keeps the percent format of a number written as text, so a weight "0.2" in a 0% cell is 20 points', async () => {
    const sheet = await roundTrip((s) => {
      s.addRow(['项目名称', '一级指标', '二级指标', '三级指标', '指标值', '权重']);
      const weights = ['0.5', '0.5'];
      s.addRow(['培训项目', '产出指标', '数量指标', '培训人次', '≥100人次', weights[0]]);
      s.addRow([null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%', weights[1]]);
      s.getCell('F2').numFmt = '0%';
      s.getCell('F3').numFmt = '0%';
      s.getCell('B2').numFmt = '0%';
    });
    const grid = worksheetToGrid(sheet);
    expect(grid.numberFormats?.[1]?.[5]).toBe('0%');
    // Text that is not a number: its format is not read.
    expect(grid.numberFormats?.[1]?.[1]).toBeUndefined();
    const report = checkGrids([grid]);
    expect(report.tables[0]).toMatchObject({ kind: 'indicators', projects: [{ weightTotal: '100' }] });
  });

  it('reads a formula whose cached result is 0 or FALSE as that result, not as an empty cell', async () => {
    const sheet = await roundTrip((s) => {
      s.getCell('A1').value = { formula: 'SUM(B1:B2)', result: 0 };
      s.getCell('A1').numFmt = '#,##0.00';
      s.getCell('A2').value = { formula: 'B1>0', result: false };
      s.getCell('A3').value = { formula: 'ROW()-3', shareType: 'shared', ref: 'A3:A4', result: 0 } as ExcelJS.CellValue;
      s.getCell('A4').value = { sharedFormula: 'A3', result: 0 };
    });
    const grid = worksheetToGrid(sheet);
    expect(grid.cells).toEqual([[0], [false], [0], [0]]);
    expect(grid.numberFormats?.[0]?.[0]).toBe('#,##0.00');
  });

  it('reads a date-formatted number Excel cannot show as a date as the number, and a value exceljs lost as #VALUE!, instead of failing on the whole file', async () => {
    const sheet = await roundTrip((s) => {
      s.getRow(1).values = [45351, 1e15, 3_000_000, -1];
      s.getCell('E1').value = { formula: 'VLOOKUP(A1,B:C,2,FALSE)', result: { error: '#N/A' } };
      s.getCell('F1').value = { formula: 'TEXT(A1,"yyyy")', result: '二〇二四年' };
      for (let col = 1; col <= 6; col++) s.getCell(1, col).numFmt = 'yyyy-mm-dd';
    });
    const unreadable = { error: '#VALUE!' };
    expect(worksheetToGrid(sheet).cells).toEqual([['2024-02-29', unreadable, 3_000_000, -1, unreadable, unreadable]]);
  });

  it('reads a linked cell as its own value: rich text, a number, a date, a formula result, nothing', async () => {
    const sheet = await roundTrip(
      (s) => {
        // exceljs's types allow only a plain text on a link; Excel and exceljs also write rich text there.
        const richText = { richText: [{ text: '详见' }, { text: '附件', font: { bold: true } }] };
        s.getCell('A1').value = {
          text: richText,
          hyperlink: 'https://example.com/',
        } as unknown as ExcelJS.CellHyperlinkValue;
        s.getCell('B1').value = 12.5;
        s.getCell('B1').numFmt = '0.00%';
        s.getCell('C1').value = new Date(Date.UTC(2024, 1, 29));
        s.getCell('D1').value = { formula: 'B1*2', result: 25 };
        s.getCell('E1').numFmt = '0%';
      },
      ['B1', 'C1', 'D1', 'E1'],
    );
    const grid = worksheetToGrid(sheet);
    expect(grid.cells).toEqual([['详见附件', 12.5, '2024-02-29', 25, null]]);
    expect(grid.numberFormats?.[0]?.[1]).toBe('0.00%');
  });

  it('reads a sheet without merges', async () => {
    const sheet = await roundTrip((s) => {
      s.addRow(['合计', 1]);
    });
    expect(worksheetToGrid(sheet)).toMatchObject({ sheet: '表1', merges: [], cells: [['合计', 1]] });
  });
});

describe('the CLI reader and Excel built-in Chinese date formats', () => {
  /** A workbook whose A1 (45351) is shown with the built-in format `numFmtId`, as Chinese Excel saves 年月日 formats. */
  async function builtInFormatFile(numFmtId: number): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表1');
    sheet.getCell('A1').value = 45351;
    sheet.getCell('A1').numFmt = '0.000';
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const custom = /<numFmt numFmtId="(\d+)" formatCode="0\.000"\/>/.exec(styles);
    expect(custom).not.toBeNull();
    zip.file(
      'xl/styles.xml',
      styles.replace(custom![0], '').replace(new RegExp(`numFmtId="${custom![1]}"`, 'g'), `numFmtId="${numFmtId}"`),
    );
    const file = join(tempDir(), `built-in-${numFmtId}.xlsx`);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    return file;
  }

  it('reads a number under format 31 (yyyy"年"m"月"d"日") or 57 (yyyy"年"m"月") as the date, as the add-in does', async () => {
    for (const id of [31, 57, 14]) {
      const [grid] = await readWorkbookGrids(await builtInFormatFile(id));
      expect([id, grid!.cells[0]![0]]).toEqual([id, '2024-02-29']);
    }
    const [plain] = await readWorkbookGrids(await builtInFormatFile(4));
    expect(plain!.cells[0]![0]).toBe(45351);
  });

  it('leaves the formats of the workbooks we write as they are written', async () => {
    await readWorkbookGrids(await builtInFormatFile(31));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表1').getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
    workbook.getWorksheet('表1')!.getCell('A1').value = 45351;
    const styles = await (
      await JSZip.loadAsync(await workbook.xlsx.writeBuffer())
    )
      .file('xl/styles.xml')!
      .async('string');
    expect(styles).toMatch(/<numFmt numFmtId="1\d\d" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"\/>/);
  });
});
