/**
 * A reviewer's intake: many workbooks at once across workers, with bad files among them. Each bad file
 * gets its one clear message and exit code 2, the others are still checked, the inputs are never
 * modified, and text that a spreadsheet could run as a formula is neutralized in what we write.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { writeWorkbook } from '../scripts/examples/render';
import { Worker } from 'node:worker_threads';
import { annotatedCopyPaths } from '../src/cli/annotate';
import { checkFile, checkFiles, runOnWorker } from '../src/cli/batch';
import { annotateWorkbook } from '../src/xlsx/annotate-workbook';
import { safeText } from '../src/xlsx/export-safety';
import { hyperlinkFormula } from '../src/cli/report-xlsx';
import { parseConfig, type Finding } from '../src/validation';
import { OLE_HEADER, claimUncompressedSize, cli, writeExamples } from './cli-helpers';
import { tempDir } from './helpers';

// Every file is checked in a worker of its own: a worker starting on a busy 2-core machine takes seconds.
jest.setTimeout(120_000);

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let intake: string;

beforeAll(async () => {
  intake = join(tempDir(), 'intake');
  mkdirSync(join(intake, '乡镇'), { recursive: true });
  await writeExamples(intake);
  copyFileSync(join(intake, EXAMPLE_WORKBOOKS[2]!.file), join(intake, '乡镇', 'copy-003.xlsx'));
  writeFileSync(join(intake, 'notes.xlsx'), '这不是表格');
  writeFileSync(
    join(intake, 'truncated.xlsx'),
    readFileSync(join(intake, EXAMPLE_WORKBOOKS[0]!.file)).subarray(0, 2000),
  );
  writeFileSync(join(intake, 'protected.xlsx'), Buffer.concat([OLE_HEADER, Buffer.alloc(1024)]));
  writeFileSync(join(intake, 'bomb.xlsx'), await zipClaimingSize(8 * 1024 * 1024 * 1024));
  // Formula errors, merged cells across two tables, a sheet name with quotes and an emoji, text that looks like a formula.
  await writeWorkbook(
    {
      file: 'odd.xlsx',
      description: 'odd but readable',
      sheets: [
        {
          name: "O'Brien 😀 表",
          rows: [
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            ['合计', null, { error: '#REF!' }, 60, 40],
            ['201', '=HYPERLINK("http://x","点我")', 100, 60, 40],
            ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
            ['产出指标', '数量指标', '培训人数', '≥100人', 95],
          ],
          merges: ['B3:B4'],
        },
        {
          name: '+cmd',
          rows: [
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            ['201', '一般公共服务支出', 100, 60, 45],
          ],
        },
      ],
    },
    join(intake, '=SUM(1).xlsx'),
  );
});

/** A small valid zip whose central directory claims an absurd uncompressed size. */
async function zipClaimingSize(bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('workbook.xml', 'x'.repeat(1000));
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  claimUncompressedSize(buffer, Math.min(bytes, 0xfffffffe));
  return buffer;
}

test('a worker that dies (out of memory, a crash) or runs out of time is reported for its file, never silently lost', async () => {
  const config = parseConfig({});
  const job = (name: string) => ({ name, path: name, config, locale: 'zh-CN' as const });
  const exits = new Worker('process.exit(3)', { eval: true });
  await expect(runOnWorker(exits, job('huge.xlsx'))).resolves.toEqual({
    result: { file: 'huge.xlsx', error: '检查进程意外退出 (checker exited with code 3)' },
    workerDied: true,
  });
  const throws = new Worker(
    "require('worker_threads').parentPort.on('message', () => { throw new Error('JavaScript heap out of memory'); })",
    { eval: true },
  );
  const outcome = await runOnWorker(throws, job('big.xlsx'), { timeoutSeconds: 60, memoryMb: 512 });
  expect(outcome).toEqual({
    result: {
      file: 'big.xlsx',
      error:
        '文件过大或超时：检查所需内存超过 512 MB，已停止 (too large or too slow: over the 512 MB memory limit; see --max-memory)',
    },
    workerDied: true,
  });
  await throws.terminate();
  const hangs = new Worker("require('worker_threads').parentPort.on('message', () => { for (;;); })", { eval: true });
  const slow = await runOnWorker(hangs, job('slow.xlsx'), { timeoutSeconds: 0.5, memoryMb: 512 });
  expect(slow).toEqual({
    result: {
      file: 'slow.xlsx',
      error: '文件过大或超时：检查超过 0.5 秒，已停止 (too large or too slow: stopped after 0.5 s; see --timeout)',
    },
    workerDied: true,
  });
  await hangs.terminate();
});

