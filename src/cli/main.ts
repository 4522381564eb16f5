#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_KINDS, Config, Locale, LOCALES, parseConfig, ruleOptionsOf, RuleOptionsError } from '../validation';
import { FileResult, formatJson, formatText, printable } from './format';
import { annotatedCopyPaths, writeFileAtomically } from './annotate';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, checkFiles, progressBar } from './batch';
import { explainFile } from './explain';
import { expandInputs } from './inputs';
import { outputProblem } from './outputs';
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
       [--report summary.xlsx] [--annotate <folder>] [--force] [--jobs N] [--timeout 秒 seconds] [--max-memory MB]

检查 .xlsx 工作簿中的预算绩效目标表和部门预算公开表。
Checks budget performance-target and budget-disclosure tables in .xlsx workbooks.

模板 Templates: budget-check template --list | budget-check template <name> -o file.xlsx
识别说明 Explain: budget-check --explain file.xlsx  列出识别到的表格、各列的表头路径与角色、核对的关系和未识别的内容
  (what recognition found: tables, each column's header path and role, the identities checked, what was left out)

输出从不覆盖输入；已有文件须加 --force 才覆盖。Outputs never replace an input; an existing file only with --force.
每个文件单独检查，超过 --timeout（默认 ${DEFAULT_TIMEOUT_SECONDS} 秒）或 --max-memory（默认 ${DEFAULT_MEMORY_MB} MB）即停止并报告该文件。
Each file is checked alone and stopped past --timeout (default ${DEFAULT_TIMEOUT_SECONDS} s) or --max-memory (default ${DEFAULT_MEMORY_MB} MB).

退出码 Exit codes: 0 无错误 no error finding · 1 有错误 error findings · 2 用法错误或文件无法读取 usage error or unreadable input`;

export class UsageError extends Error {}

/** The progress bar is for people at a terminal, never for pipes and CI logs. */
function isTTY(): boolean {
  return process.stderr.isTTY;
}

interface CliOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  config: Config;
  report?: string;
  annotate?: string;
  force: boolean;
  jobs?: number;
  timeoutSeconds: number;
  memoryMb: number;
  /** Print what recognition made of each file instead of checking it. */
  explain: boolean;
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
        force: { type: 'boolean' },
        timeout: { type: 'string' },
        'max-memory': { type: 'string' },
        explain: { type: 'boolean' },
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
  if (!LOCALES.includes(locale)) throw new UsageError(`--locale must be zh-CN or en-US, not "${locale}"`);
  if (parsed.positionals.length === 0) throw new UsageError('no file or folder given');
  let config = parseConfig({});
  if (parsed.values.config) config = await loadConfig(parsed.values.config);
  const jobs = parsed.values.jobs === undefined ? undefined : Number(parsed.values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(`--jobs must be a whole number ≥ 1, not "${parsed.values.jobs}"`);
  const report = parsed.values.report;
  if (report !== undefined && extname(report).toLowerCase() !== '.xlsx')
    throw new UsageError(`--report must name an .xlsx file, not "${report}"`);
  const timeoutSeconds = positiveNumber(parsed.values.timeout, '--timeout', DEFAULT_TIMEOUT_SECONDS);
  const memoryMb = positiveNumber(parsed.values['max-memory'], '--max-memory', DEFAULT_MEMORY_MB);
  return {
    paths: parsed.positionals,
    format,
    locale,
    config,
    report,
    annotate: parsed.values.annotate,
    force: parsed.values.force === true,
    jobs,
    timeoutSeconds,
    memoryMb,
    explain: parsed.values.explain === true,
  };
}

function positiveNumber(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${option} must be a number > 0, not "${text}"`);
  return value;
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
    const unknown = Object.keys(config.rules).filter((id) => !ALL_KINDS.some((rule) => rule.id === id));
    if (unknown.length > 0) {
      throw new UsageError(
        `${file}: unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}; the rules are: ${ALL_KINDS.map((r) => r.id).join(', ')}`,
      );
    }
    try {
      ruleOptionsOf(config);
    } catch (optionsError) {
      if (optionsError instanceof RuleOptionsError) throw new UsageError(`${file}: ${optionsError.message}`);
      throw optionsError;
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
  await writeFileAtomically(output, (temporary) => workbook.xlsx.writeFile(temporary));
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
  // Every input is listed before anything else happens: outputs are checked against all of them, never filtered out.
  const { files, folders } = await expandInputs(options.paths);
  if (files.length === 0) {
    err(`budget-check: no .xlsx file found in ${options.paths.map(printable).join(', ')}\n`);
    return 2;
  }
  // Each checked file's copy is written by whoever checked it, from the workbook it already read, at these paths.
  const annotatedCopies = options.annotate
    ? annotatedCopyPaths(
        files.map((f) => f.name),
        options.annotate,
      )
    : undefined;
  const refused = outputProblem({
    inputs: files,
    folders,
    report: options.report,
    annotate: options.annotate,
    annotatedCopies,
    force: options.force,
  });
  if (refused) {
    err(`budget-check: ${refused}\n`);
    return 2;
  }
  if (options.explain) {
    let code = 0;
    for (const file of files) {
      try {
        out(await explainFile(file, options.locale));
      } catch (error) {
        err(`budget-check: ${printable(file.name)}: ${error instanceof Error ? error.message : String(error)}\n`);
        code = 2;
      }
    }
    return code;
  }
  const progress = isTTY() ? progressBar(err) : undefined;
  const results: FileResult[] = await checkFiles(files, options.config, options.locale, {
    jobs: options.jobs,
    onProgress: progress,
    annotatedCopies,
    timeoutSeconds: options.timeoutSeconds,
    memoryMb: options.memoryMb,
  });
  for (const result of results) {
    if (result.error) err(`budget-check: ${printable(result.file)}: ${result.error}\n`);
    for (const note of result.notes ?? []) err(`budget-check: ${printable(result.file)}: ${note}\n`);
    if (result.annotationError) err(`budget-check: ${printable(result.file)}: ${result.annotationError}\n`);
  }
  // The results are printed before any report is written: a report that cannot be written loses nothing.
  if (options.format === 'sarif')
    out(`${JSON.stringify(toSarif(results, options.locale, packageVersion()), null, 2)}\n`);
  else out(options.format === 'json' ? formatJson(results) : formatText(results, options.locale));
  let code = results.some((r) => r.error || r.annotationError)
    ? 2
    : results.some((r) => r.report!.summary.error > 0)
      ? 1
      : 0;
  if (options.report) {
    try {
      await writeFileAtomically(options.report, (temporary) =>
        writeSummaryWorkbook(results, temporary, options.locale),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      err(`budget-check: 无法写入汇总报告 ${printable(options.report)} (cannot write the summary report: ${reason})\n`);
      code = 2;
    }
  }
  return code;
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
