/**
 * The Office.js adapter on office-addin-mock: reading in blocks (sizes and syncs for a 50,000-row sheet),
 * highlighting with conditional formats in a constant number of syncs (address chunks under 8,192
 * characters), clearing exactly what was added, selecting a finding's cell.
 */
import { installExcelMock } from './office-mock';
import {
  ADDRESS_LIMIT,
  BLOCK_CELLS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_FORMULA,
  addressChunks,
  isHighlightFormula,
} from '../src/office/adapter';
import { cellAddress } from '../src/validation/address';

const adapter = require('../src/office/adapter') as typeof import('../src/office/adapter');

interface FakeFormat {
  id: string;
  type: string;
  address: string;
  deleted: boolean;
  custom: { rule: { formula?: string }; format: { fill: { color?: string } } };
  customOrNullObject: { isNullObject: boolean; rule: { formula?: string }; format: { fill: { color?: string } } };
  load(): void;
  delete(): void;
}

type Used = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null;

function fakeSheet(name: string, used: Used, merges = '') {
  const blocks: { row: number; col: number; rows: number; cols: number }[] = [];
  const rangeRequests: string[] = [];
  const formats: FakeFormat[] = [];
  let nextId = 1;
  const usedRange = (area: Used) => ({
    ...(area ?? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }),
    isNullObject: area === null,
    load() {},
    getMergedAreasOrNullObject: () => ({ address: merges, isNullObject: merges === '', load() {} }),
  });
  const sheet = {
    name,
    id: `{${nextSheetId++}}`,
    isNullObject: false,
    blocks,
    rangeRequests,
    formats,
    activated: false,
    selected: '',
    load() {},
    activate() {
      sheet.activated = true;
    },
    getUsedRangeOrNullObject: () => usedRange(used),
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
      blocks.push({ row, col, rows, cols });
      const values = Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) =>
          row + i === 2 && j === 0 ? '#REF!' : j === 1 ? '' : (row + i) * 100 + col + j,
        ),
      );
      const numberFormat = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, (_, j) => (j === 2 ? '0.00%' : 'General')),
      );
      return { values, numberFormat, load() {}, untrack() {} };
    },
    /** A conditional format as Excel keeps it: the user's own when `formula` is given. */
    addFormat(address: string, formula?: string, type = 'Custom') {
      const custom = { rule: {} as { formula?: string }, format: { fill: {} as { color?: string } } };
      const format: FakeFormat = {
        id: `{${name}-cf${nextId++}}`,
        type,
        address,
        deleted: false,
        custom,
        customOrNullObject: Object.assign(custom, { isNullObject: type !== 'Custom' }),
        load() {},
        delete() {
          format.deleted = true;
        },
      };
      if (formula !== undefined) custom.rule.formula = formula;
      formats.push(format);
      return format;
    },
    getRanges(address: string) {
      rangeRequests.push(address);
      return { conditionalFormats: { add: (type: string) => sheet.addFormat(address, undefined, type) } };
    },
    getRange(address?: string) {
      return {
        select() {
          sheet.selected = address ?? '';
        },
        conditionalFormats: {
          load() {},
          get items() {
            return formats.filter((f) => !f.deleted);
          },
        },
      };
    },
  };
  return sheet;
}
let nextSheetId = 1;
type FakeSheet = ReturnType<typeof fakeSheet>;

function installExcel(sheets: FakeSheet[], selection?: { sheet: FakeSheet; used: Used }) {
  const settings = new Map<string, string>();
  const { syncs } = installExcelMock(
    {
      worksheets: {
        items: sheets,
        getActiveWorksheet: () => sheets[0],
        getItem: (name: string) => sheets.find((s) => s.name === name),
      },
      getSelectedRange: () => ({
        worksheet: selection?.sheet,
        getUsedRangeOrNullObject: (valuesOnly: boolean) => {
          expect(valuesOnly).toBe(true);
          return {
            ...(selection?.used ?? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }),
            isNullObject: !selection?.used,
            load() {},
            getMergedAreasOrNullObject: () => ({ address: '', isNullObject: true, load() {} }),
          };
        },
      }),
      settings: {
        getItemOrNullObject: (key: string) => ({
          value: settings.get(key),
          isNullObject: !settings.has(key),
          load() {},
          delete() {
            settings.delete(key);
          },
        }),
        add: (key: string, value: string) => settings.set(key, value),
      },
    },
    { ConditionalFormatType: { custom: 'Custom' } },
  );
  return { settings, syncs };
}

