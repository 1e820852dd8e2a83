import type { Entity, EntityType, Mention } from '../types.js';
import { countryOfDemonym, initials, normalizeName, placeOf } from '../extract/gazetteer.js';
import type { AliasFile } from './aliases.js';
import { acronymOf, cleanName, compatible, expandableAcronym, nameOf, slug, uniqueId } from './document.js';
import { GENERIC_HEADS } from './lexicon.js';
import { isVariant, personName, type PersonName } from './names.js';

/**
 * Cross-document resolution as constrained clustering. Document entities join when they share a full name
 * (a person's name of two or more words; the canonical name of a place or organisation), or when one full
 * name is the single variant of another ("Vince Cable" / "Vincent Cable"); a cluster never holds two person
 * names that cannot be one person. Partial names — a bare surname, "Mr" + surname — attach afterwards to the
 * one compatible full name the corpus supports, and never link clusters to each other, so a shared word
 * cannot chain Tony Blair to Cherie Blair. Every step looks names up in maps: no all-pairs comparison.
 */

export interface CorpusResolveOptions {
  aliases?: AliasFile;
  /**
   * A partial name with several candidates attaches to the one with this many times the named mentions of
   * the next ("Blair" to Tony Blair, not to Cherie Blair); below it the partial stays an entity of its own.
   */
  dominance: number;
  /**
   * A partial name attaches across documents to a full name named in at least this many documents, or to one
   * whose documents share another entity with the partial's own: one unrelated article's "Clay Miller" is too
   * little evidence for a bare "Miller", an article about the same talks is enough.
   */
  minDocuments: number;
  /** Entities named in more than this share of a corpus's documents ("United States") say nothing of context. */
  commonShare: number;
}

export const DEFAULT_CORPUS_OPTIONS: CorpusResolveOptions = { dominance: 3, minDocuments: 2, commonShare: 0.2 };

/** Why a corpus entity is worth a user's look: it holds several full names, or names attached by corpus evidence. */
export interface MergeReview {
  entity: string;
  label: string;
  type: EntityType;
  reasons: ('full names' | 'partial names')[];
  /** Each distinct name as written with its number of mentions, most mentioned first. */
  names: { name: string; count: number }[];
}

export interface CorpusResolution {
  entities: Entity[];
  /** Per-document entity id → corpus entity id. */
  idOf: Map<string, string>;
  review: MergeReview[];
}

const keyOf = (name: string): string => {
  const k = normalizeName(cleanName(name));
  const place = placeOf(k);
  return place ? normalizeName(place.name) : k;
};

/** An entity typed only by weak evidence (compromise's guess, context) may join one of another type. */
function weaklyTyped(e: Entity): boolean {
  return e.mentions.every((m) => !m.named || (m.evidence?.certainty ?? 2) < 2);
}

const isNamed = (e: Entity): boolean => e.mentions.some((m) => m.named);

/** What clustering needs to know of one document entity. */
interface Unit {
  entity: Entity;
  named: boolean;
  /** Person full names, one per distinct key. */
  people: PersonName[];
  /** Keys that name the entity itself: its label's key first (a place's canonical name), then its acronym. */
  strong: string[];
  /** Other names of the entity (a part of its name written alone): they attach partial names, never clusters. */
  weak: string[];
  /** The partial name of a person known only by one word ("blair"). */
  partial?: string;
  gender?: 'm' | 'f';
  /** The type recognition was sure of, if any: a cluster never holds two. */
  sureType?: EntityType;
}

