import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { writeWorkbook } from '../scripts/examples/render';
import { OLE_HEADER, cli, writeExamples } from './cli-helpers';
import { tempDir } from './helpers';
import { ALL_KINDS } from '../src/validation';

let dir: string;
let examplesDir: string;
let cleanFile: string;

beforeAll(async () => {
  dir = tempDir();
  examplesDir = join(dir, 'examples');
  mkdirSync(examplesDir);
  await writeExamples(examplesDir);
  cleanFile = join(dir, 'clean.xlsx');
  await writeWorkbook(
    {
      file: 'clean.xlsx',
      description: 'a correct budget table',
      sheets: [
        {
          name: '支出表',
          rows: [
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            ['合计', null, 300, 200, 100],
            ['201', '一般公共服务支出', 300, 200, 100],
            ['20101', '人大事务', 300, 200, 100],
          ],
        },
      ],
    },
    cleanFile,
  );
});

test('a folder: a header per file, its findings worst first under it, a summary line, exit 1 on an error', async () => {
  const result = await cli(examplesDir);
  expect(result.code).toBe(1);
  const lines = result.stdout.trim().split('\n');
  // The header says how much of the file was checked; the lines under it name the rule in Chinese, not by its id.
  expect(lines).toContainEqual(
    expect.stringMatching(
      /003-四川平武-项目支出绩效目标\.xlsx {2}已检查 \d+ 个表格：\d+ 个错误，\d+ 个警告，\d+ 个提示$/,
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^ {2}项目支出绩效目标申报表!L30 {2}错误 {2}权重合计不为 100：“.*综合管理.*”的指标权重合计为 110，应为 100 或 90/,
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(/^ {2}财政拨款收支总表!B14 {2}警告 {2}合计尾差：.*500\.75.*500\.74.*\[B5, B10\]$/),
  );
  expect(result.stdout).not.toMatch(/weight\/sum|sum\/rounding/);
  // Worst first inside each file: no error after a warning or a note.
  const findingLines = lines.filter((line) => line.startsWith('  '));
  const severities = findingLines.map((line) => line.split('  ')[2]);
  const rank = { 错误: 0, 警告: 1, 提示: 2 } as Record<string, number>;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.startsWith('  ') && lines[i - 1]!.startsWith('  '))
      expect(rank[lines[i]!.split('  ')[2]!]!).toBeGreaterThanOrEqual(rank[lines[i - 1]!.split('  ')[2]!]!);
  }
  const summary = /^共检查 4 个文件：(\d+) 个错误，(\d+) 个警告，(\d+) 个提示$/.exec(lines[lines.length - 1]!);
  expect(summary).not.toBeNull();
  expect([
    severities.filter((s) => s === '错误').length,
    severities.filter((s) => s === '警告').length,
    severities.filter((s) => s === '提示').length,
  ]).toEqual(summary!.slice(1).map(Number));
});

test('--format json has the documented shape', async () => {
  const result = await cli(examplesDir, '--format', 'json');
  const json = JSON.parse(result.stdout);
  expect(json.version).toBe(1);
  expect(json.files).toHaveLength(4);
  const flat = json.files.find((f: { file: string }) => f.file.includes('003'));
  expect(flat.tables[0]).toMatchObject({ kind: 'indicators', sheet: '项目支出绩效目标申报表' });
  expect(flat.findings).toContainEqual(
    expect.objectContaining({
      ruleId: 'weight/sum',
      severity: 'error',
      sheet: '项目支出绩效目标申报表',
      cell: 'L37',
      related: ['K38:K40'],
    }),
  );
  for (const file of json.files) {
    for (const finding of file.findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(['ruleId', 'severity', 'sheet', 'cell', 'message', 'related']),
      );
    }
  }
});

test('a correct workbook exits 0; --locale en-US speaks English', async () => {
  const result = await cli(cleanFile, '--locale', 'en-US');
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(
    / {2}1 table checked: 0 errors, 0 warnings, 0 info\n\n1 file checked: 0 errors, 0 warnings, 0 info\n$/,
  );
});

