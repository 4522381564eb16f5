/** Shared by the layout tests: a fixture's grid, what recognition makes of it, and what the checker says. */
import { checkGrids, recognizeWorkbook, type Grid, type Report } from '../../src/validation';
import { gridOf } from '../helpers';
import type { Fixture } from './indicator-fixtures';
import { indicatorLines, summarizeModel, type ModelSummary } from './model-summary';

export function gridOfFixture(fixture: Fixture): Grid {
  return gridOf(fixture.rows, { sheet: fixture.sheet, merges: fixture.merges });
}

export function modelOf(fixture: Fixture | Grid[]): ModelSummary {
  return summarizeModel(recognizeWorkbook(Array.isArray(fixture) ? fixture : [gridOfFixture(fixture)]));
}

/** [row, 一级, 二级, 三级, comparator, value, unit, weight] of every indicator of the sheet's indicator tables. */
export function indicatorsOf(fixture: Fixture): (string | number)[][] {
  return recognizeWorkbook([gridOfFixture(fixture)]).tables.flatMap(indicatorLines);
}

export function reportOf(fixture: Fixture): Report {
  return checkGrids([gridOfFixture(fixture)]);
}

/** "ruleId cell messageId" of every finding of the given families (all when none given). */
export function findingsOf(fixture: Fixture, ...families: string[]): string[] {
  return reportOf(fixture)
    .findings.filter((f) => families.length === 0 || families.includes(f.ruleId.split('/')[0]!))
    .map((f) => `${f.ruleId} ${f.cell} ${f.messageId}`);
}