function unitOf(e: Entity): Unit {
  const named = isNamed(e);
  const names = [...new Set(e.mentions.filter((m) => m.named).map((m) => cleanName(nameOf(m))))];
  const guessed = weaklyTyped(e);
  const unit: Unit = { entity: e, named, people: [], strong: [], weak: [], ...(e.type !== 'other' && !guessed ? { sureType: e.type } : {}) };
  if (!named) return unit;
  const votes = { m: 0, f: 0 };
  for (const m of e.mentions) if (m.evidence?.gender) votes[m.evidence.gender]++;
  if (votes.m !== votes.f) unit.gender = votes.m > votes.f ? 'm' : 'f';
  if (e.type === 'person' || e.type === 'other') {
    const seen = new Set<string>();
    for (const n of names) {
      const p = acronymOf(n) ? undefined : personName(n);
      if (p && !seen.has(p.key)) {
        seen.add(p.key);
        unit.people.push(p);
      }
    }
  }
  // A one-word name typed a person, or typed only by a guess ("the Trump administration"), may be a surname.
  const word = normalizeName(cleanName(e.label));
  if (GENERIC_HEADS.has(word)) return unit;
  if (unit.people.length === 0 && (e.type === 'person' || guessed) && word !== '' && !word.includes(' ')) unit.partial = word;
  if (e.type === 'person') return unit;
  const label = keyOf(e.label);
  const labelInitials = initials(e.label);
  const strong = new Set([label]);
  const partOf = new Set<string>();
  for (const n of names) {
    const k = keyOf(n);
    if (k === '') continue;
    if (k === label || (acronymOf(n) !== undefined && acronymOf(n) === labelInitials)) strong.add(k);
    else partOf.add(k);
  }
  // "Cambridge, Massachusetts" links to places said to lie there too, not to Cambridge, England.
  unit.strong = [...strong].filter((k) => k !== '').map((k) => (e.within ? `${k}, ${e.within}` : k));
  unit.weak = [...partOf];
  return unit;
}

