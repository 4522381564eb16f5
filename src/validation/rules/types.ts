import type { Options, Severity } from '../config';
import type { Localized, MessageData } from '../messages';
import type { CellPos, Indicator, IndicatorTable, Project, WorkbookModel } from '../model';

export const RULE_FAMILIES = ['sum', 'weight', 'value', 'unit', 'direction', 'structure', 'text'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

export interface RuleMeta {
  /** What the rule checks, one sentence. */
  description: Localized;
  /** Why a reviewer cares. */
  why: Localized;
  /** Message templates by message id, with {placeholders}. */
  messages: Record<string, Localized>;
  /** A failing and a passing example, in words a finance user recognizes. */
  examples: { fail: string; pass: string };
  /** Option names (from the config's options) the rule reads. */
  options?: readonly string[];
  /** Where the rule comes from: the regulation, template or review practice it enforces. */
  basis?: Localized;
}

export interface RuleReport {
  messageId: string;
  data: MessageData;
  /** The claiming cell. */
  at: CellPos;
  /** Cells involved (other than `at`). */
  related?: readonly CellPos[];
  tableId?: string;
  /**
   * Report under another rule's id: used by the sum rules to file rounding-sized differences
   * under sum/rounding. The other rule's severity and messages apply.
   */
  asRule?: string;
}

export interface RuleContext {
  readonly model: WorkbookModel;
  readonly options: Options;
  report(finding: RuleReport): void;
}

export type IndicatorVisitor = (indicator: Indicator, project: Project, table: IndicatorTable) => void;
export type ProjectVisitor = (project: Project, table: IndicatorTable) => void;

/**
 * A rule has at least one of: `check` (the whole model: tables, sums across tables), `visitIndicators`
 * and `visitProjects`. The visit forms return the function to call for each indicator (project), with any
 * state of the run in its closure. The engine walks the indicators once for all rules, so that 20 rules on
 * 10⁵ indicators read each one while it is in the CPU cache rather than 20 times from memory.
 */
export interface Rule {
  /** "family/name". */
  id: string;
  family: RuleFamily;
  defaultSeverity: Severity;
  meta: RuleMeta;
  check?(context: RuleContext): void;
  visitIndicators?(context: RuleContext): IndicatorVisitor;
  visitProjects?(context: RuleContext): ProjectVisitor;
}
