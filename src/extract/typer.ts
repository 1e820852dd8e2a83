import type { Document, EntityType, Mention } from '../types.js';
import type { Token, TokenSentence } from './tokens.js';
import { countryOfDemonym, genderOfFirstName, lexTags, normalizeName, placeOf } from './gazetteer.js';
import { CREEDS, EVENT_HEADS, ORG_HEADS, PLACE_HEADS, SPEECH_VERBS, TITLES } from './lexicon.js';
import shipped from './model/typer.json' with { type: 'json' };

/**
 * A statistical second opinion on the type of each named mention: a multinomial logistic regression over
 * sparse string features (the name's words and shape, its neighbours, the rules' own type and certainty,
 * compromise's tags, gazetteer hits, how the document writes the name elsewhere). Trained on GUM's train
 * documents by scripts/train-typer.ts; see src/extract/model/README.md.
 */

/** The classes, in the order of each feature's weight vector. */
export const TYPER_CLASSES: readonly EntityType[] = ['person', 'organization', 'place', 'other'];

/**
 * How sure the model must be to overrule the rules. It types up a name the rules left `other`, and unmakes
 * only the rules' bare guesses (certainty 0); it never trades one entity type for another nor touches a name
 * the rules are sure of, since GUM, which it learns from, leaves a name used as a modifier ("U.S.
 * intervention") unannotated and counts a country as a body, which news does not.
 */
export interface TyperThresholds {
  /** Probability of being a person, organisation or place that makes a name the rules typed `other` one. */
  up: number;
  /** Probability of `other` that unmakes a person, organisation or place the rules guessed with certainty 0. */
  down: number;
}

export interface TyperModel {
  header: Record<string, unknown>;
  /** Feature → one weight per class of TYPER_CLASSES; the feature "bias" is always on. */
  weights: Record<string, number[]>;
  /** Chosen on held-out documents by scripts/train-typer.ts. */
  thresholds: TyperThresholds;
}

export interface TyperOptions {
  /** The model to consult; null leaves the rules' types as they are. */
  model: TyperModel | null;
  /** Overrides the model's own thresholds. */
  thresholds?: Partial<TyperThresholds>;
}

/** Checks the shape of a parsed model file and returns it typed. */
export function asTyperModel(value: unknown): TyperModel {
  const m = value as Partial<TyperModel> | null;
  const t = m?.thresholds;
  if (!m || typeof m.weights !== 'object' || !t || ![t.up, t.down].every((x) => typeof x === 'number')) {
    throw new TypeError('typer model: expected { header, weights, thresholds: { up, down } }');
  }
  return m as TyperModel;
}

export const DEFAULT_TYPER_OPTIONS: TyperOptions = { model: asTyperModel(shipped) };

/**
 * Certainty a type set by the model carries: a guess, so within-document resolution joins the name to a
 * same-key entity of another type and the rules' certain votes outweigh it.
 */
const MODEL_CERTAINTY = 1;
const CLUE_TAGS = ['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific', 'Place', 'Country', 'City', 'Region', 'Organization', 'SportsTeam', 'ProperNoun', 'Acronym', 'Noun', 'Plural', 'Verb', 'Adjective', 'Possessive'];

/** What a document shows about its names, gathered once for all its mentions. */
export interface DocumentClues {
  /** Words the document writes in lower case somewhere. */
  lower: Set<string>;
  /** Last words of multi-word names the rules typed person. */
  surnames: Set<string>;
  /** Key → rule types of its named mentions, with the highest certainty seen. */
  typesOf: Map<string, Map<EntityType, number>>;
  /** Single words → types of the longer names they are part of. */
  partOf: Map<string, Set<EntityType>>;
  /** Key → number of named mentions. */
  counts: Map<string, number>;
  /** Indices of the sentences that are headings. */
  headings: Set<number>;
}

