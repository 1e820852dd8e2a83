import type { Argument, Mention, Triple } from '../types.js';
import { nounPhrasesAt, type Clause, type Phrase } from './clauses.js';
import { countryOfDemonym, placeOf, sideBySide } from './gazetteer.js';
import { HEAD_TITLES, ORG_NOUNS, PLACE_NOUNS } from './lexicon.js';
import { BETWEEN_NAMES, COORDINATOR_MISSPELLINGS, EVENT_NOUNS, RECIPROCAL_VERBS } from './relations.js';
import { hasTag, type Token } from './tokens.js';
import { argument, headToken, originalSpan, type SentenceContext } from './triples.js';

/**
 * Links between named entities that the clause reading leaves on a concept or does not read at all:
 * a relation through a description to the name inside it ("X is a politician for the Labour Party" →
 * X –politician for→ Labour Party), nationality adjectives ("a German racer" → citizen of), place chains
 * ("Vancouver, British Columbia, Canada": each in the next), birthplaces in parentheses, coordinated
 * subjects of reciprocal verbs ("Mexico and the United States agreed"), and the named actor of an event
 * noun ("a U.S. strike sank the boat" → United States –strike→ boat). The object keeps the phrase as written;
 * its head is the named entity. These triples have no relation text: no words of the sentence say the relation.
 */
export function linkTriples(ctx: SentenceContext, clauses: Clause[], found: Triple[]): Triple[] {
  const chains = placeChains(ctx);
  const out: Triple[] = [
    ...chainTriples(ctx, chains),
    ...clauseLinks(ctx, clauses),
    ...appositionLinks(ctx),
    ...birthLinks(ctx, clauses),
    ...lifespanLinks(ctx),
    ...coordinationLinks(ctx, clauses),
    ...actorLinks(ctx, clauses),
    ...holderLinks(ctx),
    ...betweenNameLinks(ctx),
  ];
  out.push(...alongChains([...found, ...out], chains));
  return novel(found, out);
}

const CONFIDENCE_LINK = 0.7;
const CONFIDENCE_CHAIN = 0.8;
const CONFIDENCE_CONTEXT = 0.5;

function triple(ctx: SentenceContext, subject: Argument, relation: string, object: Argument, confidence = CONFIDENCE_LINK): Triple {
  return { subject, relation, relationText: '', object, adjuncts: [], confidence, negated: false, passive: false, source: ctx.source };
}

function asArgument(m: Mention): Argument {
  return { start: m.start, end: m.end, text: m.text, head: m, modifiers: [] };
}

/** The phrase as written, with the named entity inside it as its head. */
function through(ctx: SentenceContext, p: Phrase, head: Mention): Argument {
  const span = originalSpan(ctx, p);
  return { ...span, text: ctx.doc.text.slice(span.start, span.end), head, modifiers: [] };
}

/** An argument that can be linked: its head names someone or something, or refers back to one ("he"). */
function linkable(a: Argument): boolean {
  return !!a.head && (a.head.named || !!a.head.anaphor || /^(?:he|she|it|they|him|her)$/i.test(a.head.text));
}

/** Named mentions starting inside tokens first..last, and countries named there that recognition left out ("the Premier of China"). */
function namedIn(ctx: SentenceContext, p: Phrase, except?: Mention): Mention[] {
  const { start, end } = originalSpan(ctx, p);
  const out = ctx.mentions.filter((m) => m.named && m.start >= start && m.start < end && m !== except && !(except && m.start === except.start));
  for (let k = p.first; k <= p.last; k++) {
    const country = countryAt(ctx, k, (w) => placeOf(w)?.kind === 'country' ? placeOf(w)?.name : undefined);
    if (country) out.push(country);
  }
  return out;
}

/** A nationality adjective at token k that no name covers: "German" → a place mention keyed by its country. */
export function demonymAt(ctx: SentenceContext, k: number): Mention | undefined {
  return countryAt(ctx, k, countryOfDemonym);
}

