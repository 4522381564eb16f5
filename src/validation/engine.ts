import { compactCells, qualifiedAddress, rangeAddress, cellAddress } from './address';
import { Config, ConfigInput, isResolvedConfig, Locale, parseConfig, severityOf } from './config';
import type { Grid } from './grid';
import { weightSum } from './indicator-facts';
import { formatMessage, money, plain, renderValue } from './messages';
import type { CellPos, Table, WorkbookModel } from './model';
import { recognizeWorkbook } from './recognize';
import { readWorkbookText } from './text';
import { presentFindings } from './present';
import { Finding, REPORT_VERSION, Report, TableSummary } from './report';
import { ALL_KINDS, ALL_RULES } from './rules';
import type { IndicatorVisitor, ProjectVisitor, Rule, RuleReport } from './rules/types';

export interface CheckOptions {
  config?: Config | ConfigInput;
  locale?: Locale;
  rules?: readonly Rule[];
}

/** The whole pipeline: normalize → recognize → rules → report. Pure: grids in, report out. */
export function checkGrids(grids: readonly Grid[], options: CheckOptions = {}): Report {
  const config = isResolvedConfig(options.config) ? options.config : parseConfig(options.config ?? {});
  const model = recognizeWorkbook(grids, config.vocabulary);
  return checkModel(model, { ...options, config });
}

export function checkModel(model: WorkbookModel, options: CheckOptions = {}): Report {
  const config = isResolvedConfig(options.config) ? options.config : parseConfig(options.config ?? {});
  const locale = options.locale ?? 'zh-CN';
  const rules = options.rules ?? ALL_RULES;
  const findings: Finding[] = [];
  // A rule that throws is a bug in the rule, reported as a finding rather than a crash.
  const crashed = (rule: Rule, error: unknown) => findings.push(crashFinding(rule, error, model, locale));
  const indicatorVisits: Visit<IndicatorVisitor>[] = [];
  const projectVisits: Visit<ProjectVisitor>[] = [];

  const optionsByRule = ruleOptionsOf(config, rules);
  for (const rule of rules) {
    if (severityOf(config, rule.id, rule.defaultSeverity) === 'off') continue;
    const context = {
      model,
      options: optionsByRule.get(rule.id) ?? config.options,
      report: (reported: RuleReport) => {
        const finding = toFinding(reported, rule, config, locale, model);
        if (finding) findings.push(finding);
      },
    };
    try {
      rule.check?.(context);
      const visitIndicator = rule.visitIndicators?.(context);
      if (visitIndicator) indicatorVisits.push({ rule, visit: visitIndicator });
      const visitProject = rule.visitProjects?.(context);
      if (visitProject) projectVisits.push({ rule, visit: visitProject });
    } catch (error) {
      crashed(rule, error);
    }
  }
  visitIndicatorTables(model, indicatorVisits, projectVisits, crashed);
  const shown = presentFindings(findings, locale).sort(compareFindings(model));
  const summary = { error: 0, warning: 0, info: 0 };
  for (const finding of shown) summary[finding.severity]++;
  const statementsBySheet = new Map<string, number>();
  for (const document of readWorkbookText(model).documents) {
    const sheet = document.sources[0]?.cell.sheet;
    if (sheet !== undefined)
      statementsBySheet.set(sheet, (statementsBySheet.get(sheet) ?? 0) + document.statements.length);
  }
  const sheets = model.sheets.map((sheet) => ({
    sheet,
    tables: model.tables.filter((t) => t.sheet === sheet && !(t.kind === 'amounts' && t.block)).length,
    statements: statementsBySheet.get(sheet) ?? 0,
  }));
  return {
    version: REPORT_VERSION,
    locale,
    sheets,
    tables: model.tables.map(summarizeTable),
    findings: shown,
    summary,
  };
}

/** A rule setting's options that its rule does not know or that are of the wrong kind. */
export class RuleOptionsError extends Error {}

/**
 * What each rule reads as its options: the config's options with the rule's own settings over them
 * (`rules: { "weight/sum": { "options": { "weightTotal": 90 } } }`), each checked against the rule's options
 * schema. Throws RuleOptionsError naming the rule and the option for a setting the rule cannot take.
 */
export function ruleOptionsOf(config: Config, rules: readonly Rule[] = ALL_RULES): Map<string, Config['options']> {
  const byRule = new Map<string, Config['options']>();
  const known = new Set(ALL_KINDS.map((r) => r.id));
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!known.has(id) && !rules.some((r) => r.id === id)) throw new RuleOptionsError(`未知规则 unknown rule "${id}"`);
    if (typeof setting === 'string' || setting.options === undefined) continue;
    const rule = rules.find((r) => r.id === id);
    if (!rule) continue;
    if (!rule.meta.options) {
      throw new RuleOptionsError(`规则 ${id} 没有选项 rule ${id} takes no options`);
    }
    const parsed = rule.meta.options.schema.safeParse(setting.options);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      throw new RuleOptionsError(
        `规则 ${id} 的选项 ${where} 无效 invalid option ${where} of rule ${id}: ${issue?.message ?? ''}`.trim(),
      );
    }
    byRule.set(id, { ...config.options, ...parsed.data });
  }
  return byRule;
}

interface Visit<V> {
  rule: Rule;
  visit: V;
}

/**
 * One walk over every project and indicator for all the rules that visit them. A rule whose visitor throws
 * is reported once and not called again, as a `check` stops at its first throw.
 */
