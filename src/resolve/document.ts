import type { Document, Entity, EntityType, Mention } from '../types.js';
import { initials, normalizeName, placeOf, provinceOfTown } from '../extract/gazetteer.js';
import { LEADING_PLACE_HEADS, ORG_HEADS } from '../extract/lexicon.js';
import { GENERIC_HEADS } from './lexicon.js';

/**
 * Within-document resolution: names join by key, surname, acronym and gazetteer canonical name;
 * pronouns and title descriptions join the entity they clearly refer to, or are dropped.
 */

export interface DocumentResolveOptions {
  /** Sentences back a pronoun may look for its antecedent. */
  pronounWindow: number;
}

export const DEFAULT_DOCUMENT_OPTIONS: DocumentResolveOptions = { pronounWindow: 1 };

interface Cluster {
  mentions: Mention[];
  keys: Set<string>;
  /** Last word of each multi-word person name ("rubio" for "marco rubio"). */
  surnames: Set<string>;
  /** First word of each multi-word person name ("marco"). */
  givenNames: Set<string>;
  initials: Set<string>;
  titleHeads: Set<string>;
  votes: Record<EntityType, number>;
  gender?: 'm' | 'f';
  lastSentence: number;
  lastStart: number;
}

function typeOf(c: Cluster): EntityType {
  let best: EntityType = 'other';
  let score = 0;
  for (const t of ['person', 'organization', 'place'] as const) {
    if (c.votes[t] > score) [best, score] = [t, c.votes[t]];
  }
  return best;
}

/** Two types one entity may carry: the same, or one of them untyped. */
export function compatible(a: EntityType, b: EntityType): boolean {
  return a === b || a === 'other' || b === 'other';
}

/** Acronym letters of a mention ("U.S." → "US", "USMCA"), or undefined when it is not an acronym. */
export function acronymOf(text: string): string | undefined {
  const letters = text.replace(/[.\s]/g, '');
  return /^\p{Lu}{2,8}$/u.test(letters) ? letters : undefined;
}

/**
 * The acronym letters of a mention to look up among other names' initials ("WHO" → World Health Organization), or
 * undefined: an acronym a gazetteer knows ("UK", "USSR") names its place, whatever else its letters spell.
 */
export function expandableAcronym(text: string): string | undefined {
  const acr = acronymOf(text);
  return acr && !placeOf(acr) ? acr : undefined;
}

function newCluster(): Cluster {
  return { mentions: [], keys: new Set(), surnames: new Set(), givenNames: new Set(), initials: new Set(), titleHeads: new Set(), votes: { person: 0, organization: 0, place: 0, other: 0 }, lastSentence: -1, lastStart: -1 };
}

function add(c: Cluster, m: Mention): void {
  c.mentions.push(m);
  c.lastSentence = Math.max(c.lastSentence, m.sentence);
  c.lastStart = Math.max(c.lastStart, m.start);
  if (!m.named) return;
  const info = m.evidence;
  c.keys.add(m.key);
  c.votes[m.type] += 1 + (info?.certainty ?? 1);
  const words = m.key.split(' ');
  if (words.length > 1 && m.type !== 'place' && m.type !== 'organization') {
    c.surnames.add(words[words.length - 1]);
    c.givenNames.add(words[0]);
  }
  if (words.length > 1) c.initials.add(initials(nameOf(m)));
  if (info?.titleHead) c.titleHeads.add(info.titleHead);
  if (info?.gender && !c.gender) c.gender = info.gender;
}

function merge(into: Cluster, from: Cluster): void {
  for (const m of from.mentions) add(into, m);
  from.mentions = [];
}

