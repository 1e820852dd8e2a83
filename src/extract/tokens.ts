import nlp from 'compromise';
import type { Span } from '../types.js';
import { detokenise, looksTokenised } from './ptb.js';
import './sweep.js'; // compromise's bulk matcher, made faster with the same results

/** One word as compromise tagged it, with offsets into the text that was parsed. */
export interface Token extends Span {
  /** Position in its sentence. */
  i: number;
  text: string;
  /** Lower-cased, punctuation-free form (compromise's `normal`). */
  normal: string;
  /** Verb infinitive / noun singular where compromise knows it, else `normal`. */
  lemma: string;
  tags: Set<string>;
  /** Punctuation and spaces before / after the word. */
  pre: string;
  post: string;
  /** compromise chunk: 'Noun' | 'Verb' | 'Adjective' | 'Pivot'. */
  chunk: string;
}

/** A sentence as a token list; `start`/`end` are offsets into the parsed text. */
export interface TokenSentence extends Span {
  index: number;
  tokens: Token[];
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  machine?: string;
  chunk?: string | null;
  tags: Set<string>;
  offset: { start: number; length: number };
}

/**
 * Parses text with compromise once and returns its sentences as plain token arrays.
 * Reads compromise's internal document (`doc.document`) rather than `json()`, which copies far more.
 */
export function tokenize(text: string): TokenSentence[] {
  // PTB-tokenised input (CaRB) is parsed as prose; offsets are mapped back to `text`
  const ptb = looksTokenised(text) ? detokenise(text) : undefined;
  const parsed = ptb ? ptb.text : text;
  const toStart = (i: number) => (ptb ? (i < ptb.start.length ? ptb.start[i] : text.length) : i);
  const toEnd = (i: number) => (ptb ? (i > 0 ? ptb.end[i - 1] : 0) : i);
  const doc = nlp(parsed);
  // nlp() already chunks (a parse hook): only offsets are left to compute; lemmas are ours (lemmaOf)
  doc.compute('offset');
  const sentences: TokenSentence[] = [];
  for (const terms of (doc as unknown as { document: CompromiseTerm[][] }).document) {
    if (terms.length === 0) continue;
    // compromise expands contractions into words with no text ("Mexico's" → "Mexico is"): no offsets, no use here
    const written = terms.filter((t) => t.text !== '');
    if (written.length === 0) continue;
    const tokens = written.map((t, i): Token => ({
      i,
      text: t.text,
      normal: t.normal,
      lemma: lemmaOf(t),
      tags: t.tags,
      pre: t.pre,
      post: t.post,
      chunk: t.chunk ?? '',
      start: toStart(t.offset.start),
      end: toEnd(t.offset.start + t.offset.length),
    }));
    repairTags(tokens);
    const last = written[written.length - 1];
    sentences.push({ index: sentences.length, tokens, start: tokens[0].start, end: toEnd(sentenceEnd(parsed, last)) });
  }
  return sentences;
}

/** Verbs a gerund continues as a verb: "kept running", "started selling". */
const ASPECTUAL = new Set(['start', 'starts', 'started', 'starting', 'begin', 'begins', 'began', 'begun', 'stop', 'stops', 'stopped', 'keep', 'keeps', 'kept', 'continue', 'continues', 'continued', 'finish', 'finished', 'avoid', 'avoided', 'enjoy', 'enjoyed', 'quit', 'resume', 'resumed', 'consider', 'considered', 'recommend', 'recommended', 'suggest', 'suggested', 'get', 'got', 'gets', 'have', 'has', 'had', 'go', 'went', 'goes']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);
const PREPOSITIONS = new Set(['under', 'over', 'within', 'across', 'against', 'amid', 'amidst', 'despite', 'toward', 'towards', 'among', 'between', 'beyond', 'without', 'throughout', 'via', 'per', 'alongside', 'regarding', 'following', 'near', 'inside', 'outside']);

