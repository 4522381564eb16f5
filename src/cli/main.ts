#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ALL_KINDS,
  checkedSomething,
  Config,
  Locale,
  LOCALES,
  parseConfig,
  ruleOptionsOf,
  RuleOptionsError,
} from '../validation';
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

const USAGE = `用法 Usage: budget-check [选项 options] <文件或文件夹 files or folders…>

检查工作簿（.xlsx .xlsm）中的预算绩效目标表、部门预算公开表及其说明文字；文件夹中的工作簿逐个检查。
Checks budget performance-target and budget-disclosure tables and their texts in workbooks; folders are searched.

选项 Options:
  -f, --format text|json|sarif  输出格式，默认 text             output format (default text)
  -l, --locale zh-CN|en-US      消息语言，默认 zh-CN            language of the messages (default zh-CN)
  -c, --config <config.json>    配置：规则开关、严重程度、选项  config: rules on/off, severities, options
      --report <summary.xlsx>   另写一份汇总工作簿（文件汇总 + 问题清单）  also write a summary workbook
      --annotate <文件夹 folder> 为每个文件写一份标注副本（问题单元格着色并加批注）
                                write an annotated copy of each file (cells coloured, with notes)
      --force                   覆盖已有的 --report / --annotate 文件   replace existing output files
  -q, --quiet                   只报告错误，不列警告和提示      report errors only
      --max-warnings <N>        警告超过 N 个时退出码为 1       exit 1 when there are more than N warnings
  -j, --jobs <N>                同时检查的文件数                how many files to check at once
      --timeout <秒 seconds>    每个文件的时限，默认 ${DEFAULT_TIMEOUT_SECONDS} 秒      time limit per file (default ${DEFAULT_TIMEOUT_SECONDS} s)
      --max-memory <MB>         每个文件的内存上限，默认 ${DEFAULT_MEMORY_MB} MB  memory limit per file (default ${DEFAULT_MEMORY_MB} MB)
      --explain                 不检查，列出识别到的表格、各列的表头与角色、核对的关系和未识别的内容
                                do not check: print what recognition found (tables, columns, identities)
      --no-color                不用颜色（也可设 NO_COLOR）     no colours (or set NO_COLOR)
  -v, --version                 显示版本                        print the version
  -h, --help                    显示本帮助                      print this help

示例 Examples:
  budget-check 2024年预算.xlsx
  budget-check 报送材料/ --report 汇总.xlsx --annotate 标注/
  budget-check 报送材料/ --format json > 结果.json
  budget-check template --list          标准模板 the standard templates (budget-check template <name> -o file.xlsx)

输出从不覆盖输入；已有文件须加 --force 才覆盖。Outputs never replace an input; an existing file only with --force.

退出码 Exit codes: 0 无错误 no error finding · 1 有错误（或警告超过 --max-warnings）error findings (or too many
warnings) · 2 用法错误、文件无法读取或未识别到可检查的表格 usage error, unreadable input, or nothing recognized to check`;

/** Every option, for "did you mean". */
const OPTION_NAMES = [
  'format',
  'locale',
  'config',
  'report',
  'annotate',
  'force',
  'quiet',
  'max-warnings',
  'jobs',
  'timeout',
  'max-memory',
  'explain',
  'no-color',
  'color',
  'version',
  'help',
];

/** A parseArgs error in the user's words: 中文 first, English beside, with the option they probably meant. */
export function usageMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const option = unknown[1]!;
    const guess = closestOption(option.replace(/^-+/, ''));
    const hint = guess ? `；是不是 --${guess}？(did you mean --${guess}?)` : '';
    return `未知选项 ${option} (unknown option ${option})${hint}`;
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `选项 ${missing[1]} 缺少取值 (option ${missing[1]} needs a value)`;
  const noValue = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
  if (noValue) return `选项 ${noValue[1]} 不带取值 (option ${noValue[1]} takes no value)`;
  return `命令行有误 (invalid command line): ${message}`;
}

function closestOption(typed: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of OPTION_NAMES) {
    const distance = editDistance(typed, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : undefined;
}

/** Levenshtein distance, with a swap of two neighbours counting as one edit ("fromat" → "format"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
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
  /** Errors only. */
  quiet: boolean;
  /** More warnings than this: exit 1. */
  maxWarnings?: number;
  /** false with --no-color; undefined: colours when the output is a terminal and NO_COLOR is not set. */
  color?: boolean;
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
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(usageMessage(error));
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
  if (parsed.positionals.length === 0) throw new UsageError('没有指定文件或文件夹 (no file or folder given)');
  const maxWarningsText = parsed.values['max-warnings'];
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    throw new UsageError(
      `--max-warnings 须为 ≥ 0 的整数，不能是“${maxWarningsText}” (--max-warnings must be a whole number ≥ 0)`,
    );
  let config = parseConfig({});
  if (parsed.values.config) config = await loadConfig(parsed.values.config);
  const jobs = parsed.values.jobs === undefined ? undefined : Number(parsed.values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(`--jobs 须为 ≥ 1 的整数，不能是“${parsed.values.jobs}” (--jobs must be a whole number ≥ 1)`);
  const report = parsed.values.report;
  if (report !== undefined && extname(report).toLowerCase() !== '.xlsx')
    throw new UsageError(`--report 须为 .xlsx 文件，不能是“${report}” (--report must name an .xlsx file)`);
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
    quiet: parsed.values.quiet === true,
    maxWarnings,
    color: parsed.values['no-color'] ? false : parsed.values.color ? true : undefined,
  };
}