/** Resolves the mentions of one document into entities. */
export function resolveDocument(doc: Document, mentions: Mention[], options: Partial<DocumentResolveOptions> = {}): Entity[] {
  const opts = { ...DEFAULT_DOCUMENT_OPTIONS, ...options };
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const qualified = qualifiedPlaces(doc, sorted);
  const ordered = sorted.map((m) => qualified.get(m)?.mention ?? m);
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster[]>();
  const index = (c: Cluster, key: string): void => {
    const list = byKey.get(key);
    if (list) {
      if (!list.includes(c)) list.push(c);
    } else byKey.set(key, [c]);
  };

  const concepts = new Map<string, Mention[]>();
  const anaphors: Mention[] = [];
  for (const m of ordered) {
    if (m.anaphor) {
      anaphors.push(m);
      continue;
    }
    if (!m.named) {
      const list = concepts.get(m.key);
      if (list) list.push(m);
      else concepts.set(m.key, [m]);
      continue;
    }
    const target = findAntecedentName(m, byKey, clusters);
    const c = target ?? newCluster();
    if (!target) clusters.push(c);
    add(c, m);
    index(c, m.key);
  }

  // Names seen before their full form ("Rubio" in a headline, then "Marco Rubio"; "WHO" then its expansion).
  for (const c of clusters) {
    if (c.mentions.length === 0 || c.keys.size !== 1) continue;
    const [key] = c.keys;
    const type = typeOf(c);
    let match: Cluster[] = [];
    if (!key.includes(' ') && (type === 'person' || type === 'other')) {
      match = clusters.filter((o) => o !== c && o.mentions.length > 0 && o.surnames.has(key) && typeOf(o) === 'person');
    }
    const acr = expandableAcronym(nameOf(c.mentions[0]));
    if (match.length === 0 && acr) {
      match = clusters.filter((o) => o !== c && o.mentions.length > 0 && o.initials.has(acr) && typeOf(o) !== 'person' && compatible(typeOf(o), type));
    }
    // "Scientology" after "the Church of Scientology": a body named after what it serves.
    if (match.length === 0 && !key.includes(' ') && type !== 'person' && type !== 'place') {
      match = clusters.filter((o) => o !== c && o.mentions.length > 0 && typeOf(o) === 'organization' && [...o.keys].some((k) => k.endsWith(` of ${key}`) && ORG_HEADS.has(k.slice(0, -` of ${key}`.length).split(' ').pop()!)));
    }
    // "Ahmed" after "Ahmed Mohamed": a given name alone is the one person the document gives it to, or the one it
    // names far more often than any other ("Ahmed Mohamed" against a stray "Ahmed Mohamed Image" of a caption).
    if (match.length === 0 && !key.includes(' ') && type === 'person') {
      match = dominant(clusters.filter((o) => o !== c && o.mentions.length > 0 && o.givenNames.has(key) && typeOf(o) === 'person'));
    }
    // "Korea" in a text that names "South Korea" and no other Korea (as a place, or as a side in a match report),
    // "Lee" in a text about Fort Lee;
    // a place the gazetteer knows is one of its own ("Ireland" beside "Northern Ireland").
    if (match.length === 0 && !key.includes(' ') && type !== 'person' && !placeOf(key)) {
      match = clusters.filter((o) => o !== c && o.mentions.length > 0 && typeOf(o) !== 'person' && compatible(typeOf(o), type) && [...o.keys].some((k) => k.endsWith(` ${key}`) && (COMPASS.test(k) || LEADING_PLACE_HEADS.has(k.split(' ')[0]))));
    }
    // "the Church" in a text about "the Church of Scientology": a body's head word alone is the one body that has it.
    if (match.length === 0 && GENERIC_HEADS.has(key) && type !== 'person') {
      match = clusters.filter((o) => o !== c && o.mentions.length > 0 && typeOf(o) !== 'person' && [...o.keys].some((k) => k !== key && k.split(' ').includes(key)));
    }
    if (match.length === 1) merge(match[0], c);
  }
  const live = clusters.filter((c) => c.mentions.length > 0);

  for (const a of anaphors) attachAnaphor(a, live, opts.pronounWindow);

  const entities: Entity[] = [];
  const used = new Set<string>();
  const provinces = new Map([...qualified.values()].map((q) => [q.mention, q.province]));
  for (const c of live) {
    const type = typeOf(c);
    const label = labelOf(c, type);
    const province = type === 'place' ? c.mentions.map((m) => provinces.get(m)).find((p) => p !== undefined) : undefined;
    const namesake = province && provinceOfTown(label);
    entities.push({
      id: uniqueId(`${doc.id}#${slug(label)}`, used),
      label,
      type,
      aliases: aliasesOf(c.mentions, label),
      mentions: c.mentions.sort((x, y) => x.start - y.start),
      ...(province && namesake && normalizeName(namesake) !== province ? { within: province } : {}),
    });
  }
  for (const [key, ms] of concepts) {
    // A "concept" whose lemma is a name of the document ("rubio") is that name, written in lower case.
    const owner = live.find((c) => typeOf(c) === 'person' && (c.keys.has(key) || c.surnames.has(key)));
    if (owner) {
      const e = entities[live.indexOf(owner)];
      e.mentions.push(...ms);
      e.mentions.sort((x, y) => x.start - y.start);
      continue;
    }
    entities.push({ id: uniqueId(`${doc.id}#concept:${slug(key)}`, used), label: key, type: 'other', aliases: [key], mentions: ms });
  }
  return entities;
}