/** Fixes compromise tags that clause finding trips on. */
function repairTags(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "who arrived Tuesday": compromise tags "arrived" an adjective
    if (prev && RELATIVE_PRONOUNS.has(prev.normal) && t.tags.has('Adjective') && /ed$/.test(t.normal)) retag(t, 'Verb', ['Verb', 'PastTense']);
    // "under this new framework", "against illicit production": a preposition, not an adjective
    else if (PREPOSITIONS.has(t.normal) && !t.tags.has('Preposition') && next && !next.tags.has('Verb') && (!/ing$/.test(t.normal) || next.tags.has('Determiner'))) retag(t, 'Pivot', ['Preposition']);
    // "Sheinbaum highlighted Mexico's right": a past tense after a name, not an adjective
    else if (prev?.tags.has('ProperNoun') && t.tags.has('Adjective') && /ed$/.test(t.normal) && next && (next.tags.has('Determiner') || next.tags.has('ProperNoun') || next.tags.has('Possessive'))) retag(t, 'Verb', ['Verb', 'PastTense']);
    // "focusing on escalating concerns", "the town and surrounding villages": a participle modifying a noun
    else if (t.tags.has('Gerund') && prev && (prev.tags.has('Preposition') || prev.tags.has('Determiner') || prev.tags.has('Adjective') || /^(?:and|or)$/.test(prev.normal) && tokens[i - 2]?.chunk === 'Noun') && next && next.tags.has('Noun') && !next.tags.has('Determiner') && !next.tags.has('Pronoun') && !next.tags.has('ProperNoun') && next.tags.has('Plural')) retag(t, 'Adjective', ['Adjective']);
    // "a strike that had set sail": "that" before a verb is a relative pronoun
    else if (t.normal === 'that' && prev?.tags.has('Noun') && next?.tags.has('Verb')) retag(t, 'Pivot', ['Pronoun', 'Relative']);
    // "said that all terms …", "that the army …": "that" before a determiner, pronoun, name or plural opens a clause
    else if (t.normal === 'that' && t.tags.has('Determiner') && complementizer(tokens, i)) retag(t, 'Pivot', ['Conjunction']);
    // "Acme, for example, peddles the …": a plural with no determiner before and one after is a verb
    else if (t.tags.has('Plural') && !t.tags.has('ProperNoun') && /^[a-z]+s$/.test(t.text) && !/\S/.test(t.post) && next && /^(?:the|a|an)$/.test(next.normal) && prev && !prev.tags.has('Determiner') && !prev.tags.has('Adjective') && !prev.tags.has('Possessive') && !prev.tags.has('Value') && !prev.tags.has('Preposition') && !prev.tags.has('Verb')) {
      retag(t, 'Verb', ['Verb', 'PresentTense']);
      t.lemma = world.methods.two.transform.verb.toInfinitive(t.normal, world.model, 'PresentTense') || t.normal;
    }
    // "… members of Scout camps.": a sentence-final word inside a prepositional phrase is a noun
    else if (!next && t.tags.has('PresentTense') && !t.tags.has('Infinitive') && prev?.tags.has('Noun') && !prev.tags.has('Pronoun') && insidePrepPhrase(tokens, i)) retag(t, 'Noun', ['Noun', 'Plural']);
    // "makes veiled references", "to find acting jobs": a participle between a full verb and its object noun modifies the noun
    else if (t.tags.has('Verb') && (t.tags.has('PastTense') || t.tags.has('Gerund')) && !/\S/.test(t.post) && prev?.tags.has('Verb') && !/\S/.test(prev.post) && !prev.tags.has('Auxiliary') && !prev.tags.has('Copula') && !prev.tags.has('Modal') && !ASPECTUAL.has(prev.normal) && next?.tags.has('Noun') && !next.tags.has('Determiner') && !next.tags.has('Pronoun') && !next.tags.has('Verb') && !next.tags.has('Date')) retag(t, 'Adjective', ['Adjective']);
    // "drugs, guns, and fuel": a list item is a noun, whatever compromise guessed
    else if (t.tags.has('Verb') && prev?.post.trim() === ',' && prev.tags.has('Noun') && (next?.normal === 'and' || next?.normal === 'or' || t.post.trim() === ',') && (next?.normal === 'and' || next?.normal === 'or' || next?.tags.has('Noun'))) retag(t, 'Noun', ['Noun', 'Plural']);
    // "an alleged drug boat, killing": a bare verb form closing a noun phrase is its head noun
    else if (t.tags.has('Verb') && !t.tags.has('PastTense') && !t.tags.has('Gerund') && prev?.tags.has('Noun') && !prev.tags.has('Pronoun') && !prev.tags.has('Plural') && (tokens[i - 2]?.tags.has('Adjective') || tokens[i - 2]?.tags.has('Determiner')) && (!next || /[,;:.]/.test(t.post) || next.tags.has('Preposition'))) retag(t, 'Noun', ['Noun', 'Singular']);
    // "Rubio's visit signals continued pressure": a plural after a singular noun, before a participle used as adjective
    else if (t.tags.has('Plural') && t.normal.endsWith('s') && prev?.tags.has('Singular') && prev.chunk === 'Noun' && !prev.tags.has('ProperNoun') && tokens[i - 2]?.tags.has('Possessive') && next?.tags.has('PastTense') && tokens[i + 2] && (tokens[i + 2].tags.has('Noun') || tokens[i + 2].tags.has('Acronym')) && !tokens[i + 2].tags.has('Determiner')) {
      retag(t, 'Verb', ['Verb', 'PresentTense']);
      t.lemma = t.normal.slice(0, -1);
      retag(next, 'Adjective', ['Adjective']);
    }
    // "of complete bikes is", "for runaway trains in the tunnel": an -s word closing a verb's prepositional object is a plural noun
    else if (t.tags.has('PresentTense') && !t.tags.has('Infinitive') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && /^[a-z]+s$/.test(t.text) && prev && !/\S/.test(prev.post) && (prev.tags.has('Adjective') && !prev.tags.has('Noun') && !prev.tags.has('Verb') || prev.tags.has('Noun') && !prev.tags.has('Pronoun') && !prev.tags.has('ProperNoun') && objectOfVerb(tokens, i))) retag(t, 'Noun', ['Noun', 'Plural']);
    // "were hit by two earthquakes": a bare word between "be" and "by" is a participle
    else if (prev?.tags.has('Copula') && next?.normal === 'by' && t.chunk === 'Noun' && /^[a-z]+$/.test(t.text) && !t.tags.has('Plural') && !t.tags.has('Determiner') && !t.tags.has('Pronoun') && !t.tags.has('Value') && !/\S/.test(prev.post) && !/\S/.test(t.post)) retag(t, 'Verb', ['Verb', 'PastTense', 'Participle']);
    // "set sail" after an auxiliary: a verb, not a noun
    else if (prev?.tags.has('Auxiliary') && !prev.tags.has('Copula') && t.chunk === 'Noun' && !t.tags.has('Determiner') && !t.tags.has('Pronoun') && !t.tags.has('ProperNoun') && /^(have|has|had)$/.test(prev.normal)) retag(t, 'Verb', ['Verb', 'PastTense', 'Participle']);
  }
}

