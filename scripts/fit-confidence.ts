/**
 * Refits the confidence weights of src/extract/triples.ts on CaRB DEV (never test): every printed
 * triple is labelled with its best token precision against the gold tuples of its sentence (the
 * scorer's lenient match), and an L2-regularised logistic model of that precision is fitted on the
 * triple's features. Prints the WEIGHTS line to paste into triples.ts.
 *
 *   npx tsx scripts/fit-confidence.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromText } from '../src/ingest/index.js';
import { carbTuple } from '../src/cli/format.js';
import { parse, tripleKey } from '../src/extract/index.js';
import { scoredTriples, type Features, type ScoredTriple } from '../src/extract/triples.js';

const carb = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'carb');
const L2 = 0.002;

/** The scorer's sentence key: no spaces, PTB bracket escapes undone, no punctuation. */
function key(sentence: string): string {
  let s = sentence.replace(/ /g, '');
  for (const [plain, escaped] of [['(', '-LRB-'], [')', '-RRB-'], ['[', '-LSB-'], [']', '-RSB-'], ['{', '-LCB-'], ['}', '-RCB-']]) s = s.split(escaped).join(plain);
  return s.replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '');
}

type Tuple = { rel: string; args: string[] };
const BE = new Set(['be', 'is', 'am', 'are', 'was', 'were', 'been', 'being']);
const SPEECH = ['said', 'told', 'added', 'adds', 'says'];

function overlap(gold: string[], pred: string[]): number {
  let hit = 0;
  for (const w of gold) {
    const i = pred.indexOf(w);
    if (i >= 0) { hit++; pred.splice(i, 1); }
  }
  return hit;
}

const binary = (t: Tuple): Tuple => ({ rel: t.rel, args: t.args.length >= 2 ? [t.args[0], t.args.slice(1).join(' ')] : t.args });
const split = (s: string) => s.split(/\s+/).filter(Boolean);

/** Precision of a predicted tuple against a gold one, as score.py's `lenient`. */
function precision(gold: Tuple, pred: Tuple): number {
  const pw = split(pred.rel);
  const gw = split(gold.rel);
  let num = overlap(gw, [...pw]);
  let den = pw.length;
  if (pw.includes('be') && gw.some((w) => BE.has(w))) num++;
  if (num === 0) return 0;
  for (let i = 0; i < gold.args.length; i++) {
    if (i >= pred.args.length) { if (i < 2) return 0; continue; }
    const p = split(pred.args[i]);
    den += p.length;
    num += overlap(split(gold.args[i]), p);
  }
  return den ? num / den : 0;
}

function match(gold: Tuple, pred: Tuple): number {
  const g = binary(gold);
  const p = binary(pred);
  let best = precision(g, p);
  if (SPEECH.some((v) => gold.rel.includes(v)) && pred.args.length >= 2) best = Math.max(best, precision(g, { rel: p.rel, args: [p.args[1], p.args[0]] }));
  return best;
}

const gold = new Map<string, Tuple[]>();
for (const line of readFileSync(join(carb, 'gold', 'dev.tsv'), 'utf8').split('\n')) {
  const cols = line.trim().split('\t');
  if (cols.length < 3) continue;
  const k = key(cols[0].trim());
  if (!gold.has(k)) gold.set(k, []);
  gold.get(k)!.push({ rel: cols[1].trim(), args: cols.slice(2).filter((a) => !a.includes('C: ')).map((a) => a.trim()) });
}

/**
 * The clause triples `kg extract --format carb` prints for one line, with their features: as
 * src/extract/index.ts reads them (one parse, the document's mentions per sentence, a triple read
 * twice kept once), less the noun-phrase relations of nominal.ts, whose confidence is fixed.
 */
function lineTriples(id: string, line: string): ScoredTriple[] {
  const seen = new Set<string>();
  const out: ScoredTriple[] = [];
  for (const { ctx, clauses } of parse(documentFromText(id, line)).sentences) {
    for (const s of scoredTriples(ctx, clauses)) {
      const k = tripleKey(s.triple);
      if (seen.has(k) || !s.triple.relationText.trim()) continue;
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

const samples: { f: Readonly<Features>; y: number }[] = [];
for (const [n, line] of readFileSync(join(carb, 'dev.txt'), 'utf8').split('\n').entries()) {
  if (!line.trim()) continue;
  const golds = gold.get(key(line)) ?? [];
  for (const { triple, features } of lineTriples(`line-${n + 1}`, line)) {
    const [rel, ...args] = carbTuple(triple);
    const y = Math.max(0, ...golds.map((g) => match(g, { rel, args })));
    samples.push({ f: features, y });
  }
}

const names = [...new Set(samples.flatMap((s) => Object.keys(s.f)))].sort();
const w = new Map<string, number>([['bias', 0], ...names.map((n): [string, number] => [n, 0])]);
const predict = (f: Readonly<Features>) => {
  let z = w.get('bias')!;
  for (const n in f) z += w.get(n)! * f[n];
  return 1 / (1 + Math.exp(-z));
};
for (let epoch = 0; epoch < 3000; epoch++) {
  const grad = new Map<string, number>([...w.keys()].map((n) => [n, 0]));
  for (const s of samples) {
    const e = predict(s.f) - s.y;
    grad.set('bias', grad.get('bias')! + e);
    for (const n in s.f) grad.set(n, grad.get(n)! + e * s.f[n]);
  }
  for (const [n, g] of grad) w.set(n, w.get(n)! - 0.5 * (g / samples.length + (n === 'bias' ? 0 : L2 * w.get(n)!)));
}
const loss = samples.reduce((a, s) => { const p = predict(s.f); return a - (s.y * Math.log(p) + (1 - s.y) * Math.log(1 - p)); }, 0) / samples.length;
console.error(`${samples.length} triples, mean precision ${(samples.reduce((a, s) => a + s.y, 0) / samples.length).toFixed(3)}, log loss ${loss.toFixed(4)}`);
const round = (x: number) => Math.round(x * 100) / 100;
console.log(`export const WEIGHTS: Readonly<Features> = { ${[...w].map(([n, x]) => `${n}: ${round(x).toFixed(2)}`).join(', ')} };`);