test('--config sets severities: weight/sum off and unit/cost-unit a warning turn the flat list green', async () => {
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ rules: { 'weight/sum': 'off', 'unit/cost-unit': 'warning' } }));
  const flat = join(examplesDir, EXAMPLE_WORKBOOKS[2]!.file);
  expect((await cli(flat)).code).toBe(1);
  const result = await cli(flat, '--config', config);
  expect(result.code).toBe(0);
  expect(result.stdout).not.toContain('weight/sum');
});

describe('unreadable input: exit 2, one line naming the file, the other files still checked', () => {
  test.each([
    ['not-a-workbook.xlsx', Buffer.from('年度,预算\n1,2\n'), '不是 .xlsx 文件 (not an .xlsx file)'],
    ['truncated.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]), 'corrupt .xlsx'],
    ['protected.xlsx', Buffer.concat([OLE_HEADER, Buffer.alloc(512)]), 'password-protected'],
  ])('%s', async (name, bytes, reason) => {
    const folder = join(dir, `bad-${name}`);
    mkdirSync(folder);
    writeFileSync(join(folder, name), bytes);
    copyFileSync(cleanFile, join(folder, 'ok.xlsx'));
    const result = await cli(folder);
    expect(result.code).toBe(2);
    const errorLines = result.stderr.trim().split('\n');
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain(name);
    expect(errorLines[0]).toContain(reason);
    // Said once, on stderr; the summary counts it apart from the files that were checked.
    expect(result.stdout).toMatch(/\n共检查 1 个文件：0 个错误，0 个警告，0 个提示；另有 1 个文件无法读取\n$/);
  });

  test('a damaged .xls in a folder is named as unreadable, not skipped', async () => {
    const folder = join(dir, 'with-xls');
    mkdirSync(folder);
    // The first bytes of a compound file, then nothing a compound file holds.
    writeFileSync(join(folder, '2023年预算.xls'), Buffer.concat([OLE_HEADER.subarray(0, 8), Buffer.alloc(512)]));
    writeFileSync(join(folder, '~$lock.xlsx'), 'lock');
    copyFileSync(cleanFile, join(folder, 'ok.xlsx'));
    const result = await cli(folder, '--locale', 'en-US');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('2023年预算.xls: .xls 文件已损坏，无法读取');
    expect(result.stderr).not.toContain('~$lock');
    expect(result.stdout).toMatch(/\n1 file checked: 0 errors, 0 warnings, 0 info; 1 unreadable\n$/);
  });

  test('a missing file', async () => {
    const result = await cli(join(dir, 'nope.xlsx'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.xlsx: 文件不存在 file not found');
  });
});

describe('usage errors exit 2 with the reason in Chinese and English, and where the help is', () => {
  test.each([
    [[], '没有指定要检查的文件或文件夹 (no file or folder given)'],
    [
      ['x.xlsx', '--format', 'xml'],
      '--format 只能是 text、json 或 sarif，不能是“xml” (--format must be text, json or sarif)',
    ],
    [['x.xlsx', '--locale', 'fr-FR'], '(--locale must be zh-CN or en-US)'],
    [['x.xlsx', '--bogus'], '未知选项 --bogus (unknown option --bogus)'],
    [
      ['x.xlsx', '--fromat', 'json'],
      '未知选项 --fromat，是否想用 --format？ (unknown option --fromat; did you mean --format?)',
    ],
    [['x.xlsx', '--jobs'], '选项 --jobs 需要一个值 (option --jobs needs a value)'],
  ])('%j', async (args, reason) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).toContain('budget-check --help');
    expect(result.stderr).not.toMatch(/To specify a positional argument/);
  });

  test('--help lists every option with examples; --version prints the version', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const option of [
      '--format',
      '--report',
      '--annotate',
      '--jobs',
      '--force',
      '--quiet',
      '--max-warnings',
      '--version',
      '--explain',
    ])
      expect(help.stdout).toContain(option);
    expect(help.stdout).toContain('示例 Examples');
    const version = await cli('--version');
    expect(version).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^budget-check \d+\.\d+\.\d+\n$/) as string,
      stderr: '',
    });
  });

  test('an invalid config file says which setting is wrong', async () => {
    const config = join(dir, 'bad-config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'weight/sum': 'loud' } }));
    const result = await cli(cleanFile, '--config', config);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid config: rules.weight/sum');
  });

  test('a misspelled rule id is rejected with the list of rules', async () => {
    const config = join(dir, 'typo-config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'weight/sumx': 'off' } }));
    const result = await cli(cleanFile, '--config', config);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown rule "weight/sumx"; the rules are: sum/row-total');
  });

  test('a config file that is not JSON', async () => {
    const config = join(dir, 'not-json.json');
    writeFileSync(config, '{ rules: ');
    const result = await cli(cleanFile, '--config', config);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not valid JSON');
  });
});