/** A place mention for the capitalised word at k that names a country by `countryOf`, when no mention covers it. */
function countryAt(ctx: SentenceContext, k: number, countryOf: (word: string) => string | undefined): Mention | undefined {
  const t = ctx.sentence.tokens[k];
  const country = /^\p{Lu}/u.test(t.text) && !hasTag(t, 'Possessive') ? countryOf(t.text.replace(/[^\p{L}.-]/gu, '')) : undefined;
  if (!country) return undefined;
  const span = originalSpan(ctx, { first: k, last: k });
  if (ctx.mentions.some((m) => m.named && m.start <= span.start && span.start < m.end)) return undefined;
  return { doc: ctx.doc.id, ...span, text: ctx.doc.text.slice(span.start, span.end), type: 'place', sentence: ctx.sentence.index, named: true, key: country };
}

/** What a nationality says of the one described: a person's citizenship, a thing's country. */
function nationality(subject: Argument): string {
  const h = subject.head;
  return h && (h.type === 'person' || /^(?:he|she|him|her)$/i.test(h.text)) ? 'citizen of' : 'country';
}

/** The word a description is named by ("politician" of "a Norwegian politician", "Premier" of "the Premier of China"), or undefined for a name. */
function nounOf(ctx: SentenceContext, p: Phrase): string | undefined {
  const toks = ctx.sentence.tokens;
  let k = headToken(toks, p);
  for (let j = p.first + 1; j <= p.last; j++) if (toks[j].normal === 'of' && hasTag(toks[j - 1], 'Noun')) { k = j - 1; break; }
  if (k === undefined || hasTag(toks[k], 'Pronoun')) return undefined;
  const start = ctx.doc.toOriginal(toks[k].start);
  if (ctx.mentions.some((m) => m.named && m.start <= start && start < m.end)) return undefined;
  return (toks[k].tags.has('Plural') ? toks[k].lemma : toks[k].normal).toLowerCase().replace(/[^\p{L}\p{N}' -]/gu, '');
}

/** Links from a subject into a description: names inside it ("the capital of Norway", "France's largest group"), nationality adjectives. */
function descriptionLinks(ctx: SentenceContext, subject: Argument, desc: Phrase, noun: string | undefined, prefix: string): Triple[] {
  const out: Triple[] = [];
  const own = argument(ctx, desc).head;
  for (const m of namedIn(ctx, desc, own)) out.push(triple(ctx, subject, `${prefix}${noun ?? 'be'} of`, through(ctx, desc, m)));
  for (let k = desc.first; k <= desc.last; k++) {
    const d = demonymAt(ctx, k);
    if (d) out.push(triple(ctx, subject, nationality(subject), through(ctx, desc, d)));
  }
  return out;
}

/** Prepositional phrases after token `from`, through commas that go on with a preposition ("a village in X, within Y"). */
function prepositionsAfter(toks: Token[], from: number, limit: number, acrossCommas: boolean): { prep: number; objects: Phrase[] }[] {
  const out: { prep: number; objects: Phrase[] }[] = [];
  let k = from;
  while (k <= limit) {
    const t = toks[k];
    if (!LINK_PREPOSITIONS.has(t.normal)) break;
    const np = nounPhrasesAt(toks, k + 1, limit);
    if (!np.conjuncts.length || np.conjuncts[0].first !== k + 1) break;
    out.push({ prep: k, objects: np.conjuncts });
    k = np.end + 1;
    if (/[;:()]/.test(toks[np.end].post) || /,/.test(toks[np.end].post) && !acrossCommas) break;
  }
  return out;
}

/** Prepositions that say where a place or body is: "X, in Y", "X, near Y". */
const PLACE_PREPOSITIONS = new Set(['in', 'within', 'near']);

/** Prepositions that relate a description to a named entity: "a politician for", "a city in", "a member of". */
const LINK_PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'from', 'with', 'within', 'near', 'on', 'to', 'by', 'under', 'against', 'between']);

