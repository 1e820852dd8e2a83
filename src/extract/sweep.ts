import nlp from 'compromise';
// compromise's term matcher, vendored (MIT, see ./match/LICENSE): compromise exports only its whole runMatch
import fromHere from './match/02-from-here.js';
import doesMatch from './match/term/doesMatch.js';
import notIfMatch from './match/03-notIf.js';
import groupOf from './match/03-getGroup.js';

/**
 * compromise's bulk matcher (`methods.one.bulkMatch`, behind `view.sweep`: its post-tagger and chunker run every
 * parse through it), with the same results in the same order, found faster. compromise picks the patterns worth
 * trying on a sentence by walking every key of its pattern index (730 words and tags) against a set of the
 * sentence's words and tags, gathering every pattern listed under a key present (about 260 a sentence, most of
 * which fail their needs) and filtering them; that was a third of its parse. Here keys are numbered and a
 * sentence's keys stamped in an array, each pattern is listed once, under its rarest need, and put back in the
 * place compromise's walk would give it, so the candidates, and so the tags, are exactly compromise's.
 *
 * Each candidate is then matched as compromise's runMatch would, but not from every word: compromise slices the
 * sentence at each start and walks the pattern there. Here a pattern starting with a plain word or tag is tried
 * only where the sentence has it (an index of the sentence's words and tags, built once: compromise tags only
 * after the whole sweep), and a start whose first or next word cannot take the pattern's first or second step
 * (a plain word or tag, an (a|b) or an (a && b) block) is passed over.
 */

/** A pattern of a compromise match net (`methods.one.buildNet`). */
interface NetMatch {
  match: string;
  regs: Reg[];
  group?: string | number;
  justOne?: boolean;
  notIf?: Reg[];
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
type Term = { tags: Set<string>; normal: string; text: string; machine?: string | null; alias?: string[]; implicit?: string; root?: string; switch?: string; id?: string };

/** One step of a parsed compromise match pattern (`methods.one.parseMatch`), as far as the fast paths read it. */
interface Reg {
  word?: string;
  tag?: string;
  id?: string;
  use?: string;
  fuzzy?: boolean;
  optional?: boolean;
  negative?: boolean;
  anything?: boolean;
  greedy?: boolean;
  start?: boolean;
  end?: boolean;
  choices?: unknown;
  operator?: string;
}

/** compromise's `methods`, passed on to its own matcher when a net cannot be indexed. */
type SweepMethods = unknown;

type Found = NetMatch & { pointer: Pointer };
type BulkMatch = (document: Term[][], net: Net, methods: SweepMethods, opts?: { matchOne?: boolean }) => Found[];

/**
 * A pattern with where compromise's walk meets it: `places[2i]` the rank of key `keys[i]` in Object.keys order,
 * `places[2i+1]` the pattern's position in that key's list. Keys are numbered (Keys), so a sentence's keys are
 * stamps in an array, not strings in a set.
 */
interface Indexed {
  id: number;
  match: NetMatch;
  keys: number[];
  places: number[];
  needs: number[];
  wants: number[];
  ifNo: number[];
}

/**
 * The keys a net's patterns are listed under or test, numbered: a key is a word, '#Tag' or '%Switch%', and a
 * sentence has it when one of its terms does as compromise's cacheDoc reads them (normal, implicit, machine, root
 * and alias forms; '#' and each tag; '%' and its switch '%').
 */
class Keys {
  readonly words = new Map<string, number>();
  readonly tags = new Map<string, number>();
  readonly switches = new Map<string, number>();
  count = 0;