/** Union-find over units, with the alias file's separate groups and the full names of each cluster. */
class Clusters {
  parent: number[];
  /** Per root: separate-group index → member index, so two members of one group never meet. */
  apart: Map<number, number>[];
  people: PersonName[][];
  /** Per root: the type its surely typed members share, if any; a cluster never holds two. */
  sureType: (EntityType | undefined)[];
  constructor(units: Unit[]) {
    this.parent = units.map((_, i) => i);
    this.apart = units.map(() => new Map());
    this.people = units.map((u) => [...u.people]);
    this.sureType = units.map((u) => u.sureType);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  /**
   * Whether two clusters may become one: no separate group, no two surely typed members of different types
   * (England the country and England the team) and no pair of person names forbids it.
   */
  canJoin(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const [ta, tb] = [this.sureType[ra], this.sureType[rb]];
    if (ta && tb && ta !== tb) return false;
    for (const [g, m] of this.apart[rb]) if (this.apart[ra].has(g) && this.apart[ra].get(g) !== m) return false;
    return this.people[rb].every((p) => this.people[ra].every((q) => isVariant(p, q)));
  }
  /** Joins two clusters (checked with canJoin unless forced); returns whether they are one now. */
  union(a: number, b: number, force = false): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    if (!force && !this.canJoin(ra, rb)) return false;
    this.parent[rb] = ra;
    this.sureType[ra] ??= this.sureType[rb];
    for (const [g, m] of this.apart[rb]) this.apart[ra].set(g, m);
    const keys = new Set(this.people[ra].map((p) => p.key));
    for (const p of this.people[rb]) if (!keys.has(p.key)) this.people[ra].push(p);
    return true;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Merges the entities of many documents into corpus entities. A document entity that joins names the alias file
 * keeps apart ("George Bush" and a later "Bush") is split first, the split-off part added to its document's list.
 */
export function resolveCorpus(perDocument: Entity[][], options: Partial<CorpusResolveOptions> = {}): CorpusResolution {
  const opts = { ...DEFAULT_CORPUS_OPTIONS, ...options };
  for (const group of opts.aliases?.separate ?? []) for (const entities of perDocument) splitApart(entities, group);
  const units = perDocument.flat().map(unitOf);
  const all = units.map((u) => u.entity);
  const clusters = new Clusters(units);
  const attached = new Set<number>();

  // Every key a unit answers to, for the alias file.
  const byAnyKey = new Map<string, number[]>();
  units.forEach((u, i) => {
    if (!u.named) return;
    for (const k of new Set([...u.strong, ...u.weak, ...u.people.map((p) => p.key), ...(u.partial ? [u.partial] : []), keyOf(u.entity.label)])) push(byAnyKey, k, i);
  });
  (opts.aliases?.separate ?? []).forEach((group, g) => {
    group.forEach((name, member) => {
      for (const i of byAnyKey.get(keyOf(name)) ?? []) clusters.apart[clusters.find(i)].set(g, member);
    });
  });

  // Concepts by head lemma.
  const concepts = new Map<string, number>();
  units.forEach((u, i) => {
    if (u.named) return;
    const k = normalizeName(u.entity.label);
    const j = concepts.get(k);
    if (j === undefined) concepts.set(k, i);
    else clusters.union(j, i);
  });

  // People by a shared full name.
  const byFullName = new Map<string, number[]>();
  units.forEach((u, i) => u.people.forEach((p) => push(byFullName, p.key, i)));
  for (const list of byFullName.values()) for (const j of list.slice(1)) clusters.union(list[0], j);

  // A full name joins its one variant when that variant has no other ("Vince Cable" / "Vincent Cable").
  const bySurname = new Map<string, PersonName[]>();
  for (const key of byFullName.keys()) {
    const p = units[byFullName.get(key)![0]].people.find((q) => q.key === key)!;
    push(bySurname, p.surname, p);
  }
  for (const names of bySurname.values()) {
    if (names.length < 2) continue;
    const variants = names.map((p) => names.filter((q) => q !== p && isVariant(p, q)));
    names.forEach((p, x) => {
      if (variants[x].length !== 1) return;
      const q = variants[x][0];
      if (variants[names.indexOf(q)].length !== 1 || p.key > q.key) return;
      const a = byFullName.get(p.key)![0];
      const b = byFullName.get(q.key)![0];
      clusters.union(a, b);
    });
  }

  // Places and organisations by their canonical name or acronym.
  const byStrong = new Map<string, number[]>();
  units.forEach((u, i) => u.strong.forEach((k) => push(byStrong, k, i)));
  for (const [key, list] of byStrong) {
    // "MTA" of the Metropolitan Transportation Authority in one article and of the Maryland Transit Administration in
    // another: an acronym two different names expand joins neither; the units it names bare stay together
    const expansions = new Set(list.map((i) => units[i].strong[0]).filter((k) => k !== key));
    const joined = expansions.size > 1 ? list.filter((i) => units[i].strong[0] === key) : list;
    for (const j of joined.slice(1)) clusters.union(joined[0], j);
  }
  // Acronyms join the one expansion they abbreviate ("WHO" ↔ "World Health Organization").
  const byInitials = new Map<string, Set<number>>();
  units.forEach((u, i) => {
    if (!u.named || u.entity.type === 'person') return;
    for (const a of [u.entity.label, ...u.entity.aliases]) {
      const ini = a.includes(' ') ? initials(a) : '';
      if (ini.length >= 2) byInitials.set(ini, (byInitials.get(ini) ?? new Set()).add(i));
    }
  });
  units.forEach((u, i) => {
    if (!u.named || u.entity.type === 'person') return;
    for (const a of u.entity.aliases) {
      // "USSR" is the Soviet Union's, not the "Ukrainian Soviet Socialist Republic" whose initials it spells
      const acr = expandableAcronym(a);
      if (!acr) continue;
      const roots = new Set([...(byInitials.get(acr) ?? [])].filter((j) => compatible(all[j].type, u.entity.type)).map((j) => clusters.find(j)));
      if (roots.size === 1) clusters.union([...roots][0], i);
    }
  });
  // A place or organisation known by a part of another's name ("Scientology" of "the Church of Scientology")
  // joins it when only one cluster has that part; a place a gazetteer knows is a place of its own.
  const byWeak = new Map<string, Set<number>>();
  units.forEach((u, i) => u.weak.forEach((k) => byWeak.set(k, (byWeak.get(k) ?? new Set()).add(i))));
  units.forEach((u, i) => {
    if (u.entity.type === 'person' || u.strong.length === 0 || placeOf(u.strong[0])) return;
    const roots = new Set([...(byWeak.get(u.strong[0]) ?? [])].map((j) => clusters.find(j)));
    roots.delete(clusters.find(i));
    if (roots.size === 1 && clusters.union([...roots][0], i)) attached.add(i);
  });

  // Partial names attach to the one compatible full name of the corpus; a "Williams" of one article and a
  // "Williams" of another, with no full name to tell, are not taken for one person.
  const gender = clusterGenders(units, clusters);
  const fullBySurname = new Map<string, Set<number>>();
  units.forEach((u, i) => {
    if (all[i].type !== 'person') return;
    for (const p of u.people) fullBySurname.set(p.surname, (fullBySurname.get(p.surname) ?? new Set()).add(clusters.find(i)));
  });
  const { mentionCount, documentCount } = clusterCounts(units, clusters);
  const sharesContext = contextOf(units, clusters, opts.commonShare);
  units.forEach((u, i) => {
    if (!u.partial) return;
    const g = u.gender;
    const candidates = [...new Set([...(fullBySurname.get(u.partial) ?? [])].map((r) => clusters.find(r)))].filter(
      (r) => r !== clusters.find(i) && (!g || !gender.get(r) || gender.get(r) === g) && clusters.canJoin(r, i),
    );
    const pick = all[i].type === 'person' ? dominant(candidates, mentionCount, opts.dominance) : candidates.length === 1 ? candidates[0] : undefined;
    const supported = pick !== undefined && ((documentCount.get(pick) ?? 0) >= opts.minDocuments || sharesContext(i, pick));
    if (supported && clusters.union(pick, i)) attached.add(i);
  });

  // The alias file's merges are the user's word, whatever the names say.
  for (const group of opts.aliases?.merge ?? []) {
    const members = group.flatMap((name) => byAnyKey.get(keyOf(name)) ?? []);
    for (const i of members.slice(1)) clusters.union(members[0], i, true);
  }

  return collect(units, clusters, attached);
}

/** Each cluster's gender, where its people's mentions agree. */
function clusterGenders(units: Unit[], clusters: Clusters): Map<number, 'm' | 'f'> {
  const votes = new Map<number, { m: number; f: number }>();
  units.forEach((u, i) => {
    if (!u.gender) return;
    const r = clusters.find(i);
    const v = votes.get(r) ?? { m: 0, f: 0 };
    v[u.gender]++;
    votes.set(r, v);
  });
  const out = new Map<number, 'm' | 'f'>();
  for (const [r, v] of votes) if (v.m === 0 || v.f === 0) out.set(r, v.m > 0 ? 'm' : 'f');
  return out;
}

/**
 * Whether a unit's document and a cluster's documents name another entity in common — by any of its names, a
 * surname counting for a full name ("Sheinbaum" for Claudia Sheinbaum) — leaving out names so common in the
 * corpus that they tell nothing. In a corpus of fewer than ten documents every document is context for the others.
 */
function contextOf(units: Unit[], clusters: Clusters, commonShare: number): (i: number, root: number) => boolean {
  const keysOf = (u: Unit): string[] => [...u.strong, ...u.people.flatMap((p) => [p.key, p.surname]), ...(u.partial ? [u.partial] : [])];
  const keysOfDoc = new Map<string, Set<string>>();
  const docsOfKey = new Map<string, Set<string>>();
  const docsOfRoot = new Map<number, Set<string>>();
  const keysOfRoot = new Map<number, Set<string>>();
  units.forEach((u, i) => {
    const doc = u.entity.mentions.find((m) => m.named)?.doc;
    if (doc === undefined) return;
    const r = clusters.find(i);
    docsOfRoot.set(r, (docsOfRoot.get(r) ?? new Set()).add(doc));
    for (const k of keysOf(u)) {
      keysOfDoc.set(doc, (keysOfDoc.get(doc) ?? new Set()).add(k));
      docsOfKey.set(k, (docsOfKey.get(k) ?? new Set()).add(doc));
      keysOfRoot.set(r, (keysOfRoot.get(r) ?? new Set()).add(k));
    }
  });
  // A folder of a few articles is most often one story: each is context for the others.
  if (keysOfDoc.size < 10) return () => true;
  const limit = commonShare * keysOfDoc.size;
  return (i, root) => {
    const doc = units[i].entity.mentions.find((m) => m.named)?.doc;
    const here = doc === undefined ? undefined : keysOfDoc.get(doc);
    if (!here) return false;
    const own = new Set([...keysOf(units[i]), ...(keysOfRoot.get(root) ?? [])]);
    for (const d of docsOfRoot.get(root) ?? []) {
      if (d === doc) continue;
      for (const k of keysOfDoc.get(d) ?? []) if (here.has(k) && !own.has(k) && (docsOfKey.get(k)?.size ?? 0) <= limit) return true;
    }
    return false;
  };
}

/** Per cluster: its named mentions and the documents it is named in. */
function clusterCounts(units: Unit[], clusters: Clusters): { mentionCount: Map<number, number>; documentCount: Map<number, number> } {
  const mentionCount = new Map<number, number>();
  const docs = new Map<number, Set<string>>();
  units.forEach((u, i) => {
    const named = u.entity.mentions.filter((m) => m.named);
    if (named.length === 0) return;
    const r = clusters.find(i);
    mentionCount.set(r, (mentionCount.get(r) ?? 0) + named.length);
    docs.set(r, (docs.get(r) ?? new Set()).add(named[0].doc));
  });
  return { mentionCount, documentCount: new Map([...docs].map(([r, d]) => [r, d.size])) };
}

/** The only candidate, or the one with `ratio` times the mentions of every other. */
function dominant(candidates: number[], count: Map<number, number>, ratio: number): number | undefined {
  if (candidates.length <= 1) return candidates[0];
  const sorted = [...candidates].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0));
  return (count.get(sorted[0]) ?? 0) >= ratio * (count.get(sorted[1]) ?? 0) ? sorted[0] : undefined;
}

