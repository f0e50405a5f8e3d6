import { Worker } from 'node:worker_threads';
import type { Content } from '../load/content.js';
import type { Model } from '../derive/model.js';
import type { LoadedTheme } from '../load/theme.js';
import { reviveError, type SerialisedError } from './errors.js';
import { UsageError } from '../model/errors.js';
import type { Job, JobOptions, JobResult } from './job.js';
import { workerEntry } from '../paths.js';

/**
 * Heap allowed to each build worker, in MB (V8 old generation; ENCRE_WORKER_MEMORY_MB to
 * change it). A 10,000-event programme needs about 500 MB live; the limit keeps V8 from
 * letting garbage pile up to several GB before collecting it.
 */
export const WORKER_MEMORY_MB = 1024;

/**
 * Young generation of each worker, in MB: react-pdf allocates short-lived objects by the
 * million; a larger nursery collects them in fewer scavenges (measured: 3,280 events 17.7 →
 * 15.5 s, 10,000 events 54 → 52.6 s, for about 130 MB more resident memory). Measured again
 * against 64 MB once mounted documents were freed (src/render/mount.ts), programme screen
 * file, 2 alternating runs: 3,106 festivals 13.8–13.9 s and 723–745 MB against 14.0 s and
 * 634–658 MB; 10,000 events 41.3–43.5 s and 1,150–1,171 MB against 43.6–44.6 s and
 * 1,044–1,071 MB.
 */
const YOUNG_GENERATION_MB = 128;

/**
 * The heap per worker: ENCRE_WORKER_MEMORY_MB when set, else {@link WORKER_MEMORY_MB}.
 * @throws UsageError when the variable is not a whole number of MB from 128.
 */
export function workerMemoryMb(): number {
  const raw = process.env.ENCRE_WORKER_MEMORY_MB;
  if (raw === undefined || raw === '') return WORKER_MEMORY_MB;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 128) throw new UsageError(`ENCRE_WORKER_MEMORY_MB must be a whole number of MB, 128 or more; received "${raw}" (e.g. ENCRE_WORKER_MEMORY_MB=2048)`);
  return mb;
}

/** What it gives back: the file, or the error. */
export type Outcome = JobResult | Error;

/** What every worker starts from: the job options, the validated content, the derived model, the loaded theme. */
export interface WorkerSetup {
  opts: JobOptions;
  content: Content;
  model: Model;
  /** The theme as the build thread loaded it (not read again: every thread renders the same tokens). */
  theme: LoadedTheme;
}

interface Slot {
  worker: Worker;
  /** Index of the task it is doing in the current run; -1 when idle. */
  current: number;
  ready: boolean;
}

/** Where a job is: started (0 pages) or some pages laid out. */
export interface JobProgress {
  job: Job;
  /** Pages laid out so far. */
  pages: number;
}

/**
 * Build worker threads (worker.ts), started once per build as soon as the content is loaded:
 * each loads encre meanwhile, then opens the build's workspace once (from the content and
 * model derived in this thread: copied, not derived again) and
 * keeps its caches (the programme's plan, measurements, shaping) from one file to the next.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly memory = workerMemoryMb();
  private run?: {
    jobs: Job[];
    outcomes: (Outcome | undefined)[];
    next: number;
    /** Jobs done (the outcomes array is sparse until then). */
    settled: number;
    reported: number;
    onOutcome?: (o: Outcome) => void;
    onProgress?: (p: JobProgress) => void;
    resolve: () => void;
    reject: (e: Error) => void;
  };
  private fatal?: Error;

  /**
   * Starts `threads` workers (at least one): they load encre while this thread goes on
   * (deriving the model), then wait for {@link setup}.
   */
  constructor(threads: number) {
    for (let i = 0; i < Math.max(1, threads); i++) this.start();
  }

  /**
   * Gives every worker what it opens the build's workspace from (copied to each). Called once;
   * jobs given before wait for it.
   */
  setup(setup: WorkerSetup): void {
    for (const slot of this.slots) slot.worker.postMessage({ setup });
  }

  /**
   * Makes the files on the workers (each idle worker takes the next job; give the longest
   * first) and returns their outcomes in the order of `jobs`: a failed job gives its error
   * (with its class) and does not stop the others. `onOutcome` is called in that order too.
   * @throws when a worker cannot open its workspace, crashes, or runs out of memory
   *   (naming ENCRE_WORKER_MEMORY_MB).
   */
  runAll(jobs: Job[], onOutcome?: (o: Outcome) => void, onProgress?: (p: JobProgress) => void): Promise<Outcome[]> {
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise<Outcome[]>((resolve, reject) => {
      const outcomes: (Outcome | undefined)[] = new Array(jobs.length);
      this.run = { jobs, outcomes, next: 0, settled: 0, reported: 0, onOutcome, onProgress, resolve: () => resolve(outcomes as Outcome[]), reject };
      if (jobs.length === 0) return this.finish();
      for (const slot of this.slots) if (slot.ready) this.give(slot);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(): void {
    // Compiled, the worker's module itself; from the sources, its entry that registers tsx first.
    const worker = new Worker(workerEntry('build/worker'), { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: this.memory, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, current: -1, ready: false };
    this.slots.push(slot);
    worker.on('message', (msg: { ready?: boolean; progress?: { pages: number }; result?: JobResult; error?: SerialisedError }) => {
      if (msg.progress) {
        const job = slot.current >= 0 ? this.run?.jobs[slot.current] : undefined;
        if (job) this.run?.onProgress?.({ job, pages: msg.progress.pages });
        return;
      }
      if (msg.ready) {
        slot.ready = true;
        if (this.run) this.give(slot);
        return;
      }
      if (msg.error && slot.current < 0) return this.die(reviveError(msg.error)); // the workspace did not open
      const run = this.run;
      if (!run || slot.current < 0) return;
      run.outcomes[slot.current] = msg.error ? reviveError(msg.error) : msg.result!;
      slot.current = -1;
      for (; run.reported < run.jobs.length && run.outcomes[run.reported]; run.reported++) run.onOutcome?.(run.outcomes[run.reported]!);
      if (++run.settled === run.jobs.length) return this.finish();
      this.give(slot);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const job = slot.current >= 0 ? this.run?.jobs[slot.current] : undefined;
      const what = job ? job.document : 'the documents';
      this.die(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error(`building ${what} ran out of memory (${this.memory} MB per build worker); raise ENCRE_WORKER_MEMORY_MB (e.g. ENCRE_WORKER_MEMORY_MB=${this.memory * 2}) or build fewer events at once`)
          : e,
      );
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !this.fatal) this.die(new Error(`internal: a build worker stopped (exit code ${code})`));
    });
  }

  private give(slot: Slot): void {
    const run = this.run;
    if (!run || slot.current >= 0 || run.next >= run.jobs.length) return;
    slot.current = run.next++;
    run.onProgress?.({ job: run.jobs[slot.current]!, pages: 0 });
    slot.worker.postMessage({ job: run.jobs[slot.current] });
  }

  private finish(): void {
    const run = this.run;
    this.run = undefined;
    run?.resolve();
  }

  private die(e: Error): void {
    if (this.fatal) return;
    this.fatal = e;
    const run = this.run;
    this.run = undefined;
    run?.reject(e);
  }
}
