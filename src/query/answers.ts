import type { KnowledgeGraph } from '../graph/types.js';
import { neighbours, resolveEntity, validateNeighbourOptions } from './neighbours.js';
import type { NeighbourOptions } from './types.js';

/**
 * Answers serialised once and kept. A served graph does not change, and readers ask for the same popular entities
 * again and again: without this, each asking walks the graph, builds every neighbour with its sources, and turns
 * it into JSON (most of a request's cost, and most of its garbage). A repeated question costs a map look-up and
 * shares the same bytes. The cache is bounded by bytes and by entries, least recently used out first, and emptied
 * when the graph changes.
 */

export interface AnswerCacheOptions {
  /** Bytes of JSON kept in all; an answer larger than this is served but not kept. Default 64 MiB. */
  maxBytes?: number;
  /** Answers kept. Default 10,000. */
  maxEntries?: number;
}

export const DEFAULT_ANSWER_CACHE_OPTIONS = { maxBytes: 64 * 1024 * 1024, maxEntries: 10_000 } as const satisfies AnswerCacheOptions;

export class AnswerCacheOptionError extends Error {
  override name = 'AnswerCacheOptionError';
}

function validateBound(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new AnswerCacheOptionError(`${name} must be a whole number, got ${value}`);
  return value;
}

/** JSON answers by key, least recently used out first. */
export class AnswerCache {
  /** A Map iterates in insertion order: a hit is moved to the end, so the first entry is the least recently used. */
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly maxEntries: number;

  constructor(options: AnswerCacheOptions = {}) {
    this.maxBytes = validateBound('maxBytes', options.maxBytes ?? DEFAULT_ANSWER_CACHE_OPTIONS.maxBytes);
    this.maxEntries = validateBound('maxEntries', options.maxEntries ?? DEFAULT_ANSWER_CACHE_OPTIONS.maxEntries);
  }

  /** The answer kept under `key`, else `compute()`'s serialised as JSON (UTF-8) and kept when it fits. */
  answer(key: string, compute: () => unknown): Buffer {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const json = Buffer.from(JSON.stringify(compute()), 'utf8');
    if (json.length <= this.maxBytes && this.maxEntries > 0) {
      this.entries.set(key, json);
      this.bytes += json.length;
      for (const [oldest, bytes] of this.entries) {
        if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
        this.entries.delete(oldest);
        this.bytes -= bytes.length;
      }
    }
    return json;
  }

  /** Answers and bytes kept. */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

const caches = new WeakMap<KnowledgeGraph, AnswerCache>();

/** Every event by which a graph's nodes, edges or attributes change, any of which can change an answer. */
const CHANGES = [
  'nodeAdded',
  'edgeAdded',
  'nodeDropped',
  'edgeDropped',
  'cleared',
  'edgesCleared',
  'attributesUpdated',
  'nodeAttributesUpdated',
  'edgeAttributesUpdated',
  'eachNodeAttributesUpdated',
  'eachEdgeAttributesUpdated',
] as const;

/** The graph's own answer cache, made on first use (with default bounds) and emptied whenever the graph changes. */
export function answerCacheOf(graph: KnowledgeGraph): AnswerCache {
  let cache = caches.get(graph);
  if (cache === undefined) {
    const created = new AnswerCache();
    for (const event of CHANGES) graph.on(event, () => created.clear());
    caches.set(graph, created);
    cache = created;
  }
  return cache;
}

/**
 * What makes two neighbour queries the same question: the entity found (so "Rubio", "rubio's" and the node's key
 * share an answer) and the options as validated (defaults filled in, the relation trimmed and lower-cased). Throws
 * what `neighbours` throws for an unknown entity or a bad option, so no error is ever kept.
 */
export function neighbourQueryKey(graph: KnowledgeGraph, entity: string, options: NeighbourOptions = {}): { id: string; key: string } {
  const { depth, direction, relation, type } = validateNeighbourOptions(options);
  const id = resolveEntity(graph, entity);
  return { id, key: JSON.stringify(['neighbours', id, depth, direction, relation ?? null, type ?? null]) };
}

/** `neighbours(graph, entity, options)` as JSON bytes, kept in `cache` (by default the graph's own) for the next asking. */
export function neighboursJson(graph: KnowledgeGraph, entity: string, options: NeighbourOptions = {}, cache: AnswerCache = answerCacheOf(graph)): Buffer {
  const { id, key } = neighbourQueryKey(graph, entity, options);
  return cache.answer(key, () => neighbours(graph, id, options));
}