/**
 * A sentence that reads as a heading: no closing punctuation in the original text (ingest gives a line one)
 * and most content words capitalised.
 */
function isHeading(doc: Document, tokens: Token[]): boolean {
  const end = doc.toOriginal(tokens[tokens.length - 1].end - 1) + 1;
  if (/^\S*[.!?]/.test(doc.text.slice(end, end + 3))) return false;
  const content = tokens.filter((t) => /\p{L}/u.test(t.text) && !t.tags.has('Determiner') && !t.tags.has('Preposition') && !t.tags.has('Conjunction'));
  return content.length > 0 && content.filter((t) => /^\p{Lu}/u.test(t.text)).length / content.length > 0.6;
}

export function documentClues(doc: Document, sentences: TokenSentence[], mentions: Mention[]): DocumentClues {
  const lower = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) if (/^\p{Ll}/u.test(t.text)) lower.add(t.normal);
  const surnames = new Set<string>();
  const typesOf = new Map<string, Map<EntityType, number>>();
  const partOf = new Map<string, Set<EntityType>>();
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (!m.named) continue;
    counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    const byType = typesOf.get(m.key) ?? new Map<EntityType, number>();
    byType.set(m.type, Math.max(byType.get(m.type) ?? 0, m.evidence?.certainty ?? 0));
    typesOf.set(m.key, byType);
    const words = m.key.split(' ');
    if (words.length < 2) continue;
    if (m.type === 'person') surnames.add(words[words.length - 1]);
    for (const w of words) {
      const set = partOf.get(w) ?? new Set<EntityType>();
      set.add(m.type);
      partOf.set(w, set);
    }
  }
  const headings = new Set(sentences.filter((x) => x.tokens.length > 0 && isHeading(doc, x.tokens)).map((x) => x.index));
  return { lower, surnames, typesOf, partOf, counts, headings };
}

/** Where a named mention sits in its sentence: token indices (inclusive) of its span and of its name. */
export interface MentionTokens {
  tokens: Token[];
  spanFirst: number;
  first: number;
  last: number;
}

/** The tokens of a named mention, found from its offsets (the name is the end of the span, `evidence.name`). */
export function mentionTokens(doc: Document, sentence: TokenSentence, m: Mention): MentionTokens | undefined {
  const nameStart = m.end - (m.evidence?.name ?? m.text).length;
  const tokens = sentence.tokens;
  let spanFirst = -1;
  let first = -1;
  let last = -1;
  for (let k = 0; k < tokens.length; k++) {
    const start = doc.toOriginal(tokens[k].start);
    const end = doc.toOriginal(tokens[k].end - 1) + 1;
    if (end <= m.start || start >= m.end) continue;
    if (spanFirst < 0) spanFirst = k;
    if (first < 0 && end > nameStart) first = k;
    last = k;
  }
  return first < 0 ? undefined : { tokens, spanFirst, first, last };
}