test('a folder with bad files: one clear line each, exit 2, every other file checked', async () => {
  const result = await cli(intake, '--jobs', '2');
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(4);
  expect(lines.find((l) => l.includes('notes.xlsx'))).toContain('不是 .xlsx 文件');
  expect(lines.find((l) => l.includes('truncated.xlsx'))).toContain('.xlsx 文件已损坏');
  expect(lines.find((l) => l.includes('protected.xlsx'))).toContain('文件已加密（设有打开密码）');
  expect(lines.find((l) => l.includes('bomb.xlsx'))).toContain('文件过大或超时：解压后内容过大');
  expect(result.stdout).toMatch(/共检查 6 个文件：\d+ 个错误，\d+ 个警告，\d+ 个提示；另有 4 个文件无法读取/);
  // The odd file: the #REF! and the weights are reported on the sheet with quotes and an emoji.
  const odd = result.stdout.split('\n\n').find((b) => b.includes('=SUM(1).xlsx  检查了'))!;
  expect(odd.split('\n')).toContain(
    "  'O''Brien 😀 表'!C2  错误  单元格为错误值  单元格为错误值 #REF!，该表的合计无法核对，请修正公式",
  );
});

test('one worker and three give the same results as checking in this thread, in the order of the files', async () => {
  const files = readdirSync(intake)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(intake, f));
  const config = parseConfig({});
  const parallel = await checkFiles(files, config, 'zh-CN', { jobs: 3 });
  const serial = await checkFiles(files, config, 'zh-CN', { jobs: 1 });
  const inThread = [];
  for (const file of files) inThread.push(await checkFile(file, config, 'zh-CN'));
  expect(parallel.map((r) => r.file)).toEqual(files);
  expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  expect(JSON.stringify(serial)).toBe(JSON.stringify(inThread));
});

