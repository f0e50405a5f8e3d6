/**
 * A build worker thread (started by pool.ts through worker.mjs): loads encre, opens the
 * build's workspace from the options, validated content and derived model of its first
 * message, then does the jobs it is sent, one at a time.
 * Messages in: { setup } (first), then { job } (make a file). Out: { ready } | { progress } (pages laid
 * out so far) | { result } (the PDF's bytes
 * transferred) | { error } (a serialised encre error).
 */
import { parentPort } from 'node:worker_threads';
import { once } from 'node:events';
import { openWorkspace, runJob, type Job } from './job.js';
import type { WorkerSetup } from './pool.js';
import { serialiseError } from './errors.js';

const port = parentPort;
if (!port) throw new Error('internal: build/worker.ts runs only as a worker thread');
const [{ setup }] = (await once(port, 'message')) as [{ setup: WorkerSetup }];
const { opts, content, model, theme } = setup;

try {
  const ws = await openWorkspace(opts, content, model, theme);
  port.on('message', async (msg: { job: Job }) => {
    try {
      const result = await runJob(ws, msg.job, (pages) => port.postMessage({ progress: { pages } }));
      port.postMessage({ result }, [result.bytes.buffer as ArrayBuffer]);
    } catch (e) {
      port.postMessage({ error: serialiseError(e) });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: serialiseError(e) });
}
