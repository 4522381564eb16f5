/**
 * The built task pane (dist/addin/taskpane.html and its bundles, exactly as Excel would load them) in real
 * headless Chromium, with office.js replaced by an in-memory workbook (tests/e2e/fake-office.js) holding the
 * cells of a bundled example. What a user does — check, click a finding, highlight, clear — is done with
 * the mouse, and the workbook is read back afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { extname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { HIGHLIGHT_COLORS, HIGHLIGHT_FORMULA } from '../src/office/adapter';
import { HOSTILE_FILES, docxBytes, noSheetBytes } from '../bench/hostile-files';
import { buildPlan } from '../src/templates/build';
import { templateById } from '../src/templates/definitions';
import { uniqueSheetName } from '../src/templates/plan';
import { FINDING_FILLS } from '../src/xlsx/annotate-workbook';
import { parseCellAddress, parseRangeAddress, rangeAddress } from '../src/validation/address';
import { isExcelError, type Grid } from '../src/validation/grid';
import { checkGrids, type Locale, type Report } from '../src/validation';
import { OLE_HEADER, claimUncompressedSize } from './cli-helpers';

jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADDIN = join(__dirname, '..', 'dist', 'addin');
const ORIGIN = 'https://localhost:3000';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const EXAMPLES = join(__dirname, '..', 'examples');
/** Screenshots for people (not compared by the tests). */
const ARTIFACTS = join(__dirname, '..', 'test-artifacts');

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  const message = `Chromium not found at ${CHROMIUM}: the browser tests of the task pane need it (apt-get install -y chromium, or set CHROMIUM_PATH).`;
  if (process.env.CI) throw new Error(message);
  console.warn(`${message} Skipped outside CI.`);
}
const describeInBrowser = haveChromium ? describe : describe.skip;

interface FakeSheet {
  name: string;
  values: unknown[][];
  numberFormats: (string | null)[][];
  merges: string[];
}
interface FakeState {
  syncs: number;
  runs: number;
  settings: Record<string, string>;
  formats: {
    id: string;
    sheet: string;
    address: string;
    custom: { rule: { formula: string }; format: { fill: { color: string } } };
  }[];
  selected?: { sheet: string; address: string };
  registered: string[];
  writes: { sheet: string }[];
  names: { name: string; reference: string }[];
}
type FakeWorkbookSheet = FakeSheet & { visibility?: string; frozenRows?: number };
const fakeSheets = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as { __fakeWorkbook: { sheets: FakeWorkbookSheet[] } }).__fakeWorkbook.sheets,
  );

/** The example's cells as Excel's API returns them: errors as their code, blanks as "". */
function toFakeSheets(grids: Grid[]): FakeSheet[] {
  return grids.map((grid) => ({
    name: grid.sheet,
    values: grid.cells.map((row) => row.map((v) => (v === null ? '' : isExcelError(v) ? v.error : v))),
    numberFormats: (grid.numberFormats ?? []).map((row) => row.map((f) => f ?? null)),
    merges: (grid.merges ?? []).map(rangeAddress),
  }));
}

