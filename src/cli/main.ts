#!/usr/bin/env node
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_RULES, Config, Locale, LOCALES, parseConfig } from '../validation';
import { FileResult, formatJson, formatText } from './format';
import { annotatedCopyPaths, annotationConflicts } from './annotate';
import { checkFiles, progressBar } from './batch';
import { writeSummaryWorkbook } from './report-xlsx';
import { toSarif } from './sarif';
import { renderPlan } from './template';
import ExcelJS from 'exceljs';
import { buildPlan } from '../templates/build';
import { TEMPLATES, templateById } from '../templates/definitions';

/** The version in budget-check's package.json, found from here whether run from src/ (tests) or dist/. */
function packageVersion(): string {
  for (let dir = __dirname, i = 0; i < 5; dir = dirname(dir), i++) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'budget-check' && pkg.version) return pkg.version;
  }
  return '0.0.0';
}

const USAGE = `用法 Usage: budget-check <文件或文件夹 files or folders…> [--format text|json|sarif] [--locale zh-CN|en-US] [--config config.json]
       [--report summary.xlsx] [--annotate <folder>] [--jobs N]

检查 .xlsx 工作簿中的预算绩效目标表和部门预算公开表。
Checks budget performance-target and budget-disclosure tables in .xlsx workbooks.

模板 Templates: budget-check template --list | budget-check template <name> -o file.xlsx

退出码 Exit codes: 0 无错误 no error finding · 1 有错误 error findings · 2 用法错误或文件无法读取 usage error or unreadable input`;

export class UsageError extends Error {}

/** The progress bar is for people at a terminal, never for pipes and CI logs. */
function isTTY(): boolean {
  return process.stderr.isTTY === true;
}

const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et'];

interface CliOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  config: Config;
  report?: string;
  annotate?: string;
  jobs?: number;
}

export async function parseCli(argv: string[]): Promise<CliOptions | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        locale: { type: 'string', short: 'l', default: 'zh-CN' },
        config: { type: 'string', short: 'c' },
        report: { type: 'string' },
        annotate: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return 'help';
  const format = parsed.values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const locale = parsed.values.locale as Locale;
  if (!LOCALES.includes(locale)) throw new UsageError(`--locale must be zh-CN or en-US, not "${String(locale)}"`);
  if (parsed.positionals.length === 0) throw new UsageError('no file or folder given');
  let config = parseConfig({});
  if (parsed.values.config) config = await loadConfig(parsed.values.config);
  const jobs = parsed.values.jobs === undefined ? undefined : Number(parsed.values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(`--jobs must be a whole number ≥ 1, not "${parsed.values.jobs}"`);
  const report = parsed.values.report;
  if (report !== undefined && extname(report).toLowerCase() !== '.xlsx')
    throw new UsageError(`--report must name an .xlsx file, not "${report}"`);
  return { paths: parsed.positionals, format, locale, config, report, annotate: parsed.values.annotate, jobs };
}

async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: cannot read the config file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const config = parseConfig(json);
    const unknown = Object.keys(config.rules).filter((id) => !ALL_RULES.some((rule) => rule.id === id));
    if (unknown.length > 0) {
      throw new UsageError(
        `${file}: unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}; the rules are: ${ALL_RULES.map((r) => r.id).join(', ')}`,
      );
    }
    return config;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const issues = (error as { issues?: { path: (string | number)[]; message: string }[] }).issues;
    const detail = issues
      ? issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
      : String(error);
    throw new UsageError(`${file}: invalid config: ${detail}`);
  }
}

