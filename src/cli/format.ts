import type { DocumentAnalysis } from '../pipeline.js';
import type { Argument, Triple } from '../types.js';
import { metaFields } from '../ingest/meta.js';
import { asWritten } from '../extract/triples.js';

/** Output shapes of `kg extract`. Offsets are JavaScript string indices into the input text. */

function argumentJson(a: Argument) {
  return { text: a.text, start: a.start, end: a.end, head: a.head?.text ?? null, modifiers: a.modifiers };
}

function tripleJson(t: Triple, offset = 0) {
  return {
    subject: { ...argumentJson(t.subject), start: t.subject.start - offset, end: t.subject.end - offset },
    relation: t.relation,
    relationText: t.relationText,
    kind: t.kind ?? null,
    object: { ...argumentJson(t.object), start: t.object.start - offset, end: t.object.end - offset },
    adjuncts: t.adjuncts,
    confidence: t.confidence,
    negated: t.negated,
    modality: t.modality ?? null,
    attribution: t.attribution ?? null,
    basis: t.basis ?? null,
    sentence: t.source.text,
  };
}

/** `--format json`: the whole document, its title and date (ingest/meta) first when it has them. */
export function documentJson(analysis: DocumentAnalysis) {
  const { sentences, triples, entities, doc } = analysis;
  return {
    ...metaFields(doc),
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    entities: entities.map((e) => ({
      id: e.id,
      label: e.label,
      type: e.type,
      aliases: e.aliases,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    triples: triples.map((t) => tripleJson(t)),
  };
}

function within(start: number, end: number) {
  return (x: { start: number; end: number }) => x.start >= start && x.end <= end;
}

/** `--format jsonl`: one sentence (or input line); offsets relative to it. */
export function lineJson(sentence: string, analysis: DocumentAnalysis, start = 0, end = sentence.length) {
  const inside = within(start, end);
  const entities = analysis.entities.flatMap((e) =>
    e.mentions.filter(inside).map((m) => ({ text: m.text, type: e.type, start: m.start - start, end: m.end - start, entity: e.id })),
  );
  const triples = analysis.triples.filter((t) => inside(t.source)).map((t) => tripleJson(t, start));
  return { sentence, entities: entities.sort((a, b) => a.start - b.start), triples };
}

function field(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').trim();
}

/** One triple as an Open IE tuple, in the order the sentence writes it: relation, subject, object, further arguments. */
export function carbTuple(t: Triple): string[] {
  const w = asWritten(t);
  return [field(w.relationText), field(w.subject.text), field(w.object.text), ...t.adjuncts.map(field)];
}

/** The triples of a sentence that `--format carb` prints. */
export function carbTriples(analysis: DocumentAnalysis, start = 0, end = Number.MAX_SAFE_INTEGER): Triple[] {
  const inside = within(start, end);
  return analysis.triples.filter((t) => inside(t.source) && t.relationText.trim());
}

/** `--format carb`: sentence, confidence, relation, subject, object (and further arguments), tab-separated. */
export function carbLines(sentence: string, analysis: DocumentAnalysis, start = 0, end = Number.MAX_SAFE_INTEGER): string[] {
  return carbTriples(analysis, start, end).map((t) => [field(sentence), t.confidence.toFixed(3), ...carbTuple(t)].join('\t'));
}
