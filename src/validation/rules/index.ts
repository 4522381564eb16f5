import { balanceRule } from './sum/balance';
import { formSplitRule } from './sum/form-split';
import { formListRule } from './sum/form-list';
import { hierarchyRule } from './sum/hierarchy';
import { projectsTotalRule } from './sum/projects-total';
import { projectsUntiedRule } from './sum/projects-untied';
import { rowTotalRule } from './sum/row-total';
import { unitProjectsRule } from './sum/unit-projects';
import { acrossTablesRule } from './sum/across-tables';
import { economicClassesRule } from './sum/economic-classes';
import { wanYuanRule } from './unit/wan-yuan';
import { errorValueRule } from './structure/error-value';
import { nonNumericRule } from './structure/non-numeric';
import { unrecognizedRule } from './structure/unrecognized';
import type { FindingKind, Rule } from './types';
import { SUM_ROUNDING, TEXT_ROUNDING } from './shared/rounding';
import { copiedWeightRule } from './value/copied-weight';
import { incompleteValueRule } from './value/incomplete';
import { qualitativeMixedRule } from './value/qualitative-mixed';
import { rateRangeRule } from './value/rate-range';
import { satisfactionFloorRule } from './value/satisfaction-floor';
import { costUnitRule } from './unit/cost-unit';
import { countPercentRule } from './unit/count-percent';
import { rateUnitRule } from './unit/rate-unit';
import { unitMismatchRule } from './unit/mismatch';
import { missingUnitRule } from './unit/missing';
import { notAUnitRule } from './unit/not-a-unit';
import { nameMismatchRule } from './unit/name-mismatch';
import { dateSerialRule } from './value/date-serial';
import { zeroCostRule } from './value/zero-cost';
import { instructionRule } from './value/instruction';
import { junkRule } from './value/junk';
import { placeholderRule } from './value/placeholder';
import { satisfactionFullRule } from './value/satisfaction-full';
import { vagueTargetRule } from './value/vague-target';
import { costComparatorRule } from './direction/cost-comparator';
import { costOverBudgetRule } from './direction/cost-over-budget';
import { inconsistentDirectionRule } from './direction/inconsistent';
import { level2ParentRule } from './structure/level2-parent';
import { misplacedNameRule } from './structure/misplaced-name';
import { namelessRule } from './structure/nameless';
import { requiredLevelsRule } from './structure/required-levels';
import { shiftedRowRule } from './structure/shifted-row';
import { tooFewRule } from './structure/too-few';
import { disclosureSetRule } from './structure/disclosure-set';
import { emptyTableNoteRule } from './structure/empty-table-note';
import { amountTextRule } from './text/amount';
import { yearRule } from './text/year';
import { textPartsRule } from './text/parts';
import { textShareRule } from './text/share';
import { textChangeRule } from './text/change';
import { textRatioRule } from './text/ratio';
import { textCountRule } from './text/count';
import { textRestatedRule } from './text/restated';
import { noteFundRule } from './text/note-fund';
import { textTableRule } from './text/table';
import { levelScoreRule } from './weight/level-score';
import { actualKindRule } from './score/actual-kind';
import { deviationReasonRule } from './score/deviation-reason';
import { executionRateRule } from './score/execution-rate';
import { executionScoreRule } from './score/execution-score';
import { gradeBandRule } from './score/grade-band';
import { overPointsRule } from './score/over-points';
import { scoreTotalRule } from './score/total';
import { targetMetRule } from './score/target-met';
import { level1SplitRule } from './weight/level1-split';
import { weightSumRule } from './weight/sum';

/** Every rule, in the order they run. A new rule is added here and nowhere else. */
export const ALL_RULES: readonly Rule[] = [
  rowTotalRule,
  hierarchyRule,
  balanceRule,
  formSplitRule,
  formListRule,
  unitProjectsRule,
  projectsTotalRule,
  projectsUntiedRule,
  acrossTablesRule,
  economicClassesRule,
  weightSumRule,
  levelScoreRule,
  level1SplitRule,
  overPointsRule,
  scoreTotalRule,
  executionRateRule,
  executionScoreRule,
  targetMetRule,
  gradeBandRule,
  deviationReasonRule,
  actualKindRule,
  rateRangeRule,
  qualitativeMixedRule,
  incompleteValueRule,
  copiedWeightRule,
  satisfactionFloorRule,
  satisfactionFullRule,
  placeholderRule,
  instructionRule,
  junkRule,
  vagueTargetRule,
  dateSerialRule,
  zeroCostRule,
  costUnitRule,
  countPercentRule,
  rateUnitRule,
  unitMismatchRule,
  missingUnitRule,
  notAUnitRule,
  nameMismatchRule,
  wanYuanRule,
  costComparatorRule,
  inconsistentDirectionRule,
  costOverBudgetRule,
  level2ParentRule,
  misplacedNameRule,
  requiredLevelsRule,
  tooFewRule,
  namelessRule,
  shiftedRowRule,
  disclosureSetRule,
  emptyTableNoteRule,
  yearRule,
  amountTextRule,
  textPartsRule,
  textShareRule,
  textChangeRule,
  textRatioRule,
  textCountRule,
  textRestatedRule,
  textTableRule,
  noteFundRule,
  errorValueRule,
  nonNumericRule,
  unrecognizedRule,
];

export type { Rule, RuleContext, RuleMeta } from './types';

/** Kinds of finding that are not rules: reported by several rules (a rounding difference), set in a config like one. */
export const FINDING_KINDS: readonly FindingKind[] = [SUM_ROUNDING, TEXT_ROUNDING];

/** Every id a finding can carry: the rules, then the kinds they share. */
export const ALL_KINDS: readonly FindingKind[] = [...ALL_RULES, ...FINDING_KINDS];
