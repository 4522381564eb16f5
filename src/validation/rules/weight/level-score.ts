import Decimal from 'decimal.js';
import { weightSum } from '../../indicator-facts';
import { plain } from '../../messages';
import type { Indicator, NumberCell, TextCell } from '../../model';
import { textKey } from '../../normalize';
import { declaredScore } from '../../vocabulary';
import { defineRule } from '../types';
import { projectName } from '../shared/names';

export const levelScoreRule = defineRule({
  id: 'weight/level-score',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '一级/二级分值与其下权重不符', 'en-US': 'Declared level score ≠ its weights' },
    description: {
      'zh-CN':
        '一级或二级指标自身标明的分值（如“产出指标(50分)”，或一级/二级行上填写的分值）等于其下三级指标权重之和。',
      'en-US':
        'A 一级 or 二级 indicator that states its own score ("产出指标(50分)", or a score on the 一级/二级 row) equals the sum of the weights below it.',
    },
    why: {
      'zh-CN': '上级分值与下级权重不一致时，评分时无法确定以哪个为准。',
      'en-US':
        'When a stated score and the weights below it disagree, nobody can tell which one the scoring should use.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{project}”中“{level}”标明 {declared} 分，但其下指标权重之和为 {actual}',
        'en-US': 'In “{project}”, “{level}” states {declared} points, but the weights below it add up to {actual}',
      },
    },
    examples: {
      fail: '产出指标(50分) 下三级权重 20 + 20 + 20 = 60',
      pass: '产出指标(50分) 下三级权重 20 + 20 + 10 = 50',
    },
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators' || table.columns.weight === undefined) continue;
      for (const project of table.projects) {
        const claims = new Map<
          string,
          { name: TextCell; score: Decimal; at: NumberCell | TextCell; level: 1 | 2; parent?: string }
        >();
        for (const declared of project.declaredScores) {
          claims.set(`${declared.level}:${textKey(declared.name.text)}`, {
            name: declared.name,
            score: declared.score.value,
            at: declared.score,
            level: declared.level,
          });
        }
        const claimScoreIn = (name: TextCell | undefined, level: 1 | 2) => {
          const score = name ? declaredScore(name.text) : undefined;
          if (!name || score === undefined) return;
          const key = `${level}:${textKey(name.text)}`;
          if (!claims.has(key)) claims.set(key, { name, score: new Decimal(score), at: name, level });
        };
        for (const indicator of project.indicators) {
          claimScoreIn(indicator.level1, 1);
          claimScoreIn(indicator.level2, 2);
        }
        for (const [key, claim] of claims) {
          const below = project.indicators.filter((i) => i.weight && belongsTo(i, claim.level, key.slice(2)));
          if (below.length === 0) continue;
          const actual = weightSum(below);
          if (actual.equals(claim.score)) continue;
          context.report({
            messageId: 'mismatch',
            data: {
              project: projectName(project),
              level: claim.name.text,
              declared: plain(claim.score),
              actual: plain(actual),
            },
            at: claim.at,
            related: below.map((i) => i.weight!),
            tableId: table.id,
          });
        }
      }
    }
  },
});

function belongsTo(indicator: Indicator, level: 1 | 2, key: string): boolean {
  const name = level === 1 ? indicator.level1 : indicator.level2;
  return name !== undefined && textKey(name.text) === key;
}
