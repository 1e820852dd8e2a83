import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceText } from '../ingest/index.js';

/**
 * A pool of threads that analyse articles (src/worker/analyse), answering in JSON. `workers` counts the threads
 * that analyse, the calling one included: with N, N - 1 worker threads are started and the calling thread takes
 * an article whenever every worker already has its next one waiting, so no core is left to a thread that mostly
 * waits. With one there is no worker thread at all.
 *
 * A worker's start-up (loading compromise, about half a second of a core) is one the calling thread has already
 * paid, so workers are started only when a second article needs analysis (a rebuild that adds one article starts
 * none), and until one is ready the calling thread analyses the articles itself rather than wait.
 */

export interface AnalysisJob {
  id: number;
  source: SourceText;
}

export type AnalysisReply = { id: number; json: string } | { id: number; error: string };
/** What a worker posts once it has loaded and can take jobs. */
export const WORKER_READY = 'ready';

export interface PoolOptions {
  /** Threads that analyse, the calling one included; 1 analyses in the calling thread only. */
  workers: number;
  /** The analysis of one article as JSON, as run in the calling thread (pipeline analyseSource). */
  analyseInThread: (source: SourceText) => string;
}

export class PoolOptionError extends Error {
  override name = 'PoolOptionError';
}

/** One thread per core the process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Jobs a worker holds: the one it works on and the next ones, so it never waits for the calling thread, busy with
 * an article of its own (a long one takes a tenth of a second), to hand it one. Four kept two threads busier than
 * two did: a cold build of the 1,107 benchmark articles took 3–4% less time in three alternating runs.
 */
export const JOBS_PER_WORKER = 4;

export class AnalysisPool {
  private readonly threads: Worker[] = [];
  /** Jobs sent to each worker that has loaded, not yet answered. */
  private readonly load = new Map<Worker, number>();
  private readonly waiting = new Map<number, { resolve: (json: string) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private jobs = 0;
  private failure: Error | undefined;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new PoolOptionError(`workers must be a positive integer, got ${options.workers}`);
  }

  get size(): number {
    return this.options.workers;
  }

  /** Worker threads started so far. */
  get started(): number {
    return this.threads.length;
  }

  /** Worker threads loaded and taking jobs. */
  get ready(): number {
    return this.load.size;
  }

  /** The article's analysis as JSON. */
  analyse(source: SourceText): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.options.workers > 1 && ++this.jobs === 2) this.start();
    const worker = this.leastLoaded();
    if (!worker) {
      // every worker has its next article (or none is ready yet): this thread takes this one
      try {
        return Promise.resolve(this.options.analyseInThread(source));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const id = this.nextId++;
    this.load.set(worker, this.load.get(worker)! + 1);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, source } satisfies AnalysisJob);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }

  /** The ready worker with the fewest jobs, if one can take another. */
  private leastLoaded(): Worker | undefined {
    let best: Worker | undefined;
    for (const [worker, jobs] of this.load) if (jobs < JOBS_PER_WORKER && (!best || jobs < this.load.get(best)!)) best = worker;
    return best;
  }

  private start(): void {
    for (let i = 0; i < this.options.workers - 1; i++) {
      const worker = startWorker();
      worker.on('message', (reply: AnalysisReply | typeof WORKER_READY) => {
        if (reply === WORKER_READY) this.load.set(worker, 0);
        else this.settle(worker, reply);
      });
      worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => code !== 0 && this.fail(new Error(`an analysis worker stopped with code ${code}`)));
      this.threads.push(worker);
    }
  }

  private settle(worker: Worker, reply: AnalysisReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    this.load.set(worker, this.load.get(worker)! - 1);
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply.json);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

/**
 * The worker entry sits beside this module: analyse.js when built, analyse.ts under tsx, whose loader a worker
 * thread does not inherit (Node 20), so the worker registers tsx itself before importing the entry.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  const entry = new URL(`./analyse${here.slice(here.lastIndexOf('.'))}`, here);
  if (!here.endsWith('.ts')) return new Worker(entry);
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true });
}
