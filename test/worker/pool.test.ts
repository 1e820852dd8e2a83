import { expect } from 'chai';
import { AnalysisPool, JOBS_PER_WORKER, PoolOptionError } from '../../src/worker/pool.js';
import { analyseSource } from '../../src/pipeline.js';
import type { SourceText } from '../../src/ingest/index.js';

const article = (i: number): SourceText => ({ id: `a${i}.txt`, path: `a${i}.txt`, text: `Reporter ${i} said Marco Rubio met Claudia Sheinbaum in Mexico City on day ${i}.` });

describe('worker/pool', function () {
  this.timeout(60_000);

  it('analyses a lone article in the calling thread and starts no thread for it', async () => {
    let inThread = 0;
    const pool = new AnalysisPool({ workers: 2, analyseInThread: (s) => (inThread++, analyseSource(s)) });
    try {
      expect(await pool.analyse(article(0))).to.equal(analyseSource(article(0)));
      expect(inThread).to.equal(1);
      expect(pool.started).to.equal(0);
    } finally {
      await pool.close();
    }
  });

  it('starts its worker threads at the second article and answers every article as the calling thread would', async () => {
    let inThread = 0;
    const pool = new AnalysisPool({ workers: 2, analyseInThread: (s) => (inThread++, analyseSource(s)) });
    try {
      const first = await pool.analyse(article(0));
      const rest = Array.from({ length: 11 }, (_, i) => pool.analyse(article(i + 1)));
      // two threads analyse: this one and one worker
      expect(pool.started).to.equal(1);
      const answers = [first, ...(await Promise.all(rest))];
      expect(answers).to.deep.equal(Array.from({ length: 12 }, (_, i) => analyseSource(article(i))));
      // once the worker is ready it holds JOBS_PER_WORKER articles at a time, and this thread takes the rest
      while (pool.ready < 1) await new Promise((resolve) => setTimeout(resolve, 50));
      const before = inThread;
      const more = Array.from({ length: JOBS_PER_WORKER + 3 }, (_, i) => pool.analyse(article(20 + i)));
      expect(inThread - before).to.equal(3);
      expect(await Promise.all(more)).to.deep.equal(Array.from({ length: JOBS_PER_WORKER + 3 }, (_, i) => analyseSource(article(20 + i))));
    } finally {
      await pool.close();
    }
  });

  it('keeps everything in the calling thread with one worker', async () => {
    const pool = new AnalysisPool({ workers: 1, analyseInThread: analyseSource });
    await Promise.all(Array.from({ length: 3 }, (_, i) => pool.analyse(article(i))));
    expect(pool.started).to.equal(0);
    await pool.close();
  });

  it('rejects a worker count that is not a positive integer', () => {
    expect(() => new AnalysisPool({ workers: 0, analyseInThread: analyseSource })).to.throw(PoolOptionError);
    expect(() => new AnalysisPool({ workers: 1.5, analyseInThread: analyseSource })).to.throw(PoolOptionError);
  });
});
