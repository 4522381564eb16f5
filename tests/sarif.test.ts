import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { writeWorkbook } from '../scripts/examples/render';
import { ALL_KINDS } from '../src/validation';
import { cli, writeExamples } from './cli-helpers';
import { tempDir } from './helpers';

// The official SARIF 2.1.0 (rtm.5) JSON schema, as shipped by Microsoft's @microsoft/jest-sarif.

const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

async function sarifOf(args: string[]): Promise<{ code: number; log: Log }> {
  const { code, stdout } = await cli(...args, '--format', 'sarif');
  return { code, log: JSON.parse(stdout) as Log };
}

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  mkdirSync(join(dir, 'examples'));
  await writeExamples(join(dir, 'examples'));
  writeFileSync(join(dir, 'examples', 'broken.xlsx'), 'not a workbook');
});

// The CLI checks every file in a worker of its own: slower than jest's 5 s default on a busy 2-core machine.
jest.setTimeout(60_000);

test('--format sarif validates against the SARIF 2.1.0 schema', async () => {
  const { code, log } = await sarifOf([join(dir, 'examples')]);
  expect(code).toBe(2);
  // The schema's language pattern is not a valid /u regular expression: compile patterns without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
});

test('rules carry their metadata; results point at Sheet!Cell inside the workbook artifact', async () => {
  const { log } = await sarifOf([join(dir, 'examples')]);
  const runLog = log.runs[0]!;
  expect(runLog.tool.driver.rules!.map((r) => r.id)).toEqual(ALL_KINDS.map((r) => r.id));
  const weightRule = runLog.tool.driver.rules!.find((r) => r.id === 'weight/sum')!;
  expect(weightRule.shortDescription!.text).toContain('权重');
  expect(weightRule.defaultConfiguration!.level).toBe('error');

  const result = runLog.results!.find(
    (r) =>
      r.ruleId === 'weight/sum' &&
      r.locations![0]!.logicalLocations![0]!.fullyQualifiedName === '项目支出绩效目标申报表!L37',
  )!;
  expect(result.level).toBe('error');
  expect(result.message.text).toContain('70');
  const artifact = runLog.artifacts![result.locations![0]!.physicalLocation!.artifactLocation!.index!]!;
  expect(decodeURIComponent(artifact.location!.uri!)).toContain('003-四川平武-项目支出绩效目标.xlsx');
  expect(result.relatedLocations!.map((l) => l.logicalLocations![0]!.fullyQualifiedName)).toEqual([
    '项目支出绩效目标申报表!K38:K40',
  ]);
  expect(runLog.tool.driver.rules![result.ruleIndex!]!.id).toBe('weight/sum');

  const rounding = runLog.results!.find((r) => r.ruleId === 'sum/rounding')!;
  expect(rounding.level).toBe('warning');
  // The unreadable file is a tool execution notification, not a silent skip.
  const notification = runLog.invocations![0]!.toolExecutionNotifications![0]!;
  expect(notification.level).toBe('error');
  expect(notification.message.text).toContain('not an .xlsx file');
  expect(runLog.invocations![0]!.executionSuccessful).toBe(false);
});

test('English SARIF for English readers', async () => {
  const { log } = await sarifOf([join(dir, 'examples', EXAMPLE_WORKBOOKS[2]!.file), '--locale', 'en-US']);
  expect(log.runs[0]!.language).toBe('en-US');
  for (const result of log.runs[0]!.results!) {
    expect(result.message.text).toMatch(/\b(is|has|are|add|uses|slid|reads|says|quotes|holds)\b/);
    expect(result.message.text).not.toMatch(/[，。；]/);
  }
});

test('each artifact says what was checked on each sheet; a file with nothing checked is a warning, not a clean file', async () => {
  const cover = join(dir, 'cover-only.xlsx');
  await writeWorkbook(
    {
      file: 'cover-only.xlsx',
      description: 'a cover page',
      sheets: [{ name: '封面', rows: [['2024年部门预算'], ['某某局']] }],
    },
    cover,
  );
  const example = join(dir, 'examples', EXAMPLE_WORKBOOKS[2]!.file);
  const { log } = await sarifOf([cover, example]);
  const run = log.runs[0]!;
  const [coverArtifact, exampleArtifact] = run.artifacts!;
  expect(coverArtifact!.properties).toEqual({ sheets: [{ sheet: '封面', tables: 0, statements: 0 }] });
  expect((exampleArtifact!.properties!.sheets as { tables: number }[]).some((s) => s.tables > 0)).toBe(true);
  const notifications = run.invocations![0]!.toolExecutionNotifications!;
  expect(
    notifications.map((n) => [n.level, n.message.text, n.locations![0]!.physicalLocation!.artifactLocation!.index]),
  ).toEqual([['warning', '未识别到可检查的表格（工作表：封面），未作检查', 0]]);
});
