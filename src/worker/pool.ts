import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceText } from '../ingest/index.js';

/**
 * A pool of worker threads that analyse articles (src/worker/analyse), one job at a time each, answering in JSON.
 * With one worker there is no thread: articles are analysed in the calling thread by the same function.
 */

export interface AnalysisJob {
  id: number;
  source: SourceText;
}

export type AnalysisReply = { id: number; json: string } | { id: number; error: string };

export interface PoolOptions {
  /** Threads; 1 analyses in the calling thread. */
  workers: number;
  /** The analysis of one article as JSON, as run when there is a single worker (pipeline analyseSource). */
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
  private failure: Error | undefined;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new PoolOptionError(`workers must be a positive integer, got ${options.workers}`);
    if (options.workers === 1) return;
    for (let i = 0; i < options.workers; i++) {
      const worker = startWorker();
      worker.on('message', (reply: AnalysisReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => code !== 0 && this.fail(new Error(`an analysis worker stopped with code ${code}`)));
      this.threads.push(worker);
      this.idle.push(worker);
    }
  }

  get size(): number {
    return this.options.workers;
  }

  /** The article's analysis as JSON. */
  analyse(source: SourceText): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.threads.length === 0) {
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
