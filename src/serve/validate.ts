import type { SerializedKnowledgeGraph } from '../export/json.js';
import type { EntityType } from '../types.js';

/**
 * Checks a graph file's JSON against what export/writeGraph writes, whole: the graph's attributes, every node and
 * every edge, so that no query or viewer later trips over a missing field. The answer is the first fault in words,
 * or undefined. Graphs written before sentence texts were stored once (each source carrying its own `text`) are
 * brought to the current form on the way (upgradeSources).
 */

const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'other'];

type Json = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isStrings: Check = (value) => Array.isArray(value) && value.every(isString);
const isType: Check = (value) => ENTITY_TYPES.includes(value as EntityType);

interface Field {
  name: string;
  check: Check;
  what: string;
  optional?: boolean;
}

const NODE_FIELDS: Field[] = [
  { name: 'label', check: isString, what: 'a string' },
  { name: 'type', check: isType, what: `one of ${ENTITY_TYPES.join(', ')}` },
  { name: 'aliases', check: isStrings, what: 'a list of strings' },
  { name: 'mentions', check: isNumber, what: 'a number' },
  { name: 'docs', check: isStrings, what: 'a list of strings' },
  { name: 'centrality', check: isNumber, what: 'a number' },
  { name: 'community', check: isNumber, what: 'a number' },
  { name: 'size', check: isNumber, what: 'a number' },
  { name: 'color', check: isString, what: 'a string' },
  { name: 'x', check: isNumber, what: 'a number' },
  { name: 'y', check: isNumber, what: 'a number' },
];

const EDGE_FIELDS: Field[] = [
  { name: 'relation', check: isString, what: 'a string' },
  { name: 'label', check: isString, what: 'a string' },
  { name: 'kind', check: isString, what: 'a string', optional: true },
  { name: 'weight', check: isNumber, what: 'a number' },
  { name: 'sources', check: Array.isArray, what: 'a list' },
  { name: 'negated', check: isBoolean, what: 'true or false' },
  { name: 'modality', check: isStrings, what: 'a list of strings' },
  { name: 'attribution', check: isStrings, what: 'a list of strings' },
  { name: 'subjectPhrases', check: isStrings, what: 'a list of strings', optional: true },
  { name: 'objectPhrases', check: isStrings, what: 'a list of strings', optional: true },
  { name: 'size', check: isNumber, what: 'a number' },
  { name: 'color', check: isString, what: 'a string' },
];

function fieldFault(attributes: Json, fields: readonly Field[]): string | undefined {
  for (const { name, check, what, optional } of fields) {
    const value = attributes[name];
    if (value === undefined && optional) continue;
    if (value === undefined) return `has no ${name}`;
    if (!check(value)) return `${name} must be ${what}`;
  }
  return undefined;
}

/** A short, printable name for an item of the file. */
function named(kind: string, index: number, key: unknown): string {
  const shown = typeof key === 'string' ? JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key) : '';
  return `${kind} ${index + 1}${shown ? ` (${shown})` : ''}`;
}

/** The first fault of the graph, or undefined when it is whole. Old-style sources are upgraded in place first. */
export function graphFault(data: unknown): string | undefined {
  if (!isObject(data)) return `the file holds ${Array.isArray(data) ? 'a list' : typeof data}, not a graph object`;
  if (!Array.isArray(data.nodes)) return 'it has no "nodes" list';
  if (data.edges !== undefined && !Array.isArray(data.edges)) return '"edges" must be a list';
  if (data.attributes !== undefined && !isObject(data.attributes)) return '"attributes" must be an object';
  const attributes = (data.attributes ?? {}) as Json;
  if (attributes.sentences !== undefined && !isStrings(attributes.sentences)) return 'the graph attribute "sentences" must be a list of strings';
  if (attributes.documents !== undefined && !(Array.isArray(attributes.documents) && attributes.documents.every((d) => isObject(d) && isString(d.id) && isString(d.path)))) {
    return 'the graph attribute "documents" must be a list of {id, path}';
  }
  upgradeSources(data);
  const sentences = (attributes.sentences ?? []) as string[];
  const keys = new Set<string>();
  for (const [i, node] of (data.nodes as unknown[]).entries()) {
    if (!isObject(node) || !isString(node.key)) return `${named('node', i, undefined)} has no key`;
    if (keys.has(node.key as string)) return `${named('node', i, node.key)} repeats a key`;
    keys.add(node.key as string);
    if (!isObject(node.attributes)) return `${named('node', i, node.key)} has no attributes`;
    const fault = fieldFault(node.attributes, NODE_FIELDS);
    if (fault) return `${named('node', i, node.key)} ${fault}`;
  }
  for (const [i, edge] of ((data.edges ?? []) as unknown[]).entries()) {
    if (!isObject(edge)) return `${named('edge', i, undefined)} is not an object`;
    const name = named('edge', i, edge.key);
    if (!isString(edge.source) || !keys.has(edge.source as string)) return `${name} starts at no node of the graph`;
    if (!isString(edge.target) || !keys.has(edge.target as string)) return `${name} ends at no node of the graph`;
    if (!isObject(edge.attributes)) return `${name} has no attributes`;
    const fault = fieldFault(edge.attributes, EDGE_FIELDS);
    if (fault) return `${name} ${fault}`;
    for (const [j, source] of (edge.attributes.sources as unknown[]).entries()) {
      if (!isObject(source) || !isString(source.doc)) return `${name} source ${j + 1} has no doc`;
      if (!isOffset(source.start) || !isOffset(source.end) || source.end < source.start) return `${name} source ${j + 1} must have offsets start <= end`;
      if (!isOffset(source.sentence) || source.sentence >= sentences.length) return `${name} source ${j + 1} points to no sentence of the table`;
    }
  }
  return undefined;
}

/**
 * Graphs written before the sentence table carried each sentence in each source (`{doc, start, end, text}`):
 * their texts move into the table, each once, so such a file loads as a current one.
 */
function upgradeSources(data: Json): void {
  const edges = (data.edges ?? []) as unknown[];
  const old = edges.some((e) => isObject(e) && isObject(e.attributes) && Array.isArray(e.attributes.sources) && e.attributes.sources.some((s) => isObject(s) && isString(s.text) && s.sentence === undefined));
  if (!old) return;
  const attributes = (data.attributes ??= {}) as Json;
  const table = ((attributes.sentences ??= []) as string[]);
  const index = new Map<string, number>();
  for (const edge of edges) {
    if (!isObject(edge) || !isObject(edge.attributes) || !Array.isArray(edge.attributes.sources)) continue;
    edge.attributes.sources = edge.attributes.sources.map((s: unknown) => {
      if (!isObject(s) || !isString(s.text) || s.sentence !== undefined) return s;
      const key = `${String(s.doc)}\u0000${String(s.start)}\u0000${String(s.end)}`;
      let sentence = index.get(key);
      if (sentence === undefined) index.set(key, (sentence = table.push(s.text as string) - 1));
      return { doc: s.doc, start: s.start, end: s.end, sentence };
    });
  }
}

/** The JSON as the graph it was checked to be. */
export function asGraph(data: unknown): SerializedKnowledgeGraph {
  return data as SerializedKnowledgeGraph;
}
