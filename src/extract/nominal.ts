import type { Argument, Mention, Triple } from '../types.js';
import { nounPhrasesAt, type Clause, type Phrase } from './clauses.js';
import { countryOfDemonym } from './gazetteer.js';
import { EVENT_NOUNS, EVENT_TARGETS, normaliseRelation } from './relations.js';
import { hasTag } from './tokens.js';
import { argument, originalSpan, type SentenceContext } from './triples.js';

/**
 * Relations news writes without a verb: titles ("Mexican President Claudia Sheinbaum" →
 * Sheinbaum –president of→ Mexico), possessive and modified events ("Rubio's visit to Mexico",
 * "a U.S. strike on a criminal network", "talks with President Claudia Sheinbaum").
 */
export function nominalTriples(ctx: SentenceContext, clauses: Clause[]): Triple[] {
  return [...titleTriples(ctx), ...eventTriples(ctx, clauses)];
}

/** Event nouns whose target is a direct object: "a strike on X" is "strike X". */
const DIRECT_EVENTS = new Set(['strike', 'attack', 'raid', 'bomb', 'invade', 'visit', 'sanction', 'threaten', 'arrest', 'investigate', 'criticize', 'support', 'accuse', 'interview', 'offer', 'deploy', 'intervene']);
const CONFIDENCE_TITLE = 0.85;
const POSSESSIVE = /['’]s$/i;
const CONFIDENCE_EVENT = 0.6;

function tokenAt(ctx: SentenceContext, originalStart: number): number {
  const toks = ctx.sentence.tokens;
  for (let k = 0; k < toks.length; k++) if (ctx.doc.toOriginal(toks[k].start) >= originalStart) return k;
  return -1;
}

function mentionOver(ctx: SentenceContext, k: number): Mention | undefined {
  const t = ctx.sentence.tokens[k];
  if (!t) return undefined;
  const s = ctx.doc.toOriginal(t.start);
  return ctx.mentions.find((m) => m.named && m.start <= s && s < m.end);
}

/** A place named by a demonym or a name right before token k ("Mexican", "U.S.", "Mexico's"). */
function holderBefore(ctx: SentenceContext, k: number): Argument | undefined {
  const toks = ctx.sentence.tokens;
  const t = toks[k];
  if (!t) return undefined;
  const named = mentionOver(ctx, k);
  if (named && (named.type === 'place' || named.type === 'organization')) return wrap(ctx, k, named);
  const country = countryOfDemonym(t.text);
  if (country) {
    const span = originalSpan(ctx, { first: k, last: k });
    const text = ctx.doc.text.slice(span.start, span.end);
    const head: Mention = { doc: ctx.doc.id, ...span, text, type: 'place', sentence: ctx.sentence.index, named: true, key: country };
    return { ...span, text, head, modifiers: [] };
  }
  return undefined;
}

function wrap(ctx: SentenceContext, k: number, head: Mention): Argument {
  const span = originalSpan(ctx, { first: k, last: k });
  return { start: Math.min(span.start, head.start), end: Math.max(span.end, head.end), text: head.text, head, modifiers: [] };
}

function triple(ctx: SentenceContext, subject: Argument, relation: string, object: Argument, confidence: number): Triple {
  return { subject, relation, relationText: '', object, adjuncts: [], confidence, negated: false, passive: false, source: ctx.source };
}

/** person –title of→ place, where a place or demonym stands before the title. */
function titleTriples(ctx: SentenceContext): Triple[] {
  const out: Triple[] = [];
  for (const m of ctx.mentions) {
    if (!m.named || m.type !== 'person' || !m.title) continue;
    const first = tokenAt(ctx, m.start);
    // the title may stand inside the mention's span ("President Claudia Sheinbaum") or just before it
    const titleInside = m.text.toLowerCase().startsWith(m.title.toLowerCase());
    const before = first - 1 - (titleInside ? 0 : m.title.trim().split(/\s+/).length);
    if (first < 0 || before < 0) continue;
    const holder = holderBefore(ctx, before);
    if (!holder) continue;
    const person: Argument = { start: m.start, end: m.end, text: m.text, head: m, modifiers: [] };
    out.push(triple(ctx, person, `${m.title.toLowerCase()} of`, holder, CONFIDENCE_TITLE));
  }
  return out;
}

/** Events named by a noun: an agent (possessor, name modifier or clause subject) acting on a target. */
function eventTriples(ctx: SentenceContext, clauses: Clause[]): Triple[] {
  const toks = ctx.sentence.tokens;
  const out: Triple[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const verb = EVENT_NOUNS[t.normal] ?? EVENT_NOUNS[t.lemma];
    // after a possessive the word is a noun, whatever compromise made of "Macron's visit" ("Macron has visit")
    const possessed = POSSESSIVE.test(toks[k - 1]?.text ?? '');
    if (!verb || (!possessed && (!hasTag(t, 'Noun') || hasTag(t, 'Verb')))) continue;
    const prep = toks[k + 1];
    if (!prep || !EVENT_TARGETS.has(prep.normal) || /[,;:]/.test(t.post)) continue;
    const targets = nounPhrasesAt(toks, k + 2).conjuncts.map((p) => argument(ctx, p)).filter((a) => a.head);
    if (!targets.length) continue;
    const agent = agentOf(ctx, clauses, k);
    if (!agent?.head) continue;
    const relation = DIRECT_EVENTS.has(verb) || prep.normal === 'of' ? verb : normaliseRelation({ verb, preposition: prep.normal });
    for (const target of targets) out.push(triple(ctx, agent, relation, target, CONFIDENCE_EVENT));
  }
  return out;
}

/** Who acts in the event noun at k: "Rubio's visit", "a U.S. strike", or the subject of the clause it sits in. */
function agentOf(ctx: SentenceContext, clauses: Clause[], k: number): Argument | undefined {
  const toks = ctx.sentence.tokens;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = toks[j];
    if (hasTag(t, 'Determiner') || /[,;:]/.test(t.post)) break;
    const named = mentionOver(ctx, j);
    if (named && (hasTag(t, 'Possessive') || POSSESSIVE.test(t.text) || named.type === 'place' || named.type === 'organization')) return wrap(ctx, j, named);
    const holder = holderBefore(ctx, j);
    if (holder) return holder;
    if (!hasTag(t, 'Adjective', 'Noun')) break;
  }
  const host = clauses.filter((c) => c.verb.last < k && c.subjects.length && inComplement(c, k)).pop();
  if (!host) return undefined;
  const subject = argument(ctx, host.subjects[0]);
  return subject.head?.named ? subject : undefined;
}

function inComplement(c: Clause, k: number): boolean {
  const inside = (p: Phrase) => p.first <= k && k <= p.last;
  return c.objects.some(inside) || c.preps.some((p) => p.objects.some(inside));
}

