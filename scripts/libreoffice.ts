/**
 * LibreOffice Calc (headless) and poppler-utils as the test and the image script use them: recalculate
 * workbooks (xlsx → xlsx), print them (xlsx → pdf), measure the printed text (pdftotext -bbox) and render
 * pages (pdftoppm). Each run gets a private profile, so parallel runs never share one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice executable, or undefined when LibreOffice (or poppler-utils) is not installed. */
export function findLibreOffice(): string | undefined {
  const which = (name: string) => {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    return found.status === 0 ? found.stdout.trim() : undefined;
  };
  const soffice = process.env.SOFFICE_PATH ?? which('soffice') ?? which('libreoffice');
  return soffice && which('pdftotext') && which('pdftoppm') ? soffice : undefined;
}

/**
 * A profile that recalculates every formula when a file is loaded: Calc's default for .xlsx is to trust the
 * cached results, and the files exceljs writes have none.
 */
function privateProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-check-lo-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item('OOXMLRecalcMode')}
${item('ODFRecalcMode')}
</oor:items>
`,
  );
  return dir;
}

/**
 * Converts workbooks with headless LibreOffice into `outDir`: 'xlsx' recalculates them (every formula computed
 * by Calc and saved with its result), 'pdf' prints them with their page setup. Returns the output paths.
 */
export function convertWithLibreOffice(
  soffice: string,
  files: string[],
  format: 'xlsx' | 'pdf',
  outDir: string,
): string[] {
  mkdirSync(outDir, { recursive: true });
  const profile = privateProfile();
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        format,
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 300_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => join(outDir, basename(file).replace(/\.xlsx$/i, `.${format}`)));
}

export interface PrintedWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** The font size it was printed at, in points (see printedWords). */
  size: number;
}

export interface PrintedPage {
  width: number;
  height: number;
  words: PrintedWord[];
}

const IDEOGRAPHS = /^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+$/u;

/**
 * The words of a PDF with their boxes (pdftotext -bbox) and printed sizes. A Chinese character is 1 em wide,
 * so a word of Chinese characters gives its size exactly (width ÷ characters); other words get theirs from
 * their height, scaled by the height-to-size ratio those Chinese words show in the same file.
 */
export function printedPages(pdf: string): PrintedPage[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pages: PrintedPage[] = [];
  const raw: Omit<PrintedWord, 'size'>[] = [];
  for (const page of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    pages.push({ width: Number(page[1]), height: Number(page[2]), words: [] });
    for (const word of page[3]!.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      raw.push({
        page: pages.length,
        text: decodeEntities(word[5]!),
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
      });
    }
  }
  const chinese = raw.filter((w) => IDEOGRAPHS.test(w.text));
  const ratios = chinese
    .map((w) => (w.yMax - w.yMin) / ((w.xMax - w.xMin) / Array.from(w.text).length))
    .sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 2)] ?? 1;
  for (const w of raw) {
    const size = IDEOGRAPHS.test(w.text) ? (w.xMax - w.xMin) / Array.from(w.text).length : (w.yMax - w.yMin) / ratio;
    pages[w.page - 1]!.words.push({ ...w, size });
  }
  return pages;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Renders pages of a PDF as PNGs (`prefix`-1.png …) at a resolution in dots per inch. */
export function renderPages(pdf: string, prefix: string, dpi: number, pages?: { first: number; last: number }): void {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), ...range, pdf, prefix], { stdio: 'pipe' });
}
