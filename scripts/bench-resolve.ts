/**
 * How cross-document resolution grows with the corpus: every document of ../shared/eval (GUM-xdoc and
 * Re-DocRED dev and test) is analysed once, then resolved as a corpus of 1×, 2× and 4× its size (copies
 * under other document ids, so names recur as they do in a larger archive), in interleaved rounds.
 * Prints the median time of each size and its ratio to 1×; linear growth reads ×2 and ×4.
 *
 *   npm run bench:resolve [-- --rounds 5]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromText } from '../src/ingest/index.js';
import { analyseDocument, resolveAnalyses, type DocumentAnalysis } from '../src/pipeline.js';
import type { Entity } from '../src/types.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const shared = join(import.meta.dirname, '..', '..', 'shared', 'eval');
const folders = [join(shared, 'gum-xdoc'), join(shared, 'redocred', 'dev'), join(shared, 'redocred', 'test')];
const files = folders.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt') && !/^(README|STATS|ATTRIBUTION)/.test(f)).map((f) => join(dir, f)));

const started = performance.now();
const analyses = files.map((f, i) => analyseDocument(documentFromText(`${i}-${f.split('/').pop()}`, readFileSync(f, 'utf8'))));
console.log(`analysed ${analyses.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** The analysis as if read from another file: every id and mention under a new document id. */
function copyAs(a: DocumentAnalysis, k: number): DocumentAnalysis {
  const doc = `copy${k}/${a.doc.id}`;
  const entities: Entity[] = a.entities.map((e) => ({ ...e, id: `copy${k}/${e.id}`, mentions: e.mentions.map((m) => ({ ...m, doc })) }));
  return { ...a, doc: { ...a.doc, id: doc }, entities };
}

const sizes = [1, 2, 4];
const corpora = new Map(sizes.map((n) => [n, Array.from({ length: n }, (_, k) => analyses.map((a) => (k === 0 ? a : copyAs(a, k)))).flat()]));
const samples = new Map<number, number[]>(sizes.map((n) => [n, []]));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const n of sizes) resolveAnalyses(corpora.get(n)!); // warm up
for (let r = 0; r < rounds; r++) {
  for (const n of sizes) {
    const t = performance.now();
    resolveAnalyses(corpora.get(n)!);
    samples.get(n)!.push(performance.now() - t);
  }
}
const base = median(samples.get(1)!);
console.log(`cross-document resolution, median of ${rounds} interleaved rounds`);
for (const n of sizes) {
  const m = median(samples.get(n)!);
  console.log(`  ${String(n).padStart(2)}× (${(analyses.length * n).toLocaleString('en')} documents)  ${m.toFixed(0).padStart(6)} ms   ×${(m / base).toFixed(2)}`);
}