describe('reading', () => {
  test('a 50,000-row sheet is read in blocks under the payload limit, one sync per block', async () => {
    const sheet = fakeSheet(
      '预算表',
      { rowIndex: 2, columnIndex: 1, rowCount: 50_000, columnCount: 12 },
      '预算表!B3:C3,预算表!D10:D12',
    );
    const excel = installExcel([sheet]);
    const progress: [number, number][] = [];
    const [grid] = await adapter.readGrids('sheet', (done, total) => progress.push([done, total]));
    const rowsPerBlock = Math.floor(BLOCK_CELLS / 12);
    expect(sheet.blocks).toHaveLength(Math.ceil(50_000 / rowsPerBlock));
    for (const block of sheet.blocks) {
      expect(block.cols).toBe(12);
      expect(block.rows * block.cols).toBeLessThanOrEqual(BLOCK_CELLS);
    }
    expect(sheet.blocks.reduce((sum, b) => sum + b.rows, 0)).toBe(50_000);
    expect(sheet.blocks[1]).toEqual({ row: 2 + rowsPerBlock, col: 1, rows: rowsPerBlock, cols: 12 });
    // One sync for the used range and merged areas, then one per block: never one per row or cell.
    expect(excel.syncs()).toBe(1 + sheet.blocks.length);
    expect(progress[progress.length - 1]).toEqual([sheet.blocks.length, sheet.blocks.length]);
    // The grid sits where the data is on the sheet.
    expect(grid!.sheet).toBe('预算表');
    expect(grid!.cells).toHaveLength(2 + 50_000);
    expect(grid!.cells[2]!.slice(0, 4)).toEqual([null, { error: '#REF!' }, null, 201 + 2]);
    expect(grid!.cells[50_001]![3]).toBe(50_001 * 100 + 1 + 2);
    expect(grid!.numberFormats![2]!.slice(0, 4)).toEqual([undefined, undefined, undefined, '0.00%']);
    expect(grid!.merges).toEqual([
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 9, left: 3, bottom: 11, right: 3 },
    ]);
  });

  test('the whole workbook: every sheet, an empty one included, in a constant number of syncs plus the blocks', async () => {
    const sheets = [
      fakeSheet('一', { rowIndex: 0, columnIndex: 0, rowCount: 10, columnCount: 5 }),
      fakeSheet('空表', null),
    ];
    const excel = installExcel(sheets);
    const grids = await adapter.readGrids('workbook');
    expect(grids.map((g) => [g.sheet, g.cells.length])).toEqual([
      ['一', 10],
      ['空表', 0],
    ]);
    expect(excel.syncs()).toBe(2 + 1);
  });
});