function clauseLinks(ctx: SentenceContext, clauses: Clause[]): Triple[] {
  const toks = ctx.sentence.tokens;
  const out: Triple[] = [];
  for (const clause of clauses) {
    if (clause.reports || !clause.subjects.length || clause.verb.negated) continue;
    const v = clause.verb;
    const subjects = clause.subjects.map((p) => argument(ctx, p)).filter(linkable);
    const unnamed = v.copula && clause.subjectFrom === 'local' && clause.subjects.length === 1 && clause.objects[0] ? nameOf(ctx, clause.subjects[0], clause.objects[0]) : undefined;
    if (unnamed) subjects.push(unnamed);
    if (!subjects.length) continue;
    const verb = v.copula ? '' : `${v.passive ? `be ${toks[v.main].normal}` : toks[v.main].lemma}${v.particle !== undefined ? ` ${toks[v.particle].normal}` : ''} `;
    const object = clause.objects[0];
    const noun = object && nounOf(ctx, object);
    if (v.copula) for (const o of clause.objects) for (const s of subjects) out.push(...descriptionLinks(ctx, s, o, nounOf(ctx, o), ''));
    // a copula's description goes on through commas ("a village in X, within Y"); another verb's first complement is its own
    const from = object ? object.last + 1 : clause.preps[0]?.prep;
    if (from === undefined) continue;
    const limit = clause.preps.length ? Math.max(...clause.preps.map((p) => p.objects[p.objects.length - 1].last)) : object.last;
    const preps = v.copula ? prepositionsAfter(toks, from, toks.length - 1, true) : prepositionsAfter(toks, from, limit, false).slice(0, 1);
    for (const { prep, objects } of preps) {
      const relation = v.copula ? `${noun ?? 'be'} ${toks[prep].normal}` : `${verb}${toks[prep].normal}`;
      for (const p of objects) for (const m of namedIn(ctx, p)) for (const s of subjects) out.push(triple(ctx, s, relation, through(ctx, { first: object?.first ?? prep, last: p.last }, m)));
    }
  }
  return out;
}

/**
 * "Brookston is a city in …": a capitalised subject recognition left out, described by a copula, names the thing
 * described; its type is the description's ("city" → place).
 */
function nameOf(ctx: SentenceContext, subject: Phrase, description: Phrase): Argument | undefined {
  const toks = ctx.sentence.tokens;
  const span = originalSpan(ctx, subject);
  if (ctx.mentions.some((m) => m.start < span.end && span.start < m.end)) return undefined;
  for (let k = subject.first; k <= subject.last; k++) if (!/^\p{Lu}/u.test(toks[k].text) || !hasTag(toks[k], 'Noun') || hasTag(toks[k], 'Pronoun')) return undefined;
  const noun = nounOf(ctx, description);
  const type = !noun ? undefined : PLACE_NOUNS.has(noun) ? 'place' : ORG_NOUNS.has(noun) ? 'organization' : undefined;
  if (!type) return undefined;
  const text = ctx.doc.text.slice(span.start, span.end);
  const head: Mention = { doc: ctx.doc.id, ...span, text, type, sentence: ctx.sentence.index, named: true, key: text };
  return asArgument(head);
}

/** Words that open a description set off after a name: "X, a spokesman for Y,", "X, the capital of Y". */
function opensDescription(toks: Token[], k: number): boolean {
  const t = toks[k];
  return !!t && (/^(?:a|an|the)$/.test(t.normal) || hasTag(t, 'Possessive') || hasTag(toks[k + 1], 'Possessive') || !!countryOfDemonym(t.text) || hasTag(t, 'Actor'));
}