/** "Zurbarán" → "Xx", "ResearchGate" → "XxXx", "NASA" → "X", "US-412" → "X-9". */
const shapeOf = (w: string): string =>
  w.replace(/\p{Lu}+/gu, 'X').replace(/\p{Ll}+/gu, 'x').replace(/\d+/g, '9').replace(/['’]/g, "'").slice(0, 8);
const bucket = (n: number): string => (n >= 4 ? '4+' : String(n));
const CLOSED_CLASS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun'];

/**
 * A neighbouring word as a feature: lower-case and closed-class words as themselves ("said", "in", "of", "the"),
 * capitalised ones only by their shape, since another name says nothing beyond its capital.
 */
function contextWord(tokens: Token[], k: number): string {
  if (k < 0) return '<s>';
  if (k >= tokens.length) return '</s>';
  const t = tokens[k];
  if (/^\p{Lu}/u.test(t.text) && !CLOSED_CLASS.some((tag) => t.tags.has(tag))) return `<${shapeOf(t.text)}>`;
  return /\d/.test(t.text) ? '<9>' : t.normal;
}

/**
 * The features of a named mention, as strings ("p1=in", "rule=place|2", "lex=Noun"). The name's own words are
 * left out (only its shape, short suffixes and what the lexicon and gazetteers know of it): a name seldom
 * recurs in another document, its context and shape do.
 */
export function mentionFeatures(m: Mention, at: MentionTokens, clues: DocumentClues): string[] {
  const { tokens, spanFirst, first, last } = at;
  const f: string[] = ['bias'];
  const rule = `${m.type}|${m.evidence?.certainty ?? 0}`;
  f.push(`rule=${rule}`);
  const name = tokens.slice(first, last + 1);
  const words = name.map((t) => t.normal.replace(/['’]s$/, ''));
  const lastWord = words[words.length - 1] ?? '';
  const n = bucket(words.length);
  f.push(`n=${n}`, `shape=${name.map((t) => shapeOf(t.text)).join(' ')}`);
  let unknown = 0;
  for (const w of words) {
    const tags = lexTags(w);
    if (tags.length === 0) unknown++;
    for (const tag of tags) f.push(`lex=${tag}`);
  }
  // Names are words no dictionary has: "Zurbarán", "ResearchGate"; headings are made of words it has.
  const known = unknown === 0 ? 'none' : unknown === words.length ? 'all' : 'some';
  f.push(`unknown=${known}`, `unknown=${known}|n=${n}`, `unknown=${known}|${rule}`);
  for (const tag of lexTags(lastWord)) f.push(`llex=${tag}`);
  if (name.some((t) => /[^\x00-\x7f]/.test(t.text))) f.push('accent');
  if (name.some((t) => /-/.test(t.text))) f.push('hyphen');
  if (name.some((t) => /\p{Ll}\p{Lu}/u.test(t.text))) f.push('camel');
  // Short endings tell a surname ("-ez", "-ski") from an English word ("-ion") without naming either.
  if (lastWord.length > 3) f.push(`suf3=${lastWord.slice(-3)}`, `suf2=${lastWord.slice(-2)}`);
  for (let k = first; k <= last; k++) for (const tag of CLUE_TAGS) if (tokens[k].tags.has(tag)) f.push(`tag=${tag}`);
  for (const tag of CLUE_TAGS) if (tokens[last].tags.has(tag)) f.push(`ltag=${tag}`);
  if (spanFirst < first) f.push('titled', `title=${tokens[first - 1].normal}`);
  if (/['’]s?$/.test(tokens[last].text)) f.push('poss');
  if (name.every((t) => t.text.toUpperCase() === t.text)) f.push('caps');
  // Context: two words each side.
  const p1 = contextWord(tokens, spanFirst - 1);
  const n1 = contextWord(tokens, last + 1);
  f.push(`p1=${p1}`, `p2=${contextWord(tokens, spanFirst - 2)} ${p1}`, `n1=${n1}`, `n2=${n1} ${contextWord(tokens, last + 2)}`);
  // Punctuation: "Spang (1983)", "(Li, Polat, Scalzo, & Bavelier, 2010)".
  const punct = (x: string): string => x.replace(/\s+/g, ' ').trim() || '_';
  f.push(`post=${punct(tokens[last].post)}`, `pre=${punct(tokens[spanFirst].pre)}`, `n1=${n1}|post=${punct(tokens[last].post)}`);
  if (/^(?:1[5-9]|20)\d\d[a-z]?$/.test(tokens[last + 1]?.text ?? '')) f.push('year');
  if (spanFirst === 0 || /[.:!?"“(\n—–]/.test(tokens[spanFirst - 1].post)) f.push('initial');
  if (clues.headings.has(m.sentence)) f.push('heading', `heading|unknown=${known}`);
  const seen = clues.counts.get(m.key) ?? 1;
  f.push(`freq=${bucket(seen)}`, `freq=${bucket(seen)}|unknown=${known}`);
  const next = tokens[last + 1];
  if (next?.tags.has('Verb')) f.push('nverb', `nv=${next.lemma}`, ...(SPEECH_VERBS.has(next.lemma) ? ['nspeech'] : []));
  const prev = tokens[spanFirst - 1];
  if (prev?.tags.has('Determiner')) f.push('pdet');
  if (prev && TITLES.has(prev.normal)) f.push('ptitle');
  f.push(`rule=${rule}|p1=${p1}`);
  // Gazetteers and head words.
  const place = placeOf(m.key);
  if (place) f.push(`place=${place.kind}`);
  for (const w of words) if (placeOf(w)) f.push(`wplace=${placeOf(w)!.kind}`);
  if (countryOfDemonym(tokens[first].text)) f.push('demonym');
  if (ORG_HEADS.has(lastWord)) f.push('orghead');
  if (words.some((w) => ORG_HEADS.has(w))) f.push('orgword');
  if (PLACE_HEADS.has(lastWord)) f.push('placehead');
  if (EVENT_HEADS.has(lastWord)) f.push('eventhead');
  if (genderOfFirstName(words[0])) f.push('given');
  // The document.
  const key = normalizeName(m.key);
  if (words.some((w) => clues.lower.has(w))) f.push('doclower');
  if (words.length === 1 && clues.surnames.has(key)) f.push('docsurname');
  for (const [type, certainty] of clues.typesOf.get(m.key) ?? []) if (type !== m.type) f.push(`docalso=${type}|${certainty}`);
  if (words.length === 1) for (const type of clues.partOf.get(key) ?? []) f.push(`docpart=${type}`);
  return f;
}

/**
 * The features of each named mention of a document. Those of a name the rules left `other` come twice, once
 * as they are and once marked "o:", so the model learns what context says of any name and, apart, what
 * tells an unrecognised name from a capitalised non-name (the only decision that finds new names).
 */
export function nameFeatures(doc: Document, sentences: TokenSentence[], mentions: Mention[], clues = documentClues(doc, sentences, mentions)): NameFeatures[] {
  const out: NameFeatures[] = [];
  for (const m of mentions) {
    if (!m.named) continue;
    const at = mentionTokens(doc, sentences[m.sentence], m);
    if (!at) continue;
    const features = mentionFeatures(m, at, clues);
    out.push({ mention: m, features: m.type === 'other' ? [...features, ...features.map((x) => `o:${x}`)] : features, open: openTypes(m, clues) });
  }
  return out;
}

export interface NameFeatures {
  mention: Mention;
  features: string[];
  /** The types the model may give the name (see openTypes). */
  open: ReadonlySet<EntityType>;
}

const NONE: ReadonlySet<EntityType> = new Set();
const OTHER: ReadonlySet<EntityType> = new Set(['other']);
const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/**
 * The types the model may give a name, none when the rules' reading stands. A name the rules typed with
 * certainty 0 may only become `other`; one they typed more surely, or named `other` with certainty, stays.
 * A name left `other` may become an entity, except in a heading, whose capitals say nothing, and never of a
 * type that disagrees with what the rules made of the name elsewhere in the document or of the longer names
 * it is part of ("Eckankar" beside "the Church of Eckankar" may become an organisation, not a place), so that
 * a typed-up name still joins the entity the document means.
 */
export function openTypes(m: Mention, clues: DocumentClues): ReadonlySet<EntityType> {
  const certainty = m.evidence?.certainty ?? 0;
  if (m.type !== 'other') return certainty === 0 ? OTHER : NONE;
  // A creed's adjective ("Catholic") is a kind, whatever its capital suggests to the model.
  if (certainty >= 2 || clues.headings.has(m.sentence) || CREEDS.has(m.key)) return NONE;
  const said = new Set<EntityType>();
  for (const type of clues.typesOf.get(m.key)?.keys() ?? []) said.add(type);
  if (!m.key.includes(' ')) for (const type of clues.partOf.get(m.key) ?? []) said.add(type);
  const typed = ENTITY_TYPES.filter((t) => said.has(t));
  return new Set(typed.length > 0 ? typed : ENTITY_TYPES);
}

/** One distribution for every mention of a name: the normalised geometric mean of their probabilities. */
export function poolByKey<T extends { key: string; p: number[] }>(items: T[]): T[] {
  const sums = new Map<string, { log: number[]; n: number }>();
  for (const { key, p } of items) {
    const s = sums.get(key) ?? { log: p.map(() => 0), n: 0 };
    p.forEach((x, c) => (s.log[c] += Math.log(Math.max(x, 1e-12))));
    s.n++;
    sums.set(key, s);
  }
  return items.map((item) => {
    const { log, n } = sums.get(item.key)!;
    const max = Math.max(...log.map((x) => x / n));
    const exp = log.map((x) => Math.exp(x / n - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    return { ...item, p: exp.map((e) => e / sum) };
  });
}

const weightMaps = new WeakMap<TyperModel, Map<string, number[]>>();

/** A model's weights as a map: looked up for every feature of every name, and no feature name is an object key. */
function weightsOf(model: TyperModel): Map<string, number[]> {
  let weights = weightMaps.get(model);
  if (!weights) {
    weights = new Map(Object.entries(model.weights));
    weightMaps.set(model, weights);
  }
  return weights;
}

/** Probabilities of each class of TYPER_CLASSES (softmax of the summed weights). */
export function classify(model: TyperModel, features: string[]): number[] {
  const weights = weightsOf(model);
  const scores = TYPER_CLASSES.map(() => 0);
  for (const name of features) {
    const w = weights.get(name);
    if (w) for (let c = 0; c < scores.length; c++) scores[c] += w[c];
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/**
 * The type a name ends with, given the rules' type, the model's probabilities and the types open to it
 * (openTypes): `other` for an entity past the `down` threshold; for a name left `other`, the likeliest entity
 * type past the `up` threshold, if it is open; else the rules' type.
 */
export function decideType(rule: EntityType, p: number[], t: TyperThresholds, open: ReadonlySet<EntityType>): EntityType {
  const other = TYPER_CLASSES.indexOf('other');
  if (open.size === 0) return rule;
  if (rule !== 'other') return open.has('other') && p[other] >= t.down ? 'other' : rule;
  if (1 - p[other] < t.up) return rule;
  let best = other === 0 ? 1 : 0;
  for (let c = 0; c < p.length; c++) if (c !== other && p[c] > p[best]) best = c;
  return open.has(TYPER_CLASSES[best]) ? TYPER_CLASSES[best] : rule;
}

/**
 * Re-types the document's named mentions where the model is sure enough and disagrees with the rules.
 * `sentences` are those the mentions were found in; mentions are changed in place and returned.
 */
export function typeMentions(doc: Document, sentences: TokenSentence[], mentions: Mention[], options: Partial<TyperOptions> = {}): Mention[] {
  const { model, thresholds } = { ...DEFAULT_TYPER_OPTIONS, ...options };
  if (!model) return mentions;
  const limits = { ...model.thresholds, ...thresholds };
  const scored = nameFeatures(doc, sentences, mentions).map(({ mention, features, open }) => ({ mention, open, key: mention.key, p: classify(model, features) }));
  // Decided after every mention is read, so the document clues are the rules' alone.
  for (const { mention: m, open, p } of poolByKey(scored)) {
    const type = decideType(m.type, p, limits, open);
    if (type === m.type) continue;
    m.type = type;
    m.evidence = { ...m.evidence, certainty: MODEL_CERTAINTY };
    if (type === 'person' && m.key.includes(' ') && !m.evidence.gender) m.evidence.gender = genderOfFirstName(m.key.split(' ')[0]);
  }
  return mentions;
}
