import { explainModel, explainText, recognizeWorkbook, type Locale } from '../validation';
import { loadedGrids } from '../xlsx/load-workbook';
import type { InputFile } from './batch';
import { readWorkbook } from './read-xlsx';

/**
 * `--explain`: what recognition made of one file (tables, every column's header path, role and evidence, row
 * roles, the identities checked, what was left unrecognized) and the statements the text rules read or skipped.
 * Read with the same guarded reader as a check; run in this thread, as a diagnostic of one file at a time.
 */
export async function explainFile(input: InputFile, locale: Locale): Promise<string> {
  const loaded = await readWorkbook(input.path);
  const model = recognizeWorkbook(loadedGrids(loaded));
  const text = explainText(model, locale);
  const lines = [`# ${input.name}`, ...explainModel(model)];
  if (text.length > 0) lines.push('', '文字说明 Text statements:', ...text.map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}
