/**
 * Benchmark (prints figures; not a test): a 财政局's intake of 1,000 workbooks checked in one command,
 * across worker threads, with the summary workbook written; then the same intake again with the annotated
 * copies written too (--annotate). Run: npm run bench:batch
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
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
    console.log(`${count} workbooks on ${cpus().length} cores`);

    const report = join(root, 'summary.xlsx');
    const checked = await timeRun([intake, '--report', report]);
    console.log(
      `--report:              ${checked.seconds.toFixed(1)} s, ${(count / checked.seconds).toFixed(1)} files/s, exit ${checked.code}`,
    );
    console.log(`summary workbook: ${(statSync(report).size / 1024).toFixed(0)} KB; ${checked.summary}`);

    const annotated = join(root, 'annotated');
    const withCopies = await timeRun([intake, '--report', report, '--annotate', annotated, '--force']);
    const copies = readdirSync(annotated, { recursive: true }).filter((name) => String(name).endsWith('.xlsx')).length;
    const rate = (count / withCopies.seconds).toFixed(1);
    console.log(
      `--report --annotate:   ${withCopies.seconds.toFixed(1)} s, ${rate} files/s, exit ${withCopies.code}, ${copies} copies written`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Runs the CLI in-process; the time taken, the exit code and the last line it printed (the totals). */
async function timeRun(args: string[]): Promise<{ seconds: number; code: number; summary: string }> {
  let summary = '';
  const start = process.hrtime.bigint();
  const code = await run(
    args,
    (text) => (summary = text.trim().split('\n').pop() ?? ''),
    () => undefined,
  );
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, code, summary };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
