import type { Options, Severity } from '../config';
import type { Localized, MessageData } from '../messages';
import type { CellPos, WorkbookModel } from '../model';

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

export interface Rule {
  /** "family/name". */
  id: string;
  family: RuleFamily;
  defaultSeverity: Severity;
  meta: RuleMeta;
  check(context: RuleContext): void;
}
