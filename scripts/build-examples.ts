/**
 * Writes examples/*.xlsx from the transcriptions in scripts/examples/seed*.ts.
 * Run: npm run examples:build
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeWorkbook } from './examples/render';
import { EXAMPLE_WORKBOOKS } from './examples';

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'examples'));
  mkdirSync(outDir, { recursive: true });
  for (const spec of EXAMPLE_WORKBOOKS) {
    const path = join(outDir, spec.file);
    await writeWorkbook(spec, path);
    console.log(`wrote ${path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
