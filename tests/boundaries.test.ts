/**
 * The import boundaries of DEVELOPERS.md are lint rules (eslint.config.mjs). This runs the project's own ESLint
 * configuration on deliberate bad imports, placed (in memory) where they would break the architecture, and on the
 * good imports beside them: the check has to fail the first and pass the second.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

type Probe = readonly [file: string, code: string];

/** The boundary rules each probe breaks, from the project's ESLint configuration (run in its own process). */
function boundaryErrors(probes: readonly Probe[]): string[][] {
  const input = JSON.stringify(probes.map(([file, code]) => ({ file, code })));
  const output = execFileSync(process.execPath, [join(__dirname, 'boundary-probe.mjs')], { input, encoding: 'utf8' });
  return JSON.parse(output) as string[][];
}

const refused: [file: string, code: string, rule: string][] = [
  [
    'src/validation/probe.ts',
    "import { main } from '../cli/main';\nexport const x = main;",
    'import-x/no-restricted-paths',
  ],
  [
    'src/validation/probe.ts',
    "import { readFileSync } from 'fs';\nexport const x = readFileSync;",
    'no-restricted-imports',
  ],
  ['src/validation/probe.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;", 'no-restricted-imports'],
  ['src/validation/probe.ts', 'export const x = document.title;', 'no-restricted-globals'],
  [
    'src/validation/rules/sum/probe.ts',
    "import { weightSumRule } from '../weight/sum';\nexport const x = weightSumRule;",
    'import-x/no-restricted-paths',
  ],
  ['src/cli/probe.ts', "import { Model } from '../validation/model';\nexport type X = Model;", 'no-restricted-imports'],
  ['src/functions/probe.ts', 'export const x = Excel.run;', 'no-restricted-globals'],
  ['src/taskpane/probe.ts', 'export const x = Office.context;', 'no-restricted-globals'],
];

const allowed: Probe[] = [
  [
    'src/validation/probe.ts',
    "import { parseIndicatorValue } from './indicator-value';\nexport const x = parseIndicatorValue;",
  ],
  [
    'src/validation/rules/sum/probe.ts',
    "import { compareSum } from '../shared/compare';\nexport const x = compareSum;",
  ],
  ['src/cli/probe.ts', "import { checkGrids } from '../validation';\nexport const x = checkGrids;"],
  ['src/office/probe.ts', 'export const x = Excel.run;'],
];

test('the boundary check refuses each deliberate bad import and passes the allowed ones beside them', () => {
  const results = boundaryErrors([...refused.map(([file, code]) => [file, code] as const), ...allowed]);
  refused.forEach(([file, code, rule], i) => {
    expect({ file, code, rules: results[i] }).toEqual({ file, code, rules: expect.arrayContaining([rule]) });
  });
  allowed.forEach(([file, code], i) => {
    expect({ file, code, rules: results[refused.length + i] }).toEqual({ file, code, rules: [] });
  });
});
