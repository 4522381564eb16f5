/**
 * The byte checks that run before any spreadsheet reader (CLI and standalone page): they never throw anything but
 * a named problem on any bytes, find the workbook and its sheets by the package's relationships, stop inflating at
 * the cap whatever the directory declares, and count what a reader would expand (merges, data validations, cells
 * beyond Excel's grid) in the sheet XML. Reader-independent: nothing here loads exceljs.
 */
import fc from 'fast-check';
import { inflateRawSync } from 'node:zlib';
import { docxBytes, noSheetBytes, textCell, underDeclaredBomb, withJunkBefore, xlsxOf } from '../bench/hostile-files';
import {
  PRECHECK_LIMITS,
  WorkbookProblemError,
  precheckWorkbook,
  readZipDirectory,
  type WorkbookProblem,
} from '../src/xlsx/workbook-precheck';
import { OLE_HEADER, claimUncompressedSize } from './cli-helpers';

const zlibInflate = (input: Uint8Array, max: number) => inflateRawSync(input, { maxOutputLength: max });

function problemOf(bytes: Uint8Array, withZlib = false): WorkbookProblem | undefined {
  try {
    precheckWorkbook(bytes, withZlib ? { inflateRaw: zlibInflate } : {});
    return undefined;
  } catch (error) {
    if (error instanceof WorkbookProblemError) return error.problem;
    throw error;
  }
}

const small = () => xlsxOf([{ name: '表', rows: `<row r="1">${textCell('A1', '科目编码')}</row>` }]);

test('never throws anything but a named problem, on arbitrary bytes and on workbooks cut or damaged anywhere', () => {
  const zip = small();
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      problemOf(bytes);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.nat(zip.length), fc.nat(zip.length - 1), fc.nat(255), (cut, at, value) => {
      const damaged = zip.slice(0, Math.max(cut, 1));
      if (at < damaged.length) damaged[at] = value;
      problemOf(damaged);
      problemOf(damaged, true);
    }),
    { numRuns: 2000 },
  );
});

test('names an OLE file, a non-zip, a PK file without a directory, a zip that is no workbook and a workbook without a sheet', () => {
  expect(problemOf(new Uint8Array([...OLE_HEADER, 0, 0, 0, 0]))).toEqual({ kind: 'encrypted' });
  expect(problemOf(new TextEncoder().encode('一级指标,二级指标'))).toEqual({ kind: 'not-xlsx' });
  expect(problemOf(new Uint8Array())).toEqual({ kind: 'not-xlsx' });
  expect(problemOf(new TextEncoder().encode(`PK${'x'.repeat(500)}`))).toMatchObject({ kind: 'corrupt' });
  expect(problemOf(docxBytes())).toEqual({ kind: 'not-workbook' });
  expect(problemOf(noSheetBytes())).toEqual({ kind: 'not-workbook' });
  expect(problemOf(small())).toBeUndefined();
});

test('a declared absurd size is refused at once; an under-declared one is stopped at the cap while inflating', () => {
  const bomb = small();
  claimUncompressedSize(bomb, PRECHECK_LIMITS.uncompressedBytes + 1);
  expect(problemOf(bomb)).toMatchObject({ kind: 'too-large', declared: true });
  const hidden = underDeclaredBomb(PRECHECK_LIMITS.uncompressedBytes + 64 * 1024 * 1024);
  expect(readZipDirectory(hidden).reduce((sum, e) => sum + e.uncompressedSize, 0)).toBeLessThan(1024 * 1024);
  for (const bytes of [hidden, withJunkBefore(hidden)]) {
    expect(problemOf(bytes, true)).toMatchObject({ kind: 'too-large', declared: false });
    expect(problemOf(bytes)).toMatchObject({ kind: 'too-large', declared: false });
  }
});

test('junk before the zip is allowed, as zip readers allow it: the sheets are found', () => {
  const scan = precheckWorkbook(withJunkBefore(small()));
  expect(scan.sheets.map((s) => [s.name, s.part, s.cells])).toEqual([['表', 'xl/worksheets/sheet1.xml', 1]]);
});

test('sheet XML: cells and rows beyond Excel’s grid are corrupt, with the sheet and the reference', () => {
  const cases: [string, string][] = [
    ['<row r="99999999"><c r="A99999999"><v>1</v></c></row>', '99999999:99999999'],
    ['<row r="1"><c r="XFE1"><v>1</v></c></row>', 'XFE1'],
    ['<row r="1"><c r="AAAA1"><v>1</v></c></row>', 'AAAA1'],
  ];
  for (const [rows, ref] of cases)
    expect(problemOf(xlsxOf([{ name: '越界', rows }]))).toEqual({ kind: 'out-of-range', sheet: '越界', ref });
  const dimension = xlsxOf([{ name: 'd', rows: '', before: '<dimension ref="A1:XFD99999999"/>' }]);
  expect(problemOf(dimension)).toMatchObject({ kind: 'out-of-range', ref: 'A1:XFD99999999' });
  // Prefixed XML (x:row, x:c) is read the same.
  const prefixed = xlsxOf([{ name: 'p', rows: '<x:row r="1"><x:c r="XFE1"><x:v>1</x:v></x:c></x:row>' }]);
  expect(problemOf(prefixed)).toMatchObject({ kind: 'out-of-range', ref: 'XFE1' });
});

test('merges are counted, clipped to the cells present; those past the budget are skipped and named', () => {
  const merges = Array.from({ length: 3 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('');
  const scan = precheckWorkbook(
    xlsxOf([
      {
        name: 'm',
        rows: `<row r="1">${textCell('A1', 'x')}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
        after: `<mergeCells>${merges}<mergeCell ref="A1:XFD1048576"/></mergeCells>`,
      },
    ]),
  );
  const sheet = scan.sheets[0]!;
  expect(sheet.merges).toEqual([
    { top: 0, left: 0, bottom: 0, right: 1 },
    { top: 1, left: 0, bottom: 1, right: 1 },
    { top: 2, left: 0, bottom: 2, right: 1 },
  ]);
  expect(sheet.skippedMerges).toEqual({ examples: ['A1:XFD1048576'], count: 1 });
  expect([sheet.lastRow, sheet.lastColumn]).toEqual([1_048_576, 16_384]);
});

test('data-validation areas are counted as declared, a whole column as 1,048,576 cells', () => {
  const scan = precheckWorkbook(
    xlsxOf([
      {
        name: 'v',
        rows: '',
        after:
          '<dataValidations count="1"><dataValidation type="list" sqref="A1:B1048576 D5"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
      },
    ]),
  );
  expect(scan.sheets[0]!.validationCells).toBe(2 * 1_048_576 + 1);
});