  id(key: string): number {
    let id = this.words.get(key);
    if (id === undefined) {
      id = this.count++;
      this.words.set(key, id);
      if (key.startsWith('#')) this.tags.set(key.slice(1), id);
      const sw = /^%(.*)%$/s.exec(key);
      if (sw) this.switches.set(sw[1], id);
    }
    return id;
  }
}

interface Index {
  keys: Keys;
  /** Patterns by the one key each is filed under (its rarest need; without needs, each of its wants). */
  byKey: Indexed[][];
  /** Stamps of the keys the sentence being read has, and of the patterns already seen for it. */
  has: Uint32Array;
  seen: Uint32Array;
  sentence: number;
  /** The keys the sentence being read has, in the order its terms give them. */
  present: number[];
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
  const hookKeys = Object.keys(net.hooks);
  const keys = new Keys();
  const patterns = new Map<NetMatch, Indexed>();
  const matchStrings = new Set<string>();
  hookKeys.forEach((key, rank) =>
    net.hooks[key].forEach((m, position) => {
      let p = patterns.get(m);
      if (!p) {
        const ids = (list: string[] | undefined) => (list ?? []).map((k) => keys.id(k));
        p = { id: patterns.size, match: m, keys: [], places: [], needs: ids(m.needs), wants: ids(m.wants), ifNo: ids(m.ifNo) };
        patterns.set(m, p);
        matchStrings.add(m.match);
      }
      p.keys.push(keys.id(key));
      p.places.push(rank, position);
    }),
  );
  // each pattern must be listed under all its needs and wants, as compromise's buildNet does, for its place to be known
  const listed = (p: Indexed) => [...p.needs, ...p.wants].every((k) => p.keys.includes(k)) && (p.match.needs.length > 0 || p.match.minWant > 0);
  if (matchStrings.size !== patterns.size || ![...patterns.values()].every(listed)) index = null;
  else {
    const byKey: Indexed[][] = Array.from({ length: keys.count }, () => []);
    for (const p of patterns.values()) {
      const { needs, wants } = p.match;
      // a need fits more rarely the fewer patterns share it: tags every sentence has (#Noun) list the most
      if (needs.length > 0) byKey[keys.id(needs.reduce((a, b) => (net.hooks[b].length < net.hooks[a].length ? b : a)))].push(p);
      else for (const want of new Set(wants)) byKey[keys.id(want)].push(p);
    }
    index = { keys, byKey, has: new Uint32Array(keys.count), seen: new Uint32Array(patterns.size), sentence: 0, present: [] };
  }
  indexes.set(net, index);
  return index;
}

/** Stamps the keys the sentence's terms have (compromise's cacheDoc of one sentence, as numbers). */
function stampKeys(terms: Term[], index: Index, stamp: number): void {
  const { keys, has, present } = index;
  present.length = 0;
  const mark = (id: number | undefined) => {
    if (id !== undefined && has[id] !== stamp) {
      has[id] = stamp;
      present.push(id);
    }
  };
  for (const term of terms) {
    if (term.normal !== '') mark(keys.words.get(term.normal));
    if (term.switch) mark(keys.switches.get(term.switch));
    if (term.implicit) mark(keys.words.get(term.implicit));
    if (term.machine) mark(keys.words.get(term.machine));
    if (term.root) mark(keys.words.get(term.root));
    if (term.alias) for (const alias of term.alias) mark(keys.words.get(alias));
    for (const tag of term.tags) mark(keys.tags.get(tag));
  }
}

/** The patterns compromise would try on one sentence (its getHooks, trimDown and tooSmall), in its order. */
function candidates(terms: Term[], net: Net, index: Index): NetMatch[] {
  if (++index.sentence === 0xffffffff) {
    index.seen.fill(0);
    index.has.fill(0);
    index.sentence = 1;
  }
  const stamp = index.sentence;
  stampKeys(terms, index, stamp);
  const { has, seen } = index;
  const found: { match: NetMatch; at: number }[] = [];
  for (const key of index.present) {
    for (const p of index.byKey[key]) {
      if (seen[p.id] === stamp) continue;
      seen[p.id] = stamp;
      if (terms.length >= p.match.minWords && fits(p, has, stamp)) found.push({ match: p.match, at: firstPlace(p, has, stamp) });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const out: NetMatch[] = found.map((f) => f.match);
  for (const m of net.always) if (terms.length >= m.minWords) out.push(m);
  return out;
}

/** Where compromise's walk meets the pattern first: at the first present key (in key order) that lists it. */
function firstPlace(p: Indexed, has: Uint32Array, stamp: number): number {
  let at = Infinity;
  for (let i = 0; i < p.keys.length; i++) {
    if (has[p.keys[i]] !== stamp) continue;
    const place = p.places[2 * i] * 1_000_000 + p.places[2 * i + 1];
    if (place < at) at = place;
  }
  return at;
}

/** compromise's trimDown: every need met, no `ifNo` present, enough wants. */
function fits(p: Indexed, has: Uint32Array, stamp: number): boolean {
  for (const need of p.needs) if (has[need] !== stamp) return false;
  for (const no of p.ifNo) if (has[no] === stamp) return false;
  if (p.wants.length === 0) return true;
  let found = 0;
  for (const want of p.wants) if (has[want] === stamp) found++;
  return found >= p.match.minWant;
}

const world = (nlp as unknown as { world(): { methods: { one: { bulkMatch: BulkMatch } } } }).world();
/** compromise's own bulk matcher, kept for nets this one cannot index and for the test that holds the two to the same results. */
export const compromiseBulkMatch: BulkMatch = world.methods.one.bulkMatch;

/** A drop-in for compromise's `methods.one.bulkMatch(document, net, methods, opts)` (its sweep/04-runMatch, after the candidates). */
export function bulkMatch(document: Term[][], net: Net, methods: SweepMethods, opts: { matchOne?: boolean } = {}): Found[] {
  const index = indexOf(net);
  if (!index) return compromiseBulkMatch(document, net, methods, opts);
  const results: Found[] = [];
  for (let n = 0; n < document.length; n++) {
    const tried = candidates(document[n], net, index);
    if (tried.length === 0) continue;
    const positions = positionsOf(document[n]);
    for (const m of tried) {
      const ptrs = matchSentence(document[n], m, positions);
      if (ptrs.length === 0) continue;
      for (const ptr of ptrs) {
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

/** Where a sentence has each word (by machine form, alias, text or normal) and each tag: where a plain step can match. */
interface Positions {
  words: Map<string, number[]>;
  tags: Map<string, number[]>;
}

function positionsOf(terms: Term[]): Positions {
  const words = new Map<string, number[]>();
  const tags = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    for (const tag of term.tags) add(tags, tag, i);
    add(words, term.normal, i);
    add(words, term.text, i);
    if (term.machine !== null && term.machine !== undefined) add(words, term.machine, i);
    if (term.alias) for (const alias of term.alias) add(words, alias, i);
  }
  return { words, tags };
}

/** What the fast paths need of a pattern, worked out once per pattern. */
interface Plan {
  /** compromise's minimum length: the steps neither optional nor negative. */
  minLength: number;
  /** How tryHere tests the first step on the start's word, dying when it fails; null when it may not. */
  first: Step;
  /** How it tests the second step on the next word, when the first takes exactly one word and the second can kill. */
  second: Step;
}

/**
 * A step tryHere tests on one word and dies on failing (neither optional nor negative, nor '.', nor 'foo+$'):
 * a plain word or tag; a (a|b c) block, of which some choice must start on the word; a (a && b) block, every
 * choice of which must.
 */
type Step = 'plain' | 'or' | 'and' | null;

function stepOf(reg: Reg | undefined): Step {
  if (!reg || reg.optional === true || reg.negative === true || reg.anything === true) return null;
  if (reg.choices !== undefined) return reg.operator === 'or' ? 'or' : reg.operator === 'and' ? 'and' : null;
  return reg.end === true && reg.greedy === true ? null : 'plain';
}

/** False when tryHere is sure to die on this step at this word (steps/or-block, and-block and its logic/and-or). */
function canStart(step: Step, reg: Reg, term: Term, i: number, length: number): boolean {
  if (step === 'plain') return testOf(reg)(term, i, length);
  const choices = reg.choices as Reg[][];
  if (step === 'or') {
    // tryChoices gives up at the first choice that is not a list
    for (const choice of choices) {
      if (!Array.isArray(choice)) return false;
      if (choice.length > 0 && testOf(choice[0])(term, i, length)) return true;
    }
    return false;
  }
  if (step === 'and') {
    for (const block of choices) if (block.length > 0 && !testOf(block[0])(term, i, length)) return false;
    return true;
  }
  return true;
}

/** doesMatch(term, reg, i, length) === true, for one step. */
type TermTest = (term: Term, i: number, length: number) => boolean;

const tests = new WeakMap<Reg, TermTest>();

/** Fields that send doesMatch down a path not specialised here ('.', an id, a case-sensitive or fuzzy word, a negation, choices). */
const GENERAL = ['anything', 'id', 'use', 'fuzzy', 'negative', 'choices'];
/** The fields doesMatch tests before a fast (a|b|c) set, each of which would make it test that instead. */
const BEFORE_FAST_OR = ['word', 'tag', 'method', 'pre', 'post', 'regex', 'chunk', 'switch', 'machine', 'sense'];

/**
 * The step's doesMatch, specialised once: a word (machine form, alias, text or normal, as doesMatch compares
 * them), a tag or a fast (a|b|c) set of words is tested directly, after doesMatch's '^' and '$' checks of
 * where the word stands; anything else goes through the vendored doesMatch.
 */
function testOf(reg: Reg): TermTest {
  let test = tests.get(reg);
  if (!test) {
    const fields = reg as Record<string, unknown>;
    const set = (k: string) => fields[k] !== undefined && fields[k] !== false;
    let direct: ((term: Term) => boolean) | undefined;
    if (!GENERAL.some(set)) {
      const { word, tag } = reg;
      const fastOr = fields.fastOr as Set<string> | undefined;
      const pos = fields.pos as string | undefined;
      if (word !== undefined) direct = (term) => term.machine === word || term.text === word || term.normal === word || (term.alias ? term.alias.includes(word) : false);
      else if (tag !== undefined) direct = (term) => term.tags.has(tag);
      else if (fastOr !== undefined && !BEFORE_FAST_OR.some((k) => fields[k] !== undefined)) {
        direct = (term) => (!pos || term.tags.has(pos)) && (fastOr.has(term.root || term.implicit || term.machine || term.normal) || fastOr.has(term.text));
      }
    }
    if (!direct) test = (term, i, length) => matchTerm(term, reg, i, length) === true;
    else if (reg.start === true || reg.end === true) {
      const only = direct;
      test = (term, i, length) => (reg.start !== true || i === 0) && (reg.end !== true || i === length - 1) && only(term);
    } else test = direct;
    tests.set(reg, test);
  }
  return test;
}

const plans = new WeakMap<Reg[], Plan>();

function planOf(regs: Reg[]): Plan {
  let plan = plans.get(regs);
  if (!plan) {
    const first = stepOf(regs[0]);
    plan = {
      minLength: regs.filter((r) => r.optional !== true && r.negative !== true).length,
      first,
      second: first === 'plain' && regs[0].greedy !== true ? stepOf(regs[1]) : null,
    };
    plans.set(regs, plan);
  }
  return plan;
}

const EVERYWHERE = null;
const NOWHERE: number[] = [];

/** The starts worth trying for a plain first step, in order: where the sentence has its word or tag. */
function startsOf(reg: Reg, positions: Positions): number[] | null {
  if (reg.id !== undefined) return EVERYWHERE;
  if (reg.word !== undefined) return reg.use || reg.fuzzy === true ? EVERYWHERE : positions.words.get(reg.word) ?? NOWHERE;
  if (reg.tag !== undefined) return positions.tags.get(reg.tag) ?? NOWHERE;
  return EVERYWHERE;
}

interface Result {
  pointer: (number | null)[];
  groups: Record<string, (number | null)[]>;
}

const NO_POINTERS: Pointer[] = [];

// the vendored functions, typed as this module calls them
const tryHere = fromHere as unknown as (terms: Term[], regs: Reg[], start: number, length: number) => Result | null;
const matchTerm = doesMatch as unknown as (term: Term, reg: Reg, index: number, length: number) => boolean | null | undefined;
const notIf = notIfMatch as unknown as (results: Result[], not: Reg[], docs: Term[][]) => Result[];
const getGroup = groupOf as unknown as (results: Result[], group: string | number | undefined) => { ptrs: Pointer[] };

/**
 * compromise's runMatch of one pattern on one sentence (`methods.one.match([terms], todo)`), the same pointers in
 * the same order. Only the starts tryHere is sure to fail from are left out.
 */
function matchSentence(terms: Term[], todo: NetMatch, positions: Positions): Pointer[] {
  const { regs, group, justOne } = todo;
  if (!regs || regs.length === 0) return NO_POINTERS;
  const { minLength, first, second } = planOf(regs);
  const length = terms.length;
  let results: Result[] = [];
  const found = (res: Result) => {
    res.pointer[0] = 0;
    for (const k of Object.keys(res.groups)) res.groups[k][0] = 0;
    results.push(res);
  };
  if (regs[0].start === true) {
    // ^start patterns run once, from the first word
    const res = tryHere(terms, regs, 0, length);
    if (res) found(res);
  } else {
    const starts = first === 'plain' ? startsOf(regs[0], positions) : EVERYWHERE;
    // a start the index gives matches a plain word or tag, unless the step also asks for the last word ('foo$')
    const firstTested = first !== null && (starts === EVERYWHERE || regs[0].end === true);
    const worthTrying = (i: number) =>
      (!firstTested || canStart(first, regs[0], terms[i], i, length)) &&
      // (the first word of a contraction may take two words: "we've")
      (second === null || terms[i].implicit !== undefined || (i + 1 < length && canStart(second, regs[1], terms[i + 1], i + 1, length)));
    // after a match, compromise goes on from its end
    let next = 0;
    const count = starts ? starts.length : length;
    for (let k = 0; k < count; k++) {
      const i = starts ? starts[k] : k;
      if (i < next) continue;
      if (length - i < minLength) break;
      if (!worthTrying(i)) continue;
      const res = tryHere(terms.slice(i), regs, i, length);
      if (!res) continue;
      found(res);
      if (justOne === true) break;
      next = Math.max(i + 1, res.pointer[2] as number);
    }
  }
  if (results.length === 0) return NO_POINTERS;
  // ensure any end-results ($) match until the last term
  if (regs[regs.length - 1].end === true) results = results.filter((res) => res.pointer[2] === length);
  if (todo.notIf) results = notIf(results, todo.notIf, [terms]);
  const { ptrs } = getGroup(results, group);
  for (const ptr of ptrs) {
    // compromise puts the start and end terms' ids after the offsets
    (ptr as unknown[])[3] = terms[ptr[1]].id;
    (ptr as unknown[])[4] = terms[ptr[2] - 1].id;
  }
  return ptrs;
}

world.methods.one.bulkMatch = bulkMatch;
