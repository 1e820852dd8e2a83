import nlp from 'compromise';

/**
 * compromise's bulk matcher (`methods.one.bulkMatch`, behind `view.sweep`: its post-tagger and chunker run every
 * parse through it), with the same results in the same order, found faster. compromise picks the patterns worth
 * trying on a sentence by walking every key of its pattern index (730 words and tags) against the sentence's
 * words and tags, gathering every pattern listed under a key present (about 260 a sentence, most of which fail
 * their needs) and filtering them; that was a third of its parse. Here each pattern is listed once, under its
 * rarest need, and put back in the place compromise's walk would give it, so the candidates, and so the tags,
 * are exactly compromise's.
 */

/** A pattern of a compromise match net (`methods.one.buildNet`). */
interface NetMatch {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

interface Net {
  hooks: Record<string, NetMatch[]>;
  always: NetMatch[];
}

type Pointer = number[];
type Term = object;

interface SweepMethods {
  one: {
    cacheDoc: (document: Term[][]) => Set<string>[];
    match: (docs: Term[][], todo: NetMatch) => { ptrs: Pointer[] };
  };
}

type Found = NetMatch & { pointer: Pointer };
type BulkMatch = (document: Term[][], net: Net, methods: SweepMethods, opts?: { matchOne?: boolean }) => Found[];

/** A pattern with where compromise's walk meets it: `places[2i]` a key's rank in Object.keys order, `places[2i+1]` its position in that key's list. */
interface Indexed {
  id: number;
  match: NetMatch;
  keys: string[];
  places: number[];
}

interface Index {
  /** Patterns by the one key each is filed under (its rarest need; without needs, each of its wants). */
  byKey: Map<string, Indexed[]>;
  /** Stamps of the patterns already seen for the sentence being read. */
  seen: Uint32Array;
  sentence: number;
}

const indexes = new WeakMap<Net, Index | null>();

/**
 * The net's patterns filed for lookup, or null when the net is not as compromise's buildNet makes it (two patterns
 * under one match string, of which compromise keeps the first it meets; a pattern missing from the list of one of
 * its needs or wants): then compromise's own matcher runs. Its own nets are as buildNet makes them.
 */
function indexOf(net: Net): Index | null {
  let index = indexes.get(net);
  if (index !== undefined) return index;
  const keys = Object.keys(net.hooks);
  const patterns = new Map<NetMatch, Indexed>();
  const matchStrings = new Set<string>();
  keys.forEach((key, rank) =>
    net.hooks[key].forEach((m, position) => {
      let p = patterns.get(m);
      if (!p) {
        p = { id: patterns.size, match: m, keys: [], places: [] };
        patterns.set(m, p);
        matchStrings.add(m.match);
      }
      p.keys.push(key);
      p.places.push(rank, position);
    }),
  );
  // each pattern must be listed under all its needs and wants, as compromise's buildNet does, for its place to be known
  const listed = (p: Indexed) => [...p.match.needs, ...p.match.wants].every((k) => p.keys.includes(k)) && (p.match.needs.length > 0 || p.match.minWant > 0);
  if (matchStrings.size !== patterns.size || ![...patterns.values()].every(listed)) index = null;
  else {
    const byKey = new Map<string, Indexed[]>();
    const file = (key: string, p: Indexed) => (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(p);
    for (const p of patterns.values()) {
      const { needs, wants } = p.match;
      // a need fits more rarely the fewer patterns share it: tags every sentence has (#Noun) list the most
      if (needs.length > 0) file(needs.reduce((a, b) => (net.hooks[b].length < net.hooks[a].length ? b : a)), p);
      else for (const want of new Set(wants)) file(want, p);
    }
    index = { byKey, seen: new Uint32Array(patterns.size), sentence: 0 };
  }
  indexes.set(net, index);
  return index;
}

/** The patterns compromise would try on one sentence (its getHooks, trimDown and tooSmall), in its order. */
function candidates(have: Set<string>, termCount: number, net: Net, index: Index): NetMatch[] {
  if (++index.sentence === 0xffffffff) {
    index.seen.fill(0);
    index.sentence = 1;
  }
  const stamp = index.sentence;
  const found: { match: NetMatch; at: number }[] = [];
  for (const key of have) {
    const filed = index.byKey.get(key);
    if (!filed) continue;
    for (const p of filed) {
      if (index.seen[p.id] === stamp) continue;
      index.seen[p.id] = stamp;
      if (fits(p.match, have)) found.push({ match: p.match, at: firstPlace(p, have) });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const out: NetMatch[] = [];
  for (const { match } of found) if (termCount >= match.minWords) out.push(match);
  for (const m of net.always) if (termCount >= m.minWords) out.push(m);
  return out;
}

/** Where compromise's walk meets the pattern first: at the first present key (in key order) that lists it. */
function firstPlace(p: Indexed, have: Set<string>): number {
  let at = Infinity;
  for (let i = 0; i < p.keys.length; i++) {
    if (!have.has(p.keys[i])) continue;
    const place = p.places[2 * i] * 1_000_000 + p.places[2 * i + 1];
    if (place < at) at = place;
  }
  return at;
}

/** compromise's trimDown: every need met, no `ifNo` present, enough wants. */
function fits(m: NetMatch, have: Set<string>): boolean {
  for (const need of m.needs) if (!have.has(need)) return false;
  if (m.ifNo !== undefined) for (const no of m.ifNo) if (have.has(no)) return false;
  if (m.wants.length === 0) return true;
  let found = 0;
  for (const want of m.wants) if (have.has(want)) found++;
  return found >= m.minWant;
}

const world = (nlp as unknown as { world(): { methods: { one: { bulkMatch: BulkMatch } } } }).world();
/** compromise's own bulk matcher, kept for nets this one cannot index and for the test that holds the two to the same results. */
export const compromiseBulkMatch: BulkMatch = world.methods.one.bulkMatch;

/** A drop-in for compromise's `methods.one.bulkMatch(document, net, methods, opts)` (its sweep/04-runMatch, after the candidates). */
export function bulkMatch(document: Term[][], net: Net, methods: SweepMethods, opts: { matchOne?: boolean } = {}): Found[] {
  const index = indexOf(net);
  if (!index) return compromiseBulkMatch(document, net, methods, opts);
  const cache = methods.one.cacheDoc(document);
  const results: Found[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const m of candidates(cache[n], document[n].length, net, index)) {
      const res = methods.one.match([document[n]], m);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo = Object.assign({}, m, { pointer: ptr }) as Found;
        if (m.unTag !== undefined) todo.unTag = m.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
}

world.methods.one.bulkMatch = bulkMatch;
