import type { Indicator, IndicatorTable, Project } from '../model';
import type { RuleContext } from './types';

/** Calls `visit` for every indicator of every project of every indicator table. */
export function forEachIndicator(context: RuleContext, visit: (indicator: Indicator, project: Project, table: IndicatorTable) => void): void {
  for (const table of context.model.tables) {
    if (table.kind !== 'indicators') continue;
    for (const project of table.projects) for (const indicator of project.indicators) visit(indicator, project, table);
  }
}

export function forEachProject(context: RuleContext, visit: (project: Project, table: IndicatorTable) => void): void {
  for (const table of context.model.tables) {
    if (table.kind !== 'indicators') continue;
    for (const project of table.projects) visit(project, table);
  }
}
