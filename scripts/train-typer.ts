/**
 * Trains the named-mention typer (src/extract/typer.ts) on the train documents of GUM-xdoc and writes
 * src/extract/model/typer.json. Cross-validation over the train documents chooses the threshold; the dev
 * documents are only measured; test documents are never read.
 *
 *   npx tsx scripts/train-typer.ts        (npm run train:typer)
 *
 * Each named mention the rules find (typer off) is a training example, labelled with the type of the gold
 * mention whose head it covers and whose span it stays inside (the scorer's match), else `other`; mentions on
 * GUM's unscored person/place/organisation mentions (descriptions, groups) are left out. Deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromText } from '../src/ingest/index.js';
import { findMentions } from '../src/extract/entities.js';
import { tokenize } from '../src/extract/tokens.js';
import { TYPER_CLASSES, classify, decideType, nameFeatures, poolByKey, type TyperModel, type TyperThresholds } from '../src/extract/typer.js';
import type { EntityType, Mention } from '../src/types.js';
import { seededRandom } from '../src/util/random.js';

const GUM = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'gum-xdoc');
const OUT = join(import.meta.dirname, '..', 'src', 'extract', 'model', 'typer.json');

const SETTINGS = {
  seed: 20240601,
  epochs: 30,
  learningRate: 0.2,
  /** L2 penalty; chosen by 5-fold cross-validation over the train documents among l2Grid (`--cv`). */
  l2: 0.01,
  l2Grid: [0.01, 0.03, 0.1, 0.3, 1],
  /** A feature seen in fewer training examples is dropped. */
  minCount: 2,
  /** Weights are rounded to this many decimals, and dropped when all are zero. */
  decimals: 3,
  /** Threshold grid searched on the cross-validated predictions. */
  up: [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9],
  down: [0.5, 0.6, 0.7, 0.8, 0.9, 1.01],
  /** The thresholds kept are the best by F1 among those that lose at most this much precision against the rules. */
  maxPrecisionLoss: 0.0075,
  folds: 5,
};

interface GoldMention {
  start: number;
  end: number;
  type: EntityType;
  head_start: number;
  head_end: number;
}

interface Example {
  doc: string;
  /** The document and the name's key: the mentions whose probabilities are pooled. */
  key: string;
  features: string[];
  label: number;
  rule: EntityType;
  /** The types the model may give the name (typer.ts openTypes). */
  open: ReadonlySet<EntityType>;
}

const readJsonl = (path: string): GoldMention[] =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldMention);

const matches = (m: Mention, g: GoldMention): boolean => m.start <= g.head_start && m.end >= g.head_end && m.start >= g.start && m.end <= g.end;

/** The examples of one document, and the number of its gold mentions. */
function examplesOf(id: string): { examples: Example[]; gold: number } {
  const text = readFileSync(join(GUM, `${id}.txt`), 'utf8');
  const gold = readJsonl(join(GUM, `${id}.entities.jsonl`));
  const unscored = readJsonl(join(GUM, `${id}.nonnamed.jsonl`));
  const doc = documentFromText(`${id}.txt`, text);
  const sentences = tokenize(doc.clean);
  const mentions = findMentions(doc, sentences, { model: null });
  const examples: Example[] = [];
  for (const { mention: m, features, open } of nameFeatures(doc, sentences, mentions)) {
    const g = gold.find((x) => matches(m, x));
    if (!g && unscored.some((x) => matches(m, x))) continue;
    examples.push({ doc: id, key: `${id}|${m.key}`, features, label: TYPER_CLASSES.indexOf(g ? g.type : 'other'), rule: m.type, open });
  }
  return { examples, gold: gold.length };
}


/** Multinomial logistic regression by AdaGrad-scaled SGD with L2 on the touched weights. */
function train(examples: Example[], l2: number): Record<string, number[]> {
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of new Set(ex.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = new Set([...counts].filter(([, n]) => n >= SETTINGS.minCount).map(([f]) => f));
  const k = TYPER_CLASSES.length;
  const weights = new Map<string, number[]>();
  const squares = new Map<string, number[]>();
  for (const f of vocabulary) {
    weights.set(f, new Array(k).fill(0));
    squares.set(f, new Array(k).fill(1e-8));
  }
  const next = seededRandom(SETTINGS.seed);
  const order = examples.map((_, i) => i);
  const model: TyperModel = { header: {}, weights: Object.fromEntries(weights), thresholds: { up: 1, down: 1 } };
  for (let epoch = 0; epoch < SETTINGS.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const ex = examples[i];
      const features = ex.features.filter((f) => vocabulary.has(f));
      const p = classify(model, features);
      for (const f of features) {
        const w = weights.get(f)!;
        const g2 = squares.get(f)!;
        for (let c = 0; c < k; c++) {
          const grad = p[c] - (c === ex.label ? 1 : 0) + l2 * w[c];
          g2[c] += grad * grad;
          w[c] -= (SETTINGS.learningRate * grad) / Math.sqrt(g2[c]);
        }
      }
    }
  }
  const scale = 10 ** SETTINGS.decimals;
  const out: Record<string, number[]> = {};
  for (const f of [...weights.keys()].sort()) {
    const w = weights.get(f)!.map((x) => Math.round(x * scale) / scale);
    if (w.some((x) => x !== 0)) out[f] = w;
  }
  return out;
}

