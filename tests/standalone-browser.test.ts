/**
 * The standalone page as a user gets it: dist/addin/standalone.html opened straight from disk (file://) in headless
 * Chromium, at a desktop width (1280 px) and at Excel's task-pane width (350 px). Opening a file checks the whole
 * workbook and shows its worst problem; the list filters to one severity; the grid shows column letters, row numbers,
 * the cell's headers and its related cells; a drop opens a file; a bad file clears the previous one; the page speaks
 * Chinese or English. Screenshots for the README are written to docs/images/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { checkGrids, checkedSomething, parseCellAddress, type Locale, type Report } from '../src/validation';
import { sortFindings } from '../src/taskpane/findings';

jest.setTimeout(180_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGE = join(__dirname, '..', 'dist', 'addin', 'standalone.html');
const EXAMPLES = join(__dirname, '..', 'examples');
const IMAGES = join(__dirname, '..', 'docs', 'images');
const EXAMPLE = '004-重庆石柱-部门预算公开.xlsx';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  const message = `Chromium not found at ${CHROMIUM}: the browser tests of the standalone page need it.`;
  if (process.env.CI) throw new Error(message);
  console.warn(`${message} Skipped outside CI.`);
}
const describeInBrowser = haveChromium ? describe : describe.skip;

let browser: Browser;
beforeAll(async () => {
  if (!haveChromium) return;
  if (!existsSync(PAGE))
    throw new Error('dist/addin/standalone.html is missing: run npm run build first (npm test does).');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
});

async function engineReport(file: string, locale: Locale): Promise<Report> {
  return checkGrids(await readWorkbookGrids(join(EXAMPLES, file)), { locale });
}

/** The page from disk, in a fresh profile; every request other than the file itself is recorded (there must be none). */
async function openPage(width: number, locale: Locale = 'zh-CN') {
  const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) requests.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`file://${PAGE}`);
  return { context, page, requests, pageErrors };
}

/** How many findings the list holds: single entries plus the members of folded ones ("同类 N 处"). */
async function listed(page: Page): Promise<number> {
  const single = await page.locator('main li[data-finding]').count();
  const folded = await page
    .locator('main li[data-similar]')
    .evaluateAll((items) => items.map((item) => Number((item as unknown as Attributes).getAttribute('data-similar'))));
  return single + folded.reduce((a, b) => a + b, 0);
}