let browser: Browser;
beforeAll(async () => {
  if (!haveChromium) return;
  if (!existsSync(join(ADDIN, 'taskpane.html')))
    throw new Error('dist/addin/taskpane.html is missing: run npm run build first (npm test does).');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * Serves dist/addin at the dev server's origin, and (in Excel mode) the fake office.js in place of Office's;
 * every other request is refused, so that one leaving the page would fail the test that looks for it.
 */
async function serveAddin(page: Page, { withFakeOffice }: { withFakeOffice: boolean }) {
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (withFakeOffice && url === OFFICE_JS)
      return route.fulfill({
        contentType: 'text/javascript',
        body: readFileSync(join(__dirname, 'e2e', 'fake-office.js'), 'utf8'),
      });
    if (url.startsWith(`${ORIGIN}/`)) {
      const file = join(ADDIN, decodeURIComponent(new URL(url).pathname));
      if (file.startsWith(ADDIN) && existsSync(file))
        return route.fulfill({
          contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      return route.fulfill({ status: 404, body: '' });
    }
    return route.abort();
  });
}

/** Opens the pane on a workbook; returns the page and every URL it asked for. */
async function openPane(
  sheets: FakeSheet[],
  language: string,
  selection?: { sheet: string; row: number; col: number; rows: number; cols: number },
) {
  // About the width of Excel's task pane.
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await serveAddin(page, { withFakeOffice: true });
  await page.addInitScript((workbook) => Object.assign(globalThis, { __fakeWorkbook: workbook }), {
    language,
    sheets,
    active: 0,
    selection: selection ?? { sheet: sheets[0]!.name, row: 0, col: 0, rows: 1, cols: 1 },
  });
  await page.goto(`${ORIGIN}/taskpane.html`);
  return { page, requests, pageErrors };
}

const fakeState = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __fakeExcel: FakeState }).__fakeExcel);

/** Waits until the fake workbook satisfies a condition; returns its state. */
async function waitForState(page: Page, condition: (state: FakeState) => boolean): Promise<FakeState> {
  for (let i = 0; i < 200; i++) {
    const state = await fakeState(page);
    if (condition(state)) return state;
    await page.waitForTimeout(50);
  }
  throw new Error(
    `fake workbook never reached the expected state: ${JSON.stringify(await fakeState(page)).slice(0, 500)}`,
  );
}

/** How many findings the list holds: single entries plus the members of folded ones ("同类 N 处"). */
async function listed(page: Page): Promise<number> {
  const single = await page.locator('main li[data-finding]').count();
  const folded = await page
    .locator('main li[data-similar]')
    .evaluateAll((items) =>
      items.map((item) =>
        Number((item as unknown as { getAttribute(n: string): string }).getAttribute('data-similar')),
      ),
    );
  return single + folded.reduce((a, b) => a + b, 0);
}

/** Polls a value until it equals the expected one (or time runs out); returns the last value seen. */
async function settled<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

function covers(address: string, cell: string): boolean {
  const { row, col } = parseCellAddress(cell);
  return address.split(',').some((part) => {
    const r = parseRangeAddress(part.trim());
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  });
}

/** The example as the fake workbook's sheets, and the engine's report on the given sheets (all by default). */
async function engineReport(
  file: string,
  locale: Locale,
  sheetCount?: number,
): Promise<{ sheets: FakeSheet[]; report: Report }> {
  const grids = await readWorkbookGrids(join(EXAMPLES, file));
  const sheets = toFakeSheets(grids);
  const report = checkGrids(grids.slice(0, sheetCount ?? grids.length), { locale });
  return { sheets, report };
}

