import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { writeWorkbook } from '../scripts/examples/render';
import { OLE_HEADER, cli, writeExamples } from './cli-helpers';
import { tempDir } from './helpers';

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

test('a folder: one linter-style line per finding, a summary line, exit 1 when there is an error', async () => {
  const result = await cli(examplesDir);
  expect(result.code).toBe(1);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toContainEqual(
    expect.stringMatching(
      /003-四川平武-项目支出绩效目标\.xlsx {2}项目支出绩效目标申报表!L30 {2}错误 {2}weight\/sum {2}“.*综合管理.*”的指标权重合计为 110，应为 100 或 90/,
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      /004-.*\.xlsx {2}财政拨款收支总表!B14 {2}警告 {2}sum\/rounding {2}.*500\.75.*500\.74.*\[B5, B10\]$/,
    ),
  );
  const summary = /^共检查 4 个文件：(\d+) 个错误，(\d+) 个警告，(\d+) 个提示$/.exec(lines[lines.length - 1]!);
  expect(summary).not.toBeNull();
  const severities = lines.slice(0, -1).map((line) => line.split('  ')[2]);
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
  expect(result).toEqual({ code: 0, stdout: '1 file checked: 0 errors, 0 warnings, 0 info\n', stderr: '' });
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
    expect(result.stdout).toBe('共检查 1 个文件：0 个错误，0 个警告，0 个提示；另有 1 个文件无法读取\n');
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
    expect(result.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 info; 1 file unreadable\n');
  });

  test('a missing file', async () => {
    const result = await cli(join(dir, 'nope.xlsx'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.xlsx: 文件不存在 file not found');
  });
});

describe('usage errors exit 2 with the reason and the usage', () => {
  test.each([
    [[], 'no file or folder given'],
    [['x.xlsx', '--format', 'xml'], '--format must be text, json or sarif'],
    [['x.xlsx', '--locale', 'fr-FR'], '--locale must be zh-CN or en-US'],
    [['x.xlsx', '--bogus'], "Unknown option '--bogus'"],
  ])('%j', async (args, reason) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).toContain('Usage: budget-check');
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
  expect(help).toContain('budget-check <文件或文件夹');
});
