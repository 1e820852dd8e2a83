import type { Argument, Document, Mention, Source, Span, Triple } from '../types.js';
import { antecedentAt, clauseEnd, findAppositions, nounPhrasesAt, relationTokens, type Clause, type Phrase, type PrepObject } from './clauses.js';
import { sideBySide } from './gazetteer.js';
import { GENERIC_NOUNS } from './lexicon.js';
import { normaliseRelation } from './relations.js';
import { hasTag, type Token, type TokenSentence } from './tokens.js';

/** What triple building needs to know of one sentence. */
export interface SentenceContext {
  doc: Document;
  sentence: TokenSentence;
  /** The sentence as a source, in original offsets. */
  source: Source;
  /** Mentions found in this sentence (named and anaphoric), original offsets. */
  mentions: Mention[];
}

const OF_SPLIT = new Set(['of']);
const DATE_MODIFIERS = new Set(['last', 'next', 'this', 'past', 'every', 'early', 'late']);

/** The original-text span of tokens first..last of a sentence. */
export function originalSpan(ctx: SentenceContext, p: Phrase): Span {
  const toks = ctx.sentence.tokens;
  const start = ctx.doc.toOriginal(toks[p.first].start);
  let end = ctx.doc.toOriginal(toks[p.last].end - 1) + 1;
  // "Acme Inc." inside a sentence: the abbreviation's point belongs to the word, not to the sentence
  if (p.last < toks.length - 1 && ctx.doc.text[end] === '.' && toks[p.last].post.startsWith('.')) end++;
  return { start, end };
}

const OPENING_QUOTE = /^(?:``|“|‘)/;
const CLOSING_QUOTE = /^(?:''|”|’)/;

/**
 * The span of a phrase with the quotation marks it opens or closes: `the film `` A New Oath ''`, not
 * `the film `` A New Oath`; a phrase quoted whole keeps both marks. Straight quotes pair by count.
 */