function collect(units: Unit[], clusters: Clusters, attached: Set<number>): CorpusResolution {
  const groups = new Map<number, number[]>();
  units.forEach((_, i) => push(groups, clusters.find(i), i));
  const entities: Entity[] = [];
  const idOf = new Map<string, string>();
  const review: MergeReview[] = [];
  const used = new Set<string>();
  for (const members of groups.values()) {
    const es = members.map((i) => units[i].entity);
    const mentions = es.flatMap((e) => e.mentions);
    const named = mentions.filter((m) => m.named);
    const type = named.length > 0 ? majorityType(named) : es[0].type;
    const names = nameCounts(named);
    const label = named.length > 0 ? labelOf(names, type) : es[0].label;
    const id = uniqueId(named.length > 0 ? `${type}:${slug(label)}` : `concept:${slug(label)}`, used);
    const aliases = new Set<string>([label]);
    for (const e of es) for (const a of e.aliases) aliases.add(a);
    entities.push({ id, label, type, aliases: [...aliases], mentions });
    for (const e of es) idOf.set(e.id, id);
    const reasons: MergeReview['reasons'] = [];
    if (clusters.people[clusters.find(members[0])].length > 1) reasons.push('full names');
    if (members.some((i) => attached.has(i))) reasons.push('partial names');
    if (reasons.length > 0) review.push({ entity: id, label, type, reasons, names });
  }
  review.sort((a, b) => total(b) - total(a) || a.entity.localeCompare(b.entity));
  return { entities, idOf, review };
}