function visitIndicatorTables(
  model: WorkbookModel,
  indicatorVisits: Visit<IndicatorVisitor>[],
  projectVisits: Visit<ProjectVisitor>[],
  crashed: (rule: Rule, error: unknown) => void,
): void {
  if (indicatorVisits.length === 0 && projectVisits.length === 0) return;
  const drop = (rule: Rule, error: unknown) => {
    crashed(rule, error);
    for (const visits of [indicatorVisits, projectVisits] as Visit<unknown>[][]) {
      for (let v = visits.length - 1; v >= 0; v--) if (visits[v]!.rule === rule) visits.splice(v, 1);
    }
  };
  for (const table of model.tables) {
    if (table.kind !== 'indicators') continue;
    for (const project of table.projects) {
      for (let v = 0; v < projectVisits.length; v++) {
        const { rule, visit } = projectVisits[v]!;
        try {
          visit(project, table);
        } catch (error) {
          drop(rule, error);
          v--;
        }
      }
      for (const indicator of project.indicators) {
        for (let v = 0; v < indicatorVisits.length; v++) {
          const { rule, visit } = indicatorVisits[v]!;
          try {
            visit(indicator, project, table);
          } catch (error) {
            drop(rule, error);
            v--;
          }
        }
      }
    }
  }
}

function crashFinding(rule: Rule, error: unknown, model: WorkbookModel, locale: Locale): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ruleId: rule.id,
    ruleName: rule.meta.name[locale],
    severity: 'info',
    sheet: model.sheets[0] ?? '',
    cell: 'A1',
    messageId: 'rule-crashed',
    data: { error: message },
    message: locale === 'zh-CN' ? `规则 ${rule.id} 运行出错：${message}` : `Rule ${rule.id} failed: ${message}`,
    related: [],
  };
}

function toFinding(
  reported: RuleReport,
  rule: Rule,
  config: Config,
  locale: Locale,
  model: WorkbookModel,
): Finding | undefined {
  const target = reported.kind ?? rule;
  const severity = severityOf(config, target.id, target.defaultSeverity);
  if (severity === 'off') return undefined;
  const template = target.meta.messages[reported.messageId];
  if (!template) throw new Error(`rule ${target.id} has no message "${reported.messageId}"`);
  const data: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reported.data)) data[key] = renderValue(value, locale);
  return {
    ruleId: target.id,
    ruleName: target.meta.name[locale],
    severity,
    sheet: reported.at.sheet,
    cell: cellAddress(reported.at.row, reported.at.col),
    message: formatMessage(template[locale], data),
    messageId: reported.messageId,
    data,
    related: relatedAddresses(reported.at, reported.related ?? []),
    // Rules name the table when the finding is about one; otherwise it is the table the cell lies in, so that
    // the pane can group every finding under its table.
    tableId: reported.tableId ?? tableContaining(model, reported.at)?.id,
  };
}

/** The smallest recognized table whose range holds the cell. */
function tableContaining(model: WorkbookModel, at: CellPos): Table | undefined {
  let best: Table | undefined;
  let bestArea = Infinity;
  for (const table of model.tables) {
    const r = table.range;
    if (table.sheet !== at.sheet || at.row < r.top || at.row > r.bottom || at.col < r.left || at.col > r.right)
      continue;
    const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area < bestArea) {
      best = table;
      bestArea = area;
    }
  }
  return best;
}

/** Related cells: same-sheet ones as compact ranges ("K5:K12"), others sheet-qualified. */
function relatedAddresses(at: CellPos, related: readonly CellPos[]): string[] {
  const bySheet = new Map<string, CellPos[]>();
  for (const cell of related) {
    if (cell.sheet === at.sheet && cell.row === at.row && cell.col === at.col) continue;
    const list = bySheet.get(cell.sheet) ?? [];
    list.push(cell);
    bySheet.set(cell.sheet, list);
  }
  const out: string[] = [];
  for (const [sheet, cells] of bySheet) {
    for (const range of compactCells(cells)) out.push(sheet === at.sheet ? range : qualifiedAddress(sheet, range));
  }
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The worst first: errors, then warnings, then notes; inside a severity by sheet order, row and column. */
function compareFindings(model: WorkbookModel) {
  const sheetOrder = new Map(model.sheets.map((s, i) => [s, i]));
  return (a: Finding, b: Finding): number => {
    const severity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (severity !== 0) return severity;
    const sheet = (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0);
    if (sheet !== 0) return sheet;
    const pa = splitCell(a.cell);
    const pb = splitCell(b.cell);
    return (
      pa.row - pb.row ||
      pa.col.length - pb.col.length ||
      pa.col.localeCompare(pb.col) ||
      a.ruleId.localeCompare(b.ruleId)
    );
  };
}

function splitCell(a1: string): { col: string; row: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  return { col: match?.[1] ?? '', row: Number(match?.[2] ?? 0) };
}

function summarizeTable(table: Table): TableSummary {
  const base = {
    id: table.id,
    sheet: table.sheet,
    kind: table.kind,
    title: table.title,
    range: rangeAddress(table.range),
  };
  if (table.kind === 'amounts')
    return { ...base, layout: table.side ? `${table.layout}:${table.side}` : table.layout, rows: table.rows.length };
  return {
    ...base,
    layout: `${table.layout}:${table.scope}`,
    projects: table.projects.map((project) => {
      const weighted = project.indicators.some((i) => i.weight);
      return {
        name: project.name?.text,
        budget: project.budget ? money(project.budget.value) : undefined,
        indicators: project.indicators.length,
        weightTotal: weighted ? plain(weightSum(project.indicators)) : undefined,
        rows: `${project.firstRow + 1}:${project.lastRow + 1}`,
      };
    }),
  };
}
