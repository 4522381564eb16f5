/**
 * The pane outside Excel: open a workbook in an ordinary browser (or drop it on the page), check it with the same
 * engine in the page, see the findings next to a read-only grid with the offending cells marked, download an
 * annotated copy. The file never leaves the browser: it is read with File.arrayBuffer and written as a Blob.
 * Built as one self-contained standalone.html that works opened straight from disk (file://).
 */
import { Button, MessageBar, MessageBarBody, Tab, TabList, Text } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  checkGrids,
  type Finding,
  type Locale,
  type Report,
  SEVERITIES,
  cellAddress,
  columnLetters,
  isExcelError,
  parseCellAddress,
  parseRangeAddress,
  recognizeWorkbook,
  SEVERITY_FILLS,
  type Grid,
} from '../../validation';
import { annotateWorkbook } from '../../xlsx/annotate-workbook';
import { SPREADSHEET_EXTENSIONS, loadWorkbook, loadedGrids, problemMessage } from '../../xlsx/load-workbook';
import { PRECHECK_LIMITS, WorkbookProblemError } from '../../xlsx/workbook-precheck';
import type { PaneActions } from '../actions';
import { App } from '../App';
import { STRINGS } from '../i18n';
import { savePreference } from '../preferences';

const MB = 1024 * 1024;

/** Rows and columns drawn in the grid; the check itself always covers every cell. */
export const GRID_ROW_LIMIT = 2000;
export const GRID_COLUMN_LIMIT = 100;
/** Cells drawn at most: a wide sheet gets fewer rows, so that the page stays quick to draw. */
export const GRID_CELL_LIMIT = 40_000;
/** Every grid row is one line this high, so that sticky header rows can be stacked at known offsets. */
const ROW_HEIGHT = 22;
const ROW_NUMBER_WIDTH = 44;
/** Below this width the findings sit above the grid instead of beside it (Excel's task pane is about 350 px). */
const NARROW = 720;

interface Loaded {
  fileName: string;
  bytes: ArrayBuffer;
  grids: Grid[];
  /** What the reader left out, one line each. */
  notes: string[];
}

interface Selection {
  cell: string;
  related: readonly string[];
}

/** The page's layout: side by side when wide, stacked when narrow; sticky grid headers; no clipping at 350 px. */
const PAGE_CSS = `
.bc-page { display: flex; flex-direction: column; height: 100vh; font-family: 'Microsoft YaHei', 'Segoe UI', sans-serif; }
.bc-bar { flex: none; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #e0e0e0; }
.bc-body { flex: 1; display: flex; min-height: 0; }
.bc-aside { width: 400px; flex: none; overflow-y: auto; border-right: 1px solid #e0e0e0; }
.bc-sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; min-height: 0; overflow: hidden; }
.bc-tabs { flex: none; overflow-x: auto; max-width: 100%; }
.bc-grid { overflow: auto; flex: 1; min-height: 0; position: relative; }
.bc-grid table { border-collapse: separate; border-spacing: 0; font-size: 12px; }
.bc-grid th, .bc-grid td { height: ${ROW_HEIGHT - 1}px; line-height: ${ROW_HEIGHT - 1}px; padding: 0 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-right: 1px solid #e0e0e0; border-bottom: 1px solid #e0e0e0; max-width: 240px; box-sizing: border-box; }
.bc-grid th { background: #f3f3f3; color: #616161; font-weight: normal; }
.bc-grid thead th { position: sticky; top: 0; z-index: 3; text-align: center; }
.bc-grid tbody th { position: sticky; left: 0; z-index: 1; width: ${ROW_NUMBER_WIDTH}px; min-width: ${ROW_NUMBER_WIDTH}px; text-align: right; }
.bc-grid thead th.bc-corner { left: 0; z-index: 5; }
.bc-grid thead th.bc-col-a { left: ${ROW_NUMBER_WIDTH}px; z-index: 5; }
.bc-grid td.bc-col-a { position: sticky; left: ${ROW_NUMBER_WIDTH}px; z-index: 1; max-width: 160px; box-shadow: 2px 0 0 #d1d1d1; }
.bc-grid tr.bc-header-row > * { position: sticky; z-index: 2; font-weight: 600; }
.bc-grid tr.bc-header-row > td.bc-col-a, .bc-grid tr.bc-header-row > th { z-index: 4; }
.bc-grid td[data-related] { box-shadow: inset 0 0 0 2px #8a8886; }
.bc-grid td[aria-selected=true] { box-shadow: inset 0 0 0 2px #0f6cbd; }
.bc-drop { position: fixed; inset: 0; z-index: 10; display: flex; align-items: center; justify-content: center; background: rgba(15, 108, 189, 0.12); border: 3px dashed #0f6cbd; font-size: 20px; pointer-events: none; }
@media (max-width: ${NARROW}px) {
  .bc-body { flex-direction: column; }
  .bc-aside { width: auto; height: 50%; flex: none; border-right: none; border-bottom: 1px solid #e0e0e0; }
  .bc-grid td.bc-col-a { max-width: 96px; }
}
`;

