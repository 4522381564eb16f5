import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { writeWorkbook } from '../scripts/examples/render';
import type { CellInput, WorkbookSpec } from '../scripts/examples/types';
import { parseRangeAddress } from '../src/validation/address';
import { checkGrids, type CheckOptions, type Finding, type Grid, type Report } from '../src/validation';

export function tempDir(prefix = 'budget-check-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a WorkbookSpec as a real .xlsx and reads it back the way the CLI does. */
export async function roundTrip(spec: WorkbookSpec, dir = tempDir()): Promise<Grid[]> {
  const path = join(dir, spec.file);
  await writeWorkbook(spec, path);
  return readWorkbookGrids(path);
}

/** A grid straight from rows (no xlsx round trip), for small rule tests. */
export function gridOf(rows: CellInput[][], options: { sheet?: string; merges?: string[] } = {}): Grid {
  return {
    sheet: options.sheet ?? 'Sheet1',
    cells: rows.map((row) =>
      Array.isArray(row)
        ? Array.from(row, (v) =>
            v !== null && typeof v === 'object' && 'error' in v
              ? { error: v.error }
              : (v as Exclude<CellInput, object>),
          )
        : row,
    ),
    merges: (options.merges ?? []).map(parseRangeAddress),
  };
}

export function check(grids: Grid | Grid[], options: CheckOptions = {}): Report {
  return checkGrids(Array.isArray(grids) ? grids : [grids], options);
}

/** "ruleId Sheet!A1" for each finding, for compact assertions. */
export function where(findings: readonly Pick<Finding, 'ruleId' | 'sheet' | 'cell'>[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.sheet}!${f.cell}`);
}

export function ofRule(report: Report, ...ruleIds: string[]): Finding[] {
  return report.findings.filter((f) => ruleIds.includes(f.ruleId));
}

/**
 * The report's findings and those folded into them (one finding per cause, present.ts), each folded one with the
 * sheet of the finding it was folded into: what the report says about every cell.
 */
export function withFolded(report: Report): Pick<Finding, 'ruleId' | 'sheet' | 'cell' | 'messageId' | 'severity'>[] {
  return report.findings.flatMap((f) => [f, ...(f.folded ?? []).map((folded) => ({ ...folded, sheet: f.sheet }))]);
}

export function ofFamily(report: Report, ...families: string[]): Finding[] {
  return report.findings.filter((f) => families.includes(f.ruleId.split('/')[0]!));
}

/** ASCII as full-width characters ("95%" → "９５％"), as some input methods type it. */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}
