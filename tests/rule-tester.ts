/**
 * Rule tests in the shape of ESLint's RuleTester: `valid` grids on which the rule finds nothing and `invalid` grids
 * with the complete list of what it finds (rule id, cell, message id). Every case first asserts the tables
 * recognition finds on it (kind, and for indicator tables the number of indicators), so that a "nothing found" case
 * cannot pass because nothing was recognized, and an invalid case cannot pass on a table read wrong.
 *
 * The rule runs alone through the engine (checkGrids with { rules }); a rounding-sized difference it finds is
 * filed as the kind sum/rounding (or text/rounding), which needs no rule beside it.
 */
import type { CellInput } from '../scripts/examples/types';
import { checkGrids, recognizeWorkbook, type ConfigInput, type Finding } from '../src/validation';
import type { Rule } from '../src/validation/rules';
import { gridOf } from './helpers';

export interface RuleCase {
  /** What the case is about, for the test's name. */
  name: string;
  rows: CellInput[][];
  merges?: string[];
  sheet?: string;
  config?: ConfigInput;
  /**
   * The tables recognition must find, in order: "amounts", or "indicators:N" with N the number of indicators of
   * the table's projects together.
   */
  tables: string[];
}

export interface ExpectedFinding {
  /** Defaults to the rule under test. */
  ruleId?: string;
  cell: string;
  messageId: string;
  /** When given, the finding's related cells, as the report writes them ("K5:K12"). */
  related?: string[];
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}

export function ruleTester(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    test('has at least two valid and two invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThanOrEqual(2);
      expect(cases.invalid.length).toBeGreaterThanOrEqual(2);
    });

    describe('valid', () => {
      test.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const findings = run(c);
        expect(findings.map((f) => describeFinding(f))).toEqual([]);
      });
    });

    describe('invalid', () => {
      test.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(c.errors.length).toBeGreaterThan(0);
        const findings = run(c);
        const withRelated = new Set(c.errors.filter((e) => e.related).map((e) => `${e.cell} ${e.messageId}`));
        expect(findings.map((f) => describeFinding(f, withRelated.has(`${f.cell} ${f.messageId}`)))).toEqual(
          c.errors.map((e) => ({
            ruleId: e.ruleId ?? rule.id,
            cell: e.cell,
            messageId: e.messageId,
            ...(e.related && { related: e.related }),
          })),
        );
      });
    });
  });

  function run(c: RuleCase): Finding[] {
    const grid = gridOf(c.rows, { sheet: c.sheet ?? 'Sheet1', merges: c.merges });
    const model = recognizeWorkbook([grid]);
    expect(model.tables.map(describeTable)).toEqual(c.tables);
    return checkGrids([grid], { rules: [rule], config: c.config }).findings;
  }
}

function describeTable(table: ReturnType<typeof recognizeWorkbook>['tables'][number]): string {
  if (table.kind === 'amounts') return 'amounts';
  return `indicators:${table.projects.reduce((n, p) => n + p.indicators.length, 0)}`;
}

function describeFinding(finding: Finding, withRelated = false) {
  return {
    ruleId: finding.ruleId,
    cell: finding.cell,
    messageId: finding.messageId,
    ...(withRelated && { related: finding.related }),
  };
}
