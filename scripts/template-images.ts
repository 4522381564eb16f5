/**
 * Renders the first printed page of three templates, filled with their examples, to docs/images/template-<id>.png:
 * written by the CLI's renderer, calculated and printed by headless LibreOffice, rasterized by pdftoppm. Prints
 * each page's size and its smallest text.
 * Run: npm run images:templates (needs soffice and poppler-utils).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { convertWithLibreOffice, findLibreOffice, printedPages, renderPages } from './libreoffice';
import { templateWorkbook } from './template-examples';

const IDS = ['project-2021', 'function-budget', 'sangong'];
const DPI = 96;

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'docs', 'images'));
  const soffice = findLibreOffice();
  if (!soffice) throw new Error('soffice (LibreOffice) and pdftoppm/pdftotext (poppler-utils) are needed');
  const work = mkdtempSync(join(tmpdir(), 'budget-check-images-'));
  try {
    const files: string[] = [];
    for (const id of IDS) {
      const file = join(work, `template-${id}.xlsx`);
      await templateWorkbook(id, true).xlsx.writeFile(file);
      files.push(file);
    }
    const pdfs = convertWithLibreOffice(soffice, files, 'pdf', work);
    mkdirSync(outDir, { recursive: true });
    pdfs.forEach((pdf, i) => {
      const prefix = join(work, `template-${IDS[i]}`);
      renderPages(pdf, prefix, DPI, { first: 1, last: 1 });
      const png = join(outDir, `template-${IDS[i]}.png`);
      // pdftoppm numbers the pages it writes (-1, or -01 for a longer document).
      const written = [`${prefix}-1.png`, `${prefix}-01.png`].find((path) => existsSync(path));
      if (!written) throw new Error(`pdftoppm wrote no page for ${pdf}`);
      copyFileSync(written, png);
      const pages = printedPages(pdf);
      const smallest = Math.min(...pages.flatMap((page) => page.words.map((w) => w.size)));
      const { width, height } = pages[0]!;
      console.log(
        `${png}: ${pages.length} page(s) of ${width.toFixed(0)} × ${height.toFixed(0)} pt, smallest text ${smallest.toFixed(2)} pt`,
      );
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
