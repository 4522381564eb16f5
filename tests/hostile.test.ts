/**
 * Issue 12 as a user would meet it: hostile and unlucky files in a batch (each reported for itself, every other result
 * printed in text, JSON and SARIF, within time and memory limits), outputs that would touch an input refused, file
 * names that are not UTF-8, symbolic links, control characters, macro workbooks. Every input is generated here and
 * its hash checked unchanged after the run.
 */
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_FILES, docxBytes, noSheetBytes, underDeclaredBomb } from '../bench/hostile-files';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { writeWorkbook } from '../scripts/examples/render';
import { PRECHECK_LIMITS } from '../src/xlsx/workbook-precheck';
import { cli } from './cli-helpers';
import { tempDir } from './helpers';

// Every file is checked in a worker of its own; on a busy 2-core machine a run of a dozen files takes a while.
jest.setTimeout(300_000);

const sha256 = (file: string | Buffer) => createHash('sha256').update(readFileSync(file)).digest('hex');
const GOOD = EXAMPLE_WORKBOOKS[2]!;

/** Every file under `dir` (recursively) with its hash. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = sha256(path);
  }
  return out;
}

describe('a batch of hostile files', () => {
  let dir: string;
  const small = HOSTILE_FILES.filter((f) => !f.name.startsWith('bomb-'));
  beforeAll(async () => {
    dir = join(tempDir(), 'intake');
    mkdirSync(dir);
    await writeWorkbook(GOOD, join(dir, 'good.xlsx'));
    for (const file of small) writeFileSync(join(dir, file.name), file.bytes());
    writeFileSync(join(dir, 'bomb.xlsx'), underDeclaredBomb(PRECHECK_LIMITS.uncompressedBytes + 64 * 1024 * 1024));
    writeFileSync(join(dir, 'letter.xlsx'), docxBytes());
    writeFileSync(join(dir, 'no-sheet.xlsx'), noSheetBytes());
    writeFileSync(join(dir, 'pk-junk.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(3000, 7)]));
  });

  const expected: Record<string, RegExp> = {
    'row-beyond-excel.xlsx': /^\.xlsx 文件已损坏：工作表“越界”的 99999999:99999999 超出 Excel 的范围/,
    'bomb.xlsx': /^文件过大或超时：解压后内容过大（超过 200 MB 上限），未读取/,
    'letter.xlsx': /^不是 Excel 工作簿：文件中没有工作表/,
    'no-sheet.xlsx': /^不是 Excel 工作簿：文件中没有工作表/,
    'pk-junk.xlsx': /^\.xlsx 文件已损坏，无法读取 \(corrupt \.xlsx: no zip directory\)$/,
  };
  const notes: Record<string, RegExp> = {
    'column-xfd.xlsx': /^工作表“XFD”有 20000 个单元格零散分布在很远的列（如 XFD3、XFD4、XFD5），未检查/,
    'merge-whole-sheet.xlsx': /^工作表“全合并”有 1 个合并区域过大，未读取（A1:XFD1048576）/,
  };

  test('text: one line per unreadable file, a note per file with cells left out, every other file’s findings; exit 2; inputs unchanged', async () => {
    const before = hashes(dir);
    const result = await cli(dir, '--jobs', '2');
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    for (const [name, message] of Object.entries({ ...expected, ...notes })) {
      const line = lines.find((l) => l.startsWith(`budget-check: ${join(dir, name)}: `));
      expect({ name, line: line?.slice(`budget-check: ${join(dir, name)}: `.length) }).toEqual({
        name,
        line: expect.stringMatching(message),
      });
    }
    // A file read but with no table in it is said to have had nothing checked.
    const unchecked = `budget-check: ${join(dir, 'three-corners.xlsx')}: 未识别到可检查的表格，未作检查 (no table recognized: nothing was checked)`;
    expect(lines).toContain(unchecked);
    expect(lines).toHaveLength(Object.keys(expected).length + Object.keys(notes).length + 1);
    // The good file and every hostile file that could be read have their findings printed, under their header.
    const block = (name: string) => result.stdout.split('\n\n').find((b) => b.startsWith(`${join(dir, name)}  `)) ?? '';
    expect(block('good.xlsx')).toMatch(/^ {2}项目支出绩效目标申报表!L30 {2}错误 {2}权重合计不为 100 /m);
    for (const name of ['merges-50000.xlsx', 'validation-whole-sheet.xlsx', 'column-xfd.xlsx'])
      expect(block(name)).toMatch(/^ {2}\S+!C2 {2}错误 {2}行合计不等于各列之和 /m);
    expect(block('three-corners.xlsx')).toContain('未识别到可检查的表格（工作表：角落），未作检查');
    expect(block('three-corners.xlsx')).toContain('  角落!A1  提示  未识别、未检查的内容');
    const files = 1 + small.length + 4;
    expect(result.stdout.trim().split('\n').pop()).toMatch(
      new RegExp(
        `^共检查 ${files - 5} 个文件：\\d+ 个错误，\\d+ 个警告，\\d+ 个提示；其中 1 个文件未识别到可检查的表格；另有 5 个文件无法读取$`,
      ),
    );
    expect(hashes(dir)).toEqual(before);
  });

  test('JSON and SARIF: the same files, errors and notes beside the other files’ findings', async () => {
    const json = await cli(dir, '--format', 'json', '--jobs', '2');
    expect(json.code).toBe(2);
    const files: { file: string; error?: string; notes?: string[]; findings: { ruleId: string }[] }[] = JSON.parse(
      json.stdout,
    ).files;
    for (const [name, message] of Object.entries(expected))
      expect(files.find((f) => f.file === join(dir, name))!.error).toMatch(message);
    for (const [name, message] of Object.entries(notes))
      expect(files.find((f) => f.file === join(dir, name))!.notes).toEqual([expect.stringMatching(message)]);
    expect(files.find((f) => f.file === join(dir, 'good.xlsx'))!.findings.map((f) => f.ruleId)).toContain('weight/sum');

    const sarif = await cli(dir, '--format', 'sarif', '--jobs', '2');
    expect(sarif.code).toBe(2);
    const run = JSON.parse(sarif.stdout).runs[0];
    const notifications = run.invocations[0].toolExecutionNotifications as {
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { index: number } } }[];
    }[];
    const byFile = (level: string) =>
      notifications
        .filter((n) => n.level === level)
        .map((n) =>
          decodeURIComponent(run.artifacts[n.locations[0]!.physicalLocation.artifactLocation.index].location.uri),
        )
        .sort();
    expect(byFile('error')).toEqual(
      Object.keys(expected)
        .map((name) => join(dir, name))
        .sort(),
    );
    // A reader's note, or nothing that could be checked (the workbook of numbers in three corners).
    expect(byFile('warning')).toEqual(
      [...Object.keys(notes), 'three-corners.xlsx'].map((name) => join(dir, name)).sort(),
    );
    expect(notifications.find((n) => n.message.text.startsWith('未识别到可检查的表格'))!.message.text).toBe(
      '未识别到可检查的表格（工作表：角落），未作检查',
    );
    expect(run.invocations[0].executionSuccessful).toBe(false);
    const goodIndex = run.artifacts.findIndex(
      (a: { location: { uri: string } }) => decodeURIComponent(a.location.uri) === join(dir, 'good.xlsx'),
    );
    expect(
      run.results.some(
        (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { index: number } } }[] }) =>
          r.ruleId === 'weight/sum' && r.locations[0]!.physicalLocation.artifactLocation.index === goodIndex,
      ),
    ).toBe(true);
  });
});

test('a file over the time limit is stopped and reported alone; the other file of the batch is checked', async () => {
  const dir = join(tempDir(), 'slow');
  mkdirSync(dir);
  await writeWorkbook(GOOD, join(dir, 'good.xlsx'));
  // 1,000,000 rows of 4 numbers (about 100 MB of XML, under the size cap): minutes of work for the reader, where the
  // good file takes a few seconds even on a busy machine.
  const rows: string[] = [];
  for (let r = 1; r <= 1_000_000; r++) {
    let row = `<row r="${r}">`;
    for (const c of 'ABCD') row += `<c r="${c}${r}"><v>${r}</v></c>`;
    rows.push(`${row}</row>`);
  }
  const { xlsxOf } = await import('../bench/hostile-files');
  writeFileSync(join(dir, 'slow.xlsx'), xlsxOf([{ name: '大表', rows: rows.join('') }]));
  const before = hashes(dir);
  const result = await cli(dir, '--timeout', '20', '--jobs', '1', '--format', 'json');
  expect(result.code).toBe(2);
  const files: { file: string; error?: string; findings: unknown[] }[] = JSON.parse(result.stdout).files;
  expect(files.find((f) => f.file.endsWith('slow.xlsx'))!.error).toBe(
    '文件过大或超时：检查超过 20 秒，已停止 (too large or too slow: stopped after 20 s; see --timeout)',
  );
  // One worker: the good file was checked after the slow one was stopped, by a fresh worker.
  expect(files.find((f) => f.file.endsWith('good.xlsx'))!.findings.length).toBeGreaterThan(0);
  expect(hashes(dir)).toEqual(before);
});

describe('outputs never touch inputs', () => {
  let root: string;
  let input: string;
  beforeEach(async () => {
    root = tempDir();
    input = join(root, 'in');
    mkdirSync(join(input, 'sub'), { recursive: true });
    await writeWorkbook(GOOD, join(input, 'a.xlsx'));
    copyFileSync(join(input, 'a.xlsx'), join(input, 'b.xlsx'));
    copyFileSync(join(input, 'a.xlsx'), join(input, 'sub', 'a.xlsx'));
  });

  const refused = async (args: string[], message: string) => {
    const before = hashes(root);
    const result = await cli(...args);
    expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining(message) });
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(hashes(root)).toEqual(before);
  };

  test('a --report inside a checked folder, or on an input (even with --force), is refused before anything is read', async () => {
    await refused([input, '--report', join(input, 'b.xlsx')], '--report would overwrite the input');
    await refused([input, '--report', join(input, 'new.xlsx')], '--report lies inside the checked folder');
    await refused([join(input, 'b.xlsx'), '--report', join(input, 'b.xlsx'), '--force'], 'would overwrite the input');
    // The same file by another name: a symbolic link to the input.
    symlinkSync(join(input, 'b.xlsx'), join(root, 'link.xlsx'));
    await refused([join(input, 'b.xlsx'), '--report', join(root, 'link.xlsx'), '--force'], 'would overwrite the input');
  });

  test('--annotate into a sub-folder of a checked folder is refused: in/sub/a.xlsx is neither dropped nor overwritten', async () => {
    await refused([input, '--annotate', join(input, 'sub')], '--annotate lies inside the checked folder');
  });

  test('an existing --report or copy is replaced only with --force; a folder as --report is refused', async () => {
    const report = join(root, 'summary.xlsx');
    writeFileSync(report, 'older summary');
    await refused([join(input, 'a.xlsx'), '--report', report], '已存在，未覆盖；要替换它请加 --force');
    const forced = await cli(join(input, 'a.xlsx'), '--report', report, '--force');
    expect(forced.code).toBe(1);
    expect(readFileSync(report).subarray(0, 2).toString()).toBe('PK');
    mkdirSync(join(root, 'folder.xlsx'));
    await refused([join(input, 'a.xlsx'), '--report', join(root, 'folder.xlsx'), '--force'], '--report names a folder');
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.xlsx'), 'older copy');
    await refused([join(input, 'a.xlsx'), '--annotate', out], '--annotate 的 1 个副本已存在');
  });

  test('a report that cannot be written: one line, exit 2, the results printed all the same, no file left behind', async () => {
    const blocker = join(root, 'not-a-folder');
    writeFileSync(blocker, 'a file where the report’s folder should be');
    const before = hashes(input);
    const result = await cli(input, '--report', join(blocker, 'summary.xlsx'), '--format', 'json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^budget-check: 无法写入汇总报告 ${join(blocker, 'summary.xlsx')} \\(cannot write the summary report: .+\\)\\n$`,
      ),
    );
    const files: { file: string; findings: unknown[] }[] = JSON.parse(result.stdout).files;
    expect(files.map((f) => f.file).sort()).toEqual(['a.xlsx', 'b.xlsx', 'sub/a.xlsx'].map((f) => join(input, f)));
    expect(files.every((f) => f.findings.length > 0)).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['in', 'not-a-folder']);
    expect(hashes(input)).toEqual(before);
  });
});

describe('file names and folders', () => {
  test('a GBK file name (a zip from Chinese Windows unpacked on Linux) is checked and shown decoded', async () => {
    const dir = tempDir();
    await writeWorkbook(GOOD, join(dir, 'source.xlsx'));
    // "预算.xlsx" in GBK: not valid UTF-8.
    const gbk = Buffer.concat([Buffer.from([0xd4, 0xa4, 0xcb, 0xe3]), Buffer.from('.xlsx')]);
    const path = Buffer.concat([Buffer.from(`${dir}/`), gbk]);
    writeFileSync(path, readFileSync(join(dir, 'source.xlsx')));
    const before = sha256(path);
    const result = await cli(dir, '--format', 'json');
    const files: { file: string; error?: string; findings: unknown[] }[] = JSON.parse(result.stdout).files;
    const decoded = files.find((f) => f.file === join(dir, '预算.xlsx'))!;
    expect(decoded.error).toBeUndefined();
    expect(decoded.findings.length).toBeGreaterThan(0);
    expect(sha256(path)).toBe(before);
  });

  test('a symbolic link to a folder is followed once; a link back up does not loop', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'real'));
    mkdirSync(join(root, 'in'));
    await writeWorkbook(GOOD, join(root, 'real', 'linked.xlsx'));
    symlinkSync(join(root, 'real'), join(root, 'in', 'shortcut'));
    symlinkSync(join(root, 'in'), join(root, 'real', 'back-up'));
    const result = await cli(join(root, 'in'), '--format', 'json');
    const files: { file: string }[] = JSON.parse(result.stdout).files;
    expect(files.map((f) => f.file)).toEqual([join(root, 'in', 'shortcut', 'linked.xlsx')]);
  });

  test('control characters in a file name never reach the terminal', async () => {
    const dir = tempDir();
    const name = 'a\u001b[2J\u001b]0;pwned\u0007\r\u202eb.xlsx';
    writeFileSync(join(dir, name), 'not a workbook');
    const result = await cli(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `budget-check: ${join(dir, 'a[2J]0;pwnedb.xlsx')}: 不是 .xlsx 文件 (not an .xlsx file)\n`,
    );
    // eslint-disable-next-line no-control-regex
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  });
});

test('an annotated .xlsm is written as .xlsx (Excel refuses a .xlsm without macros), with a note that macros were not carried', async () => {
  const root = tempDir();
  mkdirSync(join(root, 'in'));
  await writeWorkbook(GOOD, join(root, 'plain.xlsx'));
  const parts = unzipSync(readFileSync(join(root, 'plain.xlsx')));
  parts['xl/vbaProject.bin'] = strToU8('macro bytes');
  const xlsm = join(root, 'in', '宏.xlsm');
  writeFileSync(xlsm, zipSync(parts));
  const before = sha256(xlsm);
  const out = join(root, 'out');
  const result = await cli(join(root, 'in'), '--annotate', out, '--format', 'json');
  expect(result.code).toBe(1);
  expect(readdirSync(out)).toEqual(['宏.xlsx']);
  const file = (JSON.parse(result.stdout) as { files: { notes: string[]; findings: unknown[] }[] }).files[0]!;
  expect(file.notes).toEqual([
    '标注副本保存为 .xlsx，未保留宏 (the annotated copy is an .xlsx: macros were not carried over)',
  ]);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(join(out, '宏.xlsx'));
  expect(copy.getWorksheet('检查结果')!.rowCount).toBe(1 + file.findings.length);
  expect(Object.keys(unzipSync(readFileSync(join(out, '宏.xlsx')))).some((p) => /vbaProject/.test(p))).toBe(false);
  expect(sha256(xlsm)).toBe(before);
  expect(existsSync(join(out, '.宏.xlsx.budget-check.tmp'))).toBe(false);
});
