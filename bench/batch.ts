/**
 * Benchmark (prints figures; not a test): a 财政局's intake of 1,000 workbooks checked in one command,
 * across worker threads, with the summary workbook written. Run: npm run bench:batch
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../scripts/examples/render';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { run } from '../src/cli/main';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1000);
  const root = mkdtempSync(join(tmpdir(), 'budget-check-batch-'));
  try {
    const sources = join(root, 'sources');
    mkdirSync(sources);
    for (const spec of EXAMPLE_WORKBOOKS) await writeWorkbook(spec, join(sources, spec.file));
    const intake = join(root, 'intake');
    for (let i = 0; i < count; i++) {
      const spec = EXAMPLE_WORKBOOKS[i % EXAMPLE_WORKBOOKS.length]!;
      const folder = join(intake, `单位${String(Math.floor(i / 50)).padStart(2, '0')}`);
      mkdirSync(folder, { recursive: true });
      copyFileSync(join(sources, spec.file), join(folder, `${String(i).padStart(4, '0')}-${spec.file}`));
    }
    const report = join(root, 'summary.xlsx');
    let summary = '';
    const start = process.hrtime.bigint();
    const code = await run([intake, '--report', report], (text) => (summary = text.trim().split('\n').pop() ?? ''), () => undefined);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`${count} workbooks on ${cpus().length} cores: ${seconds.toFixed(1)} s, ${(count / seconds).toFixed(1)} files/s, exit ${code}`);
    console.log(`summary workbook: ${(statSync(report).size / 1024).toFixed(0)} KB; ${summary}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