describeInBrowser('task pane in headless Chromium', () => {
  test('zh-CN: check the sheet, jump to a finding, highlight every finding and clear them, with the workbook unchanged', async () => {
    // The pane checks the active sheet: the first.
    const { sheets, report: expected } = await engineReport('000-湖南双牌-绩效目标表.xlsx', 'zh-CN', 1);
    const first = sheets[0]!.name;
    expect(expected.findings.length).toBeGreaterThan(0);
    const { page, requests, pageErrors } = await openPane(sheets, 'zh-CN');

    // The whole workbook is the default; this test checks the active sheet.
    expect(await page.getByRole('radio', { name: '整个工作簿' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: '本工作表' }).check();
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.locator('main li').first().waitFor();
    // Every finding the engine reports for this sheet is listed, once (identical ones folded into "同类 N 处").
    expect(await listed(page)).toBe(expected.findings.length);
    const afterCheck = await fakeState(page);
    // One sync for the used range, then one per 50,000-cell block (a single block here).
    expect(afterCheck.syncs).toBe(2);
    expect(afterCheck.runs).toBe(1);
    await expect(page.getByText(`${expected.summary.error}`, { exact: true }).first().isVisible()).resolves.toBe(true);

    // Click a finding: its cell is selected.
    const item = page.locator('main li[data-finding]').nth(1);
    const cell = (await item.locator('.finding-cell').innerText()).trim();
    const message = (await item.locator('.finding-message').innerText()).trim();
    const finding = expected.findings.find((f) => f.cell === cell && f.message === message);
    expect(finding).toBeDefined();
    await item.getByRole('button').click();
    const selected = await waitForState(page, (s) => s.selected !== undefined);
    expect(selected.selected!.address.endsWith(`!${finding!.cell}`)).toBe(true);
    expect(selected.selected!.address.startsWith(first) || selected.selected!.address.startsWith(`'${first}`)).toBe(
      true,
    );

    // Highlight: every finding's cell is covered by a format in its severity's colour; recorded in the settings.
    const syncsBefore = selected.syncs;
    await page.getByRole('button', { name: '在表中标出' }).click();
    const highlighted = await waitForState(page, (s) => Object.keys(s.settings).length > 0);
    expect(highlighted.syncs - syncsBefore).toBe(3);
    for (const f of expected.findings) {
      const match = highlighted.formats.some(
        (format) =>
          format.sheet === f.sheet &&
          format.custom.format.fill.color === HIGHLIGHT_COLORS[f.severity] &&
          covers(format.address, f.cell),
      );
      expect({ finding: `${f.sheet}!${f.cell} ${f.severity}`, highlighted: match }).toEqual({
        finding: `${f.sheet}!${f.cell} ${f.severity}`,
        highlighted: true,
      });
    }
    for (const format of highlighted.formats) expect(format.custom.rule.formula).toBe(HIGHLIGHT_FORMULA);
    // Recorded by worksheet id, with the count of formats on each sheet.
    const recorded = JSON.parse(Object.values(highlighted.settings)[0]!) as {
      version: number;
      sheets: Record<string, number>;
    };
    expect(recorded.version).toBe(2);
    expect(Object.values(recorded.sheets).reduce((a, b) => a + b, 0)).toBe(highlighted.formats.length);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-zh-CN.png') });

    // Highlighting again replaces, never stacks.
    await page.getByRole('button', { name: '在表中标出' }).click();
    const again = await waitForState(page, (s) => s.syncs >= highlighted.syncs + 3);
    expect(again.formats.length).toBe(highlighted.formats.length);

    // Clear: no format and no setting left; no cell value or format was ever written.
    await page.getByRole('button', { name: '清除标记' }).click();
    const cleared = await waitForState(page, (s) => Object.keys(s.settings).length === 0);
    expect(cleared.formats).toEqual([]);
    expect(cleared.writes).toEqual([]);

    // The page asked for nothing outside the add-in's own origin (office.js is Office's, served locally here).
    expect(requests.filter((url) => !url.startsWith(`${ORIGIN}/`) && url !== OFFICE_JS)).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The worksheet functions registered themselves on the same page (shared runtime).
    expect([...cleared.registered].sort()).toEqual(['CHECK', 'PARSE', 'SUMCHECK', 'WEIGHTS']);
    await page.close();
  });

  test('en-US: the whole workbook, findings grouped by table, severity filter and search', async () => {
    const { sheets, report } = await engineReport('004-重庆石柱-部门预算公开.xlsx', 'en-US');
    expect(sheets.length).toBeGreaterThan(1);
    const { page, pageErrors } = await openPane(sheets, 'en-US');
    await page.getByRole('radio', { name: 'Whole workbook' }).check();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('main li').first().waitFor();
    expect(await listed(page)).toBe(report.findings.length);
    const state = await fakeState(page);
    // One sync for the sheet list, one for the used ranges, one per sheet with cells.
    const nonEmpty = sheets.filter((s) => s.values.some((row) => row.some((v) => v !== ''))).length;
    expect(state.syncs).toBe(2 + nonEmpty);

    // One group per severity and table that has findings of it, errors first; titles say the table once.
    const pairs = new Set(report.findings.map((f) => `${f.severity}:${f.tableId ?? ''}`));
    const headers = await page.locator('.findings .fui-AccordionHeader').allInnerTexts();
    expect(headers.length).toBe(pairs.size);
    expect(headers.every((h) => /\d+ findings?$/.test(h.trim()))).toBe(true);
    for (const header of headers) {
      const parts = header.trim().split(' · ');
      expect(new Set(parts).size).toBe(parts.length);
    }

    // "Only errors": the chip is pressed, the list holds exactly the errors, the count stays the report's.
    const errorsChip = page.getByRole('button', { name: /^Errors/ });
    await errorsChip.click();
    expect(await errorsChip.getAttribute('aria-pressed')).toBe('true');
    await page.getByText(`Only errors (${report.summary.error})`).waitFor();
    await expect(listed(page)).resolves.toBe(report.summary.error);
    // Searching narrows to the findings whose text matches.
    const some = report.findings.find((f) => f.severity === 'error')!;
    await page.getByRole('textbox', { name: 'Search findings' }).fill(`${some.sheet}!${some.cell}`);
    const expectedMatches = report.findings.filter(
      (f) => f.severity === 'error' && `${f.sheet}!${f.cell} `.startsWith(`${some.sheet}!${some.cell} `),
    ).length;
    await expect(listed(page)).resolves.toBe(expectedMatches);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('keyboard only: Tab to 检查, Enter; Tab to a finding, Enter selects its cell', async () => {
    const { sheets, report } = await engineReport('000-湖南双牌-绩效目标表.xlsx', 'zh-CN', 1);
    const { page } = await openPane(sheets, 'zh-CN');
    await page.getByRole('button', { name: '检查', exact: true }).waitFor();
    const focusedText = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document
            .activeElement?.textContent ?? '',
      );
    const tabUntil = async (wanted: (text: string) => boolean) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (wanted(await focusedText())) return;
      }
      throw new Error('never reached by Tab');
    };
    await page.getByRole('radio', { name: '本工作表' }).check();
    await tabUntil((text) => text === '检查');
    await page.keyboard.press('Enter');
    await page.locator('main li').first().waitFor();
    expect(await listed(page)).toBe(report.findings.length);
    const firstCell = (await page.locator('main li[data-finding]').first().getAttribute('data-cell'))!;
    const first = report.findings.find(
      (f) => f.cell === firstCell && f.severity === report.findings.find((g) => g.cell === firstCell)!.severity,
    )!;
    await tabUntil((text) => text.includes(first.cell) && text.includes(first.message));
    await page.keyboard.press('Enter');
    const state = await waitForState(page, (s) => s.selected !== undefined);
    expect(state.selected!.address.endsWith(`!${first.cell}`)).toBe(true);
    await page.close();
  });

  test('a check of the selection reads only the selected cells', async () => {
    const { sheets } = await engineReport('000-湖南双牌-绩效目标表.xlsx', 'zh-CN');
    const sheet = sheets[0]!;
    // Select the first ten rows: the report must equal the engine's report on exactly those cells.
    const rows = 10;
    const cols = Math.max(...sheet.values.slice(0, rows).map((r) => r.length));
    const grid: Grid = {
      sheet: sheet.name,
      cells: sheet.values
        .slice(0, rows)
        .map((row) =>
          Array.from({ length: cols }, (_, c) =>
            row[c] === '' || row[c] === undefined ? null : (row[c] as string | number),
          ),
        ),
      merges: sheet.merges.map(parseRangeAddress).filter((m) => m.top < rows && m.left < cols),
      numberFormats: sheet.numberFormats.slice(0, rows),
    };
    const expected = checkGrids([grid], { locale: 'zh-CN' });
    const { page } = await openPane(sheets, 'zh-CN', { sheet: sheet.name, row: 0, col: 0, rows, cols });
    await page.getByRole('radio', { name: '所选区域' }).check();
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.locator('main [role=group]').waitFor();
    expect(await listed(page)).toBe(expected.findings.length);
    for (const cell of await page.locator('main li[data-finding] .finding-cell').allInnerTexts())
      expect(parseCellAddress(cell.trim()).row).toBeLessThan(rows);
    await page.close();
  });

  test('inserting a template adds new sheets only: the table, its dropdown lists and names, in two syncs', async () => {
    const { sheets } = await engineReport('000-湖南双牌-绩效目标表.xlsx', 'zh-CN');
    const { page, pageErrors } = await openPane(sheets, 'zh-CN');
    const before = await fakeSheets(page);

    await page.getByRole('combobox', { name: '插入模板' }).selectOption('project-2021');
    await page.getByRole('button', { name: '插入', exact: true }).click();
    const plan = buildPlan(templateById('project-2021')!);
    // The example already has a sheet of that name: the new one gets its own.
    expect(before.map((s) => s.name)).toContain(plan.sheetName);
    const first = uniqueSheetName(
      plan.sheetName,
      before.map((s) => s.name),
    );
    await page.getByText(`已插入工作表“${first}”`).waitFor({ timeout: 10_000 });
    const state = await fakeState(page);
    expect(state.syncs).toBe(2);
    const after = await fakeSheets(page);
    // The workbook's own sheets are exactly as they were; everything written went to the new sheets.
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added.map((s) => s.name)).toEqual([first, plan.lists!.sheetName]);
    expect(state.writes.every((w) => added.some((s) => s.name === w.sheet))).toBe(true);
    const table = added[0]!;
    for (const cell of plan.cells) {
      const { row, col } = parseCellAddress(cell.address);
      expect({ cell: cell.address, value: table.values[row]?.[col] }).toEqual({
        cell: cell.address,
        value: cell.formula !== undefined ? `=${cell.formula}` : (cell.value ?? ''),
      });
    }
    expect([...table.merges].sort()).toEqual([...plan.merges].sort());
    expect(table.frozenRows ?? 0).toBe(plan.freezeRows);
    expect(added[1]!.visibility).toBe('Hidden');
    expect(state.names.map((n) => n.name).sort()).toEqual(plan.lists!.names.map((n) => n.name).sort());
    for (const name of state.names) expect(name.reference.startsWith('=')).toBe(true);

    // Again: a second sheet under a new name, the lists and names reused, nothing overwritten.
    await page.getByRole('button', { name: '插入', exact: true }).click();
    const second = uniqueSheetName(
      plan.sheetName,
      after.map((s) => s.name),
    );
    expect(second).not.toBe(first);
    await page.getByText(`已插入工作表“${second}”`).waitFor();
    const again = await fakeSheets(page);
    expect(again.slice(0, after.length)).toEqual(after);
    expect(again.map((s) => s.name).slice(after.length)).toEqual([second]);
    expect((await fakeState(page)).names.length).toBe(state.names.length);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

/** Opens the standalone page (no Office) and records every request it makes. */
async function openStandalone(locale: 'zh-CN' | 'en-US') {
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await serveAddin(page, { withFakeOffice: false });
  await page.goto(`${ORIGIN}/standalone.html`);
  return { context, page, requests, pageErrors, dialogs };
}

describeInBrowser('standalone page: the pane on an .xlsx in an ordinary browser', () => {
  test('open an example, check the workbook, mark and jump in the grid, download an annotated copy the CLI reads back', async () => {
    const file = '004-重庆石柱-部门预算公开.xlsx';
    const { sheets, report } = await engineReport(file, 'zh-CN');
    const { context, page, requests, pageErrors } = await openStandalone('zh-CN');
    await page.locator('input[type=file]').setInputFiles(join(EXAMPLES, file));
    await page.getByText(file).waitFor();
    await page.getByRole('tab').first().waitFor();
    // A tab per sheet.
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(sheets.map((s) => s.name));

    // Opening the file checked the whole workbook.
    await page.locator('main li').first().waitFor();
    expect(await page.getByRole('radio', { name: '整个工作簿' }).isChecked()).toBe(true);
    expect(await listed(page)).toBe(report.findings.length);

    // Mark: every finding cell of the sheet shown carries its (worst) severity.
    await page.getByRole('button', { name: '在表中标出' }).click();
    const shown = report.findings[0]!.sheet;
    await page.getByRole('tab', { name: shown }).click();
    const expectedCells = new Set(report.findings.filter((f) => f.sheet === shown).map((f) => f.cell));
    await page.locator('td[data-severity]').first().waitFor();
    const markedCells = await Promise.all(
      (await page.locator('td[data-severity]').all()).map((c) => c.getAttribute('data-cell')),
    );
    expect(new Set(markedCells)).toEqual(expectedCells);

    // Jump: click the last finding listed; its sheet's tab is selected and its cell outlined.
    const items = page.locator('main li[data-finding]');
    const last = items.nth((await items.count()) - 1);
    const cell = (await last.locator('.finding-cell').innerText()).trim();
    const message = (await last.locator('.finding-message').innerText()).trim();
    const finding = report.findings.find((f) => f.cell === cell && f.message === message)!;
    expect(finding).toBeDefined();
    await last.getByRole('button').click();
    await page.locator(`td[aria-selected=true][data-cell="${finding.cell}"]`).waitFor();
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe(finding.sheet);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'standalone-zh-CN.png') });

    // Download the annotated copy and check it with the CLI: the same findings (the added findings sheet aside),
    // the cells filled by severity, every message in the findings sheet.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载标注副本' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('004-重庆石柱-部门预算公开-检查结果.xlsx');
    const saved = join(mkdtempSync(join(tmpdir(), 'standalone-')), download.suggestedFilename());
    await download.saveAs(saved);
    const cli = spawnSync(
      process.execPath,
      [join(__dirname, '..', 'dist', 'src', 'cli', 'main.js'), '--format', 'json', saved],
      { encoding: 'utf8' },
    );
    const checked = JSON.parse(cli.stdout) as {
      files: { findings: { sheet: string; cell: string; ruleId: string }[] }[];
    };
    const again = checked.files[0]!.findings.filter((f) => f.sheet !== '检查结果');
    expect(again.map((f) => `${f.sheet}!${f.cell} ${f.ruleId}`).sort()).toEqual(
      report.findings.map((f) => `${f.sheet}!${f.cell} ${f.ruleId}`).sort(),
    );
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.readFile(saved);
    const results = annotated.getWorksheet('检查结果')!;
    expect(results.rowCount).toBe(report.findings.length + 1);
    const fill = annotated.getWorksheet(finding.sheet)!.getCell(finding.cell).fill as ExcelJS.FillPattern;
    expect(Object.values(FINDING_FILLS)).toContain(fill.fgColor?.argb);

    // Settings reach the engine: the execution-90 profile and a tolerance of 1 (万元) give the engine's findings for that config.
    await page.getByRole('button', { name: '设置' }).click();
    await page.getByRole('combobox', { name: '指标体系' }).selectOption('execution-90');
    await page.getByRole('textbox', { name: '金额容差' }).fill('1');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    const withSettings = checkGrids(await readWorkbookGrids(join(EXAMPLES, file)), {
      locale: 'zh-CN',
      config: { profile: 'execution-90', options: { tolerance: 1 } },
    });
    expect(withSettings.findings.length).not.toBe(report.findings.length);
    // (Tables whose first findings come with this check are listed open too.)
    expect(await settled(() => listed(page), withSettings.findings.length)).toBe(withSettings.findings.length);
    // A wrong value blocks the check and says why.
    await page.getByRole('textbox', { name: '满意度下限' }).fill('120');
    await page.getByText('满意度下限应在 0 到 100 之间').waitFor();
    expect(await page.getByRole('button', { name: '检查', exact: true }).isDisabled()).toBe(true);

    // Nothing left the page: every request went to its own origin.
    expect(requests.filter((url) => !url.startsWith(`${ORIGIN}/`))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('cell text is shown as text and runs nothing; a file that is no spreadsheet gets a message, not a crash', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['一级指标', '二级指标', '三级指标', '指标值', '权重']);
    sheet.addRow(['产出指标', '数量指标', hostile, hostile, 50]);
    sheet.addRow(['满意度指标', '服务对象满意度指标', '满意度', '≥90%', 40]);
    const dir = mkdtempSync(join(tmpdir(), 'standalone-'));
    const path = join(dir, 'hostile.xlsx');
    await workbook.xlsx.writeFile(path);

    const { context, page, pageErrors, dialogs } = await openStandalone('en-US');
    await page.locator('input[type=file]').setInputFiles(join(dir, 'hostile.xlsx'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('main li').first().waitFor();
    await page.getByRole('button', { name: 'Highlight in the sheet' }).click();
    expect(await page.locator('td[data-cell="C2"]').innerText()).toBe(hostile);
    expect(await page.locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'standalone-hostile-en-US.png') });

    writeFileSync(join(dir, 'notes.xlsx'), 'these are not spreadsheet bytes');
    await page.locator('input[type=file]').setInputFiles(join(dir, 'notes.xlsx'));
    await page.getByText('“notes.xlsx” is not a spreadsheet this page can read').waitFor();
    // The CLI's byte checks run in the page too: an encrypted workbook, and a zip declaring gigabytes, get their
    // own message before exceljs would try to unpack them.
    writeFileSync(join(dir, 'locked.xlsx'), Buffer.concat([OLE_HEADER, Buffer.alloc(512)]));
    await page.locator('input[type=file]').setInputFiles(join(dir, 'locked.xlsx'));
    await page.getByText('“locked.xlsx” is password-protected').waitFor();
    const bomb = Buffer.from(await workbook.xlsx.writeBuffer());
    claimUncompressedSize(bomb, 0xfffffffe);
    writeFileSync(join(dir, 'bomb.xlsx'), bomb);
    await page.locator('input[type=file]').setInputFiles(join(dir, 'bomb.xlsx'));
    await page.getByText(/“bomb\.xlsx” unpacks to about \d+ MB, over the 200 MB limit/).waitFor();
    // A renamed .docx and a workbook without a sheet: 不是 Excel 工作簿, no empty view, no failing download.
    writeFileSync(join(dir, 'letter.xlsx'), docxBytes());
    await page.locator('input[type=file]').setInputFiles(join(dir, 'letter.xlsx'));
    await page.getByText('“letter.xlsx”：不是 Excel 工作簿').waitFor();
    writeFileSync(join(dir, 'empty.xlsx'), noSheetBytes());
    await page.locator('input[type=file]').setInputFiles(join(dir, 'empty.xlsx'));
    await page.getByText('“empty.xlsx”：不是 Excel 工作簿').waitFor();
    // Cells at A1, XFD1 and XFD1048576 (2 KB): the page draws 100 columns and 40,000 cells at most, and says so.
    const corners = HOSTILE_FILES.find((f) => f.name === 'three-corners.xlsx')!;
    writeFileSync(join(dir, corners.name), corners.bytes());
    await page.locator('input[type=file]').setInputFiles(join(dir, corners.name));
    const cut = page.getByTestId('grid-cut');
    await cut.waitFor({ timeout: 90_000 });
    expect(await cut.innerText()).toBe(
      'Showing the first 400 rows and 100 columns (to column CV) of 1048576 rows and 16384 columns; the check covers every cell.',
    );
    expect(await page.locator('tbody tr').first().locator('td').count()).toBe(100);
    expect(await page.locator('thead th').last().innerText()).toBe('CV');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
