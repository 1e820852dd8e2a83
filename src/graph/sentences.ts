import type { EdgeAttributes, Source, SourceRef } from '../types.js';
import type { KnowledgeGraph } from './types.js';

/**
 * The graph's table of sentence texts: each sentence an edge cites is stored once in the graph attribute
 * `sentences`, and edges hold references into it (SourceRef). Readers get whole Sources back through here.
 */

/** Adds sentences to a graph's table, each once, handing back the reference an edge stores. */
export class SentenceTable {
  private readonly index = new Map<string, number>();

  /** `texts` is the graph's own table, filled in place. */
  constructor(private readonly texts: string[]) {}

  /** The reference to `source`'s sentence, its text added to the table the first time. */
  ref(source: Source): SourceRef {
    const key = `${source.doc}\u0000${source.start}\u0000${source.end}`;
    let sentence = this.index.get(key);
    if (sentence === undefined) {
      sentence = this.texts.push(source.text) - 1;
      this.index.set(key, sentence);
    }
    return { doc: source.doc, start: source.start, end: source.end, sentence };
  }
}

/** The text a reference points to; empty when the table lacks it (load validation keeps that from happening). */
export function sentenceText(graph: KnowledgeGraph, ref: SourceRef): string {
  return graph.getAttribute('sentences')?.[ref.sentence] ?? '';
}

/** An edge's sources with their sentence texts, as queries and exports show them. */
export function edgeSources(graph: KnowledgeGraph, attrs: Pick<EdgeAttributes, 'sources'>): Source[] {
  const texts = graph.getAttribute('sentences') ?? [];
  return attrs.sources.map(({ doc, start, end, sentence }) => ({ doc, start, end, text: texts[sentence] ?? '' }));
}
