/**
 * What the pane can do, as plain async functions: the components receive these and never touch Office.js.
 * createExcelActions wires them to the adapter and the engine.
 */
import { checkGrids, type ConfigInput, type Locale, type Report } from '../validation';
import { buildPlan } from '../templates/build';
import { templateById } from '../templates/definitions';
import {
  clearHighlights,
  highlightFindings,
  insertTemplate,
  readGrids,
  selectCell,
  type ReadScope,
} from '../office/adapter';

export interface PaneActions {
  check(scope: ReadScope, onProgress: (done: number, total: number) => void, config?: ConfigInput): Promise<Report>;
  /** Shows the finding's cell (its related cells too, where the surface can: the standalone page's grid). */
  select(sheet: string, cell: string, related?: readonly string[]): Promise<void>;
  highlight(report: Report): Promise<void>;
  clear(): Promise<void>;
  /** Adds the template as a new sheet (never over an existing one); returns the new sheet's name. */
  insertTemplate(templateId: string): Promise<string>;
}

export function createExcelActions(locale: Locale): PaneActions {
  return {
    async check(scope, onProgress, config) {
      const grids = await readGrids(scope, onProgress);
      return checkGrids(grids, { locale, config });
    },
    select: (sheet, cell) => selectCell(sheet, cell),
    async highlight(report) {
      await highlightFindings(report.findings.map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity })));
    },
    async clear() {
      await clearHighlights();
    },
    async insertTemplate(templateId) {
      const definition = templateById(templateId);
      if (!definition) throw new Error(`unknown template ${templateId}`);
      return insertTemplate(buildPlan(definition));
    },
  };
}
