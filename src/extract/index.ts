import type { Document, Extraction, Mention, Sentence, Source, Triple } from '../types.js';
import { findClauses, type Clause } from './clauses.js';
import { findMentions } from './entities.js';
import { containmentTriples } from './containment.js';
import { contextHolders, linkTriples } from './links.js';
import { nominalTriples } from './nominal.js';
import { relationKind } from './relations.js';
import { tokenize, type TokenSentence } from './tokens.js';
import { clauseTriples, type SentenceContext } from './triples.js';

export { tokenize, type Token, type TokenSentence } from './tokens.js';
export { normaliseRelation, relationKind, RELATION_KINDS, type RelationKind } from './relations.js';

/**
 * Extracts one document: sentences, entity mentions (names, pronouns, and the concepts that
 * relations need), and subject–relation–object triples. Offsets are into `doc.text`.
 */
export function extract(doc: Document): Extraction {
  const { mentions, sentences: parsed } = parse(doc);
  const sentences: Sentence[] = [];
  const triples: Triple[] = [];
  for (const { ctx, clauses } of parsed) {
    const { source } = ctx;
    sentences.push({ doc: doc.id, index: ctx.sentence.index, start: source.start, end: source.end, text: source.text });
    const found = [...clauseTriples(ctx, clauses), ...nominalTriples(ctx, clauses)];
    triples.push(...found, ...linkTriples(ctx, clauses, found));
  }
  const contexts = parsed.map((p) => p.ctx);
  triples.push(...contextHolders(contexts, triples));
  triples.push(...containmentTriples(contexts, triples));
  for (const t of triples) t.kind = relationKind(t.relation);
  return { doc, sentences, mentions: withConcepts(mentions, triples), triples: dedupe(triples) };
}

/** A sentence ready for triple reading: its context (source, mentions) and its clauses. */
export interface ParsedSentence {
  ctx: SentenceContext;
  clauses: Clause[];
}

/** One compromise parse of the document, its mentions, and each non-blank sentence's clauses. */
export function parse(doc: Document): { mentions: Mention[]; sentences: ParsedSentence[] } {
  const tokenSentences = tokenize(doc.clean);
  const mentions = findMentions(doc, tokenSentences);
  const bySentence = groupBySentence(mentions, tokenSentences.length);
  const sentences: ParsedSentence[] = [];
  for (const ts of tokenSentences) {
    const source = sourceOf(doc, ts);
    if (source) sentences.push({ ctx: { doc, sentence: ts, source, mentions: bySentence[ts.index] }, clauses: findClauses(ts) });
  }
  return { mentions, sentences };
}

/** Triples read twice from one sentence (by a clause and by a noun-phrase rule) share this key. */
export function tripleKey(t: Triple): string {
  // one phrase may lead to two names ("the capital of the U.S. state of Connecticut"): the head tells them apart
  return `${t.source.start}|${t.subject.start}:${t.subject.end}|${t.relation}|${t.object.start}:${t.object.end}:${t.object.head?.start ?? ''}`;
}

function sourceOf(doc: Document, ts: TokenSentence): Source | undefined {
  const start = doc.toOriginal(ts.start);
  const end = doc.toOriginal(ts.end - 1) + 1;
  const text = doc.text.slice(start, end);
  return text.trim() ? { doc: doc.id, start, end, text } : undefined;
}

function groupBySentence(mentions: Mention[], count: number): Mention[][] {
  const out: Mention[][] = Array.from({ length: count }, () => []);
  for (const m of mentions) out[m.sentence]?.push(m);
  return out;
}

/** Heads that triples add (concepts, places named by a demonym) join the document's mentions, so resolution sees them. */
function withConcepts(mentions: Mention[], triples: Triple[]): Mention[] {
  const seen = new Set(mentions.map((m) => `${m.start}:${m.end}`));
  const out = [...mentions];
  for (const t of triples) {
    for (const head of [t.subject.head, t.object.head]) {
      if (!head || head.anaphor) continue;
      const key = `${head.start}:${head.end}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(head);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The same triple read twice from one sentence (by a clause and by a noun-phrase rule) counts once. */
function dedupe(triples: Triple[]): Triple[] {
  const seen = new Set<string>();
  return triples.filter((t) => {
    const key = tripleKey(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
