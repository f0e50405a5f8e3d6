/**
 * A build worker thread (started by pool.ts through worker.mjs): opens the build's workspace
 * from the options, validated content and derived model it is given (workerData), then does
 * the tasks it is sent, one at a time.
 * Messages in: { job } (make a file) | { measure: { slice, of } } (measure a slice of the
 * programme's cards) | { restore } (measurements made by other workers).
 * Out: { ready } | { result } (the PDF's bytes transferred) | { measured } (JSON) | { error }
 * (a serialised encre error).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { measureJob, openWorkspace, runJob, type Job } from './job.js';
import type { WorkerSetup } from './pool.js';
import { restoreMeasurements } from '../paginate/measure.js';
import { serialiseError } from './errors.js';

const port = parentPort;
if (!port) throw new Error('internal: build/worker.ts runs only as a worker thread');
const { opts, content, model } = workerData as WorkerSetup;

try {
  const ws = await openWorkspace(opts, content, model);
  port.on('message', async (msg: { job?: Job; measure?: { slice: number; of: number }; restore?: string[] }) => {
    if (msg.restore) {
      for (const json of msg.restore) restoreMeasurements(json);
      return;
    }
    try {
      if (msg.measure) {
        port.postMessage({ measured: await measureJob(ws, msg.measure.slice, msg.measure.of) });
      } else if (msg.job) {
        const result = await runJob(ws, msg.job);
        port.postMessage({ result }, [result.bytes.buffer as ArrayBuffer]);
      }
    } catch (e) {
      port.postMessage({ error: serialiseError(e) });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: serialiseError(e) });
}