interface Scored {
  ex: Example;
  key: string;
  p: number[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Mention detection over the examples as the scorer sees it: a name counts when typed anything but `other`. */
function detection(examples: Scored[], gold: number, t: TyperThresholds | undefined): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  for (const { ex, p } of examples) {
    if ((t ? decideType(ex.rule, p, t, ex.open) : ex.rule) === 'other') continue;
    if (TYPER_CLASSES[ex.label] === 'other') fp++;
    else tp++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / gold;
  return { p: round(precision), r: round(recall), f1: round((2 * precision * recall) / (precision + recall)) };
}

/** The best thresholds of the grid by detection F1, among those that keep the rules' precision (within the allowance). */
function bestThresholds(scored: Scored[], gold: number): TyperThresholds {
  const rules = detection(scored, gold, undefined);
  let best = { t: { up: 1.01, down: 1.01 }, f1: rules.f1 };
  for (const up of SETTINGS.up) {
    for (const down of SETTINGS.down) {
      const t = { up, down };
      const d = detection(scored, gold, t);
      if (d.f1 > best.f1 && d.p >= rules.p - SETTINGS.maxPrecisionLoss) best = { t, f1: d.f1 };
    }
  }
  return best.t;
}

const untrained = (weights: Record<string, number[]>): TyperModel => ({ header: {}, weights, thresholds: { up: 1, down: 1 } });
const score = (model: TyperModel, examples: Example[]): Scored[] => poolByKey(examples.map((ex) => ({ ex, key: ex.key, p: classify(model, ex.features) })));

/** Doc-grouped cross-validation on the train documents: out-of-fold (pooled) probabilities for every example. */
function crossValidate(examples: Example[], docs: string[], l2: number): Scored[] {
  const scored: Scored[] = [];
  for (let k = 0; k < SETTINGS.folds; k++) {
    const held = new Set(docs.filter((_, i) => i % SETTINGS.folds === k));
    const model = untrained(train(examples.filter((ex) => !held.has(ex.doc)), l2));
    scored.push(...score(model, examples.filter((ex) => held.has(ex.doc))));
  }
  return scored;
}

function main(): void {
  const splits = JSON.parse(readFileSync(join(GUM, 'SPLITS.json'), 'utf8')) as Record<string, string[]>;
  const read = (ids: string[]) => {
    const parts = ids.map(examplesOf);
    return { examples: parts.flatMap((x) => x.examples), gold: parts.reduce((a, x) => a + x.gold, 0) };
  };
  const trainSet = read(splits.train);
  const devSet = read(splits.dev);
  // Each penalty: thresholds from the cross-validated predictions, then the model on all train documents read on dev.
  const runs = (process.argv.includes('--cv') ? SETTINGS.l2Grid : [SETTINGS.l2]).map((l2) => {
    const cv = crossValidate(trainSet.examples, splits.train, l2);
    const t = bestThresholds(cv, trainSet.gold);
    const model = untrained(train(trainSet.examples, l2));
    const dev = score(model, devSet.examples);
    const figures = {
      l2,
      thresholds: t,
      cv: { rules: detection(cv, trainSet.gold, undefined), model: detection(cv, trainSet.gold, t) },
      dev: { rules: detection(dev, devSet.gold, undefined), model: detection(dev, devSet.gold, t) },
    };
    console.log(JSON.stringify(figures));
    return { model, figures };
  });
  if (process.argv.includes('--cv')) return;
  const { model, figures } = runs[0];
  model.thresholds = figures.thresholds;
  model.header = {
    model: 'kg-news named-mention typer: multinomial logistic regression over delexicalised features, pooled over the mentions of a name (src/extract/typer.ts)',
    version: 4,
    classes: TYPER_CLASSES,
    training: {
      data: 'GUM-xdoc (GUM corpus commit 72ce5ac1): the train split of SPLITS.json; thresholds chosen by 5-fold document-grouped cross-validation over it; the dev split is only measured; the test split is never read',
      documents: splits.train.length,
      examples: trainSet.examples.length,
      labels: 'type of the gold named mention whose head the candidate covers and whose span it stays inside, else other; candidates on unscored GUM mentions left out',
      settings: SETTINGS,
    },
    licence: 'Weights derived from GUM annotations (CC BY 4.0) and texts (CC BY 2.5 / CC BY-SA 3.0 / CC BY 4.0); see src/extract/model/README.md',
    features: Object.keys(model.weights).length,
    detection: { cv: figures.cv, dev: figures.dev },
  };
  writeFileSync(OUT, JSON.stringify(model) + '\n');
}

main();
