/** A batch worker: checks the files it is sent, one at a time, and writes their annotated copies when asked. */
import { parentPort } from 'node:worker_threads';
import { checkFile, type WorkerJob } from './batch';

parentPort?.on('message', (job: WorkerJob) => {
  void checkFile(
    { name: job.name, path: typeof job.path === 'string' ? job.path : Buffer.from(job.path) },
    job.config,
    job.locale,
    job.annotatedCopy,
  ).then((result) => {
    parentPort!.postMessage(result);
  });
});
