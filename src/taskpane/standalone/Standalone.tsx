/**
 * The pane outside Excel: open an .xlsx in an ordinary browser, check it with the same engine in the page,
 * see the findings next to a read-only grid with the offending cells marked, download an annotated copy.
 * The file never leaves the browser: it is read with FileReader/arrayBuffer and written as a Blob.
 */
import { Button, MessageBar, MessageBarBody, Tab, TabList, Text } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import {
  checkGrids,
  type Finding,
  type Locale,
  type Report,
  SEVERITIES,
  cellAddress,
  isExcelError,
  SEVERITY_FILLS,
  type Grid,
} from '../../validation';
import { annotateWorkbook } from '../../xlsx/annotate-workbook';
import { SPREADSHEET_EXTENSIONS, loadWorkbook, loadedGrids, problemMessage } from '../../xlsx/load-workbook';
import { PRECHECK_LIMITS, WorkbookProblemError } from '../../xlsx/workbook-precheck';
import type { PaneActions } from '../actions';
import { App } from '../App';
import { STRINGS } from '../i18n';

const MB = 1024 * 1024;

/** Rows and columns drawn in the grid; the check itself always covers every cell. */
export const GRID_ROW_LIMIT = 2000;
export const GRID_COLUMN_LIMIT = 100;
/** Cells drawn at most: a wide sheet gets fewer rows, so that the page stays quick to draw. */
export const GRID_CELL_LIMIT = 40_000;

interface Loaded {
  fileName: string;
  bytes: ArrayBuffer;
  grids: Grid[];
  /** What the reader left out, one line each. */
  notes: string[];
}

export function Standalone({ locale }: { locale: Locale }) {
  const t = STRINGS[locale];
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [sheet, setSheet] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [marked, setMarked] = useState<readonly Finding[]>([]);
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const open = async (file: File) => {
    setError(undefined);
    const bytes = await file.arrayBuffer();
    // The CLI's checks and limits, before exceljs expands anything: a zip bomb or a 2 KB sheet reaching XFD1048576
    // would otherwise hang the page.
    let grids: Grid[];
    let notes: string[];
    try {
      const workbook = await loadWorkbook(new Uint8Array(bytes), { fileName: file.name });
      grids = loadedGrids(workbook);
      notes = workbook.notes.map((note) => note.message);
    } catch (caught) {
      setError(openError(file.name, caught));
      return;
    }
    setLoaded({ fileName: file.name, bytes, grids, notes });
    setSheet(grids[0]?.sheet);
    setSelected(undefined);
    setMarked([]);
    setReport(undefined);
    // A new file gets a fresh pane (no findings from the previous one).
    setGeneration((g) => g + 1);
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
        return Promise.resolve(result);
      },
      select(sheetName, cell) {
        setSheet(sheetName);
        setSelected(cell);
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

  const grid = loaded?.grids.find((g) => g.sheet === sheet);
  return (
    <div style={{ display: 'flex', height: '100vh', fontFamily: "'Microsoft YaHei', 'Segoe UI', sans-serif" }}>
      <aside style={{ width: 400, flex: 'none', overflowY: 'auto', borderRight: '1px solid #e0e0e0' }}>
        <div style={{ padding: '12px 12px 0', display: 'flex', flexDirection: 'column', gap: 8 }}>
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
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button appearance="primary" onClick={() => input.current?.click()}>
              {t.open}
            </Button>
            <Button onClick={() => void download()} disabled={!report}>
              {t.download}
            </Button>
          </div>
          <Text size={200}>{loaded ? loaded.fileName : t.openHint}</Text>
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
        {loaded && (
          <App
            key={generation}
            actions={actions}
            locale={locale}
            scopes={['sheet', 'workbook']}
            showTemplates={false}
          />
        )}
      </aside>
      <section style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }} aria-label={loaded?.fileName}>
        {loaded && (
          <TabList
            selectedValue={sheet}
            onTabSelect={(_, data) => {
              setSheet(String(data.value));
            }}
            aria-label={t.sheets}
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
  );
}

/** The sheet as a read-only table: cell text as text, marked cells filled by severity, the selected cell outlined. */
export function SheetGrid({
  grid,
  marked,
  selected,
  locale,
}: {
  grid: Grid;
  marked: readonly Finding[];
  selected?: string;
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
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      {cut && (
        <Text size={200} data-testid="grid-cut">
          {shownText(locale, rows.length, grid.cells.length, width, fullWidth)}
        </Text>
      )}
      <table style={{ borderCollapse: 'collapse', fontSize: 12 }}>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <th
                style={{
                  background: '#f3f3f3',
                  color: '#666',
                  fontWeight: 'normal',
                  padding: '0 4px',
                  position: 'sticky',
                  left: 0,
                }}
              >
                {r + 1}
              </th>
              {Array.from({ length: width }, (_, c) => {
                const address = cellAddress(r, c);
                const value = row[c];
                const severity = fills.get(address);
                const isSelected = selected === address;
                return (
                  <td
                    key={c}
                    data-cell={address}
                    data-severity={severity}
                    aria-selected={isSelected || undefined}
                    ref={isSelected ? (el) => el?.scrollIntoView({ block: 'center', inline: 'center' }) : undefined}
                    style={{
                      border: '1px solid #e0e0e0',
                      padding: '1px 4px',
                      maxWidth: 240,
                      whiteSpace: 'nowrap',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      background: severity ? `#${SEVERITY_FILLS[severity]}` : undefined,
                      outline: isSelected ? '2px solid #0f6cbd' : undefined,
                    }}
                  >
                    {value === null || value === undefined ? '' : isExcelError(value) ? value.error : String(value)}
                  </td>
                );
              })}
            </tr>
          ))}
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
