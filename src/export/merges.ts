import type { MergeReview } from '../resolve/index.js';
import { companionFileName } from './companions.js';

const SUFFIX = 'merges.tsv';

/** `merges.tsv` beside `graph.json`; `<name>.merges.tsv` beside any other `<name>.json`. */
export function mergesFileName(graphName: string): string {
  return companionFileName(graphName, SUFFIX);
}

/** Tabs and line breaks in a name written by a document would break the table's rows and columns. */
const cell = (s: string): string => s.replace(/[\t\r\n\u0000-\u001f\u007f]+/g, ' ');

/**
 * The review list: one row per node that joined several full names or took in partial names by corpus
 * evidence, with each name and its mentions ("Tony Blair ×780; Blair ×131"), most mentioned nodes first.
 */
export function toMergesTsv(review: readonly MergeReview[]): string {
  const rows = review.map((r) => [r.entity, r.label, r.type, r.reasons.join(', '), r.names.map((n) => `${n.name} ×${n.count}`).join('; ')].map(cell).join('\t'));
  return ['entity\tlabel\ttype\twhy\tnames', ...rows].join('\n') + '\n';
}
