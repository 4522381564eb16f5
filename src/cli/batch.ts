import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { checkGrids, type Config, type Locale, type Report } from '../validation';
import { workbookGrids } from '../xlsx/worksheet-grid';
import { writeAnnotatedCopy } from './annotate';
import type { FileResult } from './format';
import { readWorkbook, readWorkbookGrids } from './read-xlsx';

/** Checks one file; with `annotatedCopy`, also writes the file's highlighted copy there from the same parse. */
export async function checkFile(
  file: string,
  config: Config,
  locale: Locale,
  annotatedCopy?: string,
): Promise<FileResult> {
  if (annotatedCopy !== undefined) return checkAndAnnotate(file, config, locale, annotatedCopy);
  try {
    // Only the grids are kept: the workbook can be freed while the file is checked.
    const grids = await readWorkbookGrids(file);
    return { file, report: checkGrids(grids, { config, locale }) };
  } catch (error) {
    return { file, error: errorMessage(error) };
  }
}

/** The workbook is kept until its copy is written, then dropped with this call: nothing is cached across files. */
async function checkAndAnnotate(
  file: string,
  config: Config,
  locale: Locale,
  annotatedCopy: string,
): Promise<FileResult> {
  let workbook: ExcelJS.Workbook;
  let report: Report;
  try {
    workbook = await readWorkbook(file);
    report = checkGrids(workbookGrids(workbook), { config, locale });
  } catch (error) {
    return { file, error: errorMessage(error) };
  }
  try {
    await writeAnnotatedCopy(workbook, report.findings, locale, annotatedCopy);
    return { file, report };
  } catch (error) {
    return {
      file,
      report,
      annotationError: `无法写入标注副本 ${annotatedCopy} (cannot write the annotated copy: ${errorMessage(error)})`,
    };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface BatchOptions {
  /** Worker threads to use; 1 checks in this thread. Default: one per core. */
  jobs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Where each file's annotated copy is written, by the position of the file in `files`; none where undefined. */
  annotatedCopies?: readonly (string | undefined)[];
}

/** The compiled worker: beside this file when running from dist/, in dist/ when running from src/ (tests). */
function workerPath(): string {
  const beside = join(__dirname, 'worker.js');
  return existsSync(beside) ? beside : join(__dirname, '..', '..', 'dist', 'src', 'cli', 'worker.js');
}

/** Checks files across worker threads; results come back in the order of `files`. One file failing never stops the others. */
export async function checkFiles(
  files: readonly string[],
  config: Config,
  locale: Locale,
  options: BatchOptions = {},
): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? cpus().length, files.length));
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const finish = (index: number, result: FileResult) => {
    results[index] = result;
    done++;
    options.onProgress?.(done, files.length, result.file);
  };
  if (jobs === 1) {
    for (let i = 0; i < files.length; i++)
      finish(i, await checkFile(files[i]!, config, locale, options.annotatedCopies?.[i]));
    return results;
  }
  let next = 0;
  const path = workerPath();
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      let worker = startWorker(path);
      try {
        while (next < files.length) {
          const index = next++;
          const file = files[index]!;
          const outcome = await runOnWorker(worker, file, config, locale, options.annotatedCopies?.[index]);
          finish(index, outcome.result);
          // A worker that died (out of memory on a huge file, a crash) is replaced; its file is reported, never lost.
          if (outcome.workerDied) {
            await worker.terminate().catch(() => undefined);
            worker = startWorker(path);
          }
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}

/** What a worker is sent for each file. */
export interface WorkerJob {
  file: string;
  config: Config;
  locale: Locale;
  /** Where to write the file's annotated copy, if one is wanted. */
  annotatedCopy?: string;
}

/** Memory a worker may use before it is stopped: one huge file must not take the whole machine down. */
const WORKER_HEAP_MB = 3072;

function startWorker(path: string): Worker {
  return new Worker(path, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

export function runOnWorker(
  worker: Worker,
  file: string,
  config: Config,
  locale: Locale,
  annotatedCopy?: string,
): Promise<{ result: FileResult; workerDied: boolean }> {
  return new Promise((resolve) => {
    const done = (result: FileResult, workerDied: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ result, workerDied });
    };
    const onMessage = (message: FileResult) => done(message, false);
    const onError = (error: Error) => {
      const reason = /heap|memory|ERR_WORKER_OUT_OF_MEMORY/i.test(
        `${error.message} ${(error as NodeJS.ErrnoException).code ?? ''}`,
      )
        ? '文件过大，检查时内存不足 (too large: ran out of memory)'
        : `检查时出错 (internal error: ${error.message})`;
      done({ file, error: reason }, true);
    };
    const onExit = (code: number) => done({ file, error: `检查进程意外退出 (checker exited with code ${code})` }, true);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const job: WorkerJob = { file, config, locale, annotatedCopy };
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