/** True when the words before i, back to a preposition, are all nominal ("of both Scout and Cub Scout …"). */
function insidePrepPhrase(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (/[,;:]/.test(t.post)) return false;
    if (t.tags.has('Preposition')) return true;
    if (t.tags.has('Verb') || !(t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Determiner') || t.tags.has('Value') || t.normal === 'and' || t.normal === 'or')) return false;
  }
  return false;
}

/** Verbs whose object can be a clause with its own subject: "said the men in the cars work". */
const CLAUSE_TAKING = new Set(['say', 'think', 'believe', 'know', 'claim', 'report', 'find', 'feel', 'hope', 'expect', 'mean', 'suggest', 'show', 'argue', 'note', 'see', 'hear']);

/** True when the words before i, through a preposition, run back to a full verb: i sits inside that verb's complement. */
function objectOfVerb(tokens: Token[], i: number): boolean {
  let prep = false;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (/[,;:()"]/.test(t.post)) return false;
    if (t.tags.has('Preposition')) { prep = true; continue; }
    if (t.tags.has('Verb')) return prep && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Modal') && !CLAUSE_TAKING.has(t.lemma);
    if (!(t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Determiner') || t.tags.has('Value')) || t.tags.has('Pronoun') && !t.tags.has('Possessive')) return false;
  }
  return false;
}

/** "that" before what a demonstrative cannot precede: another determiner, a pronoun, a name, a plural. */
function complementizer(tokens: Token[], i: number): boolean {
  let j = i + 1;
  while (tokens[j] && tokens[j].tags.has('Adjective') && !tokens[j].tags.has('Noun')) j++;
  const n = tokens[j];
  if (!n) return false;
  if (j === i + 1 && (n.tags.has('Determiner') || n.tags.has('Pronoun') || n.tags.has('ProperNoun') && /^\p{Lu}/u.test(n.text))) return true;
  return n.tags.has('Plural') && !n.tags.has('Singular');
}

const world = (nlp as unknown as { world(): CompromiseWorld }).world();

interface CompromiseWorld {
  model: { two: { irregularPlurals: Record<string, string> } };
  methods: {
    two: {
      transform: {
        verb: { toInfinitive(word: string, model: unknown, tense?: string): string; conjugate(infinitive: string, model: unknown): Record<string, string | undefined> };
        noun: { toSingular(word: string, model: unknown): string };
        adjective: { fromComparative(word: string, model: unknown): string; fromSuperlative(word: string, model: unknown): string; fromAdverb(word: string): string };
      };
    };
  };
}

const transform = world.methods.two.transform;
/** compromise's toSingular inverts its irregular plurals on every call: inverted once here, its rules run on a model without them. */
const SINGULAR_OF = new Map(Object.entries(world.model.two.irregularPlurals).map(([one, many]) => [many, one]));
const RULES_ONLY = { two: { irregularPlurals: {} } };

/** The lemma compromise's `root` compute gives (same tags, same order), without its per-word cost. */
function lemmaOf(t: CompromiseTerm): string {
  const tags = t.tags;
  const str = t.machine || t.normal || t.text;
  let root: string;
  if (tags.has('Possessive')) root = str.replace(/'s$/, '');
  else if (tags.has('Plural')) root = SINGULAR_OF.get(str) ?? transform.noun.toSingular(str, RULES_ONLY);
  else if (tags.has('Copula')) root = 'is';
  else if (tags.has('PastTense')) root = tags.has('Participle') ? fromParticiple(str) : transform.verb.toInfinitive(str, world.model, 'PastTense');
  else if (tags.has('Gerund')) root = transform.verb.toInfinitive(str, world.model, 'Gerund');
  else if (tags.has('PresentTense')) root = tags.has('Infinitive') ? str : transform.verb.toInfinitive(str, world.model, 'PresentTense');
  else if (tags.has('Comparative')) root = transform.adjective.fromComparative(str, world.model);
  else if (tags.has('Superlative')) root = transform.adjective.fromSuperlative(str, world.model);
  else if (tags.has('Adverb')) root = transform.adjective.fromAdverb(str);
  else return t.normal;
  return root || t.normal;
}

/** "written" → "write", "gone" → "go": compromise's participle model first, its past-tense one when that leaves the word as it is ("visited"). */
function fromParticiple(str: string): string {
  const root = transform.verb.toInfinitive(str, world.model, 'Participle');
  return root && root !== str ? root : transform.verb.toInfinitive(str, world.model, 'PastTense');
}

function retag(t: Token, chunk: string, tags: string[]): void {
  t.tags = new Set(tags);
  t.chunk = chunk;
  if (tags.includes('Verb') && tags.includes('PastTense')) t.lemma = world.methods.two.transform.verb.toInfinitive(t.normal, world.model, 'PastTense') || t.normal;
}

/** A sentence ends after its last word's closing punctuation (". ", "?\" "), not after trailing spaces. */
function sentenceEnd(parsed: string, last: CompromiseTerm): number {
  const closing = last.post.replace(/\s.*$/s, '');
  return Math.min(parsed.length, last.offset.start + last.offset.length + closing.length);
}

/**
 * True when a past-tense word is also the past participle: "renamed", "taken"; not "took", "became"
 * (compromise lists a participle only where it differs from the past tense, and not for every verb).
 */
export function isPastParticiple(t: Token): boolean {
  if (t.tags.has('Participle')) return true;
  if (!t.tags.has('PastTense')) return false;
  const participle = transform.verb.conjugate(t.lemma, world.model).Participle;
  return participle ? participle === t.normal : /ed$/.test(t.normal);
}

/** True when a token has any of the tags. */
export function hasTag(t: Token | undefined, ...tags: string[]): boolean {
  if (!t) return false;
  for (const tag of tags) if (t.tags.has(tag)) return true;
  return false;
}

/** True when punctuation that ends a phrase (comma, colon, semicolon, dash, bracket, quote) follows the token. */
export function breaksAfter(t: Token | undefined): boolean {
  return !!t && /[,;:()\[\]"—–]|\s-\s/.test(t.post);
}
