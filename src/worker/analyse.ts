/** A worker thread of the analysis pool: articles in, their analyses as JSON out (pipeline analyseSource). */
import { parentPort } from 'node:worker_threads';
import { analyseSource } from '../pipeline.js';
import { WORKER_READY, type AnalysisJob, type AnalysisReply } from './pool.js';

const port = parentPort;
if (!port) throw new Error('kg: src/worker/analyse runs as a worker thread');
port.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    reply = { id: job.id, json: analyseSource(job.source) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
// loaded (compromise with it): the pool sends jobs from now on
port.postMessage(WORKER_READY);
