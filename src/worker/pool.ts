import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceText } from '../ingest/index.js';

/**
 * A pool of worker threads that analyse articles (src/worker/analyse), one job at a time each, answering in JSON.
 * With one worker there is no thread: articles are analysed in the calling thread by the same function.
 *
 * Threads cost a start-up each (loading compromise, about half a second of a core) that the calling thread has
 * already paid, so they are started only when a second article needs analysis (a rebuild that adds one article
 * starts none), and until one of them is ready the calling thread analyses the articles itself rather than wait.
 */

export interface AnalysisJob {
  id: number;
  source: SourceText;
}

export type AnalysisReply = { id: number; json: string } | { id: number; error: string };
/** What a worker posts once it has loaded and can take jobs. */
export const WORKER_READY = 'ready';

export interface PoolOptions {
  /** Threads; 1 analyses in the calling thread. */
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

export class AnalysisPool {
  private readonly threads: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: AnalysisJob[] = [];
  private readonly waiting = new Map<number, { resolve: (json: string) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private jobs = 0;
  private loaded = 0;
  private failure: Error | undefined;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new PoolOptionError(`workers must be a positive integer, got ${options.workers}`);
  }

  get size(): number {
    return this.options.workers;
  }

  /** Threads started so far. */
  get started(): number {
    return this.threads.length;
  }

  /** Threads loaded and taking jobs. */
  get ready(): number {
    return this.loaded;
  }

  /** The article's analysis as JSON. */
  analyse(source: SourceText): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.options.workers > 1 && ++this.jobs === 2) this.start();
    if (this.idle.length === 0 && this.waiting.size === 0) {
      // no thread ready yet (or none wanted): do the work rather than wait for one
      try {
        return Promise.resolve(this.options.analyseInThread(source));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, source });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }

  private start(): void {
    for (let i = 0; i < this.options.workers; i++) {
      const worker = startWorker();
      worker.on('message', (reply: AnalysisReply | typeof WORKER_READY) => {
        if (reply === WORKER_READY) {
          this.loaded++;
          this.idle.push(worker);
          this.dispatch();
        } else this.settle(worker, reply);
      });
      worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => code !== 0 && this.fail(new Error(`an analysis worker stopped with code ${code}`)));
      this.threads.push(worker);
    }
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.pop()!.postMessage(this.queue.shift());
  }

  private settle(worker: Worker, reply: AnalysisReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    this.idle.push(worker);
    this.dispatch();
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
