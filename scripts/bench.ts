/**
 * Speed, measured as ratios against compromise's own parse of the same text, run side by side
 * (interleaved rounds, median of each) so a noisy shared machine moves both alike.
 *
 *   npm run bench [-- --rounds 7]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { documentFromText } from '../src/ingest/index.js';
import { extract, tokenize } from '../src/extract/index.js';
import { findMentions } from '../src/extract/entities.js';
import { resolveDocument } from '../src/resolve/index.js';
import type { Document } from '../src/types.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 7;
const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared', 'eval');

function corpus(): { name: string; docs: Document[] }[] {
  const seeds = readdirSync(join(root, 'seeds')).map((f) => documentFromText(f, readFileSync(join(root, 'seeds', f), 'utf8')));
  const out = [{ name: 'seeds (5 articles)', docs: seeds }];
  try {
    const gumDir = join(shared, 'gum-news');
    const gum = readdirSync(gumDir).filter((f) => f.endsWith('.txt')).map((f) => documentFromText(f, readFileSync(join(gumDir, f), 'utf8')));
    out.push({ name: `GUM news (${gum.length} articles)`, docs: gum });
    const lines = readFileSync(join(shared, 'carb', 'dev.txt'), 'utf8').split('\n').filter(Boolean);
    out.push({ name: `CaRB dev (${lines.length} lines)`, docs: lines.map((l, i) => documentFromText(`l${i}`, l)) });
  } catch {
    // ../shared/eval is not beside every checkout; the seeds alone still measure
  }
  return out;
}

type Variant = { name: string; run: (doc: Document) => void };

const variants: Variant[] = [
  { name: 'compromise nlp(text)', run: (d) => void nlp(d.clean) },
  { name: 'tokenize (parse + compute)', run: (d) => void tokenize(d.clean) },
  { name: 'extract (kg extract core)', run: (d) => void extract(d) },
  { name: 'extract + resolve', run: (d) => void resolveDocument(d, extract(d).mentions) },
];

function time(docs: Document[], run: (d: Document) => void): number {
  const t = performance.now();
  for (const d of docs) run(d);
  return performance.now() - t;
}

/** Entity work alone: mentions and in-document resolution on already tokenized sentences. */
function entityTime(docs: Document[]): number {
  const parsed = docs.map((d) => ({ d, s: tokenize(d.clean) }));
  const t = performance.now();
  for (const { d, s } of parsed) resolveDocument(d, findMentions(d, s));
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const { name, docs } of corpus()) {
  for (const v of variants) time(docs, v.run); // warm up: lexicons, JIT
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const entity: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const v of variants) samples.get(v.name)!.push(time(docs, v.run));
    entity.push(entityTime(docs));
  }
  const base = median(samples.get(variants[0].name)!);
  console.log(`\n${name}: median of ${rounds} interleaved rounds`);
  for (const v of variants) {
    const m = median(samples.get(v.name)!);
    console.log(`  ${v.name.padEnd(30)} ${m.toFixed(1).padStart(8)} ms   ×${(m / base).toFixed(2)}`);
  }
  const e = median(entity);
  const ex = median(samples.get('extract (kg extract core)')!);
  console.log(`  ${'entity work (mentions+resolve)'.padEnd(30)} ${e.toFixed(1).padStart(8)} ms   ${((e / (ex - e)) * 100).toFixed(0)}% of the rest of extraction`);
}
