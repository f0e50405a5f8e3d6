/**
 * A build worker thread (started by pool.ts through worker.mjs): opens the build's workspace
 * from the options and validated content it is given (workerData), then makes the files it
 * is asked for, one at a time.
 * Messages in: { job } | { done }. Out: { ready } | { result } (the PDF's bytes transferred) |
 * { error } (a serialised encre error).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkspace, runJob, type Job, type JobOptions } from './job.js';
import type { Content } from '../load/content.js';
import type { Model } from '../derive/model.js';
import { serialiseError } from './errors.js';

const port = parentPort;
if (!port) throw new Error('internal: build/worker.ts runs only as a worker thread');
const { opts, content, model } = workerData as { opts: JobOptions; content: Content; model: Model };

try {
  const ws = await openWorkspace(opts, content, model);
  port.on('message', async (msg: { job?: Job; done?: boolean }) => {
    if (msg.done || !msg.job) {
      port.close();
      return;
    }
    try {
      const result = await runJob(ws, msg.job);
      port.postMessage({ result }, [result.bytes.buffer as ArrayBuffer]);
    } catch (e) {
      port.postMessage({ error: serialiseError(e) });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: serialiseError(e) });
}
