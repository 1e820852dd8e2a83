/**
 * Sentences and documents fetched on demand: `/api/graph` carries no sentence text, so the panel asks for an entity's
 * relations with their first sentences, one edge's every sentence, and a document's text. Answers carry document text,
 * which is untrusted: only fields of the expected shape are kept, and they are only ever shown as text.
 */

import type { DateSource } from '../../src/types.js';

const DATE_SOURCES: ReadonlySet<string> = new Set<DateSource>(['page', 'front matter', 'dateline', 'file']);

/** A sentence an edge was read from, offsets into its document's text. */
export interface Sentence {
  doc: string;
  start: number;
  end: number;
  text: string;
}

export interface EdgeEvidence {
  edge: string;
  total: number;
  sources: Sentence[];
  subjectPhrases: string[];
  objectPhrases: string[];
}

export interface DocumentText {
  id: string;
  path: string;
  title?: string;
  date?: string;
  dateSource?: DateSource;
  text: string;
}

const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function sentenceOf(value: unknown): Sentence | undefined {
  if (!isObject(value) || typeof value.doc !== 'string' || typeof value.text !== 'string' || !isOffset(value.start) || !isOffset(value.end)) return undefined;
  return { doc: value.doc, start: value.start, end: value.end, text: value.text };
}

export function evidenceOf(value: unknown): EdgeEvidence | undefined {
  if (!isObject(value) || typeof value.edge !== 'string' || !Array.isArray(value.sources)) return undefined;
  const sources = value.sources.map(sentenceOf).filter((s): s is Sentence => s !== undefined);
  return {
    edge: value.edge, sources, total: isOffset(value.total) ? value.total : sources.length,
    subjectPhrases: strings(value.subjectPhrases), objectPhrases: strings(value.objectPhrases),
  };
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.json();
}

/** An entity's relations, each with its first `sentences` sentences, by edge key. */
export async function fetchRelations(url: string, node: string, sentences: number): Promise<Map<string, EdgeEvidence>> {
  const data = await getJson(`${url}?entity=${encodeURIComponent(node)}&sentences=${sentences}`);
  const relations = isObject(data) && Array.isArray(data.relations) ? data.relations : [];
  return new Map(relations.map(evidenceOf).filter((e): e is EdgeEvidence => e !== undefined).map((e) => [e.edge, e]));
}

export async function fetchEdge(url: string, edge: string): Promise<EdgeEvidence> {
  const evidence = evidenceOf(await getJson(`${url}?id=${encodeURIComponent(edge)}`));
  if (!evidence) throw new Error('the answer is not an edge');
  return evidence;
}

export async function fetchDocument(url: string, id: string): Promise<DocumentText> {
  const data = await getJson(`${url}?id=${encodeURIComponent(id)}`);
  if (!isObject(data) || typeof data.id !== 'string' || typeof data.text !== 'string') throw new Error('the answer is not a document');
  const text = (name: string): string | undefined => (typeof data[name] === 'string' ? (data[name] as string) : undefined);
  return { id: data.id, path: text('path') ?? data.id, title: text('title'), date: text('date'), dateSource: DATE_SOURCES.has(text('dateSource') ?? '') ? (text('dateSource') as DateSource) : undefined, text: data.text };
}