function positiveNumber(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${option} 须为大于 0 的数，不能是“${text}” (${option} must be a number > 0)`);
  return value;
}

async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: 无法读取配置文件 (cannot read the config file)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${file}: 不是有效的 JSON (not valid JSON: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    const config = parseConfig(json);
    const unknown = Object.keys(config.rules).filter((id) => !ALL_KINDS.some((rule) => rule.id === id));
    if (unknown.length > 0) {
      throw new UsageError(
        `${file}: 未知规则 unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}; 可用的规则 the rules are: ${ALL_KINDS.map((r) => r.id).join(', ')}`,
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
    throw new UsageError(`${file}: 配置无效 invalid config: ${detail}`);
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
    err(`budget-check: ${usageMessage(error)}\n\n${TEMPLATE_USAGE}\n`);
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
      `budget-check: ${id ? `没有模板“${id}” (unknown template "${id}")` : '没有指定模板 (no template named)'}；见 see budget-check template --list\n\n${TEMPLATE_USAGE}\n`,
    );
    return 2;
  }
  const output = parsed.values.output;
  if (!output) {
    err(`budget-check: 须用 -o 指定输出文件 (-o <file.xlsx> is required)\n\n${TEMPLATE_USAGE}\n`);
    return 2;
  }
  if (existsSync(output) && !parsed.values.force) {
    err(
      `budget-check: ${output} 已存在，未覆盖；要替换它请加 --force (${output} already exists and was left as it is; add --force to replace it)\n`,
    );
    return 2;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = renderPlan(workbook, buildPlan(definition));
  await writeFileAtomically(output, (temporary) => workbook.xlsx.writeFile(temporary));
  out(`${output}: ${sheet.name}\n`);
  return 0;
}

/** Where the CLI writes and whether that is a terminal that wants colours (NO_COLOR, https://no-color.org). */
export interface Terminal {
  /** stdout is a terminal. */
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
}

export async function run(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void,
  terminal: Terminal = {},
): Promise<number> {
  if (argv[0] === 'template') return runTemplate(argv.slice(1), out, err);
  let options: CliOptions | 'help' | 'version';
  try {
    options = await parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(
        `budget-check: ${error.message}\n${USAGE.split('\n')[0]}\n用 budget-check --help 查看所有选项和示例 (budget-check --help lists every option, with examples)\n`,
      );
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
  const env = terminal.env ?? {};
  const color = options.color ?? (terminal.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb');
  // Every input is listed before anything else happens: outputs are checked against all of them, never filtered out.
  const { files, folders } = await expandInputs(options.paths);
  if (files.length === 0) {
    err(
      `budget-check: 在 ${options.paths.map(printable).join(', ')} 中没有找到 .xlsx 文件 (no .xlsx file found there)\n`,
    );
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
    if (result.report && !checkedSomething(result.report))
      err(
        `budget-check: ${printable(result.file)}: 未识别到可检查的表格，未作检查 (no table recognized: nothing was checked)\n`,
      );
  }
  const warnings = results.reduce((n, r) => n + (r.report?.summary.warning ?? 0), 0);
  const shown = options.quiet ? results.map(errorsOnly) : results;
  // The results are printed before any report is written: a report that cannot be written loses nothing.
  if (options.format === 'sarif') out(`${JSON.stringify(toSarif(shown, options.locale, packageVersion()), null, 2)}\n`);
  else out(options.format === 'json' ? formatJson(shown) : formatText(shown, options.locale, { color }));
  let code = results.some((r) => r.error || r.annotationError || (r.report && !checkedSomething(r.report)))
    ? 2
    : results.some((r) => r.report!.summary.error > 0) ||
        (options.maxWarnings !== undefined && warnings > options.maxWarnings)
      ? 1
      : 0;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    err(
      `budget-check: ${warnings} 个警告，超过 --max-warnings ${options.maxWarnings} (${warnings} warnings, more than --max-warnings ${options.maxWarnings})\n`,
    );
    code = Math.max(code, 1);
  }
  if (options.report) {
    try {
      await writeFileAtomically(options.report, (temporary) => writeSummaryWorkbook(shown, temporary, options.locale));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      err(`budget-check: 无法写入汇总报告 ${printable(options.report)} (cannot write the summary report: ${reason})\n`);
      code = 2;
    }
  }
  return code;
}

/** --quiet: the errors only (the counts of the report are kept, as they decide the exit code). */
function errorsOnly(result: FileResult): FileResult {
  if (!result.report) return result;
  return {
    ...result,
    report: { ...result.report, findings: result.report.findings.filter((f) => f.severity === 'error') },
  };
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
    { isTTY: process.stdout.isTTY, env: process.env },
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