/**
 * Names followed by a comma and a state or province ("Cambridge, Massachusetts", "Washington, D.C."): places, sure
 * ones, whatever their first typing said; each with the province's folded name.
 */
function qualifiedPlaces(doc: Document, ordered: Mention[]): Map<Mention, { mention: Mention; province: string }> {
  const out = new Map<Mention, { mention: Mention; province: string }>();
  const surePlace = (m: Mention, province: string): void => {
    out.set(m, { mention: { ...m, type: 'place', evidence: { ...m.evidence, certainty: 2 } }, province });
  };
  const named = ordered.filter((m) => m.named);
  for (let i = 0; i < named.length; i++) {
    const [m, next] = [named[i], named[i + 1]];
    // The district is written by its initials, which alone name other things too ("DC Comics").
    if (/^\s*,\s*D\.\s?C\./.test(doc.text.slice(m.end, m.end + 8)) && m.type !== 'organization') {
      surePlace(m, 'district of columbia');
      continue;
    }
    if (!next) break;
    if (m.type === 'organization' || (m.type === 'person' && (m.evidence?.certainty ?? 0) >= 2) || next.type === 'person' || next.type === 'organization') continue;
    const region = placeOf(next.key);
    if (region?.kind === 'region' && /^\s*,\s*$/.test(doc.text.slice(m.end, next.start))) surePlace(m, normalizeName(region.name));
  }
  return out;
}

const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|upper|lower) /;

/** The cluster with at least three times the mentions of every other, as a one-element list; else all of them. */
function dominant(list: Cluster[]): Cluster[] {
  if (list.length < 2) return list;
  const sorted = [...list].sort((x, y) => y.mentions.length - x.mentions.length);
  return sorted[0].mentions.length >= 3 * sorted[1].mentions.length ? [sorted[0]] : list;
}

/**
 * Of several people who share a surname, the one a bare surname means: the one named most so far, and on a tie the
 * one named first, the article's subject ("L'Enfant" after "Pierre Charles L'Enfant … his mother, Marie L'Enfant").
 */
function protagonist(list: Cluster[]): Cluster {
  return list.reduce((b, c) => (c.mentions.length > b.mentions.length || (c.mentions.length === b.mentions.length && c.mentions[0].start < b.mentions[0].start) ? c : b));
}

/** The cluster a new name belongs to: same key, a surname of a full name, or the acronym of a name. */
function findAntecedentName(m: Mention, byKey: Map<string, Cluster[]>, clusters: Cluster[]): Cluster | undefined {
  const recent = (list: Cluster[]): Cluster | undefined => list.reduce<Cluster | undefined>((b, c) => (!b || c.lastStart > b.lastStart ? c : b), undefined);
  const info = m.evidence;
  const weak = (info?.certainty ?? 1) < 2;
  // "Mr Blair" and "Mrs Blair" are two people whatever else they share.
  const sameGender = (c: Cluster): boolean => !info?.gender || !c.gender || c.gender === info.gender;
  const same = (byKey.get(m.key) ?? []).filter((c) => c.mentions.length > 0 && (weak || compatible(typeOf(c), m.type)) && sameGender(c));
  if (same.length > 0) return recent(same);
  if (!m.key.includes(' ') && (m.type === 'person' || (m.type === 'other' && (info?.certainty ?? 0) < 2) || (info?.certainty ?? 0) < 2)) {
    const bySurname = clusters.filter((c) => c.mentions.length > 0 && c.surnames.has(m.key) && typeOf(c) === 'person' && sameGender(c));
    if (bySurname.length > 0 && (m.type === 'person' || m.type === 'other' || (info?.certainty ?? 0) < 2)) return protagonist(bySurname);
  }
  const acr = expandableAcronym(nameOf(m));
  if (acr) {
    // "CBS" is not "Cleveland Browns Stadium": an acronym typed a body stands for no place.
    const expanded = clusters.filter((c) => c.mentions.length > 0 && c.initials.has(acr) && typeOf(c) !== 'person' && compatible(typeOf(c), m.type));
    if (expanded.length > 0) return recent(expanded);
  }
  // A person named by title and name first, then by a longer name containing it ("Eastman" → "Cres Eastman").
  if (m.type === 'person' && m.key.includes(' ')) {
    const last = m.key.split(' ').pop()!;
    const bare = (byKey.get(last) ?? []).filter((c) => c.mentions.length > 0 && c.surnames.size === 0 && typeOf(c) !== 'place' && typeOf(c) !== 'organization');
    if (bare.length === 1) return bare[0];
  }
  return undefined;
}