const total = (r: MergeReview): number => r.names.reduce((n, x) => n + x.count, 0);

/** Distinct names as written (without titles, possessives or "the"), most mentioned first. */
function nameCounts(named: Mention[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of named) {
    const n = cleanName(nameOf(m));
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || b.name.length - a.name.length || a.name.localeCompare(b.name));
}

/**
 * Type by the named mentions' votes, each weighted by how sure recognition was; 'other' is a vote too, so forty
 * untyped "English" outweigh one guess that it is a body.
 */
function majorityType(named: Mention[]): EntityType {
  const votes: Record<EntityType, number> = { person: 0, organization: 0, place: 0, other: 0 };
  for (const m of named) votes[m.type] += 1 + (m.evidence?.certainty ?? 1);
  let best: EntityType = 'other';
  for (const t of ['person', 'organization', 'place'] as const) if (votes[t] > votes[best]) best = t;
  return best;
}

/**
 * The most frequent full name: for a person a name of two or more words, for a place its gazetteer name;
 * a bare generic head ("Court") and then acronyms only when nothing else names the entity.
 */
function labelOf(names: { name: string; count: number }[], type: EntityType): string {
  const score = new Map<string, { label: string; count: number }>();
  for (const { name, count } of names) {
    // "Mexican" counts for Mexico: a demonym votes for its country's name, never becomes the label itself.
    const canonical = type === 'place' ? countryOfDemonym(name) ?? placeOf(name)?.name ?? name : name;
    const s = score.get(canonical) ?? { label: canonical, count: 0 };
    s.count += count;
    score.set(canonical, s);
  }
  const rank = ({ label, count }: { label: string; count: number }): number[] => [
    // an article's "the Court" and "the Church" say which one only beside the full name
    GENERIC_HEADS.has(label.toLowerCase()) ? 0 : 1,
    acronymOf(label) ? 0 : 1,
    type === 'person' && label.includes(' ') ? 1 : 0,
    /^\p{Lu}/u.test(label) ? 1 : 0,
    count,
    label.split(' ').length,
    label.length,
  ];
  let best: { label: string; count: number } | undefined;
  for (const s of score.values()) {
    if (!best) best = s;
    else {
      const a = rank(s);
      const b = rank(best);
      const k = a.findIndex((x, i) => x !== b[i]);
      if (k >= 0 && a[k] > b[k]) best = s;
    }
  }
  return best?.label ?? names[0]?.name ?? '';
}

