/** A batch worker: checks the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { Config, Locale } from '../validation';
import { checkFile } from './batch';

parentPort?.on('message', (job: { file: string; config: Config; locale: Locale }) => {
  void checkFile(job.file, job.config, job.locale).then((result) => parentPort!.postMessage(result));
});
