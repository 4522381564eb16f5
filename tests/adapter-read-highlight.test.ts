/**
 * The Office.js adapter on office-addin-mock: reading in blocks (sizes and syncs for a 50,000-row sheet),
 * highlighting with conditional formats in a constant number of syncs (address chunks under 8,192
 * characters), clearing exactly what was added, selecting a finding's cell.
 */
import { installExcelMock } from './office-mock';
import { ADDRESS_LIMIT, BLOCK_CELLS, HIGHLIGHT_COLORS, addressChunks } from '../src/taskpane/excel/adapter';
import { cellAddress } from '../src/validation/address';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const adapter = require('../src/taskpane/excel/adapter') as typeof import('../src/taskpane/excel/adapter');

interface FakeFormat {
  id: string;
  isNullObject: boolean;
  deleted: boolean;
  custom: { rule: { formula?: string }; format: { fill: { color?: string } } };
  load(): void;
  delete(): void;
}

function fakeSheet(
  name: string,
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null,
  merges = '',
) {
  const blocks: { row: number; col: number; rows: number; cols: number }[] = [];
  const rangeRequests: string[] = [];
  const formats = new Map<string, FakeFormat>();
  let nextId = 1;
  const sheet = {
    name,
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
    getUsedRangeOrNullObject() {
      return {
        ...(used ?? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }),
        isNullObject: used === null,
        load() {},
        getMergedAreasOrNullObject: () => ({ address: merges, isNullObject: merges === '', load() {} }),
      };
    },
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
    getRanges(address: string) {
      rangeRequests.push(address);
      return {
        conditionalFormats: {
          add() {
            const format: FakeFormat = {
              id: `cf${nextId++}`,
              isNullObject: false,
              deleted: false,
              custom: { rule: {}, format: { fill: {} } },
              load() {},
              delete() {
                format.deleted = true;
              },
            };
            formats.set(format.id, format);
            return format;
          },
        },
      };
    },
    getRange(address?: string) {
      return {
        select() {
          sheet.selected = address ?? '';
        },
        conditionalFormats: {
          getItemOrNullObject: (id: string) =>
            formats.get(id) ?? ({ id, isNullObject: true, load() {}, delete() {} } as unknown as FakeFormat),
        },
      };
    },
  };
  return sheet;
}
type FakeSheet = ReturnType<typeof fakeSheet>;

function installExcel(sheets: FakeSheet[]) {
  const settings = new Map<string, string>();
  const { syncs } = installExcelMock(
    {
      worksheets: {
        items: sheets,
        getActiveWorksheet: () => sheets[0],
        getItem: (name: string) => sheets.find((s) => s.name === name),
        getItemOrNullObject: (name: string) =>
          sheets.find((s) => s.name === name) ?? {
            isNullObject: true,
            load() {},
            getRange: () => ({
              conditionalFormats: { getItemOrNullObject: () => ({ isNullObject: true, load() {}, delete() {} }) },
            }),
          },
      },
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

  test('every cell is coloured by severity through conditional formats, in address chunks under 8,192 characters', async () => {
    const sheet = fakeSheet('预算表', null);
    const excel = installExcel([sheet]);
    const added = await adapter.highlightFindings(targets);
    expect(sheet.rangeRequests.length).toBeGreaterThan(1);
    expect(added).toBe(sheet.rangeRequests.length);
    for (const chunk of sheet.rangeRequests) expect(chunk.length).toBeLessThan(ADDRESS_LIMIT);
    const requested = new Set(sheet.rangeRequests.flatMap((chunk) => chunk.split(',')));
    for (const target of targets) expect(requested.has(target.cell)).toBe(true);
    const colours = [...sheet.formats.values()].map((f) => [f.custom.rule.formula, f.custom.format.fill.color]);
    expect(new Set(colours.map((c) => c.join(' ')))).toEqual(
      new Set([`=TRUE ${HIGHLIGHT_COLORS.error}`, `=TRUE ${HIGHLIGHT_COLORS.warning}`]),
    );
    // Read the previous record, add everything, save the ids: three syncs for 3,000 cells.
    expect(excel.syncs()).toBe(3);
    expect(JSON.parse(excel.settings.get('budgetCheck.highlights')!)).toEqual({ 预算表: [...sheet.formats.keys()] });
  });

  test('clear removes exactly the highlights (the user’s own conditional format stays), in three syncs', async () => {
    const sheet = fakeSheet('预算表', null);
    const own = sheet.getRanges('A1').conditionalFormats.add();
    sheet.rangeRequests.length = 0;
    const excel = installExcel([sheet]);
    await adapter.highlightFindings(targets.slice(0, 10));
    const ours = [...sheet.formats.values()].filter((f) => f !== own);
    const before = excel.syncs();
    const removed = await adapter.clearHighlights();
    expect(removed).toBe(ours.length);
    expect(ours.every((f) => f.deleted)).toBe(true);
    expect(own.deleted).toBe(false);
    expect(excel.syncs() - before).toBe(3);
    expect(excel.settings.has('budgetCheck.highlights')).toBe(false);
    // Nothing to clear the second time.
    expect(await adapter.clearHighlights()).toBe(0);
  });

  test('highlighting again replaces the earlier highlights; ones the user already removed are skipped', async () => {
    const sheet = fakeSheet('预算表', null);
    const excel = installExcel([sheet]);
    await adapter.highlightFindings(targets.slice(0, 4));
    const first = [...sheet.formats.values()];
    sheet.formats.delete(first[0]!.id);
    await adapter.highlightFindings(targets.slice(0, 4));
    expect(first.slice(1).every((f) => f.deleted)).toBe(true);
    expect(excel.syncs()).toBe(3 + 4);
  });

  test('address chunks never split an address and stay under the limit', () => {
    const addresses = Array.from({ length: 5000 }, (_, i) => `AB${i + 1}:AB${i + 3}`);
    const chunks = addressChunks(addresses);
    expect(chunks.flatMap((c) => c.split(','))).toEqual(addresses);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(ADDRESS_LIMIT);
  });
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
