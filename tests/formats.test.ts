/**
 * Issue 17: the same table as .xlsx, .xls, .xlsb, .ods and .csv gives the same findings through the CLI; a truncated
 * file of each format is one clear line and exit 2 while the others are checked; --annotate on a non-.xlsx input
 * writes an .xlsx copy. The non-.xlsx files are written by SheetJS from the .xlsx the examples renderer writes.
 */
import ExcelJS from 'exceljs';
import { read, utils, write } from '@e965/xlsx';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { writeWorkbook } from '../scripts/examples/render';
import { cli } from './cli-helpers';
import { tempDir } from './helpers';

jest.setTimeout(300_000);

const FORMATS = ['xls', 'xlsb', 'ods', 'csv'] as const;

interface JsonFinding {
  ruleId: string;
  sheet: string;
  cell: string;
  message: string;
}

/** A one-sheet example with findings (a .csv holds one sheet). */
const SPEC = EXAMPLE_WORKBOOKS.find((spec) => spec.sheets.length === 1) ?? EXAMPLE_WORKBOOKS[2]!;

let dir: string;
let source: Uint8Array;
beforeAll(async () => {
  dir = join(tempDir(), 'formats');
  mkdirSync(dir);
  await writeWorkbook(SPEC, join(dir, 'table.xlsx'));
  source = readFileSync(join(dir, 'table.xlsx'));
  const workbook = read(source, { type: 'buffer', cellNF: true });
  // Excel saves a .csv from A1; SheetJS from the first cell of the sheet's range (B2 here): from A1, as Excel does.
  for (const sheet of Object.values(workbook.Sheets)) {
    const range = utils.decode_range(sheet['!ref'] ?? 'A1');
    sheet['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: range.e });
  }
  for (const format of FORMATS)
    writeFileSync(join(dir, `table.${format}`), write(workbook, { bookType: format, type: 'buffer' }) as Buffer);
});

test('the same table as .xlsx, .xls, .xlsb, .ods and .csv: the same findings for each', async () => {
  const result = await cli(dir, '--format', 'json');
  const files = (JSON.parse(result.stdout) as { files: { file: string; error?: string; findings: JsonFinding[] }[] })
    .files;
  expect(files.map((f) => f.file.slice(dir.length + 1)).sort()).toEqual(
    ['table.csv', 'table.ods', 'table.xls', 'table.xlsb', 'table.xlsx'].sort(),
  );
  // A .csv has no sheet name: its sheet is named after the file, as Excel names it.
  const sheetName = SPEC.sheets[0]!.name;
  const findingsOf = (name: string) =>
    files
      .find((f) => f.file === join(dir, name))!
      .findings.map(
        (f) => `${f.ruleId} ${f.cell} ${f.message.split(sheetName).join('«sheet»').split('table').join('«sheet»')}`,
      )
      .sort();
  const reference = findingsOf('table.xlsx');
  expect(reference.length).toBeGreaterThan(0);
  for (const format of FORMATS) {
    expect({ format, error: files.find((f) => f.file === join(dir, `table.${format}`))!.error }).toEqual({
      format,
      error: undefined,
    });
    expect({ format, findings: findingsOf(`table.${format}`) }).toEqual({ format, findings: reference });
  }
});

test.each(['xlsx', ...FORMATS])(
  'a truncated .%s: one line naming it, exit 2, the good file checked',
  async (format) => {
    const folder = join(tempDir(), `truncated-${format}`);
    mkdirSync(folder);
    const whole = readFileSync(join(dir, `table.${format}`));
    // A binary file cut in half; a .csv cut inside a multi-byte character and given a NUL, which no text holds.
    const cut =
      format === 'csv' ? Buffer.concat([whole.subarray(0, 7), Buffer.from([0])]) : whole.subarray(0, whole.length >> 1);
    writeFileSync(join(folder, `cut.${format}`), cut);
    writeFileSync(join(folder, 'good.xlsx'), source);
    const result = await cli(folder);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^budget-check: ${join(folder, `cut.${format}`)}: \\S`));
    expect(lines[0]).toMatch(/损坏|不是/);
    expect(result.stdout).toMatch(/共检查 1 个文件.*另有 1 个文件无法读取/);
    expect(readFileSync(join(folder, `cut.${format}`))).toEqual(cut);
  },
);

test('--annotate on an .xls writes an .xlsx copy with the values, the marks and the findings sheet; the input is unchanged', async () => {
  const folder = join(tempDir(), 'annotate-xls');
  mkdirSync(folder);
  const xls = readFileSync(join(dir, 'table.xls'));
  writeFileSync(join(folder, 'table.xls'), xls);
  const out = join(tempDir(), 'annotated');
  const result = await cli(folder, '--annotate', out);
  expect(result.stderr).toContain('未保留格式');
  expect(readdirSync(out)).toEqual(['table.xlsx']);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(join(out, 'table.xlsx'));
  // The findings sheet comes first, where the reviewer opens the copy.
  expect(copy.worksheets.map((s) => s.name)).toEqual(['检查结果', SPEC.sheets[0]!.name]);
  const marked = copy.getWorksheet(SPEC.sheets[0]!.name)!;
  let fills = 0;
  marked.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.note) fills++;
    });
  });
  expect(fills).toBeGreaterThan(0);
  expect(copy.getWorksheet('检查结果')!.rowCount).toBeGreaterThan(1);
  expect(readFileSync(join(folder, 'table.xls'))).toEqual(xls);
});