/** Files named directly are checked whatever their extension (and rejected clearly); folders give their .xlsx files. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await listWorkbooks(path)));
    else files.push(path);
  }
  return files;
}

async function listWorkbooks(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listWorkbooks(path)));
    // "~$name.xlsx" are Excel's lock files, not workbooks. .xls and WPS .et files are listed so that
    // the user is told they cannot be read, rather than have them skipped.
    else if (SPREADSHEET_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !entry.name.startsWith('~$'))
      files.push(path);
  }
  return files;
}

const TEMPLATE_USAGE = `用法 Usage: budget-check template --list
       budget-check template <模板 name> -o <文件 file.xlsx> [--force]`;

/** `budget-check template …`: the standard tables as new workbooks. */
async function runTemplate(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { list: { type: 'boolean' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    });
  } catch (error) {
    err(`budget-check: ${error instanceof Error ? error.message : String(error)}\n\n${TEMPLATE_USAGE}\n`);
    return 2;
  }
  if (parsed.values.list) {
    for (const t of TEMPLATES) out(`${t.id.padEnd(18)}${t.description['zh-CN']}  ${t.description['en-US']}\n`);
    return 0;
  }
  const [id] = parsed.positionals;
  const definition = id ? templateById(id) : undefined;
  if (!definition) {
    err(
      `budget-check: ${id ? `unknown template "${id}"` : 'no template named'}; see budget-check template --list\n\n${TEMPLATE_USAGE}\n`,
    );
    return 2;
  }
  const output = parsed.values.output;
  if (!output) {
    err(`budget-check: -o <file.xlsx> is required\n\n${TEMPLATE_USAGE}\n`);
    return 2;
  }
  if (existsSync(output) && !parsed.values.force) {
    err(`budget-check: ${output} exists; not overwritten (use --force)\n`);
    return 2;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = renderPlan(workbook, buildPlan(definition));
  await workbook.xlsx.writeFile(output);
  out(`${output}: ${sheet.name}\n`);
  return 0;
}

export async function run(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (argv[0] === 'template') return runTemplate(argv.slice(1), out, err);
  let options: CliOptions | 'help';
  try {
    options = await parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`budget-check: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    out(`${USAGE}\n`);
    return 0;
  }
  // What this run writes is never read as an input (a second run over the same folder stays clean).
  const outputs = [options.annotate, options.report].filter((p): p is string => p !== undefined).map((p) => resolve(p));
  const isOutput = (file: string) =>
    outputs.some((out) => resolve(file) === out || resolve(file).startsWith(out + sep));
  const named = new Set(options.paths.map((p) => resolve(p)));
  // Files found by scanning a folder skip our own outputs; a file the user names is always checked.
  const files = (await expandPaths(options.paths)).filter((file) => named.has(resolve(file)) || !isOutput(file));
  if (files.length === 0) {
    err(`budget-check: no .xlsx file found in ${options.paths.join(', ')}\n`);
    return 2;
  }
  // Each checked file's copy is written by whoever checked it, from the workbook it already read, at these paths.
  const annotatedCopies = options.annotate ? annotatedCopyPaths(files, options.annotate) : undefined;
  if (annotatedCopies) {
    const conflicts = annotationConflicts(files, annotatedCopies);
    if (conflicts.length > 0) {
      err(`budget-check: --annotate would overwrite the input ${conflicts[0]}: choose another folder\n`);
      return 2;
    }
  }
  if (options.report) mkdirSync(dirname(resolve(options.report)), { recursive: true });
  const progress = isTTY() ? progressBar(err) : undefined;
  const results: FileResult[] = await checkFiles(files, options.config, options.locale, {
    jobs: options.jobs,
    onProgress: progress,
    annotatedCopies,
  });
  for (const result of results) {
    if (result.error) err(`budget-check: ${result.file}: ${result.error}\n`);
    if (result.annotationError) err(`budget-check: ${result.file}: ${result.annotationError}\n`);
  }
  if (options.report) await writeSummaryWorkbook(results, options.report, options.locale);
  if (options.format === 'sarif')
    out(`${JSON.stringify(toSarif(results, options.locale, packageVersion()), null, 2)}\n`);
  else out(options.format === 'json' ? formatJson(results) : formatText(results, options.locale));
  if (results.some((r) => r.error || r.annotationError)) return 2;
  return results.some((r) => r.report!.summary.error > 0) ? 1 : 0;
}

if (require.main === module) {
  // `budget-check … | head` closes the pipe early: stop quietly, like other command-line tools.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  run(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`budget-check: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