/** "X, a spokesman for Y, said", "X, the Labour MP for Y": a name, a comma, and a description with its prepositional phrases. */
function appositionLinks(ctx: SentenceContext): Triple[] {
  const toks = ctx.sentence.tokens;
  const out: Triple[] = [];
  for (const m of ctx.mentions) {
    if (!m.named) continue;
    const last = lastTokenOf(ctx, m);
    if (last < 0 || !/^\s*[,(]\s*$/.test(toks[last].post)) continue;
    if (PLACE_PREPOSITIONS.has(toks[last + 1]?.normal)) {
      // "Franklin Lakes, in Bergen County,": where the place or body is
      const where = nounPhrasesAt(toks, last + 2).conjuncts[0];
      if (where?.first === last + 2) for (const n of namedIn(ctx, where)) out.push(triple(ctx, asArgument(m), 'be in', through(ctx, { first: last + 1, last: where.last }, n)));
      continue;
    }
    // "In Mexico, U.S. Secretary …": a name after a preposition is an opening adverbial, described by nothing after it
    const before = toks[firstTokenOf(ctx, m) - 1];
    if (!opensDescription(toks, last + 1) || before && hasTag(before, 'Preposition')) continue;
    const np = nounPhrasesAt(toks, last + 1);
    const desc = np.conjuncts[0];
    if (!desc || desc.first !== last + 1 || np.conjuncts.length > 1) continue;
    // "Aeroméxico, Air Canada, American, British Airways": a lone capitalised demonym after a name is the next item of a list
    if (desc.first === desc.last && demonymAt(ctx, desc.first)) continue;
    const noun = nounOf(ctx, desc);
    if (!noun) continue;
    const subject = asArgument(m);
    const preps = /[,;:()]/.test(toks[desc.last].post) ? [] : prepositionsAfter(toks, desc.last + 1, toks.length - 1, false);
    const end = preps.length ? preps[preps.length - 1].objects[preps[preps.length - 1].objects.length - 1].last : desc.last;
    // closed by a comma, a bracket, the sentence's end or a verb: not the first of a list of names
    const after = toks[end + 1];
    if (after && !/[,;:()]/.test(toks[end].post) && !hasTag(after, 'Verb')) continue;
    out.push(...descriptionLinks(ctx, subject, desc, noun, ''));
    for (const { prep, objects } of preps) {
      for (const p of objects) for (const n of namedIn(ctx, p)) out.push(triple(ctx, subject, `${noun} ${toks[prep].normal}`, through(ctx, { first: desc.first, last: p.last }, n)));
    }
  }
  return out;
}

/** The index of the token a mention ends in, or -1. */
function lastTokenOf(ctx: SentenceContext, m: Mention): number {
  const toks = ctx.sentence.tokens;
  for (let k = toks.length - 1; k >= 0; k--) if (ctx.doc.toOriginal(toks[k].start) < m.end) return ctx.doc.toOriginal(toks[k].start) >= m.start ? k : -1;
  return -1;
}

function firstTokenOf(ctx: SentenceContext, m: Mention): number {
  const toks = ctx.sentence.tokens;
  for (let k = 0; k < toks.length; k++) if (ctx.doc.toOriginal(toks[k].start) >= m.start) return ctx.doc.toOriginal(toks[k].start) < m.end ? k : -1;
  return -1;
}

/**
 * Places written one after another, each in the next: "Brookston, Saint Louis County, Minnesota". A run ended
 * by "and" or "or" is a list of places side by side ("Denmark, Germany and Sweden"), not a chain.
 */
function placeChains(ctx: SentenceContext): Mention[][] {
  const text = ctx.doc.text;
  // the widest mention of a name: "Saint Louis County", not the "Saint Louis" inside it
  const named = ctx.mentions.filter((m) => m.named && !ctx.mentions.some((o) => o !== m && o.named && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start)).sort((a, b) => a.start - b.start);
  const chains: Mention[][] = [];
  let run: Mention[] = [];
  const close = () => {
    const last = run[run.length - 1];
    const rest = last ? text.slice(last.end, ctx.source.end) : '';
    // "In Mexico, U.S. Secretary of State Marco Rubio": a name that goes on into a longer phrase ends no chain
    if (run.length > 1 && !/^\s*,?\s*(?:and|or|&)\b/.test(rest) && !/^\s*\p{Lu}/u.test(rest) && run.slice(1).every(isPlace) && run[0].type !== 'person' && !run.some((m, i) => i > 0 && sideBySide(run[i - 1].text, m.text))) chains.push(run);
    run = [];
  };
  for (const m of named) {
    const prev = run[run.length - 1];
    if (prev && /^\s*,\s*$/.test(text.slice(prev.end, m.start))) run.push(m);
    else {
      close();
      run = [m];
    }
  }
  close();
  return chains;
}

function isPlace(m: Mention): boolean {
  return m.type === 'place' || !!placeOf(m.text);
}

function chainTriples(ctx: SentenceContext, chains: Mention[][]): Triple[] {
  const out: Triple[] = [];
  for (const chain of chains) {
    for (let i = 0; i < chain.length - 1; i++) for (let j = i + 1; j < chain.length; j++) out.push(triple(ctx, asArgument(chain[i]), 'be in', asArgument(chain[j]), CONFIDENCE_CHAIN));
  }
  return out;
}

/** A relation to the first place of a chain holds for the places that contain it: "a city in Vancouver, British Columbia". */
function alongChains(triples: Triple[], chains: Mention[][]): Triple[] {
  const out: Triple[] = [];
  for (const chain of chains) {
    for (const t of triples) {
      const i = chain.findIndex((m) => t.object.head && m.start === t.object.head.start);
      if (i < 0 || i === chain.length - 1 || !linkable(t.subject) || t.relation === 'be in' && chain.some((m) => m.start === t.subject.head?.start)) continue;
      for (const m of chain.slice(i + 1)) out.push({ ...t, object: { ...t.object, head: m }, relationText: '', confidence: Math.min(t.confidence, CONFIDENCE_CHAIN) });
    }
  }
  return out;
}

/** "X (born 13 March 1963 in Mediaș)", "X was born on 2 May 1950 in Y": the place of birth after the date. */
function birthLinks(ctx: SentenceContext, clauses: Clause[]): Triple[] {
  const toks = ctx.sentence.tokens;
  const out: Triple[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].normal !== 'born') continue;
    const host = clauses.find((c) => c.verb.first <= k && k <= c.verb.last);
    const subjects = host?.subjects.map((p) => argument(ctx, p)).filter(linkable) ?? [];
    if (!subjects.length) {
      // in brackets after a name: the name is the one born
      const open = ctx.doc.toOriginal(toks[k].start);
      const person = ctx.mentions.filter((m) => m.named && m.type === 'person' && m.end <= open && /^\s*\(\s*(?:[^()]*;\s*)?$/.test(ctx.doc.text.slice(m.end, open))).pop();
      if (person) subjects.push(asArgument(person));
    }
    if (!subjects.length) continue;
    let j = k + 1;
    while (j < toks.length && (hasTag(toks[j], 'Date', 'Value', 'Month') || /^(?:on|the|of|c|circa|about|around)$/.test(toks[j].normal)) && !/[;()]/.test(toks[j].post)) j++;
    const inPlace = /^(?:in|at|near)$/.test(toks[j]?.normal ?? '');
    const at = inPlace ? j + 1 : j;
    if (!inPlace && !/,/.test(toks[j - 1]?.post ?? '')) continue;
    const place = ctx.mentions.find((m) => m.named && m.type !== 'person' && firstTokenOf(ctx, m) === at);
    if (!place || !inPlace && !isPlace(place)) continue;
    for (const s of subjects) out.push(triple(ctx, s, 'born in', through(ctx, { first: k, last: lastTokenOf(ctx, place) }, place)));
  }
  return out;
}