test('--report and --annotate: the inputs are byte-for-byte unchanged; copies go elsewhere, highlighted, with a findings sheet', async () => {
  const files = [...readdirSync(intake).map((f) => join(intake, f)), join(intake, '乡镇', 'copy-003.xlsx')].filter(
    (f) => f.endsWith('.xlsx'),
  );
  const before = files.map(sha256);
  const out = tempDir();
  const report = join(out, 'summary.xlsx');
  const result = await cli(intake, '--report', report, '--annotate', join(out, 'annotated'));
  expect(result.code).toBe(2);
  expect(files.map(sha256)).toEqual(before);

  const annotated = new ExcelJS.Workbook();
  await annotated.xlsx.readFile(join(out, 'annotated', EXAMPLE_WORKBOOKS[2]!.file));
  const cell = annotated.getWorksheet('项目支出绩效目标申报表')!.getCell('L30');
  expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
  // The note names the severity and the rule in words, never the rule id.
  expect(JSON.stringify(cell.note)).toContain('【错误 · 权重合计不为 100】');
  expect(JSON.stringify(cell.note)).not.toContain('weight/sum');
  // The addends of the total are filled lighter; a cell outside the finding is not filled at all.
  const sheet = annotated.getWorksheet('项目支出绩效目标申报表')!;
  expect(sheet.getCell('L31').fill).toMatchObject({ fgColor: { argb: 'FFFDECEE' } });
  expect((sheet.getCell('L29').fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
  const results = annotated.getWorksheet('检查结果')!;
  expect(results.rowCount).toBeGreaterThan(1);
  // The findings sheet comes first, its header frozen and filterable, and the copy opens on it.
  expect(annotated.worksheets[0]!.name).toBe('检查结果');
  expect(results.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(results.autoFilter).toBe('A1:D1');
  expect(results.getRow(2).getCell(3).text).not.toMatch(/^[a-z]+\//);
  // Severities in the words of the summary and the pane, not rule-engine ids.
  const severities = new Set(results.getRows(2, results.rowCount - 1)!.map((row) => row.getCell(2).text));
  for (const severity of severities) expect(['错误', '警告', '提示']).toContain(severity);
  expect(severities.has('错误')).toBe(true);
  // Inputs in sub-folders keep their place under the annotation folder.
  expect(readdirSync(join(out, 'annotated', '乡镇'))).toEqual(['copy-003.xlsx']);

  const summary = new ExcelJS.Workbook();
  await summary.xlsx.readFile(report);
  const findings = summary.getWorksheet('问题清单')!;
  const locations = findings
    .getRows(2, findings.rowCount - 1)!
    .map((row) => (row.getCell(2).value as ExcelJS.CellFormulaValue).result as string);
  // Text from the checked files that starts like a formula ("+cmd!C2") is written so no spreadsheet can run it.
  expect(locations).toContain("'+cmd!C2");
  expect(locations.filter((text) => /^[=+\-@]/.test(text))).toEqual([]);
  const link = (findings.getRow(2).getCell(2).value as ExcelJS.CellFormulaValue).formula;
  expect(link).toMatch(/^HYPERLINK\("\.\/\.\.\/[^"/]+\/intake\/[^"]+\.xlsx#'.+'!\w+\d+","[^"]+!\w+\d+"\)$/);
  expect(findings.getRow(2).getCell(4).text).not.toMatch(/^[a-z]+\//);
  const perFile = summary.getWorksheet('文件汇总')!;
  // 文件汇总 first, printed A4 landscape one page wide, header frozen and filterable.
  expect(summary.worksheets.map((w) => w.name)).toEqual(['文件汇总', '问题清单']);
  expect(perFile.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
  expect(perFile.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(perFile.rowCount).toBe(1 + 10);
  const statuses = perFile.getRows(2, 10)!.map((row) => row.getCell(6).text);
  expect(statuses.filter((s) => s.startsWith('无法读取：'))).toHaveLength(4);
  expect(statuses).not.toContain('通过');
  // Each checked file links to its first finding in 问题清单.
  const links = perFile
    .getRows(2, 10)!
    .map((row) => row.getCell(7).value as ExcelJS.CellHyperlinkValue | null)
    .filter((v): v is ExcelJS.CellHyperlinkValue => typeof v === 'object' && v !== null && 'hyperlink' in v);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    const row = Number(/!A(\d+)$/.exec(link.hyperlink)![1]);
    expect(link.hyperlink).toBe(`#'问题清单'!A${row}`);
    expect(link.text).toMatch(/^查看 \d+ 处$/);
  }
});

test('--annotate into the inputs’ own folder is refused before anything is written', async () => {
  const folder = join(tempDir(), 'self');
  mkdirSync(folder);
  const file = join(folder, 'a.xlsx');
  copyFileSync(join(intake, EXAMPLE_WORKBOOKS[2]!.file), file);
  const before = sha256(file);
  const result = await cli(file, '--annotate', folder);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(
    `budget-check: --annotate 会覆盖被检查的文件 ${file}，请另选文件夹 (--annotate would overwrite the input ${file}: choose another folder)\n`,
  );
  expect(result.stdout).toBe('');
  expect(sha256(file)).toBe(before);
});

test('an unreadable input inside the --annotate folder is never overwritten by another input’s copy', async () => {
  const root = tempDir();
  mkdirSync(join(root, 'in', 'sub'), { recursive: true });
  mkdirSync(join(root, 'out'));
  copyFileSync(join(intake, EXAMPLE_WORKBOOKS[2]!.file), join(root, 'in', 'sub', 'a.xlsx'));
  // Same file name as the readable input, in the annotation folder, and not a workbook.
  const bystander = join(root, 'out', 'a.xlsx');
  writeFileSync(bystander, '这不是表格');
  const before = sha256(bystander);
  const result = await cli(join(root, 'in', 'sub', 'a.xlsx'), bystander, '--annotate', join(root, 'out'));
  expect(result.code).toBe(2);
  expect(sha256(bystander)).toBe(before);
  // The copy keeps the layout of all the inputs, the unreadable one included.
  expect(readdirSync(join(root, 'out', 'in', 'sub'))).toEqual(['a.xlsx']);
});

/** The .xlsx files under `dir`, as paths relative to it, sorted. */
const xlsxUnder = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();

/** Every part of an .xlsx by name, as text: two workbooks with the same parts are the same workbook. */
async function xlsxParts(bytes: Buffer | ExcelJS.Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const entry of Object.values(zip.files)) if (!entry.dir) parts[entry.name] = await entry.async('string');
  return parts;
}

test('--annotate with --jobs 2: every file that was checked gets its copy, with its findings in the findings sheet', async () => {
  const out = join(tempDir(), 'annotated');
  const result = await cli(intake, '--annotate', out, '--jobs', '2', '--format', 'json');
  expect(result.code).toBe(2);
  const files: { file: string; error?: string; findings: unknown[] }[] = JSON.parse(result.stdout).files;
  const checked = files.filter((f) => !f.error);
  expect(checked).toHaveLength(6);
  // Unreadable inputs get no copy; the readable ones keep their place under the annotation folder.
  expect(xlsxUnder(out)).toEqual(checked.map((f) => relative(intake, f.file)).sort());
  for (const { file, findings } of checked) {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(out, relative(intake, file)));
    expect(copy.getWorksheet('检查结果')?.rowCount).toBe(1 + findings.length);
  }
});

test('--annotate: --jobs 1 and --jobs 2 write the same copies as annotating a fresh read of each input', async () => {
  const folder = join(tempDir(), 'in');
  mkdirSync(folder);
  await writeExamples(folder);
  const copies: Record<string, Record<string, Record<string, string>>> = {};
  for (const jobs of ['1', '2']) {
    const out = join(tempDir(), `annotated-${jobs}`);
    const result = await cli(folder, '--annotate', out, '--jobs', jobs, '--locale', 'en-US');
    expect(result.code).toBe(1);
    copies[jobs] = {};
    for (const name of xlsxUnder(out)) copies[jobs][name] = await xlsxParts(readFileSync(join(out, name)));
  }
  expect(Object.keys(copies['1']!)).toEqual(EXAMPLE_WORKBOOKS.map((spec) => spec.file).sort());
  expect(copies['2']).toEqual(copies['1']);
  // The findings and the locale are those of the check: the same copy as re-reading the input and annotating it.
  const json = JSON.parse((await cli(folder, '--format', 'json', '--locale', 'en-US')).stdout) as {
    files: { file: string; findings: Finding[] }[];
  };
  for (const { file, findings } of json.files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    annotateWorkbook(workbook, findings, 'en-US');
    expect(copies['1']![relative(folder, file)]).toEqual(await xlsxParts(await workbook.xlsx.writeBuffer()));
  }
  expect(
    Object.values(copies['1']!).every((parts) => Object.values(parts).some((xml) => xml.includes('name="Findings"'))),
  ).toBe(true);
});

test('a copy that cannot be written is reported for its file, exit 2; the other copies are written and the input is untouched', async () => {
  const folder = join(tempDir(), 'in');
  mkdirSync(folder);
  await writeExamples(folder);
  const inputs = EXAMPLE_WORKBOOKS.map((spec) => join(folder, spec.file));
  const before = inputs.map(sha256);
  const blocked = EXAMPLE_WORKBOOKS[2]!.file;
  for (const jobs of ['1', '2']) {
    const out = join(tempDir(), 'annotated');
    // A folder where the copy should go: the copy cannot be written there (even with --force).
    mkdirSync(join(out, blocked), { recursive: true });
    const result = await cli(folder, '--annotate', out, '--jobs', jobs, '--force');
    expect(result.code).toBe(2);
    const message = `^budget-check: ${escapeRegExp(join(folder, blocked))}: 无法写入标注副本 .+ \\(cannot write the annotated copy: .+\\)$`;
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(message))]);
    // The file was checked all the same: its findings are printed, and it is not counted as unreadable.
    expect(result.stdout).toContain(`${join(folder, blocked)}  `);
    expect(result.stdout.trim().split('\n').pop()).toMatch(/^共检查 4 个文件：[^；]+$/);
    expect(statSync(join(out, blocked)).isDirectory()).toBe(true);
    for (const name of EXAMPLE_WORKBOOKS.map((spec) => spec.file).filter((name) => name !== blocked)) {
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(join(out, name));
      expect(copy.getWorksheet('检查结果')!.rowCount).toBeGreaterThan(1);
    }
    expect(inputs.map(sha256)).toEqual(before);
  }
  // JSON says it for the file, beside its findings.
  const jsonOut = join(tempDir(), 'annotated');
  mkdirSync(join(jsonOut, blocked), { recursive: true });
  const json = await cli(folder, '--annotate', jsonOut, '--format', 'json', '--force');
  expect(json.code).toBe(2);
  const jsonFiles: { file: string; annotationError?: string; findings: unknown[] }[] = JSON.parse(json.stdout).files;
  expect(jsonFiles.filter((f) => f.annotationError).map((f) => f.file)).toEqual([join(folder, blocked)]);
  expect(jsonFiles.find((f) => f.annotationError)!.findings.length).toBeGreaterThan(0);
  // SARIF says it too, so that CI does not take the run for a success.
  const out = join(tempDir(), 'annotated');
  mkdirSync(join(out, blocked), { recursive: true });
  const sarif = await cli(folder, '--annotate', out, '--jobs', '2', '--format', 'sarif', '--force');
  expect(sarif.code).toBe(2);
  const invocation = JSON.parse(sarif.stdout).runs[0].invocations[0];
  expect(invocation.executionSuccessful).toBe(false);
  const notifications: string[] = invocation.toolExecutionNotifications.map(
    (n: { message: { text: string } }) => n.message.text,
  );
  expect(notifications).toEqual([expect.stringContaining('无法写入标注副本')]);
});

test('an input listed twice (its folder and itself) gets one copy, written once: workers never write the same file together', async () => {
  const folder = join(tempDir(), 'in');
  mkdirSync(folder);
  const file = join(folder, 'a.xlsx');
  copyFileSync(join(intake, EXAMPLE_WORKBOOKS[2]!.file), file);
  const out = join(tempDir(), 'annotated');
  expect(annotatedCopyPaths([file, join(folder, '.', 'a.xlsx'), file], out)).toEqual([
    join(out, 'a.xlsx'),
    undefined,
    undefined,
  ]);
  // The same file under a name that differs only in case (one file on a disk that ignores case): one copy.
  linkSync(file, join(folder, 'A.xlsx'));
  expect(annotatedCopyPaths([file, join(folder, 'A.xlsx')], out)).toEqual([join(out, 'a.xlsx'), undefined]);
  unlinkSync(join(folder, 'A.xlsx'));
  const result = await cli(folder, file, '--annotate', out, '--jobs', '2');
  expect(result.code).toBe(1);
  expect(xlsxUnder(out)).toEqual(['a.xlsx']);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(join(out, 'a.xlsx'));
  expect(copy.getWorksheet('检查结果')!.rowCount).toBeGreaterThan(1);
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a sheet used down to Excel’s last row (1,048,576) is checked, not a crash or a hang', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('大表');
  sheet.getCell('A1').value = '科目编码';
  sheet.getCell('B1').value = '科目名称';
  sheet.getCell('C1').value = '合计';
  sheet.getCell('A2').value = '合计';
  sheet.getCell('C2').value = 5;
  sheet.getCell('A3').value = '201';
  sheet.getCell('C3').value = 5;
  sheet.getCell('A1048576').value = 1;
  sheet.getCell('C1048576').value = 2;
  const file = join(tempDir(), 'million.xlsx');
  await workbook.xlsx.writeFile(file);
  const result = await cli(file, '--format', 'json');
  expect(result.code).toBe(0);
  const findings = JSON.parse(result.stdout).files[0].findings;
  // The stray numbers far below are said to be unchecked, at their real address.
  expect(findings.map((f: { ruleId: string; cell: string }) => `${f.ruleId} ${f.cell}`)).toEqual([
    'structure/unrecognized A1048576',
  ]);
});

/** A minimal .xlsx written directly (exceljs takes minutes to write a million rows): one sheet, the given rows XML. */
async function xlsxWithSheetXml(sheetName: string, rowsXml: string): Promise<Buffer> {
  const zip = new JSZip();
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rels = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const officeRels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${rels}"><Relationship Id="rId1" Type="${officeRels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${officeRels}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${rels}"><Relationship Id="rId1" Type="${officeRels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${main}"><sheetData>${rowsXml}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

test('a dense sheet of 1,048,576 filled rows is read to the last row, the unchecked numbers named, nothing checked', async () => {
  const rows: string[] = [];
  for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r % 97}</v></c></row>`);
  const file = join(tempDir(), 'dense-million.xlsx');
  writeFileSync(file, await xlsxWithSheetXml('百万行', rows.join('')));
  const result = await cli(file, '--format', 'json');
  // No table in a column of numbers: said on stderr, and exit 2 (nothing was checked), not 0.
  expect(result.stderr).toBe(
    `budget-check: ${file}: 未识别到可检查的表格，未作检查 (no table recognized: nothing was checked)\n`,
  );
  expect(result.code).toBe(2);
  const findings = JSON.parse(result.stdout).files[0].findings;
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ ruleId: 'structure/unrecognized', sheet: '百万行', cell: 'A1' });
  expect(findings[0].message).toContain('A1:A1048576');
}, 180_000);

test('outputs inside a checked folder are refused before anything is read or written', async () => {
  const folder = join(tempDir(), 'in');
  mkdirSync(folder);
  copyFileSync(join(intake, EXAMPLE_WORKBOOKS[2]!.file), join(folder, 'a.xlsx'));
  const before = sha256(join(folder, 'a.xlsx'));
  const annotate = await cli(folder, '--annotate', join(folder, 'checked'));
  expect(annotate.code).toBe(2);
  expect(annotate.stderr).toContain('--annotate lies inside the checked folder');
  const report = await cli(folder, '--report', join(folder, 'out', 'summary.xlsx'), '--force');
  expect(report.code).toBe(2);
  expect(report.stderr).toContain('--report lies inside the checked folder');
  expect(readdirSync(folder)).toEqual(['a.xlsx']);
  expect(sha256(join(folder, 'a.xlsx'))).toBe(before);
  // Outside the folder, the report's folder is created.
  const elsewhere = join(tempDir(), 'deep', 'er', 'summary.xlsx');
  expect((await cli(folder, '--report', elsewhere)).code).toBe(1);
  expect(statSync(elsewhere).size).toBeGreaterThan(0);
});

test('a progress bar on a terminal, none when stderr is not one', async () => {
  const original = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  const runWithTerminal = async (isTTY: boolean) => {
    Object.defineProperty(process.stderr, 'isTTY', { value: isTTY, configurable: true });
    try {
      return await cli(join(intake, EXAMPLE_WORKBOOKS[1]!.file));
    } finally {
      if (original) Object.defineProperty(process.stderr, 'isTTY', original);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  };
  expect((await runWithTerminal(false)).stderr).not.toContain('检查中');
  expect((await runWithTerminal(true)).stderr).toContain('检查中');
});

test('report links are relative ("./…") and escape "#", "%", "\\" and quotes in paths and sheet names', () => {
  expect(hyperlinkFormula('预算 #1 100%/a.xlsx', "O'Brien", 'B7', "O'Brien!B7")).toBe(
    `HYPERLINK("./预算 %231 100%25/a.xlsx#'O''Brien'!B7","O'Brien!B7")`,
  );
  expect(hyperlinkFormula('a"b.xlsx', '表', 'A1', '表!A1')).toBe('HYPERLINK("./a""b.xlsx#\'表\'!A1","表!A1")');
  // A file named like a share on a Linux disk never becomes a link to a host.
  expect(hyperlinkFormula('\\\\host\\share\\x.xlsx', '表', 'A1', '表!A1')).toBe(
    'HYPERLINK("./%5C%5Chost%5Cshare%5Cx.xlsx#\'表\'!A1","表!A1")',
  );
});

test('formula-looking text is neutralized', () => {
  expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '正常文本', '“=”'].map(safeText)).toEqual([
    "'=1+1",
    "'+1",
    "'-1",
    "'@SUM(A1)",
    "'\tx",
    '正常文本',
    '“=”',
  ]);
});
