import { existsSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkGrids, type Config, type Locale, type Report } from '../validation';
import { loadedGrids, type LoadedWorkbook } from '../xlsx/load-workbook';
import { temporaryPathFor, writeAnnotatedCopy } from './annotate';
import type { FileResult } from './format';
import { readWorkbook } from './read-xlsx';

/** A file to check: the name the user sees, and the path to open (raw bytes for a name that is not UTF-8). */
export interface InputFile {
  name: string;
  path: string | Buffer;
}

const asInput = (file: string | InputFile): InputFile => (typeof file === 'string' ? { name: file, path: file } : file);

/** Checks one file in this thread; with `annotatedCopy`, also writes the file's highlighted copy there from the same parse. */
export async function checkFile(
  input: string | InputFile,
  config: Config,
  locale: Locale,
  annotatedCopy?: string,
): Promise<FileResult> {
  const { name: file, path } = asInput(input);
  let loaded: LoadedWorkbook;
  let report: Report;
  try {
    loaded = await readWorkbook(path, { forCopy: annotatedCopy !== undefined });
    report = checkGrids(loadedGrids(loaded), { config, locale });
  } catch (error) {
    return { file, error: errorMessage(error) };
  }
  const notes = loaded.notes.map((note) => note.message);
  const result: FileResult = { file, report, ...(notes.length > 0 ? { notes } : {}) };
  if (annotatedCopy === undefined) return result;
  try {
    // The workbook is kept until its copy is written, then dropped with this call: nothing is cached across files.
    await writeAnnotatedCopy(loaded.copy!, report.findings, locale, annotatedCopy);
    return result;
  } catch (error) {
    return {
      ...result,
      annotationError: `无法写入标注副本 ${annotatedCopy} (cannot write the annotated copy: ${errorMessage(error)})`,
    };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Default limits of one file's check: generous for real workbooks (100k rows check in a few seconds). */
export const DEFAULT_TIMEOUT_SECONDS = 60;
export const DEFAULT_MEMORY_MB = 2048;

export interface BatchOptions {
  /** Worker threads to use at once. Default: one per core. Every file is checked in a worker, even a single one. */
  jobs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Where each file's annotated copy is written, by the position of the file in `files`; none where undefined. */
  annotatedCopies?: readonly (string | undefined)[];
  /** Wall-clock limit of one file's check, in seconds. */
  timeoutSeconds?: number;
  /** Heap limit of the worker checking a file, in MB. */
  memoryMb?: number;
}

/** The compiled worker: beside this file when running from dist/, in dist/ when running from src/ (tests). */
function workerPath(): string {
  const beside = join(__dirname, 'worker.js');
  return existsSync(beside) ? beside : join(__dirname, '..', '..', 'dist', 'src', 'cli', 'worker.js');
}

/**
 * Checks files in worker threads, each file in isolation under a time and a memory limit; results come back in the
 * order of `files`. A file that fails, runs out of time or memory is reported for itself; the others go on.
 */
export async function checkFiles(
  files: readonly (string | InputFile)[],
  config: Config,
  locale: Locale,
  options: BatchOptions = {},
): Promise<FileResult[]> {
  const inputs = files.map(asInput);
  const jobs = Math.max(1, Math.min(options.jobs ?? cpus().length, inputs.length));
  const limits = {
    timeoutSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB,
  };
  const results = new Array<FileResult>(inputs.length);
  let done = 0;
  let next = 0;
  const path = workerPath();
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      let worker: Worker | undefined;
      try {
        while (next < inputs.length) {
          const index = next++;
          worker ??= startWorker(path, limits.memoryMb);
          const job: WorkerJob = { ...inputs[index]!, config, locale, annotatedCopy: options.annotatedCopies?.[index] };
          const outcome = await runOnWorker(worker, job, limits);
          results[index] = outcome.result;
          options.onProgress?.(++done, inputs.length, outcome.result.file);
          // A worker that was stopped or died is replaced; its file is reported, never lost.
          if (outcome.workerDied) {
            await worker.terminate().catch(() => undefined);
            worker = undefined;
            // A copy being written when the worker stopped is left half-done in its temporary file: removed.
            if (job.annotatedCopy !== undefined) rmSync(temporaryPathFor(job.annotatedCopy), { force: true });
          }
        }
      } finally {
        await worker?.terminate();
      }
    }),
  );
  return results;
}

/** What a worker is sent for each file. */
export interface WorkerJob extends InputFile {
  config: Config;
  locale: Locale;
  /** Where to write the file's annotated copy, if one is wanted. */
  annotatedCopy?: string;
}

function startWorker(path: string, memoryMb: number): Worker {
  return new Worker(path, { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
}

/** The message for a file stopped by a limit. */
export function overLimitMessage(limit: { seconds: number } | { memoryMb: number }): string {
  return 'seconds' in limit
    ? `文件过大或超时：检查超过 ${limit.seconds} 秒，已停止 (too large or too slow: stopped after ${limit.seconds} s; see --timeout)`
    : `文件过大或超时：检查所需内存超过 ${limit.memoryMb} MB，已停止 (too large or too slow: over the ${limit.memoryMb} MB memory limit; see --max-memory)`;
}

export function runOnWorker(
  worker: Worker,
  job: WorkerJob,
  limits: { timeoutSeconds: number; memoryMb: number } = {
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    memoryMb: DEFAULT_MEMORY_MB,
  },
): Promise<{ result: FileResult; workerDied: boolean }> {
  const file = job.name;
  return new Promise((resolve) => {
    const done = (result: FileResult, workerDied: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ result, workerDied });
    };
    const onMessage = (message: FileResult) => {
      done(message, false);
    };
    const onError = (error: Error) => {
      const outOfMemory = /heap|memory|ERR_WORKER_OUT_OF_MEMORY/i.test(
        `${error.message} ${(error as NodeJS.ErrnoException).code ?? ''}`,
      );
      done(
        {
          file,
          error: outOfMemory
            ? overLimitMessage({ memoryMb: limits.memoryMb })
            : `检查时出错 (internal error: ${error.message})`,
        },
        true,
      );
    };
    const onExit = (code: number) => {
      done({ file, error: `检查进程意外退出 (checker exited with code ${code})` }, true);
    };
    const timer = setTimeout(() => {
      done({ file, error: overLimitMessage({ seconds: limits.timeoutSeconds }) }, true);
    }, limits.timeoutSeconds * 1000);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}

/** "检查中 [████░░░░] 120/1000" on a terminal's stderr. */
export function progressBar(write: (text: string) => void): (done: number, total: number, file: string) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    write(
      `\r检查中 checking [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
    );
  };
}