test('the installed binary runs as `budget-check` with the same exit codes', () => {
  const bin = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
  // npx runs the bin directly: it must be executable, with a node shebang.
  expect(statSync(bin).mode & 0o111).not.toBe(0);
  expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  const direct = spawnSync(bin, [cleanFile], { encoding: 'utf8' });
  expect(direct.status).toBe(0);
  const ok = spawnSync(process.execPath, [bin, cleanFile], { encoding: 'utf8' });
  expect(ok.status).toBe(0);
  const bad = spawnSync(process.execPath, [bin, examplesDir, '--format', 'json'], { encoding: 'utf8' });
  expect(bad.status).toBe(1);
  expect(JSON.parse(bad.stdout).files).toHaveLength(4);
  const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  expect(help).toContain('Usage: budget-check');
});

describe('nothing checked never reads as "no problems"', () => {
  test('numbers under headers it does not know: the file says no table was recognized, and the exit code is 2', async () => {
    const file = join(dir, 'unknown.xlsx');
    await writeWorkbook(
      {
        file: 'unknown.xlsx',
        description: 'numbers under unknown headers',
        sheets: [
          {
            name: '杂项',
            rows: [
              ['甲', '乙'],
              [1, 2],
              [3, 4],
            ],
          },
        ],
      },
      file,
    );
    const result = await cli(file);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('未识别到可检查的表格，未作检查（工作表：杂项）');
    expect(result.stdout).toMatch(/共检查 0 个文件：.*；另有 1 个文件未识别到可检查的表格\n$/);
    expect(result.stdout).not.toContain('已检查');
  });

  test('a text-only 情况说明 whose statements were read is checked', async () => {
    const file = join(dir, 'text-only.xlsx');
    await writeWorkbook(
      {
        file: 'text-only.xlsx',
        description: 'a 情况说明 only',
        sheets: [{ name: '情况说明', rows: [['基本支出 300 万元，其中：人员经费 200 万元，公用经费 100 万元。']] }],
      },
      file,
    );
    const result = await cli(file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已检查 0 个表格、1 处说明文字');
  });
});

test('--quiet lists errors only; --max-warnings turns too many warnings into exit 1', async () => {
  const flat = join(examplesDir, EXAMPLE_WORKBOOKS[3]!.file);
  const full = await cli(flat);
  expect(full.stdout).toMatch(/ {2}警告 {2}/);
  const quiet = await cli(flat, '--quiet');
  expect(quiet.stdout).not.toMatch(/ {2}(警告|提示) {2}/);
  expect(quiet.stdout).toMatch(/ {2}错误 {2}/);
  // The counts are still there.
  expect(quiet.stdout.trim().split('\n').at(-1)).toBe(full.stdout.trim().split('\n').at(-1));
  // Every error as a warning: the file then fails only past --max-warnings.
  const warningsOnly = join(dir, 'warnings-only.json');
  writeFileSync(
    warningsOnly,
    JSON.stringify({
      rules: Object.fromEntries(ALL_KINDS.filter((k) => k.defaultSeverity === 'error').map((k) => [k.id, 'warning'])),
    }),
  );
  expect((await cli(flat, '--config', warningsOnly)).code).toBe(0);
  expect((await cli(flat, '--config', warningsOnly, '--max-warnings', '0')).code).toBe(1);
  expect((await cli(flat, '--config', warningsOnly, '--max-warnings', '100000')).code).toBe(0);
}, 60_000);
