import { balanceRule } from './sum/balance';
import { formSplitRule } from './sum/form-split';
import { hierarchyRule } from './sum/hierarchy';
import { projectsTotalRule } from './sum/projects-total';
import { projectsUntiedRule } from './sum/projects-untied';
import { roundingRule } from './sum/rounding';
import { rowTotalRule } from './sum/row-total';
import { unitProjectsRule } from './sum/unit-projects';
import { errorValueRule } from './structure/error-value';
import { nonNumericRule } from './structure/non-numeric';
import { unrecognizedRule } from './structure/unrecognized';
import type { Rule } from './types';
import { levelScoreRule } from './weight/level-score';
import { level1SplitRule } from './weight/level1-split';
import { weightSumRule } from './weight/sum';

/** Every rule, in the order they run. A new rule is added here and nowhere else. */
export const ALL_RULES: readonly Rule[] = [
  rowTotalRule,
  hierarchyRule,
  balanceRule,
  formSplitRule,
  unitProjectsRule,
  projectsTotalRule,
  projectsUntiedRule,
  roundingRule,
  weightSumRule,
  levelScoreRule,
  level1SplitRule,
  errorValueRule,
  nonNumericRule,
  unrecognizedRule,
];

export type { Rule, RuleContext, RuleMeta } from './types';
