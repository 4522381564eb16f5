#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_KINDS, Config, Locale, LOCALES, parseConfig, ruleOptionsOf, RuleOptionsError } from '../validation';
import { FileResult, formatJson, formatText, nothingChecked, printable } from './format';
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

const USAGE = `用法 Usage: budget-check [选项 options] <文件或文件夹 files or folders…>

检查工作簿（.xlsx .xlsm）中的预算绩效目标表、部门预算公开表及其说明文字；文件夹中的工作簿逐个检查。
Checks budget performance-target and budget-disclosure tables and their texts in workbooks; folders are searched.

选项 Options:
  -f, --format text|json|sarif   输出格式（默认 text）output format (default text)
  -l, --locale zh-CN|en-US       消息语言（默认 zh-CN）language of the messages
  -c, --config <config.json>     配置：配置档、规则级别、选项、列名 profile, rule severities, options, column names
      --report <汇总.xlsx>        另存汇总工作簿（文件汇总 + 问题清单）write a summary workbook for a reviewer
      --annotate <文件夹 folder>   为每个文件另存标注副本（问题单元格着色并加批注）write annotated copies there
      --force                    允许覆盖已有的输出文件（从不覆盖输入）let outputs replace existing files (never inputs)
  -j, --jobs <N>                 同时检查的文件数（默认 CPU 核数）files checked at once (default: CPU cores)
      --timeout <秒 seconds>      每个文件的时间上限（默认 ${DEFAULT_TIMEOUT_SECONDS}）time limit per file
      --max-memory <MB>          每个文件的内存上限（默认 ${DEFAULT_MEMORY_MB}）memory limit per file
  -q, --quiet                    只列出错误（警告和提示只计数）list errors only (warnings and notes are counted)
      --max-warnings <N>         警告超过 N 个时退出码为 1 exit 1 when there are more than N warnings
      --no-color                 不使用颜色（也可设 NO_COLOR）no colours (NO_COLOR works too)
      --explain                  只显示识别结果：表格、各列表头路径与角色、核对关系、未识别内容
                                 show what recognition found instead of checking
  -v, --version                  版本 version
  -h, --help                     本说明 this help

模板 Templates: budget-check template --list | budget-check template <模板 name> -o <file.xlsx>

示例 Examples:
  budget-check 申报材料/                           检查文件夹中的全部工作簿 check every workbook in a folder
  budget-check a.xlsx --report 汇总.xlsx --annotate 标注/   汇总表和标注副本 summary and annotated copies
  budget-check 申报材料/ --format sarif > results.sarif     供 CI 使用 for CI
  budget-check a.xlsx --explain                      查看识别结果 see what was recognized

输出从不覆盖输入；已有文件须加 --force 才覆盖。Outputs never replace an input; an existing file only with --force.
每个文件单独检查，超过时间或内存上限即停止并报告该文件。Each file is checked alone and stopped past its limits.

退出码 Exit codes: 0 无错误 no error finding · 1 有错误（或警告超过 --max-warnings）error findings (or too many warnings)
  · 2 用法错误、文件无法读取或没有可检查的表格 usage error, unreadable input, or nothing recognized to check`;

const OPTION_NAMES = [
  'format',
  'locale',
  'config',
  'report',
  'annotate',
  'force',
  'jobs',
  'timeout',
  'max-memory',
  'quiet',
  'max-warnings',
  'no-color',
  'explain',
  'version',
  'help',
];

/** parseArgs' English errors, said in Chinese first, with a suggestion for a mistyped option. */
function usageErrorOf(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /(--[\w-]+)/.exec(message)?.[1] ?? /'(-\w)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const name = option.replace(/^-+/, '');
    const guess = closest(name, OPTION_NAMES);
    return new UsageError(
      `未知选项 ${option}${guess ? `，是否想用 --${guess}？` : ''} (unknown option ${option}${guess ? `; did you mean --${guess}?` : ''})`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return new UsageError(`选项 ${option} 需要一个值 (option ${option} needs a value)`);
  }
  return new UsageError(`命令行有误 (${message})`);
}

/** The known name nearest to a mistyped one (edit distance ≤ 2), if any. */
function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of names) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

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
  quiet: boolean;
  maxWarnings?: number;
  color: boolean;
}

export async function parseCli(argv: string[]): Promise<CliOptions | 'help' | 'version'> {
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
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error);
  }
  if (parsed.values.help) return 'help';
  if (parsed.values.version) return 'version';
  const format = parsed.values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new UsageError(
      `--format 只能是 text、json 或 sarif，不能是“${format}” (--format must be text, json or sarif)`,
    );
  const locale = parsed.values.locale as Locale;
  if (!LOCALES.includes(locale))
    throw new UsageError(`--locale 只能是 zh-CN 或 en-US，不能是“${locale}” (--locale must be zh-CN or en-US)`);
  if (parsed.positionals.length === 0) throw new UsageError('没有指定要检查的文件或文件夹 (no file or folder given)');
  let config = parseConfig({});
  if (parsed.values.config) config = await loadConfig(parsed.values.config);
  const jobs = parsed.values.jobs === undefined ? undefined : Number(parsed.values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(
      `--jobs 应为不小于 1 的整数，不能是“${parsed.values.jobs}” (--jobs must be a whole number ≥ 1)`,
    );
  const report = parsed.values.report;
  if (report !== undefined && extname(report).toLowerCase() !== '.xlsx')
    throw new UsageError(`--report 应为 .xlsx 文件名，不能是“${report}” (--report must name an .xlsx file)`);
  const timeoutSeconds = positiveNumber(parsed.values.timeout, '--timeout', DEFAULT_TIMEOUT_SECONDS);
  const memoryMb = positiveNumber(parsed.values['max-memory'], '--max-memory', DEFAULT_MEMORY_MB);
  const maxWarningsText = parsed.values['max-warnings'];
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    throw new UsageError(
      `--max-warnings 应为不小于 0 的整数，不能是“${maxWarningsText ?? ''}” (--max-warnings must be a whole number ≥ 0)`,
    );
  const color =
    parsed.values['no-color'] !== true &&
    process.env.NO_COLOR === undefined &&
    (process.env.FORCE_COLOR !== undefined || process.stdout.isTTY);
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
    quiet: parsed.values.quiet === true,
    maxWarnings,
    color,
  };
}

function positiveNumber(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${option} 应为大于 0 的数，不能是“${text}” (${option} must be a number > 0)`);
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
  let options: CliOptions | 'help' | 'version';
  try {
    options = await parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`budget-check: ${error.message}\n用法见 budget-check --help (see budget-check --help)\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    out(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    out(`budget-check ${packageVersion()}\n`);
    return 0;
  }
  // Every input is listed before anything else happens: outputs are checked against all of them, never filtered out.
  const { files, folders } = await expandInputs(options.paths);
  if (files.length === 0) {
    err(`budget-check: ${options.paths.map(printable).join(', ')} 中没有找到工作簿 (no workbook found there)\n`);
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
  else
    out(
      options.format === 'json'
        ? formatJson(results)
        : formatText(results, options.locale, { color: options.color, quiet: options.quiet }),
    );
  const warnings = results.reduce((n, r) => n + (r.report?.summary.warning ?? 0), 0);
  let code = results.some((r) => r.error || r.annotationError || nothingChecked(r))
    ? 2
    : results.some((r) => r.report!.summary.error > 0) ||
        (options.maxWarnings !== undefined && warnings > options.maxWarnings)
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