/**
 * "Rudolf Halin (February 3, 1934, Uerdingen – November 14, 2014, Mölln)", "(18 December 1931 in Mladá Boleslav –
 * 10 November 1991 in Prague)": the places beside the dates of a lifespan in brackets after a name are where the person
 * was born and died.
 */
function lifespanLinks(ctx: SentenceContext): Triple[] {
  const text = ctx.doc.text;
  const out: Triple[] = [];
  for (const m of ctx.mentions) {
    if (!m.named || m.type !== 'person') continue;
    const open = /^\s*\(/.exec(text.slice(m.end, ctx.source.end));
    const close = open ? text.indexOf(')', m.end + open[0].length) : -1;
    if (!open || close < 0 || close > ctx.source.end) continue;
    const start = m.end + open[0].length;
    const dash = /\s[–—-]\s|\s?–\s?/.exec(text.slice(start, close));
    if (!dash) continue;
    const parts = [[start, start + dash.index, 'born in'], [start + dash.index + dash[0].length, close, 'die in']] as const;
    for (const [from, to, relation] of parts) {
      if (!/\b\d{3,4}\b/.test(text.slice(from, to))) continue;
      for (const p of ctx.mentions) {
        if (p.named && p.start >= from && p.end <= to && (isPlace(p) || p.type === 'other') && p.type !== 'person') out.push(triple(ctx, asArgument(m), relation, { start: from, end: to, text: text.slice(from, to), head: p, modifiers: [] }));
      }
    }
  }
  return out;
}

/** "Mexico and the United States agreed to …": coordinated subjects of a reciprocal verb are related to each other. */
function coordinationLinks(ctx: SentenceContext, clauses: Clause[]): Triple[] {
  const toks = ctx.sentence.tokens;
  const out: Triple[] = [];
  for (const clause of clauses) {
    const lemma = toks[clause.verb.main].lemma;
    if (!RECIPROCAL_VERBS.has(lemma) || clause.verb.negated) continue;
    const parties = clause.subjects.length > 1 ? clause.subjects.map((p) => argument(ctx, p)) : misspeltCoordination(ctx, clause.subjects[0]);
    const named = parties.filter((a) => a.head?.named);
    for (let i = 0; i + 1 < named.length; i++) out.push(triple(ctx, named[i], `${lemma} with`, named[i + 1]));
  }
  return out;
}

/** "Mexico adn the United States": a subject whose two names are joined by a misspelt "and". */
function misspeltCoordination(ctx: SentenceContext, p: Phrase | undefined): Argument[] {
  if (!p) return [];
  const toks = ctx.sentence.tokens;
  for (let k = p.first + 1; k < p.last; k++) {
    if (COORDINATOR_MISSPELLINGS.has(toks[k].normal)) return [argument(ctx, { first: p.first, last: k - 1 }), argument(ctx, { first: k + 1, last: p.last })];
  }
  const named = namedIn(ctx, p);
  const m = named[0];
  if (named.length === 2 && m) {
    const between = ctx.doc.text.slice(m.end, named[1].start).trim().toLowerCase();
    if (COORDINATOR_MISSPELLINGS.has(between)) return named.map(asArgument);
  }
  return [];
}

/** "a U.S. military strike sank a boat": the named actor written before the event noun acts on the clause's object. */
function actorLinks(ctx: SentenceContext, clauses: Clause[]): Triple[] {
  const toks = ctx.sentence.tokens;
  const out: Triple[] = [];
  for (const clause of clauses) {
    const subject = clause.subjects[0];
    if (!subject || clause.verb.passive || clause.reports) continue;
    const h = headToken(toks, subject);
    const event = h === undefined ? undefined : EVENT_NOUNS[toks[h].normal] ?? EVENT_NOUNS[toks[h].lemma];
    if (h === undefined || !event) continue;
    const actor = actorBefore(ctx, subject.first, h);
    if (!actor) continue;
    for (const o of clause.objects) {
      const object = argument(ctx, o);
      if (object.head) out.push(triple(ctx, actor, event, object));
    }
  }
  return out;
}

/**
 * A name after a place or body and the role or kind it has there: "Sweden's capital, Stockholm", "Nintendo's
 * managing director Rose Lappin", "the U.S. state of Oregon", "the Brazilian state of Roraima" → the second –role of→ the first.
 */
function holderLinks(ctx: SentenceContext): Triple[] {
  const toks = ctx.sentence.tokens;
  const out: Triple[] = [];
  for (let k = 0; k < toks.length - 2; k++) {
    const span = originalSpan(ctx, { first: k, last: k });
    const named = ctx.mentions.find((m) => m.named && m.type !== 'person' && m.start <= span.start && span.start < m.end);
    const holder = named && lastTokenOf(ctx, named) === k ? named : demonymAt(ctx, k);
    if (!holder || !(POSSESSIVE.test(toks[k].text) || hasTag(toks[k], 'Possessive') || holder !== named || hasTag(toks[k + 1], 'Noun') && !/^\p{Lu}/u.test(toks[k + 1].text))) continue;
    // one to three words of role or kind, then "of" or a comma or nothing, then the name
    let j = k + 1;
    while (j <= k + 3 && j < toks.length && toks[j].normal !== 'of' && hasTag(toks[j], 'Noun', 'Adjective') && !hasTag(toks[j], 'Verb', 'Determiner', 'Pronoun') && !namedAt(ctx, j) && !/[;:()]/.test(toks[j - 1].post)) {
      if (/,/.test(toks[j - 1].post) && j > k + 1) break;
      j++;
    }
    if (j === k + 1 || j >= toks.length) continue;
    const noun = toks[j - 1].normal.replace(/[^\p{L}-]/gu, '');
    const at = toks[j].normal === 'of' ? j + 1 : j;
    const named2 = namedAt(ctx, at);
    if (!named2 || named2 === holder || !/^\s*,?\s*$/.test(toks[j - 1].post) && at === j) continue;
    const first = holder === named ? firstTokenOf(ctx, holder) : k;
    out.push(triple(ctx, asArgument(named2), `${noun} of`, through(ctx, { first: first < 0 ? k : first, last: lastTokenOf(ctx, named2) }, holder)));
  }
  return out;
}

const POSSESSIVE = /['’]s?$/;

/** Two names next to each other with only a preposition, a bracket or a possessive between: `BETWEEN_NAMES`. */
function betweenNameLinks(ctx: SentenceContext): Triple[] {
  const text = ctx.doc.text;
  const named = ctx.mentions.filter((m) => m.named && !m.anaphor && !ctx.mentions.some((o) => o !== m && o.named && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start)).sort((a, b) => a.start - b.start);
  const out: Triple[] = [];
  for (let i = 0; i + 1 < named.length; i++) {
    const [x, y] = [named[i], named[i + 1]];
    const between = text.slice(x.end, y.start);
    for (const p of BETWEEN_NAMES) {
      if (!p.between.test(between) || !p.first.includes(typeOf(x)) || !p.second.includes(typeOf(y)) || p.after && !p.after.test(text.slice(y.end, ctx.source.end))) continue;
      const [s, o] = p.reversed ? [y, x] : [x, y];
      const end = y.end + (p.after?.exec(text.slice(y.end, ctx.source.end))?.[0].length ?? 0);
      out.push(triple(ctx, asArgument(s), p.relation, { start: x.start, end, text: text.slice(x.start, end), head: o, modifiers: [] }));
      break;
    }
  }
  return out;
}

/** A name's type, a place the gazetteer knows counting as a place whatever recognition typed it. */
function typeOf(m: Mention): 'person' | 'organization' | 'place' | 'other' {
  return m.type !== 'person' && placeOf(m.text) ? 'place' : m.type;
}

/** The named mention that starts at token k. */
function namedAt(ctx: SentenceContext, k: number): Mention | undefined {
  const t = ctx.sentence.tokens[k];
  if (!t) return undefined;
  const s = ctx.doc.toOriginal(t.start);
  return ctx.mentions.find((m) => m.named && m.start === s);
}

/** A place or body named, or a nationality adjective, among the modifiers of the head at h. */
function actorBefore(ctx: SentenceContext, first: number, h: number): Argument | undefined {
  for (let k = first; k < h; k++) {
    const span = originalSpan(ctx, { first: k, last: k });
    const m = ctx.mentions.find((x) => x.named && x.type !== 'person' && x.start <= span.start && span.start < x.end) ?? demonymAt(ctx, k);
    if (m) return asArgument(m);
  }
  return undefined;
}

/**
 * "President Donald Trump" in an article on the United States: a head of state or government named with a title
 * and no country takes the one country the sentence names whose office nobody else in the document holds.
 */
export function contextHolders(sentences: SentenceContext[], triples: Triple[]): Triple[] {
  const held = new Map<string, string>();
  for (const t of triples) {
    const country = t.object.head && countryOf(t.object.head);
    if (t.subject.head && country && / of$/.test(t.relation)) held.set(`${t.relation}|${country}`, t.subject.head.key);
  }
  const holders = new Set(triples.filter((t) => / of$/.test(t.relation) && t.subject.head).map((t) => t.subject.head!.key));
  const out: Triple[] = [];
  for (const ctx of sentences) {
    for (const m of ctx.mentions) {
      const title = m.title?.toLowerCase();
      if (!m.named || m.type !== 'person' || !title || !HEAD_TITLES.has(title) || holders.has(m.key)) continue;
      const relation = `${title} of`;
      const countries = new Map<string, Mention>();
      for (const c of ctx.mentions) {
        const country = c.named ? countryOf(c) : undefined;
        if (country && !countries.has(country)) countries.set(country, c);
      }
      const open = [...countries].filter(([country]) => (held.get(`${relation}|${country}`) ?? m.key) === m.key).map(([, c]) => c);
      if (open.length === 1) out.push(triple(ctx, asArgument(m), relation, asArgument(open[0]), CONFIDENCE_CONTEXT));
    }
  }
  return out;
}

/** The country a mention names ("the United States", "U.S.") or a nationality adjective stands for ("Mexican"). */
function countryOf(m: Mention): string | undefined {
  const place = placeOf(m.text);
  return place?.kind === 'country' ? place.name : countryOfDemonym(m.text);
}

/** Triples whose two heads are not already joined by a triple of the sentence. */
function novel(found: Triple[], links: Triple[]): Triple[] {
  const key = (t: Triple) => `${t.subject.head?.start}:${t.object.head?.start}|${t.relation}`;
  const pair = (t: Triple) => `${t.subject.head?.start}:${t.object.head?.start}`;
  const pairs = new Set(found.filter((t) => t.relation !== 'be' && t.relation !== 'has').map(pair));
  const seen = new Set<string>();
  return links.filter((t) => {
    if (!t.subject.head || !t.object.head || t.subject.head.start === t.object.head.start || pairs.has(pair(t)) || seen.has(key(t))) return false;
    seen.add(key(t));
    return true;
  });
}