export function Standalone({ locale: initialLocale }: { locale: Locale }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = STRINGS[locale];
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [reading, setReading] = useState<string | undefined>();
  const [sheet, setSheet] = useState<string | undefined>();
  const [selected, setSelected] = useState<Selection | undefined>();
  const [marked, setMarked] = useState<readonly Finding[]>([]);
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // A jump to another sheet brings its tab into view too (a narrow page shows only a few tabs).
  useEffect(() => {
    document.querySelector('[role=tab][aria-selected=true]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [sheet]);

  /** The one place a file is read: from the picker and from a drop alike. */
  const open = async (file: File) => {
    // Whatever the new file turns out to be, nothing of the previous one stays on screen.
    setLoaded(undefined);
    setReport(undefined);
    setMarked([]);
    setSelected(undefined);
    setSheet(undefined);
    setError(undefined);
    setGeneration((g) => g + 1);
    setReading(file.name);
    // The CLI's checks and limits, before exceljs expands anything: a zip bomb or a 2 KB sheet reaching XFD1048576
    // would otherwise hang the page.
    try {
      const bytes = await file.arrayBuffer();
      const workbook = await loadWorkbook(new Uint8Array(bytes), { fileName: file.name });
      const grids = loadedGrids(workbook);
      setLoaded({ fileName: file.name, bytes, grids, notes: workbook.notes.map((note) => note.message) });
      setSheet(grids[0]?.sheet);
    } catch (caught) {
      setError(openError(file.name, caught));
    } finally {
      setReading(undefined);
    }
  };

  /** The message for a file that cannot be opened, in the page's words where it has them. */
  const openError = (name: string, caught: unknown): string => {
    if (!(caught instanceof WorkbookProblemError)) return t.notXlsx(name);
    const problem = caught.problem;
    if (problem.kind === 'encrypted') return t.encrypted(name);
    if (problem.kind === 'not-xlsx') return t.notXlsx(name);
    if (problem.kind === 'too-large' && problem.declared)
      return t.tooLarge(name, Math.round(problem.uncompressedBytes / MB), PRECHECK_LIMITS.uncompressedBytes / MB);
    return `“${name}”：${problemMessage(caught)}`;
  };

  const actions: PaneActions = useMemo(
    () => ({
      check(scope, onProgress, config) {
        if (!loaded) return Promise.reject(new Error(t.open));
        const grids = scope === 'workbook' ? loaded.grids : loaded.grids.filter((g) => g.sheet === sheet);
        onProgress(0, 1);
        const result = checkGrids(grids, { locale, config });
        onProgress(1, 1);
        setReport(result);
        // The page is a view, not the file: its findings are marked in the grid straight away.
        setMarked(result.findings);
        setSelected(undefined);
        return Promise.resolve(result);
      },
      select(sheetName, cell, related) {
        setSheet(sheetName);
        setSelected({ cell, related: related ?? [] });
        return Promise.resolve();
      },
      highlight(r) {
        setMarked(r.findings);
        return Promise.resolve();
      },
      clear() {
        setMarked([]);
        return Promise.resolve();
      },
      insertTemplate: async () => Promise.reject(new Error('templates are inserted in Excel')),
    }),
    [loaded, sheet, locale, t],
  );

  const download = async () => {
    if (!loaded || !report) return;
    try {
      // A fresh copy from the original bytes: the workbook shown is never modified.
      const { copy } = await loadWorkbook(new Uint8Array(loaded.bytes), { forCopy: true, fileName: loaded.fileName });
      if (!copy) return;
      annotateWorkbook(copy, report.findings, locale);
      const blob = new Blob([await copy.xlsx.writeBuffer()], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${loaded.fileName.replace(/\.[^.]+$/, '')}-${locale === 'zh-CN' ? '检查结果' : 'checked'}.xlsx`;
      link.click();
      setTimeout(() => {
        URL.revokeObjectURL(link.href);
      }, 10_000);
    } catch (caught) {
      setError(openError(loaded.fileName, caught));
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void open(file);
  };

  const switchLanguage = () => {
    const next: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
    savePreference('locale', next);
    // The pane starts again in the other language and checks the open file again (the messages are the engine's).
    setReport(undefined);
    setSelected(undefined);
    setLocale(next);
  };

  const grid = loaded?.grids.find((g) => g.sheet === sheet);
  return (
    <div
      className="bc-page"
      data-testid="page"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <style>{PAGE_CSS}</style>
      {dragging && <div className="bc-drop">{t.dropHere}</div>}
      <div className="bc-bar">
        <input
          ref={input}
          type="file"
          accept={SPREADSHEET_EXTENSIONS.join(',')}
          aria-label={t.open}
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void open(file);
            e.target.value = '';
          }}
        />
        <Button appearance="primary" onClick={() => input.current?.click()}>
          {t.open}
        </Button>
        <Button onClick={() => void download()} disabled={!report}>
          {t.download}
        </Button>
        <Button
          appearance="subtle"
          onClick={switchLanguage}
          aria-label={t.languageName}
          lang={t.language === '中文' ? 'zh-CN' : 'en-US'}
        >
          {t.language}
        </Button>
        <Text size={200} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {reading ?? loaded?.fileName ?? t.openHint}
        </Text>
      </div>
      <div className="bc-body">
        <aside className="bc-aside">
          {(error ?? loaded?.notes.length) ? (
            <div style={{ padding: '12px 12px 0', display: 'flex', flexDirection: 'column', gap: 8 }}>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              {loaded?.notes.map((note) => (
                <MessageBar key={note} intent="warning">
                  <MessageBarBody>{note}</MessageBarBody>
                </MessageBar>
              ))}
            </div>
          ) : null}
          {loaded && (
            <App
              key={`${generation}:${locale}`}
              actions={actions}
              locale={locale}
              scopes={['workbook', 'sheet']}
              showTemplates={false}
              showTitle={false}
              autoCheck
            />
          )}
          {!loaded && !error && (
            <Text as="p" style={{ display: 'block', padding: 12 }}>
              {t.dropHint}
            </Text>
          )}
        </aside>
        <section className="bc-sheet" aria-label={loaded?.fileName}>
          {loaded && (
            <TabList
              selectedValue={sheet}
              onTabSelect={(_, data) => {
                setSheet(String(data.value));
              }}
              aria-label={t.sheets}
              className="bc-tabs"
            >
              {loaded.grids.map((g) => (
                <Tab key={g.sheet} value={g.sheet}>
                  {g.sheet}
                </Tab>
              ))}
            </TabList>
          )}
          {grid && <SheetGrid grid={grid} marked={marked} selected={selected} locale={locale} />}
        </section>
      </div>
    </div>
  );
}

/** Each recognized table's range and header rows, per grid (the engine's recognition, asked once per sheet shown). */
const tablesOfGrid = new WeakMap<
  Grid,
  { top: number; bottom: number; left: number; right: number; headerRows: number[] }[]
>();

/** The header rows of the table holding the cell, above it: kept in view (sticky) while the grid scrolls. */
export function headerRowsAt(grid: Grid, cell: string): number[] {
  let tables = tablesOfGrid.get(grid);
  if (!tables) {
    tables = recognizeWorkbook([grid]).tables.map((table) => ({ ...table.range, headerRows: table.headerRows }));
    tablesOfGrid.set(grid, tables);
  }
  const { row, col } = parseCellAddress(cell);
  const holding = tables.find((t) => row >= t.top && row <= t.bottom && col >= t.left && col <= t.right);
  return (holding?.headerRows ?? []).filter((r) => r < row).slice(0, 4);
}

/** The cells of the selection's related ranges on this sheet ("K5:K12", "'Sheet 2'!B4" elsewhere is left out). */
function relatedCells(related: readonly string[], sheet: string, rows: number, columns: number): Set<string> {
  const cells = new Set<string>();
  for (const reference of related) {
    const bang = reference.lastIndexOf('!');
    if (bang >= 0) {
      const name = reference
        .slice(0, bang)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      if (name !== sheet) continue;
    }
    let range;
    try {
      range = parseRangeAddress(reference.slice(bang + 1));
    } catch {
      continue;
    }
    for (let r = range.top; r <= Math.min(range.bottom, rows - 1); r++)
      for (let c = range.left; c <= Math.min(range.right, columns - 1); c++) cells.add(cellAddress(r, c));
  }
  return cells;
}

/**
 * The sheet as a read-only table: column letters and row numbers as in Excel, cell text as text, marked cells
 * filled by severity, the selected cell outlined and its related cells framed. Column A, the letters and the
 * header rows of the selected cell's table stay in view, and a jump scrolls the cell just past them.
 */
export function SheetGrid({
  grid,
  marked,
  selected,
  locale,
}: {
  grid: Grid;
  marked: readonly Finding[];
  selected?: Selection | undefined;
  locale: Locale;
}) {
  const fills = useMemo(() => {
    const byCell = new Map<string, Finding['severity']>();
    for (const f of marked) {
      if (f.sheet !== grid.sheet) continue;
      const current = byCell.get(f.cell);
      // The most severe finding of a cell gives its fill.
      if (!current || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(current)) byCell.set(f.cell, f.severity);
    }
    return byCell;
  }, [marked, grid.sheet]);
  let fullWidth = 0;
  for (const row of grid.cells) if (Array.isArray(row) && row.length > fullWidth) fullWidth = row.length;
  const width = Math.min(fullWidth, GRID_COLUMN_LIMIT);
  const rows = grid.cells.slice(0, Math.min(GRID_ROW_LIMIT, Math.floor(GRID_CELL_LIMIT / Math.max(1, width))));
  const cut = grid.cells.length > rows.length || fullWidth > GRID_COLUMN_LIMIT;
  const selectedCell = selected?.cell;
  const headerRows = useMemo(() => (selectedCell ? headerRowsAt(grid, selectedCell) : []), [grid, selectedCell]);
  const related = useMemo(
    () => relatedCells(selected?.related ?? [], grid.sheet, rows.length, width),
    [selected, grid.sheet, rows.length, width],
  );
  const container = useRef<HTMLDivElement>(null);

  // A jump: the cell just below the sticky header rows and just right of column A, whatever the page's width.
  useEffect(() => {
    const box = container.current;
    if (!box || !selectedCell) return;
    const td = box.querySelector<HTMLElement>(`td[data-cell="${selectedCell}"]`);
    if (!td) return;
    const view = box.getBoundingClientRect();
    const cell = td.getBoundingClientRect();
    const { row, col } = parseCellAddress(selectedCell);
    const stickyTop = (box.querySelector('thead')?.getBoundingClientRect().bottom ?? view.top) - view.top;
    const covered = headerRows.length * ROW_HEIGHT;
    const top = cell.top - view.top;
    if (top < stickyTop + covered || cell.bottom > view.bottom)
      box.scrollTop += top - stickyTop - covered - (headerRows.includes(row - 1) ? 0 : ROW_HEIGHT);
    const columnA = box.querySelector<HTMLElement>('td.bc-col-a');
    const stickyLeft = ROW_NUMBER_WIDTH + (col > 0 && columnA ? columnA.offsetWidth : 0);
    const left = cell.left - view.left;
    if (left < stickyLeft || cell.right > view.right) box.scrollLeft += left - stickyLeft - 8;
  }, [selectedCell, headerRows, grid]);

  const headerTop = new Map(headerRows.map((r, i) => [r, ROW_HEIGHT * (i + 1)]));
  return (
    <div className="bc-grid" ref={container} data-testid="grid">
      {cut && (
        <Text size={200} data-testid="grid-cut">
          {shownText(locale, rows.length, grid.cells.length, width, fullWidth)}
        </Text>
      )}
      <table>
        <thead>
          <tr>
            <th className="bc-corner" />
            {Array.from({ length: width }, (_, c) => (
              <th key={c} scope="col" className={c === 0 ? 'bc-col-a' : undefined}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const top = headerTop.get(r);
            return (
              <tr
                key={r}
                className={top !== undefined ? 'bc-header-row' : undefined}
                data-header-row={top !== undefined || undefined}
              >
                <th scope="row" style={top !== undefined ? { top } : undefined}>
                  {r + 1}
                </th>
                {Array.from({ length: width }, (_, c) => {
                  const address = cellAddress(r, c);
                  const value = row[c];
                  const severity = fills.get(address);
                  const isSelected = selectedCell === address;
                  return (
                    <td
                      key={c}
                      className={c === 0 ? 'bc-col-a' : undefined}
                      data-cell={address}
                      data-severity={severity}
                      data-related={related.has(address) || undefined}
                      aria-selected={isSelected || undefined}
                      style={{
                        top,
                        background: severity
                          ? `#${SEVERITY_FILLS[severity]}`
                          : related.has(address)
                            ? '#f0f0f0'
                            : '#ffffff',
                      }}
                    >
                      {value === null || value === undefined ? '' : isExcelError(value) ? value.error : String(value)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the grid leaves out: the rows and columns drawn of those the sheet has. The check covers them all. */
export function shownText(
  locale: Locale,
  rows: number,
  totalRows: number,
  columns: number,
  totalColumns: number,
): string {
  const lastColumn = columns > 0 ? cellAddress(0, columns - 1).replace(/\d+$/, '') : 'A';
  return locale === 'zh-CN'
    ? `仅显示前 ${rows} 行、前 ${columns} 列（至 ${lastColumn} 列）；工作表共 ${totalRows} 行、${totalColumns} 列，检查涵盖全部单元格。`
    : `Showing the first ${rows} rows and ${columns} columns (to column ${lastColumn}) of ${totalRows} rows and ${totalColumns} columns; the check covers every cell.`;
}