/** Attaches a pronoun or a title description when one antecedent is clearly meant. */
function attachAnaphor(a: Mention, clusters: Cluster[], window: number): void {
  const info = a.evidence;
  const before = (c: Cluster): boolean => c.mentions.some((m) => m.start < a.start);
  if (info?.titleHead) {
    // "the Secretary": the latest person who carried that title.
    const titled = clusters.filter((c) => c.titleHeads.has(info.titleHead!) && before(c) && typeOf(c) === 'person');
    const pick = titled.reduce<Cluster | undefined>((b, c) => (!b || lastBefore(c, a) > lastBefore(b, a) ? c : b), undefined);
    if (pick) add(pick, a);
    return;
  }
  if (info?.plural) return;
  const near = clusters.filter((c) => before(c) && c.mentions.some((m) => m.start < a.start && m.sentence >= a.sentence - window));
  if (a.type === 'person') {
    const people = near.filter((c) => typeOf(c) === 'person' && (!c.gender || !info?.gender || c.gender === info.gender));
    const sure = people.filter((c) => c.gender && c.gender === info?.gender);
    const pick = people.length === 1 ? people[0] : sure.length === 1 ? sure[0] : undefined;
    if (pick) add(pick, a);
    return;
  }
  // "it"/"its": only a lone organisation nearby, with no person or place to compete.
  if (a.key !== 'its') return;
  const things = near.filter((c) => typeOf(c) !== 'other');
  if (things.length === 1 && typeOf(things[0]) === 'organization') add(things[0], a);
}

function lastBefore(c: Cluster, a: Mention): number {
  let best = -1;
  for (const m of c.mentions) if (m.start < a.start && m.start > best) best = m.start;
  return best;
}

/** The fullest proper name: a gazetteer's canonical name for places, else the longest name written. */
function labelOf(c: Cluster, type: EntityType): string {
  const named = c.mentions.filter((m) => m.named);
  if (type === 'place') {
    const place = placeOf(named[0].key);
    if (place && named.every((m) => m.key === named[0].key)) return place.name;
  }
  let best = '';
  let bestScore = -1;
  for (const m of named) {
    const text = cleanName(nameOf(m));
    const words = text.split(' ').length;
    const score = (acronymOf(text) ? 0 : 1000) + words * 100 + (/\p{Lu}/u.test(text[0] ?? '') ? 50 : 0) + Math.min(text.length, 49);
    if (score > bestScore) [best, bestScore] = [text, score];
  }
  return best;
}

/** A named mention's name, without the title or role its span takes in. */
export function nameOf(m: Mention): string {
  return m.evidence?.name ?? m.text;
}

/** A surface form without a possessive ending, a leading article or line breaks. */
export function cleanName(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/['’]s?$/, '').replace(/^the /i, '').trim();
}

function aliasesOf(mentions: Mention[], label: string): string[] {
  const seen = new Set<string>([label]);
  for (const m of mentions) if (m.named) seen.add(cleanName(nameOf(m)));
  return [...seen];
}

export function slug(s: string): string {
  return normalizeName(s).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'x';
}

export function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}
