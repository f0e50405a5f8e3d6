import { Worker } from 'node:worker_threads';
import type { Content } from '../load/content.js';
import type { Model } from '../derive/model.js';
import { UsageError } from '../model/errors.js';
import { reviveError, type SerialisedError } from './errors.js';
import type { Job, JobOptions, JobResult } from './job.js';

/**
 * Heap allowed to each build worker, in MB (V8 old generation; ENCRE_WORKER_MEMORY_MB to
 * change it). A 10,000-event programme needs about 500 MB live; the limit keeps V8 from
 * letting garbage pile up to several GB before collecting it.
 */
export const WORKER_MEMORY_MB = 1024;

/**
 * Runs the jobs on `threads` worker threads (each opens the build's workspace once, from the
 * content and the model derived here (copied, not derived again), then takes the next job
 * from a shared queue, longest first as given), and returns, in the order of `jobs`, each
 * file made or the error its job threw (with its class: PreflightError, UsageError…): a
 * failed file does not stop the others, so that a build reports all its problems at once.
 * `onResult` is called for each file made, in the order of `jobs`.
 * @throws when a worker cannot start its workspace, crashes, or runs out of memory
 *   (UsageError naming ENCRE_WORKER_MEMORY_MB).
 */
export async function runJobsOnWorkers(jobs: Job[], opts: JobOptions, content: Content, model: Model, threads: number, onResult?: (r: JobResult) => void): Promise<(JobResult | Error)[]> {
  const memory = Number(process.env.ENCRE_WORKER_MEMORY_MB) || WORKER_MEMORY_MB;
  const results: (JobResult | Error | undefined)[] = new Array(jobs.length);
  let next = 0;
  let reported = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const start = () => {
        const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
          workerData: { opts, content, model },
          execArgv: [],
          resourceLimits: { maxOldGenerationSizeMb: memory },
        });
        workers.push(worker);
        running++;
        let current = -1;
        const give = () => {
          if (next >= jobs.length) {
            worker.postMessage({ done: true });
            return;
          }
          current = next++;
          worker.postMessage({ job: jobs[current] });
        };
        worker.on('message', (msg: { ready?: boolean; result?: JobResult; error?: SerialisedError }) => {
          if (msg.error && current < 0) return fail(reviveError(msg.error)); // the workspace did not open
          if (msg.error || msg.result) {
            results[current] = msg.result ?? reviveError(msg.error!);
            for (; reported < jobs.length && results[reported]; reported++) {
              const r = results[reported]!;
              if (!(r instanceof Error)) onResult?.(r);
            }
          }
          give();
        });
        worker.on('error', (e: Error & { code?: string }) =>
          fail(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new UsageError(`building ${current >= 0 ? jobs[current]!.document : 'the documents'} ran out of memory (${memory} MB per build worker); raise ENCRE_WORKER_MEMORY_MB (e.g. ENCRE_WORKER_MEMORY_MB=${memory * 2}) or build fewer events at once`)
              : e,
          ),
        );
        worker.on('exit', () => {
          running--;
          if (running === 0 && !failed) {
            if (results.every(Boolean)) resolve();
            else fail(new Error('internal: a build worker stopped before its job was done'));
          }
        });
      };
      for (let i = 0; i < Math.max(1, Math.min(threads, jobs.length)); i++) start();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as (JobResult | Error)[];
}
