import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { writeWorkbook } from '../scripts/examples/render';
import { run as runCli, type Terminal } from '../src/cli/main';
import packageJson from '../package.json';
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

test('a folder: a header line per file, then one line per finding (cell, severity, rule name), a summary, exit 1', async () => {
  const result = await cli(examplesDir);
  expect(result.code).toBe(1);
  const blocks = result.stdout.trim().split('\n\n');
  expect(blocks).toHaveLength(5);
  const [header, ...lines] = blocks.find((b) => b.includes('003-四川平武'))!.split('\n');
  // The path is said once, in the header, with what was checked and found there.
  expect(header).toMatch(/003-四川平武-项目支出绩效目标\.xlsx {2}检查了 1 个表格：4 个错误，16 个警告$/);
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^ {2}项目支出绩效目标申报表!L30 {2}错误 {2}权重合计不为 100 {2}“.*综合管理.*”的指标权重合计为 110，应为 100 或 90/,
    ),
  );
  expect(lines.some((line) => line.includes('003-四川平武') || line.includes('weight/sum'))).toBe(false);
  // Nine projects without a 成本指标: one line and the cells, not nine lines.
  expect(lines.filter((line) => line.includes('缺少必备的一级指标'))).toHaveLength(1);
  expect(lines).toContain('      同类 9 处：F6、F14、F20、F25、F30、F37、F41、F47、F53');
  const rounding = blocks.find((b) => b.includes('004-重庆石柱'))!;
  expect(rounding).toMatch(/\n {2}财政拨款收支总表!B14 {2}警告 {2}合计尾差 {2}.*500\.75.*500\.74.*\[B5, B10\]\n/);
  // What follows from values copied from the weights is shown under the copied-weight finding.
  expect(rounding).toMatch(/指标值抄自权重.*\n {6}↳ H12 {2}成本目标超过项目预算 {2}.*\n {6}↳ H15 {2}满意度目标过低/);
  const summary = /^共检查 4 个文件：(\d+) 个错误，(\d+) 个警告，(\d+) 个提示$/.exec(blocks[4]!);
  expect(summary).not.toBeNull();
  // The headers' counts add up to the summary's.
  const counted = [0, 0, 0];
  for (const block of blocks.slice(0, 4)) {
    const head = block.split('\n')[0]!;
    ['错误', '警告', '提示'].forEach(
      (word, i) => (counted[i]! += Number(new RegExp(`(\\d+) 个${word}`).exec(head)?.[1] ?? 0)),
    );
  }
  expect(counted).toEqual(summary!.slice(1).map(Number));
});

test('errors come first in each file, then warnings, then notes', async () => {
  const result = await cli(join(examplesDir, EXAMPLE_WORKBOOKS[3]!.file));
  const severities = result.stdout
    .split('\n')
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.split('  ')[2]);
  const rank = severities.map((s) => ['错误', '警告', '提示'].indexOf(s!));
  expect(rank).toEqual([...rank].sort((a, b) => a - b));
  expect(new Set(rank)).toEqual(new Set([0, 1, 2]));
});

test('colours on a terminal; none with NO_COLOR, --no-color or a pipe', async () => {
  const flat = join(examplesDir, EXAMPLE_WORKBOOKS[2]!.file);
  const run = async (args: string[], terminal: Terminal) => {
    let stdout = '';
    await runCli(
      args,
      (t) => (stdout += t),
      () => undefined,
      terminal,
    );
    return stdout;
  };
  const RED_ERROR = '\u001b[31m错误\u001b[0m';
  expect(await run([flat], { isTTY: true, env: {} })).toContain(RED_ERROR);
  expect(await run([flat], { isTTY: true, env: { NO_COLOR: '1' } })).not.toContain('\u001b[');
  expect(await run([flat, '--no-color'], { isTTY: true, env: {} })).not.toContain('\u001b[');
  expect(await run([flat], { isTTY: false, env: {} })).not.toContain('\u001b[');
  expect(await run([flat, '--color'], { isTTY: false, env: {} })).toContain(RED_ERROR);
}, 60_000);

test('--quiet lists errors only; --max-warnings N exits 1 past N warnings', async () => {
  const flat = join(examplesDir, EXAMPLE_WORKBOOKS[2]!.file);
  const quiet = await cli(flat, '--quiet');
  expect(quiet.code).toBe(1);
  expect(quiet.stdout).toContain('  错误  ');
  expect(quiet.stdout).not.toContain('  警告  ');
  const department = join(examplesDir, EXAMPLE_WORKBOOKS[1]!.file); // 002: 1 error, 2 warnings
  const strict = await cli(join(dir, 'clean.xlsx'), '--max-warnings', '0');
  expect(strict.code).toBe(0);
  const over = await cli(
    flat,
    '--config',
    writeConfig({ rules: { 'weight/sum': 'off', 'unit/cost-unit': 'off' } }),
    '--max-warnings',
    '15',
  );
  expect(over.code).toBe(1);
  expect(over.stderr).toContain('16 个警告，超过 --max-warnings 15 (16 warnings, more than --max-warnings 15)');
  const within = await cli(
    flat,
    '--config',
    writeConfig({ rules: { 'weight/sum': 'off', 'unit/cost-unit': 'off' } }),
    '--max-warnings',
    '16',
  );
  expect(within.code).toBe(0);
  expect((await cli(department, '--max-warnings', 'x')).stderr).toContain('--max-warnings 须为 ≥ 0 的整数');
}, 60_000);

