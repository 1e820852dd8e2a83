import type { KnowledgeGraph } from '../graph/types.js';
import type { NodeMention } from '../types.js';
import { InvalidOptionError } from './errors.js';
import { resolveEntity } from './neighbours.js';
import { summarise } from './summary.js';
import type { DocumentMentions, EntityMentions, MentionSummary, MentionSummaryOptions } from './types.js';

export const DEFAULT_MENTION_SUMMARY_OPTIONS = { maxDocuments: 20, maxOffsets: 5 } as const satisfies MentionSummaryOptions;
export const MAX_MENTION_SUMMARY_LIMIT = 1000;

/** Each node's mentions, in the order given (document, then offset, as mentions.jsonl has them). */
export type MentionIndex = ReadonlyMap<string, readonly NodeMention[]>;

export function indexMentions(mentions: Iterable<NodeMention>): MentionIndex {
  const index = new Map<string, NodeMention[]>();
  for (const m of mentions) {
    const list = index.get(m.entity);
    if (list) list.push(m);
    else index.set(m.entity, [m]);
  }
  return index;
}

function validLimit(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_MENTION_SUMMARY_LIMIT) {
    throw new InvalidOptionError(`${name} must be an integer from 1 to ${MAX_MENTION_SUMMARY_LIMIT}, got ${value}`);
  }
  return value;
}

function documentMentions(doc: string, mentions: NodeMention[], maxOffsets: number): DocumentMentions {
  const forms = new Map<string, number>();
  for (const m of mentions) forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
  const first = [...mentions].sort((a, b) => a.start - b.start).slice(0, maxOffsets);
  return {
    doc,
    count: mentions.length,
    forms: [...forms].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
    first: first.map(({ start, end }) => ({ start, end })),
  };
}

/**
 * Where the node `entity` is named: per document its count, the forms as written and the first offsets. The documents
 * naming it most come first (ties in the index's order); beyond `maxDocuments` only the totals count them.
 */
export function mentionSummary(index: MentionIndex, entity: string, options: MentionSummaryOptions = {}): MentionSummary {
  const maxDocuments = validLimit('maxDocuments', options.maxDocuments ?? DEFAULT_MENTION_SUMMARY_OPTIONS.maxDocuments);
  const maxOffsets = validLimit('maxOffsets', options.maxOffsets ?? DEFAULT_MENTION_SUMMARY_OPTIONS.maxOffsets);
  const mentions = index.get(entity) ?? [];
  const byDoc = new Map<string, NodeMention[]>();
  for (const m of mentions) {
    const list = byDoc.get(m.doc);
    if (list) list.push(m);
    else byDoc.set(m.doc, [m]);
  }
  // A stable sort keeps the index's document order among equal counts.
  const docs = [...byDoc].sort((a, b) => b[1].length - a[1].length);
  return {
    total: mentions.length,
    documents: docs.length,
    byDocument: docs.slice(0, maxDocuments).map(([doc, list]) => documentMentions(doc, list, maxOffsets)),
  };
}

/** The entity (a node key or a name, as for neighbours) and where it is named. */
export function entityMentions(graph: KnowledgeGraph, index: MentionIndex, entity: string, options: MentionSummaryOptions = {}): EntityMentions {
  const id = resolveEntity(graph, entity);
  return { entity: summarise(graph, id), ...mentionSummary(index, id, options) };
}
