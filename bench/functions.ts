/**
 * Benchmark (prints figures; not a test): BUDGET.CHECK on a 1,000-indicator-row range, as Excel calls it.
 * Run: npm run bench:functions
 */
import { checkRange } from '../src/functions/core';
import { indicatorGrid } from './run';

function main(): void {
  // Whole projects of six indicators: 167 projects, 1,002 indicator rows.
  const grid = indicatorGrid(1002);
  const indicatorRows = grid.cells.length - 2;
  const width = Math.max(...grid.cells.map((row) => row.length));
  // As Excel passes a range: a rectangle with "" for empty cells.
  const values = grid.cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  const samples: number[] = [];
  let spilled = 0;
  for (let i = 0; i < 25; i++) {
    const start = process.hrtime.bigint();
    spilled = checkRange(values, 'Sheet1!A1', null, 'zh-CN').length;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(
    `BUDGET.CHECK on ${values.length} rows × ${width} columns (${indicatorRows} indicator rows): median ${median.toFixed(1)} ms over ${samples.length} runs, min ${samples[0]!.toFixed(1)} ms, max ${samples[samples.length - 1]!.toFixed(1)} ms; ${spilled} spilled row(s)`,
  );
}

main();