/** The little of the DOM these tests read inside the page (tsconfig.json has no DOM types). */
interface Attributes {
  getAttribute(name: string): string | null;
  scrollWidth: number;
  clientWidth: number;
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface Layout {
  grid: Box;
  cell: Box | undefined;
  columnA: Box | undefined;
  letters: Box | undefined;
  headerRows: (Box & { row: number })[];
  pageWidth: number;
}

/** The rectangles of the grid, the selected cell, its row's column-A cell and the sticky column letters. */
async function layoutOfSelection(page: Page): Promise<Layout> {
  // A script, not a function: the test's TypeScript has no DOM types.
  return page.evaluate<Layout>(`(() => {
    const rect = (element) => {
      if (!element) return undefined;
      const r = element.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const grid = document.querySelector('[data-testid=grid]');
    const cell = grid.querySelector('td[aria-selected=true]');
    const row = cell?.parentElement;
    return {
      grid: rect(grid),
      cell: rect(cell),
      columnA: rect(row?.querySelector('td.bc-col-a') ?? null),
      letters: rect(grid.querySelector('thead')),
      headerRows: [...grid.querySelectorAll('tr[data-header-row]')].map((tr) => ({
        row: Number(tr.querySelector('th').textContent),
        ...rect(tr),
      })),
      pageWidth: document.documentElement.scrollWidth,
    };
  })()`);
}

function expectCellInView(layout: Layout) {
  const { grid, cell, columnA, letters } = layout;
  expect(cell).toBeDefined();
  // Inside the grid's box, below the column letters and the sticky header rows, right of the sticky column A.
  const stickyBottom = Math.max(letters!.bottom, ...layout.headerRows.map((h) => h.bottom));
  expect(cell!.top).toBeGreaterThanOrEqual(stickyBottom - 1);
  expect(cell!.bottom).toBeLessThanOrEqual(grid.bottom + 1);
  expect(cell!.right).toBeLessThanOrEqual(grid.right + 1);
  if (columnA && columnA.left !== cell!.left) expect(cell!.left).toBeGreaterThanOrEqual(columnA.right - 1);
  // Column A of the same row is in view too.
  expect(columnA!.left).toBeGreaterThanOrEqual(grid.left);
  expect(columnA!.right).toBeLessThanOrEqual(grid.right);
}

describeInBrowser('standalone.html opened from disk', () => {
  test('1280 px: opening a file checks the whole workbook and shows the worst problem in its cell, with its headers and related cells', async () => {
    const report = await engineReport(EXAMPLE, 'zh-CN');
    const worst = sortFindings(report)[0]!;
    expect(worst.severity).toBe('error');
    const { context, page, requests, pageErrors } = await openPage(1280);
    await page.locator('input[type=file]').setInputFiles(join(EXAMPLES, EXAMPLE));
    // No click on 检查: the whole workbook was checked (the first sheet alone, 情况说明, has no table).
    await page.locator('main li[data-finding]').first().waitFor();
    expect(await page.getByRole('radio', { name: '整个工作簿' }).isChecked()).toBe(true);
    expect(await listed(page)).toBe(report.findings.length);
    // Errors first: the first entry is the worst finding, selected; its sheet's tab chosen and its cell outlined.
    const first = page.locator('main li').first();
    expect(await first.getAttribute('data-severity')).toBe('error');
    expect(await first.getAttribute('data-cell')).toBe(worst.cell);
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe(worst.sheet);
    await page.locator(`td[aria-selected=true][data-cell="${worst.cell}"]`).waitFor();
    const severities = await page
      .locator('main li[data-severity]')
      .evaluateAll((items) => items.map((item) => (item as unknown as Attributes).getAttribute('data-severity')));
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    // The item says its severity and rule name in words, and in its accessible name.
    const button = first.getByRole('button');
    expect(await button.getAttribute('aria-label')).toMatch(new RegExp(`^错误 ${worst.cell} `));
    expect(await button.innerText()).toContain('错误');

    // Column letters and row numbers; the cell in view with column A and its table's header row kept in view.
    expect(await page.locator('thead th').nth(1).innerText()).toBe('A');
    const layout = await layoutOfSelection(page);
    expectCellInView(layout);
    const row = parseCellAddress(worst.cell).row + 1;
    expect(layout.headerRows.length).toBeGreaterThan(0);
    for (const header of layout.headerRows) expect(header.row).toBeLessThan(row);
    // Related cells framed in the grid and named under the finding.
    expect(worst.related.length).toBeGreaterThan(0);
    expect(await page.locator('td[data-related]').count()).toBeGreaterThan(0);
    await page.getByTestId('related').waitFor();

    // 只看错误: the chip is pressed, says so, and the list holds exactly the errors; again shows all.
    const errorsChip = page.getByRole('button', { name: /^错误/ }).first();
    await errorsChip.click();
    expect(await errorsChip.getAttribute('aria-pressed')).toBe('true');
    await page.getByText(`只看错误（${report.summary.error} 个）`).waitFor();
    expect(await listed(page)).toBe(report.summary.error);
    expect(
      await page
        .locator('main li[data-severity]')
        .evaluateAll((items) =>
          items.every((item) => (item as unknown as Attributes).getAttribute('data-severity') === 'error'),
        ),
    ).toBe(true);
    // The count on the chip is the report's, not the filtered list's.
    expect(await errorsChip.innerText()).toContain(String(report.summary.error));
    await page.getByRole('button', { name: /^警告/ }).first().click();
    expect(await listed(page)).toBe(report.summary.warning);
    await page.getByRole('button', { name: '显示全部' }).click();
    expect(await listed(page)).toBe(report.findings.length);

    mkdirSync(IMAGES, { recursive: true });
    await page.screenshot({ path: join(IMAGES, 'standalone-1280.png') });
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('350 px: nothing clipped, the list and the grid both reachable, a click scrolls the grid to the cell', async () => {
    const report = await engineReport(EXAMPLE, 'zh-CN');
    const { context, page, pageErrors } = await openPage(350);
    await page.locator('input[type=file]').setInputFiles(join(EXAMPLES, EXAMPLE));
    await page.locator('main li[data-finding]').first().waitFor();
    expect((await layoutOfSelection(page)).pageWidth).toBeLessThanOrEqual(350);
    // The open button, the check button and the grid are all on screen.
    for (const box of [
      await page.getByRole('button', { name: '打开表格文件' }).boundingBox(),
      await page.getByRole('button', { name: '检查', exact: true }).boundingBox(),
      await page.getByTestId('grid').boundingBox(),
    ]) {
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(350);
      expect(box!.y + 10).toBeLessThanOrEqual(800);
    }
    // A finding far to the right and down: the grid scrolls to it, not to an empty area.
    const far = [...report.findings].sort((a, b) => {
      const pa = parseCellAddress(a.cell);
      const pb = parseCellAddress(b.cell);
      return pb.col + pb.row / 1000 - (pa.col + pa.row / 1000);
    })[0]!;
    expect(parseCellAddress(far.cell).col).toBeGreaterThan(2);
    await page.getByRole('textbox', { name: '搜索问题' }).fill(`${far.sheet}!${far.cell}`);
    const item = page.locator(`main li[data-finding="${far.sheet}!${far.cell}"]`).first();
    await item.getByRole('button').click();
    await page.locator(`td[aria-selected=true][data-cell="${far.cell}"]`).waitFor();
    await page.waitForTimeout(200);
    expectCellInView(await layoutOfSelection(page));
    // The badge holds the whole address.
    const badge = item.locator('.finding-cell');
    expect(
      await badge.evaluate(
        (el) => (el as unknown as Attributes).scrollWidth <= (el as unknown as Attributes).clientWidth,
      ),
    ).toBe(true);
    mkdirSync(IMAGES, { recursive: true });
    await page.screenshot({ path: join(IMAGES, 'standalone-350.png') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a workbook with no table says 未识别到可检查的表格 and names the sheets, never 未发现问题', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRows([['2024年部门预算'], ['某某单位']]);
    workbook.addWorksheet('附表').addRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'standalone-'));
    const file = join(dir, '封面.xlsx');
    await workbook.xlsx.writeFile(file);
    // The engine itself checked nothing here (otherwise this test would prove nothing).
    expect(checkedSomething(checkGrids(await readWorkbookGrids(file), { locale: 'zh-CN' }))).toBe(false);
    const { context, page } = await openPage(1280);
    await page.locator('input[type=file]').setInputFiles(file);
    const message = page.getByTestId('nothing-checked');
    await message.waitFor();
    expect(await message.innerText()).toContain('未识别到可检查的表格');
    expect(await message.innerText()).toContain('封面、附表');
    expect(await page.getByText('未发现问题').count()).toBe(0);
    await context.close();
  });

  test('a dropped file is opened and checked; an unreadable one clears the previous results; the scope is remembered', async () => {
    const report = await engineReport(EXAMPLE, 'zh-CN');
    const { context, page } = await openPage(1280);
    const drop = async (name: string, bytes: Buffer) => {
      const transfer = await page.evaluateHandle(
        ({ name, base64 }) => {
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const page = globalThis as unknown as {
            DataTransfer: new () => { items: { add(file: unknown): void } };
            File: new (parts: unknown[], name: string) => unknown;
          };
          const dt = new page.DataTransfer();
          dt.items.add(new page.File([data], name));
          return dt;
        },
        { name, base64: bytes.toString('base64') },
      );
      await page.dispatchEvent('[data-testid=page]', 'dragover', { dataTransfer: transfer });
      await page.dispatchEvent('[data-testid=page]', 'drop', { dataTransfer: transfer });
    };
    await drop(EXAMPLE, readFileSync(join(EXAMPLES, EXAMPLE)));
    await page.locator('main li[data-finding]').first().waitFor();
    expect(await listed(page)).toBe(report.findings.length);
    expect(await page.getByRole('tab').count()).toBeGreaterThan(1);

    await drop('notes.xlsx', Buffer.from('these are not spreadsheet bytes'));
    await page.getByText('“notes.xlsx”不是可以读取的表格文件').waitFor();
    // Nothing of 004 is left: no findings, no tabs, no grid, no download.
    expect(await page.locator('main').count()).toBe(0);
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.getByTestId('grid').count()).toBe(0);
    expect(await page.getByRole('button', { name: '下载标注副本' }).isDisabled()).toBe(true);

    // The scope chosen is the scope next time.
    await page.locator('input[type=file]').setInputFiles(join(EXAMPLES, EXAMPLE));
    await page.getByRole('radio', { name: '本工作表' }).check();
    await page.reload();
    await page.locator('input[type=file]').setInputFiles(join(EXAMPLES, EXAMPLE));
    await page.getByRole('radio', { name: '本工作表' }).waitFor();
    expect(await page.getByRole('radio', { name: '本工作表' }).isChecked()).toBe(true);
    await context.close();
  });

  test('中文/English: the switch changes the page and the findings’ language, and is remembered', async () => {
    const english = await engineReport(EXAMPLE, 'en-US');
    const { context, page } = await openPage(1280, 'zh-CN');
    await page.locator('input[type=file]').setInputFiles(join(EXAMPLES, EXAMPLE));
    await page.locator('main li[data-finding]').first().waitFor();
    expect(await page.getByRole('button', { name: '检查', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: /Switch to English|切换到英文/ }).click();
    await page.getByRole('button', { name: 'Check', exact: true }).waitFor();
    await page.locator('main li[data-finding]').first().waitFor();
    const worst = sortFindings(english)[0]!;
    expect(await page.locator('main li .finding-message').first().innerText()).toBe(worst.message);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en-US');
    await page.reload();
    await page.getByRole('button', { name: 'Open a spreadsheet' }).waitFor();
    await context.close();
  });
});