test('a workbook with no table is "nothing checked" (exit 2), never "no problems"; a 情况说明 alone is checked', async () => {
  const empty = join(dir, 'cover-only.xlsx');
  await writeWorkbook(
    {
      file: 'cover-only.xlsx',
      description: 'a cover page',
      sheets: [{ name: '封面', rows: [['2024年部门预算'], ['某某局']] }],
    },
    empty,
  );
  const result = await cli(empty);
  expect(result.code).toBe(2);
  expect(result.stdout).toContain('cover-only.xlsx  未识别到可检查的表格（工作表：封面），未作检查');
  expect(result.stdout).not.toContain('未发现问题');
  expect(result.stdout).toContain('其中 1 个文件未识别到可检查的表格');
  expect(result.stderr).toContain(
    'cover-only.xlsx: 未识别到可检查的表格，未作检查 (no table recognized: nothing was checked)',
  );
  const text = join(dir, 'text-only.xlsx');
  await writeWorkbook(
    {
      file: 'text-only.xlsx',
      description: 'a 情况说明 only',
      sheets: [
        {
          name: '情况说明',
          rows: [
            ['2024年单位预算情况说明'],
            ['一般公共预算支出按经济分类：工资福利支出120万元，占80%；商品和服务支出30万元，占20%。'],
            ['基本支出情况说明：基本支出150万元，比上年增长5%。'],
          ],
        },
      ],
    },
    text,
  );
  const read = await cli(text);
  expect(read.code).toBe(0);
  expect(read.stdout).toContain('text-only.xlsx  检查了 2 段说明文字：未发现问题');
});

test('--help lists every option with examples; --version prints the version', async () => {
  const help = await cli('--help');
  expect(help.code).toBe(0);
  for (const option of [
    '--format',
    '--locale',
    '--config',
    '--report',
    '--annotate',
    '--force',
    '--quiet',
    '--max-warnings',
    '--jobs',
    '--timeout',
    '--max-memory',
    '--explain',
    '--no-color',
    '--version',
    '--help',
  ])
    expect(help.stdout).toContain(option);
  expect(help.stdout).toContain('示例 Examples:');
  const version = await cli('--version');
  expect(version).toEqual({ code: 0, stdout: `budget-check ${packageJson.version}\n`, stderr: '' });
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

test('a correct workbook exits 0 and says what was checked; --locale en-US speaks English', async () => {
  const result = await cli(cleanFile, '--locale', 'en-US');
  expect(result).toEqual({
    code: 0,
    stdout: `${cleanFile}  checked 1 table: no problems found\n\n1 file checked: 0 errors, 0 warnings, 0 info\n`,
    stderr: '',
  });
});

let configs = 0;
function writeConfig(config: unknown): string {
  const file = join(dir, `config-${++configs}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

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
    expect(result.stdout).toBe(
      `${join(folder, 'ok.xlsx')}  检查了 1 个表格：未发现问题\n\n共检查 1 个文件：0 个错误，0 个警告，0 个提示；另有 1 个文件无法读取\n`,
    );
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
    expect(result.stdout).toBe(
      `${join(folder, 'ok.xlsx')}  checked 1 table: no problems found\n\n1 file checked: 0 errors, 0 warnings, 0 info; 1 file unreadable\n`,
    );
  });

  test('a missing file', async () => {
    const result = await cli(join(dir, 'nope.xlsx'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.xlsx: 文件不存在 file not found');
  });
});

describe('usage errors exit 2 with the reason in Chinese and English, and where to find the options', () => {
  test.each([
    [[], '没有指定文件或文件夹 (no file or folder given)'],
    [
      ['x.xlsx', '--format', 'xml'],
      '--format 只能是 text、json 或 sarif，不能是“xml” (--format must be text, json or sarif)',
    ],
    [['x.xlsx', '--locale', 'fr-FR'], '(--locale must be zh-CN or en-US)'],
    [['x.xlsx', '--bogus'], '未知选项 --bogus (unknown option --bogus)'],
    [
      ['x.xlsx', '--fromat', 'json'],
      '未知选项 --fromat (unknown option --fromat)；是不是 --format？(did you mean --format?)',
    ],
    [['x.xlsx', '--reprot', 'a.xlsx'], '是不是 --report？(did you mean --report?)'],
    [['x.xlsx', '--format'], '选项 --format 缺少取值 (option --format needs a value)'],
    [['x.xlsx', '--force=yes'], '选项 --force 不带取值 (option --force takes no value)'],
  ])('%j', async (args, reason) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toMatch(/Unknown option|To specify a positional argument/);
    expect(result.stderr).toContain('Usage: budget-check');
    expect(result.stderr).toContain('budget-check --help');
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
    expect(result.stderr).toContain('未知规则 unknown rule "weight/sumx"; 可用的规则 the rules are: sum/row-total');
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
  expect(help).toContain('budget-check [选项 options] <文件或文件夹');
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
    expect(result.stdout).toContain('未识别到可检查的表格（工作表：杂项），未作检查');
    expect(result.stdout).toMatch(/共检查 1 个文件：.*；其中 1 个文件未识别到可检查的表格\n$/);
    expect(result.stdout).not.toContain('检查了');
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
    expect(result.stdout).toContain('检查了 1 段说明文字：未发现问题');
  });
});
