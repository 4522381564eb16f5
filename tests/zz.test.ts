import { readFileSync } from 'node:fs';
import { checkGrids, explainText, recognizeWorkbook } from '../src/validation';
import { gridOf } from './helpers';
const P: string[] = readFileSync('/tmp/p.txt', 'utf8').trim().split('\n');
test('m', () => {
  const grid = gridOf(P.map((p) => [p]), { sheet: '情况说明' });
  for (const line of explainText(recognizeWorkbook([grid]), 'zh-CN')) console.log(line);
  for (const f of checkGrids([grid]).findings) console.log(f.ruleId, f.severity, f.cell, f.message);
});
