/**
 * Benchmark (prints figures; not a test). read/exceljs: the CLI's reader (pre-check + SheetJS + grids) over exceljs
 * reading the same 100k-row file (target ≤ 0.7). engine/read: the engine's time over the reader's, at 100k rows (the engine should cost a small part of opening a file). Generated workbooks of 1k, 10k and 100k indicator rows and a
 * 20k-row 功能分类 table. Compares the engine with a raw scan (one pass that reads every cell and parses
 * its number: the floor), and the CLI (read + check) with exceljs reading the same file alone.
 * Run: npm run bench
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { checkGrids, type CellValue, type Grid } from '../src/validation';
import { parseNumberText } from '../src/validation/normalize';

/** A correct project of six indicators: 一级, 二级, comparator, value, unit, direction. */
const LEVELS: [string, string, string, number, string, string][] = [
  ['产出指标', '数量指标', '≥', 120, '个', '正向指标'],
  ['产出指标', '质量指标', '≥', 95, '%', '正向指标'],
  ['产出指标', '时效指标', '≤', 30, '天', '反向指标'],
  ['成本指标', '经济成本指标', '≤', 8, '万元', '反向指标'],
  ['效益指标', '社会效益指标', '≥', 90, '%', '正向指标'],
  ['满意度指标', '服务对象满意度指标', '≥', 90, '%', '正向指标'],
];

export function indicatorGrid(rows: number): Grid {
  const cells: CellValue[][] = [
    [
      '单位名称',
      '项目名称',
      '预算数',
      '年度目标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '权重',
      '指标方向性',
    ],
  ];
  const perProject = 6;
  // Whole projects only: a cut-off last project would be a (real) weight finding.
  rows -= rows % perProject;
  const projects = rows / perProject;
  cells.push(['001-某县财政局', null, projects * 10, null, null, null, null, null, null, null, null, null]);
  for (let r = 0; r < rows; r++) {
    const first = r % perProject === 0;
    const [l1, l2, cmp, value, unit, direction] = LEVELS[r % perProject]!;
    const weight = r % perProject === 0 ? 20 : r % perProject === 5 ? 10 : 15;
    cells.push([
      null,
      first ? `项目${r / perProject}` : null,
      first ? 10 : null,
      first ? '完成年度任务' : null,
      l1,
      l2,
      `指标${r}`,
      cmp,
      value,
      unit,
      weight,
      direction,
    ]);
  }
  return { sheet: '绩效目标', cells };
}

export function functionGrid(rows: number): Grid {
  const cells: CellValue[][] = [['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
  const body: CellValue[][] = [];
  let total = 0;
  let remaining = rows;
  for (let c = 0; remaining > 0; c++) {
    const classCode = String(200 + (c % 800)).padStart(3, '0');
    const items = Math.min(remaining - 2, 97);
    if (items <= 0) break;
    const amount = items * 3;
    body.push([classCode, `类${c}`, amount, items * 2, items]);
    body.push([`${classCode}01`, `款${c}`, amount, items * 2, items]);
    for (let i = 0; i < items; i++) body.push([`${classCode}01${String(i + 1).padStart(2, '0')}`, `项${i}`, 3, 2, 1]);
    total += amount;
    remaining -= items + 2;
  }
  cells.push(['合计', null, total, (total / 3) * 2, total / 3], ...body);
  return { sheet: '功能分类', cells };
}

function rawScan(grids: Grid[]): number {
  let count = 0;
  for (const grid of grids) {
    for (const row of grid.cells) {
      for (const value of row) {
        if (typeof value === 'number') count++;
        else if (typeof value === 'string' && parseNumberText(value) !== null) count++;
      }
    }
  }
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Runs before timing, for every measured step alike: a second of runs (at least one, at most 30), so that
 * the figures compare code the JIT has compiled rather than the first, interpreted calls.
 */
const WARM_UP_MS = 1000;
const WARM_UP_MAX_RUNS = 30;

function warmUp(fn: () => void): void {
  const start = Date.now();
  for (let i = 0; i < WARM_UP_MAX_RUNS && (i === 0 || Date.now() - start < WARM_UP_MS); i++) fn();
}

async function warmUpAsync(fn: () => Promise<unknown>): Promise<void> {
  const start = Date.now();
  for (let i = 0; i < WARM_UP_MAX_RUNS && (i === 0 || Date.now() - start < WARM_UP_MS); i++) await fn();
}

function time(fn: () => void, runs: number): number {
  warmUp(fn);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await warmUpAsync(fn);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

async function writeGrids(grids: Grid[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.sheet);
    for (const row of grid.cells) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-check-bench-'));
  const sizes = [1_000, 10_000, 100_000];
  const engineMs = new Map<number, number>();
  const ratios: number[] = [];
  const cliRatios: number[] = [];
  let engineOverRead = NaN;
  let readOverExceljs = NaN;
  try {
    for (const size of sizes) {
      const grids = [indicatorGrid(size), functionGrid(Math.min(size, 20_000))];
      // More samples where a run is short: the medians of a 1 ms scan on a shared machine need them.
      const runs = size >= 100_000 ? 5 : size >= 10_000 ? 11 : 21;
      const raw = time(() => rawScan(grids), runs);
      const engine = time(() => checkGrids(grids), runs);
      engineMs.set(size, engine);
      ratios.push(engine / raw);
      const path = join(dir, `bench-${size}.xlsx`);
      await writeGrids(grids, path);
      const exceljsRead = await timeAsync(async () => new ExcelJS.Workbook().xlsx.readFile(path), runs);
      // The reader the CLI uses (pre-check + SheetJS + grids), alone and with the check.
      const read = await timeAsync(async () => readWorkbookGrids(path), runs);
      const cli = await timeAsync(async () => checkGrids(await readWorkbookGrids(path)), runs);
      cliRatios.push(cli / read);
      if (size === 100_000) {
        engineOverRead = engine / read;
        readOverExceljs = read / exceljsRead;
      }
      const findings = checkGrids(grids).findings.length;
      console.log(
        `${String(size).padStart(7)} indicator rows + ${Math.min(size, 20_000)} code rows: raw ${raw.toFixed(1)} ms, engine ${engine.toFixed(1)} ms (×${(engine / raw).toFixed(2)}), exceljs read ${exceljsRead.toFixed(0)} ms, read ${read.toFixed(0)} ms, cli ${cli.toFixed(0)} ms (×${(cli / read).toFixed(2)}), findings ${findings}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const growth = engineMs.get(100_000)! / engineMs.get(10_000)!;
  console.log(
    `read/exceljs=${readOverExceljs.toFixed(2)} engine/read=${engineOverRead.toFixed(2)} engine/raw=${median(ratios).toFixed(2)} cli/read=${median(cliRatios).toFixed(2)} growth_100k_vs_10k=${growth.toFixed(2)}`,
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