describe('highlighting and clearing', () => {
  const targets = Array.from({ length: 3000 }, (_, i) => ({
    sheet: '预算表',
    cell: cellAddress(i * 3, (i % 5) * 2),
    severity: i % 2 === 0 ? ('error' as const) : ('warning' as const),
  }));
  const ours = (sheet: FakeSheet) =>
    sheet.formats.filter((f) => !f.deleted && isHighlightFormula(f.custom.rule.formula));

  test('every cell is coloured by severity with our own formula, in address chunks under 8,192 characters; sheets recorded by id', async () => {
    const sheet = fakeSheet('预算表', null);
    const excel = installExcel([sheet]);
    const { added, missingSheets } = await adapter.highlightFindings(targets);
    expect(missingSheets).toEqual([]);
    expect(sheet.rangeRequests.length).toBeGreaterThan(1);
    expect(added).toBe(sheet.rangeRequests.length);
    for (const chunk of sheet.rangeRequests) expect(chunk.length).toBeLessThan(ADDRESS_LIMIT);
    const requested = new Set(sheet.rangeRequests.flatMap((chunk) => chunk.split(',')));
    for (const target of targets) expect(requested.has(target.cell)).toBe(true);
    const colours = sheet.formats.map((f) => [f.custom.rule.formula, f.custom.format.fill.color]);
    expect(new Set(colours.map((c) => c.join(' ')))).toEqual(
      new Set([`${HIGHLIGHT_FORMULA} ${HIGHLIGHT_COLORS.error}`, `${HIGHLIGHT_FORMULA} ${HIGHLIGHT_COLORS.warning}`]),
    );
    // Read the sheets and the record, read the sheets' formats, add everything: three syncs for 3,000 cells.
    expect(excel.syncs()).toBe(3);
    const record = adapter.parseHighlightRecord(excel.settings.get('budgetCheck.highlights'));
    expect(record).toEqual(new Map([[sheet.id, added]]));
  });

  test('clear removes exactly ours; the user’s own rules before and after, custom or not, stay; three syncs', async () => {
    const sheet = fakeSheet('预算表', null);
    const before = sheet.addFormat('A1', '=A1>100');
    const excel = installExcel([sheet]);
    await adapter.highlightFindings(targets.slice(0, 10));
    // Added after ours: Excel gives it the id (priority) one of ours had.
    const after = sheet.addFormat('B2', '=ISBLANK(B2)');
    const bars = sheet.addFormat('C3', undefined, 'DataBar');
    const mine = ours(sheet);
    expect(mine.length).toBeGreaterThan(0);
    const syncs = excel.syncs();
    expect(await adapter.clearHighlights()).toBe(mine.length);
    expect(mine.every((f) => f.deleted)).toBe(true);
    expect([before, after, bars].map((f) => f.deleted)).toEqual([false, false, false]);
    expect(excel.syncs() - syncs).toBe(3);
    expect(excel.settings.has('budgetCheck.highlights')).toBe(false);
    expect(await adapter.clearHighlights()).toBe(0);
  });

  test('after a rename, clear still removes the highlights (and a second highlight replaces them)', async () => {
    const sheet = fakeSheet('预算表', null);
    installExcel([sheet]);
    await adapter.highlightFindings(targets.slice(0, 4));
    const first = ours(sheet);
    sheet.name = '预算表（改）';
    await adapter.highlightFindings(targets.slice(0, 4).map((t) => ({ ...t, sheet: '预算表（改）' })));
    expect(first.every((f) => f.deleted)).toBe(true);
    const second = ours(sheet);
    sheet.name = '再改';
    expect(await adapter.clearHighlights()).toBe(second.length);
    expect(ours(sheet)).toEqual([]);
  });

  test('sheets named toString, constructor and __proto__ are highlighted, recorded and cleared like any other', async () => {
    const sheets = ['toString', 'constructor', '__proto__', 'hasOwnProperty'].map((name) => fakeSheet(name, null));
    const excel = installExcel(sheets);
    const result = await adapter.highlightFindings(
      sheets.map((s) => ({ sheet: s.name, cell: 'B2', severity: 'error' as const })),
    );
    expect(result).toEqual({ added: 4, missingSheets: [] });
    expect(sheets.map((s) => ours(s).length)).toEqual([1, 1, 1, 1]);
    const record = adapter.parseHighlightRecord(excel.settings.get('budgetCheck.highlights'))!;
    expect([...record.keys()].sort()).toEqual(sheets.map((s) => s.id).sort());
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(await adapter.clearHighlights()).toBe(4);
  });

  test('a sheet deleted since the check is skipped and named; the other sheets are highlighted and recorded', async () => {
    const kept = fakeSheet('保留', null);
    const excel = installExcel([kept]);
    const result = await adapter.highlightFindings([
      { sheet: '已删除', cell: 'A1', severity: 'error' },
      { sheet: '保留', cell: 'A1', severity: 'warning' },
    ]);
    expect(result).toEqual({ added: 1, missingSheets: ['已删除'] });
    expect(adapter.parseHighlightRecord(excel.settings.get('budgetCheck.highlights'))).toEqual(new Map([[kept.id, 1]]));
  });

  test('a corrupt, old or hostile stored record blocks neither highlight nor clear', async () => {
    for (const value of [
      'not json {',
      '{"预算表":["{cf1}"]}',
      '{"version":2,"sheets":{"__proto__":{"x":1}}}',
      '{"version":2,"sheets":{"{1}":"3"}}',
      'null',
      '{"version":2,"sheets":{"{1}":-1}}',
    ]) {
      const sheet = fakeSheet('预算表', null);
      const excel = installExcel([sheet]);
      excel.settings.set('budgetCheck.highlights', value);
      // Nothing the record holds reaches an object's prototype: it is invalid, or a map without that key.
      const record = adapter.parseHighlightRecord(value);
      expect(record === undefined || (record.size === 0 && !record.has('__proto__'))).toBe(true);
      expect(({} as { x?: unknown }).x).toBeUndefined();
      expect((await adapter.highlightFindings(targets.slice(0, 2))).added).toBe(2);
      excel.settings.set('budgetCheck.highlights', value);
      expect(await adapter.clearHighlights()).toBe(2);
      expect(excel.settings.has('budgetCheck.highlights')).toBe(false);
    }
  });

  test('with the record lost, clear finds ours by their formula, however Excel spells it back', async () => {
    const sheet = fakeSheet('预算表', null);
    sheet.addFormat('A1', '=n( "budgetCheck.highlight" ) = 0');
    sheet.addFormat('A2', '=N("budgetCheck.highlightX")'); // Not ours: another text.
    sheet.addFormat('A3', '=TRUE'); // A user's "always" rule, as ours once were.
    installExcel([sheet]);
    expect(await adapter.clearHighlights()).toBe(1);
    expect(sheet.formats.map((f) => f.deleted)).toEqual([true, false, false]);
  });

  test('address chunks never split an address and stay under the limit', () => {
    const addresses = Array.from({ length: 5000 }, (_, i) => `AB${i + 1}:AB${i + 3}`);
    const chunks = addressChunks(addresses);
    expect(chunks.flatMap((c) => c.split(','))).toEqual(addresses);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(ADDRESS_LIMIT);
  });
});

test('a select-all selection reads only its used part', async () => {
  const sheet = fakeSheet('预算表', { rowIndex: 0, columnIndex: 0, rowCount: 10, columnCount: 3 });
  installExcel([sheet], { sheet, used: { rowIndex: 4, columnIndex: 2, rowCount: 6, columnCount: 3 } });
  const [grid] = await adapter.readGrids('selection');
  expect(sheet.blocks).toEqual([{ row: 4, col: 2, rows: 6, cols: 3 }]);
  expect(grid!.cells).toHaveLength(10);
});

test('selecting a finding activates its sheet and selects its cell in one sync', async () => {
  const sheets = [fakeSheet('一', null), fakeSheet('二', null)];
  const excel = installExcel(sheets);
  await adapter.selectCell('二', 'K13');
  expect(sheets[1]!.activated).toBe(true);
  expect(sheets[1]!.selected).toBe('K13');
  expect(sheets[0]!.activated).toBe(false);
  expect(excel.syncs()).toBe(1);
});
