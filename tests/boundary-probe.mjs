// Lints in-memory probe files with the project's ESLint configuration, boundary rules only, without type information
// (the probes do not exist on disk). Input on stdin: [{ file, code }]; output: the rule ids reported for each probe.
// A separate process because ESLint loads its flat config with a dynamic import, which jest's VM does not allow.
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const BOUNDARY_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports', 'no-restricted-globals']);
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { project: null, projectService: false } } },
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const { file, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  results.push(result.messages.map((m) => m.ruleId ?? `parse error: ${m.message}`));
}
process.stdout.write(JSON.stringify(results));
