import { z } from 'zod';
import { DEFAULT_OPTIONS, OPTION_FIELDS, type Options, type Severity } from '../config';
import type { Localized, MessageData } from '../messages';
import type { CellPos, Indicator, IndicatorTable, Project, WorkbookModel } from '../model';

export const RULE_FAMILIES = ['sum', 'weight', 'score', 'value', 'unit', 'direction', 'structure', 'text'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

export interface RuleMeta {
  /** A short name users read in the pane, the summary and the text output (the id stays in JSON and SARIF). */
  name: Localized;
  /** What the rule checks, one sentence. */
  description: Localized;
  /** Why a reviewer cares. */
  why: Localized;
  /** Message templates by message id, with {placeholders}. */
  messages: Record<string, Localized>;
  /** A failing and a passing example, in words a finance user recognizes. */
  examples: { fail: string; pass: string };
  /** The options the rule reads: their schema (a rule's own settings are checked against it) and defaults. */
  options?: RuleOptions;
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
   * The kind of finding, when it is not the rule's own: a rounding-sized difference is a `FindingKind`
   * (sum/rounding, text/rounding) that several rules report; its id, severity and messages apply.
   */
  kind?: FindingKind;
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
/** A rule's options: the schema a config's `rules["<id>"].options` is checked against, and their defaults. */
export interface RuleOptions {
  names: readonly (keyof Options)[];
  schema: z.ZodType<Partial<Options>>;
  defaults: Partial<Options>;
}

/** The options a rule reads, picked from the shared options (config.ts): each with its schema and default. */
export function ruleOptions(...names: (keyof Options)[]): RuleOptions {
  const shape: Partial<Record<keyof Options, z.ZodType>> = {};
  const defaults: Record<string, unknown> = {};
  for (const name of names) {
    shape[name] = OPTION_FIELDS[name].optional();
    defaults[name] = DEFAULT_OPTIONS[name];
  }
  return {
    names,
    schema: z.object(shape).strict() as unknown as z.ZodType<Partial<Options>>,
    defaults: defaults,
  };
}

/** A rule as its module writes it: its family is the first part of its id. */
export type RuleDefinition = Omit<Rule, 'family'>;

export function defineRule(definition: RuleDefinition): Rule {
  return { ...definition, family: familyOf(definition.id) };
}

function familyOf(id: string): RuleFamily {
  const family = id.split('/')[0] as RuleFamily;
  if (!(RULE_FAMILIES as readonly string[]).includes(family)) throw new Error(`rule ${id}: unknown family`);
  return family;
}

/**
 * What a finding is filed as: its id (what a config sets a severity for, and what JSON and SARIF carry), its
 * default severity, and its messages. Every rule is one; a kind that is not a rule is reported by several rules,
 * as a rounding difference is by every sum rule: it has no check of its own.
 */
export interface FindingKind {
  /** "family/name". */
  id: string;
  /** The first part of the id (set by defineRule / defineFindingKind). */
  family: RuleFamily;
  defaultSeverity: Severity;
  meta: RuleMeta;
  /** For a kind that is not a rule: which rules report it. */
  reportedBy?: Localized;
}

/** A kind of finding several rules report (see FindingKind); lives in rules/shared/, where those rules import it. */
export function defineFindingKind(definition: Omit<FindingKind, 'family'> & { reportedBy: Localized }): FindingKind {
  return { ...definition, family: familyOf(definition.id) };
}

export interface Rule extends FindingKind {
  check?(context: RuleContext): void;
  visitIndicators?(context: RuleContext): IndicatorVisitor;
  visitProjects?(context: RuleContext): ProjectVisitor;
}
