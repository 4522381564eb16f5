import Decimal from 'decimal.js';
import { scaledOf, sumDecimals } from '../../decimal';
import type { AmountRow, NumberCell, TextCell } from '../../model';
import { MoneyUnit, textKey, toYuan } from '../../normalize';
import type { RuleContext } from '../types';
import { roundingBound } from './compare';
import { rowLabel } from './labels';

/** A project listed with its own table (or its own row block) and budget. */
export interface ListedProject {
  name: TextCell;
  budget: NumberCell;
  unit?: MoneyUnit;
}

/** The projects of one unit (by the 预算部门/编制单位 written on their tables). */
export interface ProjectGroup {
  unitLabel?: TextCell;
  projects: ListedProject[];
  /** Whether the group is the workbook's own department (or there is no way to tell otherwise). */
  ownDepartment: boolean;
  /** Σ budgets, in the unit of the first project (or in 元 when units differ). */
  sum: Decimal;
  sumUnit?: MoneyUnit;
}

/** A 项目支出 amount the projects could add up to. */
export interface ExpenditureTarget {
  cell: NumberCell;
  unit?: MoneyUnit;
  /** The department's own 项目支出 total (部门整体 form, or a budget table's 合计 row). */
  primary: boolean;
  label: string;
}

/** A 项目支出 cell of a budget table's row; its label is made only when a finding quotes it, not for 10⁴ rows. */
class AmountRowTarget implements ExpenditureTarget {
  readonly primary: boolean;

  constructor(
    readonly cell: NumberCell,
    readonly unit: MoneyUnit | undefined,
    private readonly row: AmountRow,
    private readonly header: string,
  ) {
    this.primary = row.kind === 'total';
  }

  get label(): string {
    return rowLabel(this.row) || this.header;
  }
}

export interface ProjectTieAnalysis {
  groups: ProjectGroup[];
  targets: ExpenditureTarget[];
}

/** Strips "018004-" codes and white space from a unit name. */
export function unitKey(text: string): string {
  return textKey(text).replace(/^[0-9A-Za-z]+[-—_]/, '');
}

export function analyzeProjectTies(context: RuleContext): ProjectTieAnalysis {
  const departmentNames: string[] = [];
  const targets: ExpenditureTarget[] = [];
  const listed: { project: ListedProject; unitLabel?: TextCell }[] = [];
  const seen = new Set<string>();

  for (const table of context.model.tables) {
    if (table.kind === 'indicators') {
      if (table.layout === 'form' && table.scope === 'department') {
        const name = table.form.find((f) => f.field === 'name');
        if (name && name.text !== '') departmentNames.push(unitKey(name.text));
        const project = table.form.find((f) => f.field === 'project' && f.amount !== undefined);
        if (project?.amount) {
          targets.push({
            cell: { ...project, value: project.amount },
            unit: project.unit ?? table.moneyUnit,
            primary: true,
            label: project.label,
          });
        }
        continue;
      }
      for (const project of table.projects) {
        if (!project.name || !project.budget) continue;
        // The same project often appears in two forms (项目支出绩效目标表 and 项目绩效目标表): count it once.
        const key = `${project.unitLabel ? unitKey(project.unitLabel.text) : ''}|${textKey(project.name.text)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        listed.push({
          project: { name: project.name, budget: project.budget, unit: project.budgetUnit ?? table.moneyUnit },
          unitLabel: project.unitLabel,
        });
      }
      continue;
    }
    const projectColumn = table.columns.find((c) => c.role === 'project');
    if (!projectColumn) continue;
    for (const row of table.rows) {
      const cell = row.amounts.get(projectColumn.col);
      if (!cell) continue;
      targets.push(new AmountRowTarget(cell, table.moneyUnit, row, projectColumn.header));
    }
  }

  const byUnit = new Map<string, { unitLabel?: TextCell; projects: ListedProject[] }>();
  for (const { project, unitLabel } of listed) {
    const key = unitLabel ? unitKey(unitLabel.text) : '';
    const group = byUnit.get(key) ?? { unitLabel, projects: [] };
    group.projects.push(project);
    byUnit.set(key, group);
  }
  const isOwn = (key: string) =>
    key === '' ||
    departmentNames.some((name) => name !== '' && (name.includes(key) || key.includes(name))) ||
    (departmentNames.length === 0 && byUnit.size === 1);
  // The department's own sub-units (机关, 事务中心 …) add up together to its 项目支出.
  const own = [...byUnit.entries()].filter(([key]) => isOwn(key));
  const merged = new Map([...byUnit.entries()].filter(([key]) => !isOwn(key)));
  if (own.length > 0)
    merged.set('', { unitLabel: own[0]![1].unitLabel, projects: own.flatMap(([, group]) => group.projects) });
  const groups: ProjectGroup[] = [...merged.entries()].map(([key, group]) => {
    const ownDepartment = key === '' && own.length > 0;
    const units = new Set(group.projects.map((p) => p.unit));
    const mixed = units.size > 1;
    const sum = sumDecimals(group.projects.map((p) => (mixed ? toYuan(p.budget.value, p.unit) : p.budget.value)));
    return { ...group, ownDepartment, sum, sumUnit: mixed ? '元' : group.projects[0]?.unit };
  });
  return { groups, targets };
}

/** Whether the group's Σ equals some target (exactly, within tolerance, or within rounding). */
export function groupTiesToAny(context: RuleContext, analysis: ProjectTieAnalysis, group: ProjectGroup): boolean {
  const index = targetIndex(analysis);
  const sum = index.mixed ? toYuan(group.sum, group.sumUnit) : group.sum;
  const scale = index.mixed && group.sumUnit !== '元' ? 10000 : 1;
  const bound = roundingBound(context.options.roundingUnit, group.projects.length)
    .plus(context.options.tolerance)
    .times(scale);
  // First target ≥ sum − bound, by binary search over the sorted values: no scan of every target.
  const values = index.values;
  let lo = 0;
  let hi = values.length;
  const low = sum.minus(bound);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]!.lt(low)) lo = mid + 1;
    else hi = mid;
  }
  return lo < values.length && values[lo]!.lte(sum.plus(bound));
}

const indexes = new WeakMap<ProjectTieAnalysis, { mixed: boolean; values: Decimal[] }>();

function targetIndex(analysis: ProjectTieAnalysis): { mixed: boolean; values: Decimal[] } {
  const cached = indexes.get(analysis);
  if (cached) return cached;
  const units = new Set(
    [...analysis.targets.map((t) => t.unit), ...analysis.groups.map((g) => g.sumUnit)].filter((u) => u !== undefined),
  );
  const mixed = units.size > 1;
  const values = sortDecimals(analysis.targets.map((t) => (mixed ? toYuan(t.cell.value, t.unit) : t.cell.value)));
  const index = { mixed, values };
  indexes.set(analysis, index);
  return index;
}

/** Ascending; by the exact scaled integers where every value has one (no Decimal comparison per step). */
function sortDecimals(values: Decimal[]): Decimal[] {
  const scaled = values.map(scaledOf);
  if (scaled.some(Number.isNaN)) return values.sort((a, b) => a.comparedTo(b));
  const order = values.map((_, i) => i).sort((a, b) => scaled[a]! - scaled[b]!);
  return order.map((i) => values[i]!);
}

const analyses = new WeakMap<object, ProjectTieAnalysis>();

/** One analysis per model and options, shared by the rules that need it. */
export function projectTies(context: RuleContext): ProjectTieAnalysis {
  const cached = analyses.get(context.model);
  if (cached) return cached;
  const analysis = analyzeProjectTies(context);
  analyses.set(context.model, analysis);
  return analysis;
}