/** Splits each entity of one document whose named mentions match two or more names of a separate group. */
function splitApart(entities: Entity[], group: string[]): void {
  const members = group.map(keyOf);
  const used = new Set(entities.map((e) => e.id));
  for (const e of [...entities]) {
    const byMember = new Map<number, Entity['mentions']>();
    for (const m of e.mentions) {
      const k = m.named ? members.indexOf(keyOf(nameOf(m))) : -1;
      if (k >= 0) byMember.set(k, [...(byMember.get(k) ?? []), m]);
    }
    if (byMember.size < 2) continue;
    const [[kept, keptMentions], ...others] = [...byMember.entries()].sort((x, y) => x[1][0].start - y[1][0].start);
    if (members.includes(keyOf(e.label)) && keyOf(e.label) !== members[kept]) e.label = cleanName(nameOf(keptMentions[0]));
    for (const [, ms] of others) {
      const label = cleanName(nameOf(ms[0]));
      const moved = new Set(ms);
      e.mentions = e.mentions.filter((m) => !moved.has(m));
      entities.push({ id: uniqueId(`${e.id}~${slug(label)}`, used), label, type: e.type, aliases: [...new Set(ms.map((m) => cleanName(nameOf(m))))], mentions: ms });
    }
    const names = new Set(e.mentions.filter((m) => m.named).map((m) => cleanName(nameOf(m))));
    e.aliases = e.aliases.filter((a) => a === e.label || names.has(a));
  }
}
