import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkGrids, type Config, type Locale } from '../validation';
import type { FileResult } from './format';
import { UnreadableWorkbookError, readWorkbookGrids } from './read-xlsx';

export async function checkFile(file: string, config: Config, locale: Locale): Promise<FileResult> {
  try {
    const grids = await readWorkbookGrids(file);
    return { file, report: checkGrids(grids, { config, locale }) };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return { file, error: error.message };
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}

export interface BatchOptions {
  /** Worker threads to use; 1 checks in this thread. Default: one per core. */
  jobs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** The compiled worker: beside this file when running from dist/, in dist/ when running from src/ (tests). */
function workerPath(): string {
  const beside = join(__dirname, 'worker.js');
  return existsSync(beside) ? beside : join(__dirname, '..', '..', 'dist', 'src', 'cli', 'worker.js');
}

/** Checks files across worker threads; results come back in the order of `files`. One file failing never stops the others. */
export async function checkFiles(files: readonly string[], config: Config, locale: Locale, options: BatchOptions = {}): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? cpus().length, files.length));
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const finish = (index: number, result: FileResult) => {
    results[index] = result;
    done++;
    options.onProgress?.(done, files.length, result.file);
  };
  if (jobs === 1) {
    for (let i = 0; i < files.length; i++) finish(i, await checkFile(files[i]!, config, locale));
    return results;
  }
  let next = 0;
  const path = workerPath();
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      const worker = new Worker(path);
      try {
        while (next < files.length) {
          const index = next++;
          const file = files[index]!;
          const result = await new Promise<FileResult>((resolve) => {
            const onMessage = (message: FileResult) => {
              worker.off('error', onError);
              resolve(message);
            };
            const onError = (error: Error) => {
              worker.off('message', onMessage);
              resolve({ file, error: error.message });
            };
            worker.once('message', onMessage);
            worker.once('error', onError);
            worker.postMessage({ file, config, locale });
          });
          finish(index, result);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
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
    write(`\r检查中 checking [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}
