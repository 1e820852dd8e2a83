import cliProgress from 'cli-progress';
import type { DocumentRef } from '../pipeline.js';

export interface ProgressReporter {
  update: (done: number, total: number, doc: DocumentRef) => void;
  stop: () => void;
}

/** A progress bar on stderr while documents are extracted; silent when off or when stderr is not a terminal. */
export function progressReporter(enabled: boolean): ProgressReporter {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'extracting [{bar}] {value}/{total} documents | {doc}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total, doc) => {
      if (!started) {
        bar.start(total, 0, { doc: '' });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { doc: doc.id.slice(0, 40) });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
