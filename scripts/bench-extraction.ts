/**
 * Extraction against compromise's parse, in one process, alternating every 25 articles, so that a shared
 * machine's load hits both alike (`npm run bench` times each in a fresh process, which load moves more).
 *
 *   npm run bench:extraction [-- [files, folders or globs...] [--rounds 2]]
 *
 * The floor is compromise's `nlp(text)` with its own bulk matcher; extraction is `analyseDocument` (what a
 * worker does per article) with ours, from the built code (`npm run build` first). Default corpus: all the text
 * in ../shared/eval, as `npm run bench`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import type { SourceText } from '../src/ingest/index.js';

// the built code (npm run build), as kg runs it, not this script's TypeScript loader's
const dist = (module: string) => pathToFileURL(join(import.meta.dirname, '..', 'dist', 'src', module)).href;
const { readSources, documentFromText } = (await import(dist('ingest/index.js'))) as typeof import('../src/ingest/index.js');
const { analyseDocument } = (await import(dist('pipeline.js'))) as typeof import('../src/pipeline.js');
const { bulkMatch, compromiseBulkMatch } = (await import(dist('extract/sweep.js'))) as typeof import('../src/extract/sweep.js');

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
const inputs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
const evalDir = join(import.meta.dirname, '..', '..', 'shared', 'eval');
const defaultInputs = [join(evalDir, 'gum-xdoc', 'GUM_*.txt'), join(evalDir, 'redocred', 'dev', '*.txt'), join(evalDir, 'redocred', 'test', '*.txt')];
const CHUNK = 25;

const world = (nlp as unknown as { world(): { methods: { one: { bulkMatch: unknown } } } }).world();
const sources: SourceText[] = [];
for await (const s of readSources(inputs.length ? inputs : defaultInputs)) sources.push(s);

const total = { floor: 0, extraction: 0 };
const runs = {
  floor: (chunk: SourceText[]) => {
    world.methods.one.bulkMatch = compromiseBulkMatch;
    for (const s of chunk) nlp(s.text);
  },
  extraction: (chunk: SourceText[]) => {
    world.methods.one.bulkMatch = bulkMatch;
    for (const s of chunk) analyseDocument(documentFromText(s.id, s.text, s.path));
  },
};
for (let r = 0; r < rounds; r++) {
  for (let c = 0; c < sources.length; c += CHUNK) {
    const chunk = sources.slice(c, c + CHUNK);
    // which runs first alternates, so neither always meets a cache or a collection the other left
    const order = (c / CHUNK + r) % 2 === 0 ? (['floor', 'extraction'] as const) : (['extraction', 'floor'] as const);
    for (const name of order) {
      const t = performance.now();
      runs[name](chunk);
      total[name] += performance.now() - t;
    }
  }
}
world.methods.one.bulkMatch = bulkMatch;
const words = sources.reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0) * rounds;
const rate = (ms: number) => `${Math.round(words / (ms / 1000)).toLocaleString('en')} words/s`;
console.log(`${sources.length} articles, ${rounds} round(s), alternating every ${CHUNK} articles in one process`);
console.log(`  compromise nlp(text) (the floor)   ${(total.floor / 1000).toFixed(2).padStart(7)} s   ×1.00   ${rate(total.floor)}`);
console.log(`  extraction (analyseDocument)       ${(total.extraction / 1000).toFixed(2).padStart(7)} s   ×${(total.extraction / total.floor).toFixed(2)}   ${rate(total.extraction)}`);
