/**
 * Accuracy on the real-document corpus (a script like the bench, not a test): checks every workbook in
 * ../shared/corpus (or $BUDGET_CHECK_CORPUS) with the engine, as the CLI reads it, and prints the corpus
 * scorer's lines: one per workbook, the per-family line, the TOTAL line and `recall=… false_positives=… files=…`.
 * Extra arguments go to the scorer (--verbose, --families sum,weight).
 * Run: npm run accuracy [-- --verbose]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCorpus } from './corpus';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { checkGrids } from '../src/validation';

async function main(): Promise<number> {
  const found = findCorpus('accuracy');
  if (!found) return 0;
  const { dir: corpus, scorer, files } = found;
  const reportFiles = [];
  let engineMs = 0;
  for (const name of files) {
    const grids = await readWorkbookGrids(join(corpus, name));
    const started = performance.now();
    const report = checkGrids(grids);
    engineMs += performance.now() - started;
    reportFiles.push({
      file: name,
      findings: report.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        message: f.message,
        related: f.related,
      })),
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'budget-check-accuracy-'));
  try {
    const reportPath = join(dir, 'report.json');
    writeFileSync(reportPath, JSON.stringify({ version: 1, files: reportFiles }));
    const scored = spawnSync(process.execPath, [scorer, reportPath, corpus, ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    console.log(`engine: ${files.length} workbooks in ${engineMs.toFixed(0)} ms`);
    return scored.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