function withQuotes(text: string, span: Span, floor: number, ceiling: number): Span {
  const inside = text.slice(span.start, span.end);
  let opened = 0;
  let straight = 0;
  for (const m of inside.matchAll(/``|''|[“”‘’"]/g)) {
    if (m[0] === '"') straight++;
    else if (OPENING_QUOTE.test(m[0])) opened++;
    else if (m[0] !== '’' || !/\p{L}/u.test(inside[m.index + 1] ?? '')) opened--;
  }
  let { start, end } = span;
  const after = /^\s*(''|”|")/.exec(text.slice(end, ceiling));
  const before = /(``|“|")\s*$/.exec(text.slice(floor, start));
  if (after && (opened > 0 || straight % 2 === 1 && after[1] === '"' || opened === 0 && straight === 0 && before && before[1] !== '"')) {
    end += after[0].length;
    if (opened === 0 && straight % 2 === 0 && before) start -= before[0].length;
  } else if (before && (opened < 0 || straight % 2 === 1 && before[1] === '"')) {
    start -= before[0].length;
  }
  return { start, end };
}

/** The argument a phrase stands for: its full text, and the entity or concept at its head. */
export function argument(ctx: SentenceContext, p: Phrase): Argument {
  return buildArgument(ctx, p);
}

/** Builds a sentence's arguments once each: a subject recurs in every triple of its clause. Shared: copy before changing one. */
type Arguments = (p: Phrase) => Argument;

function argumentsOf(ctx: SentenceContext): Arguments {
  const built = new Map<number, Argument>();
  return (p) => {
    const key = p.first * 65536 + p.last;
    let a = built.get(key);
    if (!a) built.set(key, (a = buildArgument(ctx, p)));
    return a;
  };
}

function buildArgument(ctx: SentenceContext, p: Phrase): Argument {
  const span = withQuotes(ctx.doc.text, originalSpan(ctx, p), ctx.source.start, ctx.source.end);
  const text = ctx.doc.text.slice(span.start, span.end);
  const toks = ctx.sentence.tokens;
  const headIndex = headToken(toks, p);
  const head = headIndex === undefined ? undefined : headMention(ctx, headIndex);
  const modifiers: string[] = [];
  for (let k = p.first; k <= p.last; k++) {
    const t = toks[k];
    if (hasTag(t, 'Determiner') || (head && covers(head, ctx, k))) continue;
    modifiers.push(ctx.doc.text.slice(ctx.doc.toOriginal(t.start), ctx.doc.toOriginal(t.end - 1) + 1));
  }
  return { ...span, text, head, modifiers: head ? modifiers : [] };
}

function covers(m: Mention, ctx: SentenceContext, k: number): boolean {
  const t = ctx.sentence.tokens[k];
  const s = ctx.doc.toOriginal(t.start);
  return s >= m.start && s < m.end;
}

/**
 * The head word of a noun phrase: its last word, unless an "of" phrase follows the head
 * ("the flow of fentanyl" → flow); a name's last word when the phrase ends in a name.
 */
export function headToken(tokens: Token[], p: Phrase): number | undefined {
  let last = p.last;
  for (let k = p.first + 1; k <= p.last; k++) {
    if (OF_SPLIT.has(tokens[k].normal) && !hasTag(tokens[k + 1], 'ProperNoun') && !hasTag(tokens[k - 1], 'ProperNoun')) { last = k - 1; break; }
  }
  // "Mexico this week": a trailing time expression is not the head
  let dated = last;
  while (dated > p.first && (hasTag(tokens[dated], 'Date', 'Duration') || dated < last && DATE_MODIFIERS.has(tokens[dated].normal))) dated--;
  if (dated < last && hasTag(tokens[dated], 'Noun') && !hasTag(tokens[dated], 'Date', 'Duration', 'Determiner')) last = dated;
  for (let k = last; k >= p.first; k--) {
    const t = tokens[k];
    if (hasTag(t, 'Date', 'Duration')) return undefined;
    if (hasTag(t, 'Noun', 'Pronoun', 'Acronym') && !hasTag(t, 'Determiner', 'Value') && !(hasTag(t, 'Possessive') && k < last)) return k;
    if (hasTag(t, 'Value')) return undefined;
  }
  return undefined;
}

/** The mention at a head word: a found name or pronoun covering it, else a concept mention of the noun. */
function headMention(ctx: SentenceContext, k: number): Mention | undefined {
  const t = ctx.sentence.tokens[k];
  const start = ctx.doc.toOriginal(t.start);
  const found = ctx.mentions.find((m) => m.start <= start && start < m.end);
  if (found) return found;
  if (hasTag(t, 'Pronoun') || /^\p{Lu}/u.test(t.text) && hasTag(t, 'ProperNoun')) return undefined;
  const key = conceptKey(t);
  if (!key || GENERIC_NOUNS.has(key)) return undefined;
  const end = ctx.doc.toOriginal(t.end - 1) + 1;
  const text = ctx.doc.text.slice(start, end);
  return { doc: ctx.doc.id, start, end, text, type: 'other', sentence: ctx.sentence.index, named: false, key };
}

/** A concept's key: the singular lemma of its head noun, lower case, without possessive. */
function conceptKey(t: Token): string {
  const word = (t.tags.has('Plural') ? t.lemma : t.normal).toLowerCase().replace(/['’]s$/, '');
  return /^[\p{L}][\p{L}\p{N}-]*$/u.test(word) ? word : '';
}

/**
 * A triple's arguments in the order the sentence writes them: the graph keeps "Sheinbaum –attend→
 * meeting" agent-first, Open IE output wants "the meeting | was attended by | Sheinbaum".
 */
export function asWritten(t: Triple): { subject: Argument; relationText: string; object: Argument } {
  return t.passive ? { subject: t.object, relationText: t.relationText, object: t.subject } : { subject: t.subject, relationText: t.relationText, object: t.object };
}

/** A triple with the features its confidence was computed from (scripts/fit-confidence.ts refits on them). */
export interface ScoredTriple {
  triple: Triple;
  features: Features;
}

/** Triples of one sentence from its clauses. */
export function clauseTriples(ctx: SentenceContext, clauses: Clause[]): Triple[] {
  return scoredTriples(ctx, clauses).map((s) => s.triple);
}

/** Triples of one sentence from its clauses, each with its confidence features. */
export function scoredTriples(ctx: SentenceContext, clauses: Clause[]): ScoredTriple[] {
  const arg = argumentsOf(ctx);
  const reporter = clauses.find((c) => c.reports && c.speech && c.subjects.length);
  const attribution = reporter ? arg(reporter.subjects[0]).text : undefined;
  const triples: ScoredTriple[] = [];
  const extent = modifiedExtent(ctx.sentence.tokens, clauses);
  for (const clause of clauses) {
    const inside = reporter?.reported && clause.verb.first >= reporter.reported.first;
    triples.push(...triplesOf(ctx, arg, extent, clause, inside ? attribution : undefined));
  }
  for (const [name, description] of findAppositions(ctx.sentence.tokens)) {
    triples.push(nounPhraseTriple(ctx, 'apposition', arg(name), 'be', arg(description)));
  }
  triples.push(...possessiveTriples(ctx, arg), ...titleTriples(ctx), ...locativeTriples(ctx, arg));
  return triples;
}

/** Where a phrase ends once the relative or participial clause modifying it is added: "the month in which exports failed". */
type Extent = (p: Phrase) => number;

function modifiedExtent(toks: Token[], clauses: Clause[]): Extent {
  const tails = new Map<number, number>();
  for (const c of clauses) {
    const s = c.subjects[0];
    if (c.subjectFrom !== 'relative' || !s || c.verb.first - s.last > 3 || c.verb.first <= s.last) continue;
    // a clause set off by a comma ("X , which …") is an aside Open IE leaves out of the argument
    if (/,/.test(toks[s.last].post)) continue;
    tails.set(s.last, Math.max(tails.get(s.last) ?? 0, clauseEnd(c)));
  }
  for (const c of clauses) {
    // "efforts to streamline payrolls": an infinitive right after a noun completes it
    const to = toks[c.verb.first].normal === 'to' ? c.verb.first : c.verb.first - 1;
    const noun = toks[to - 1];
    if (c.verb.form !== 'infinitive' || toks[to]?.normal !== 'to' || !noun || !hasTag(noun, 'Noun') || hasTag(noun, 'Pronoun', 'Verb') || /[,;:]/.test(noun.post)) continue;
    tails.set(to - 1, Math.max(tails.get(to - 1) ?? 0, clauseEnd(c)));
  }
  return (p) => {
    let last = p.last;
    for (let guard = 0; tails.has(last) && guard < 4; guard++) last = tails.get(last)!;
    return last;
  };
}

const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'her', 'their', 'our', 'my', 'your', 'whose']);
const CLITIC = /\s*['’]s?$/;

function nounPhraseTriple(ctx: SentenceContext, shape: Shape, subject: Argument, relation: string, object: Argument): ScoredTriple {
  const triple: Triple = { subject, relation, relationText: relation, object, adjuncts: [], confidence: 0, negated: false, passive: false, source: ctx.source };
  return scored(triple, clauseFeatures(shape, undefined, triple, ctx.sentence.tokens));
}

/**
 * "Italy 's largest bank" → Italy | has | largest bank. For Open IE output only: the possessed thing
 * gets no head, since the graph reads possessives as events (nominal.ts) rather than as "have".
 */
function possessiveTriples(ctx: SentenceContext, arg: Arguments): ScoredTriple[] {
  const toks = ctx.sentence.tokens;
  const out: ScoredTriple[] = [];
  for (let k = 0; k < toks.length - 1; k++) {
    const t = toks[k];
    if (!hasTag(t, 'Possessive') || hasTag(t, 'Pronoun') || POSSESSIVE_PRONOUNS.has(t.normal) || /[,;:]/.test(t.post)) continue;
    let first = k;
    while (first > 0 && hasTag(toks[first - 1], 'Noun', 'Adjective', 'Determiner', 'Value') && !hasTag(toks[first - 1], 'Possessive', 'Pronoun', 'Verb') && !/[,;:()]/.test(toks[first - 1].post)) first--;
    let last = k + 1;
    while (last + 1 < toks.length && hasTag(toks[last + 1], 'Noun', 'Adjective', 'Value') && !hasTag(toks[last + 1], 'Determiner', 'Possessive', 'Verb', 'Pronoun') && !/[,;:()"]/.test(toks[last].post)) last++;
    if (!hasTag(toks[last], 'Noun') || hasTag(toks[k + 1], 'Verb', 'Determiner')) continue;
    const object = { ...arg({ first: k + 1, last }), head: undefined, modifiers: [] };
    const owner = { ...arg({ first, last: k }) };
    const clitic = CLITIC.exec(owner.text);
    if (clitic) Object.assign(owner, { text: owner.text.slice(0, clitic.index), end: owner.end - clitic[0].length });
    out.push(nounPhraseTriple(ctx, 'possessive', owner, 'has', object));
  }
  return out;
}

/**
 * "a plant in Ohio" → a plant | be in | Ohio; "Raleigh , North Carolina" → Raleigh | be in | North Carolina.
 * Where a thing is, written without a verb: for Open IE output; the places are already mentions for the graph.
 */
function locativeTriples(ctx: SentenceContext, arg: Arguments): ScoredTriple[] {
  const toks = ctx.sentence.tokens;
  const out: ScoredTriple[] = [];
  const named = (k: number) => hasTag(toks[k], 'ProperNoun') && /^\p{Lu}/u.test(toks[k].text);
  for (let k = 1; k < toks.length - 1; k++) {
    const t = toks[k];
    let object: Phrase | undefined;
    let host: Phrase | undefined;
    if (t.normal === 'in' && hasTag(t, 'Preposition') && hasTag(toks[k - 1], 'Noun') && !hasTag(toks[k - 1], 'Pronoun', 'Date', 'Value') && !/[,;:()]/.test(toks[k - 1].post)) {
      const np = nounPhrasesAt(toks, k + 1);
      const first = np.conjuncts[0];
      if (!first || first.first !== k + 1) continue;
      const nameAt = hasTag(toks[k + 1], 'Determiner') ? k + 2 : k + 1;
      if (!named(nameAt) || hasTag(toks[first.last], 'Date')) continue;
      object = first;
      host = antecedentAt(toks, k - 1);
    } else if (t.post.trim() === ',' && hasTag(t, 'Place') && named(k) && hasTag(toks[k + 1], 'Place') && named(k + 1)) {
      // "Raleigh , North Carolina": a place, then the larger place it is in
      let last = k + 1;
      while (last + 1 < toks.length && named(last + 1) && !/[,;:()]/.test(toks[last].post)) last++;
      // "Oslo, Bergen and Tromsø" is a list of places side by side
      if (/^(?:and|or)$/.test(toks[last + 1]?.normal ?? '') || /,/.test(toks[last].post) && /^(?:and|or)$/.test(toks[last + 2]?.normal ?? '')) continue;
      let first = k;
      while (first > 0 && named(first - 1) && !/[,;:()]/.test(toks[first - 1].post)) first--;
      host = { first, last: k };
      object = { first: k + 1, last };
    }
    if (!host || !object) continue;
    const subject = arg(host);
    const place = { ...arg(object), modifiers: [] };
    if (sideBySide(subject.text, place.text)) continue;
    out.push(nounPhraseTriple(ctx, 'locative', subject, 'be in', place));
  }
  return out;
}

/** "President Bush" → Bush | is | President, for Open IE output (nominal.ts gives the graph its title edges). */
function titleTriples(ctx: SentenceContext): ScoredTriple[] {
  const out: ScoredTriple[] = [];
  const text = ctx.doc.text;
  for (const m of ctx.mentions) {
    if (!m.named || m.type !== 'person' || !m.title) continue;
    const before = text.slice(Math.max(ctx.source.start, m.start - m.title.length - 1), m.start).trimEnd();
    if (!before.endsWith(m.title)) continue;
    const start = m.start - (text.slice(0, m.start).length - before.length) - m.title.length;
    const title: Argument = { start, end: start + m.title.length, text: m.title, modifiers: [] };
    out.push(nounPhraseTriple(ctx, 'title', { start: m.start, end: m.end, text: m.text, head: m, modifiers: [] }, 'be', title));
  }
  return out;
}

function textOf(ctx: SentenceContext, p: Phrase): string {
  const span = withQuotes(ctx.doc.text, originalSpan(ctx, p), ctx.source.start, ctx.source.end);
  return ctx.doc.text.slice(span.start, span.end);
}

function triplesOf(ctx: SentenceContext, arg: Arguments, extent: Extent, clause: Clause, attribution: string | undefined): ScoredTriple[] {
  const toks = ctx.sentence.tokens;
  const v = clause.verb;
  const main = toks[v.main];
  const predicate = clause.predicate ? ` ${toks[clause.predicate.first].normal}` : '';
  const verb = catenatives(toks, v, false) + (v.copula ? 'be' : main.lemma) + predicate;
  // a passive without its agent keeps the participle: "be held in", "be scheduled to visit", not "be hold in"
  const chain = catenatives(toks, v, true);
  const passiveVerb = chain ? chain + main.lemma + predicate : (v.copula ? 'be' : main.normal) + predicate;
  const particle = v.particle !== undefined ? toks[v.particle].normal : undefined;
  // as written in the input ("do n't" in PTB text, where compromise reads one word "don't")
  const words = relationTokens(clause).map((k) => {
    const span = originalSpan(ctx, { first: k, last: k });
    return ctx.doc.text.slice(span.start, span.end);
  });
  const out: ScoredTriple[] = [];
  if (!clause.subjects.length) return out;
  const laterPhrases = [...clause.adjuncts, ...clause.leading];
  const later = laterPhrases.map((p) => textOf(ctx, p));
  const prepText = (p: PrepObject) => textOf(ctx, { first: p.prep, last: extent(p.objects[p.objects.length - 1]) });
  // an object as Open IE writes it, with the clause that modifies it; the graph's head stays the noun's
  const full = (p: Phrase): Argument => {
    const a = arg(p);
    const last = extent(p);
    if (last === p.last) return a;
    const end = withQuotes(ctx.doc.text, originalSpan(ctx, { first: p.first, last }), ctx.source.start, ctx.source.end).end;
    return { ...a, end, text: ctx.doc.text.slice(a.start, end) };
  };
  const emit = (shape: Shape, subject: Argument, object: Argument, relation: string, relationText: string, adjuncts: string[]): void => {
    const t: Triple = { subject, relation, relationText, object, adjuncts, confidence: 0, negated: v.negated, passive: shape === 'agent', modality: v.modal, attribution, source: ctx.source };
    out.push(scored(t, clauseFeatures(shape, clause, t, toks)));
  };
  if (clause.reports && clause.reported) {
    // the reported clause is an argument, not a thing: no head for the graph
    const reported = { ...arg(clause.reported), head: undefined, modifiers: [] };
    for (const s of clause.subjects) emit('report', arg(s), reported, normaliseRelation({ verb, particle }), words.join(' '), later);
    return out;
  }
  if (v.passive && clause.agents.length) {
    // "the meeting was attended by Sheinbaum" → Sheinbaum attend meeting
    const relation = normaliseRelation({ verb, particle });
    const adjuncts = [...clause.preps.map(prepText), ...later];
    for (const a of clause.agents) for (const o of clause.subjects) emit('agent', full(a), arg(o), relation, [...words, 'by'].join(' '), adjuncts);
    return out;
  }
  const passivePrefix = v.passive ? 'be ' : '';
  if (clause.objects.length) {
    const relation = passivePrefix + normaliseRelation({ verb: v.passive ? passiveVerb : verb, particle });
    const adjuncts = [...clause.preps.map(prepText), ...later];
    for (const s of clause.subjects) for (const o of clause.objects) emit('object', arg(s), full(o), relation, words.join(' '), adjuncts);
    return out;
  }
  const [first, ...rest] = clause.preps;
  if (!first) {
    // "the trackage was abandoned several years later": the adjunct stands as the object
    if (!laterPhrases.length) return out;
    // a time or manner names nothing the graph connects
    const object: Argument = { ...arg(laterPhrases[0]), head: undefined, modifiers: [] };
    for (const s of clause.subjects) emit('adjunct', arg(s), object, passivePrefix + normaliseRelation({ verb: v.passive ? passiveVerb : verb, particle }), words.join(' '), later.slice(1));
    return out;
  }
  const relation = passivePrefix + normaliseRelation({ verb: v.passive ? passiveVerb : verb, particle, preposition: toks[first.prep].normal });
  const adjuncts = [...rest.map(prepText), ...later];
  for (const s of clause.subjects) for (const o of first.objects) emit('prep', arg(s), full(o), relation, [...words, toks[first.prep].text].join(' '), adjuncts);
  return out;
}

/** "plans to build" → "plan to ": the verbs a main verb's infinitive hangs on, kept in the relation. */
/** "aims to finalize" → "aim to "; with `participle`, the first verb as written ("is scheduled to visit" → "scheduled to "). */
function catenatives(toks: Token[], v: { first: number; main: number }, participle: boolean): string {
  let out = '';
  for (let k = v.first; k < v.main - 1; k++) {
    if (toks[k + 1].normal === 'to' && hasTag(toks[k], 'Verb') && !hasTag(toks[k], 'Auxiliary', 'Modal', 'Copula')) {
      out += `${participle && !out ? toks[k].normal : toks[k].lemma} to `;
    }
  }
  return out;
}

/** How a triple was read: from a clause (by the shape of its complement) or from a noun phrase. */
type Shape = 'object' | 'prep' | 'agent' | 'report' | 'adjunct' | 'apposition' | 'possessive' | 'title' | 'locative';

/** What confidence is computed from: 0/1 indicators and argument sizes. */
export type Features = Record<string, number>;

/** Space-separated words in a text, counted without splitting it. */
function words(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32 && (i === 0 || text.charCodeAt(i - 1) === 32)) n++;
  return n;
}

function clauseFeatures(shape: Shape, clause: Clause | undefined, t: Triple, toks: Token[]): Features {
  const f: Features = { [shape]: 1, subjectWords: Math.min(words(t.subject.text), 12) / 12, objectWords: Math.min(words(t.object.text), 12) / 12, adjuncts: Math.min(t.adjuncts.length, 3) / 3 };
  f.sentenceWords = Math.min(toks.length, 60) / 60;
  f.relationWords = Math.min(words(t.relationText), 6) / 6;
  if (t.negated) f.negated = 1;
  if (t.modality) f.modal = 1;
  if (t.subject.head?.named) f.namedSubject = 1;
  if (t.object.head?.named) f.namedObject = 1;
  if (/^(?:he|she|it|they|we|i|you|this|these|those)$/i.test(t.subject.text)) f.pronounSubject = 1;
  if (!t.subject.head) f.headlessSubject = 1;
  if (words(t.object.text) === 1) f.oneWordObject = 1;
  if (clause) {
    f[clause.subjectFrom] = 1;
    f[clause.verb.form] = 1;
    if (clause.verb.passive) f.passive = 1;
    if (clause.verb.copula) f.copula = 1;
    if (clause.subjects.length > 1 || clause.objects.length > 1) f.coordinated = 1;
    if (hasTag(toks[clause.verb.main], 'Gerund')) f.gerundMain = 1;
    if (clause.shared) f.shared = 1;
    if (clause.leading.length) f.leading = 1;
  }
  return f;
}

/** Weights of a logistic model of a triple's token precision against CaRB dev gold (fitted offline, L2-regularised). */
export const WEIGHTS: Readonly<Features> = { bias: 0.17, adjunct: -0.02, adjuncts: 0.18, agent: -0.05, apposition: 0.46, coordinated: 0.57, copula: 0.06, finite: 0.28, gerund: -0.20, gerundMain: 0.01, headlessSubject: -0.33, infinitive: -0.06, inherited: -0.23, leading: 0.27, local: 0.44, locative: -0.08, modal: 0.21, namedObject: 0.43, namedSubject: 0.32, negated: -0.30, object: 0.05, objectWords: 0.28, oneWordObject: -0.39, participle: 0.07, passive: 0.37, possessive: -1.14, prep: 0.16, pronounSubject: 0.21, relationWords: 0.70, relative: -0.12, report: -0.04, sentenceWords: -1.18, shared: 0.10, subjectWords: 0.13, title: 0.69 };

function scored(triple: Triple, features: Features): ScoredTriple {
  triple.confidence = confidence(features);
  return { triple, features };
}

/** Confidence from features: a logistic score, rounded so equal evidence ties. */
function confidence(f: Features): number {
  let z = WEIGHTS.bias;
  for (const name in f) z += (WEIGHTS[name] ?? 0) * f[name];
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}
