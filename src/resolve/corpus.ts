import type { Entity, EntityType } from '../types.js';
import { initials, normalizeName, placeOf } from '../extract/gazetteer.js';
import type { AliasFile } from './aliases.js';
import { acronymOf, cleanName, nameOf, slug, uniqueId } from './document.js';

/**
 * Cross-document resolution: entities of many documents that share a full name (or an acronym and its
 * expansion) and a compatible type become one; a bare surname joins the single full name it can mean.
 * An alias file forces merges and forbids others.
 */

export interface CorpusResolveOptions {
  aliases?: AliasFile;
}

export interface CorpusResolution {
  entities: Entity[];
  /** Per-document entity id → corpus entity id. */
  idOf: Map<string, string>;
}

const keyOf = (name: string): string => {
  const k = normalizeName(cleanName(name));
  return placeOf(k) ? normalizeName(placeOf(k)!.name) : k;
};

function compatible(a: EntityType, b: EntityType): boolean {
  return a === b || a === 'other' || b === 'other';
}

/** An entity typed only by weak evidence (compromise's guess, context) may join one of another type. */
function weaklyTyped(e: Entity): boolean {
  return e.mentions.every((m) => !m.named || (m.evidence?.certainty ?? 2) < 2);
}

class UnionFind {
  parent: number[];
  /** Per root: separate-group index → member index, so two members of one group never meet. */
  apart: Map<number, number>[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.apart = Array.from({ length: n }, () => new Map());
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  /** Joins two sets unless a separate group keeps them apart; returns whether they are joined. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const A = this.apart[ra];
    const B = this.apart[rb];
    for (const [g, m] of B) if (A.has(g) && A.get(g) !== m) return false;
    this.parent[rb] = ra;
    for (const [g, m] of B) A.set(g, m);
    return true;
  }
}

/**
 * Merges the entities of many documents into corpus entities. A document entity that joins names the alias file
 * keeps apart ("George Bush" and a later "Bush") is split first, the split-off part added to its document's list.
 */
export function resolveCorpus(perDocument: Entity[][], options: CorpusResolveOptions = {}): CorpusResolution {
  for (const group of options.aliases?.separate ?? []) for (const entities of perDocument) splitApart(entities, group);
  const all = perDocument.flat();
  const uf = new UnionFind(all.length);
  const named = (e: Entity): boolean => e.mentions.some((m) => m.named);
  const keys = all.map((e) => new Set([e.label, ...e.aliases].map(keyOf).filter((k) => k !== '')));

  const byKey = new Map<string, number[]>();
  all.forEach((e, i) => {
    for (const k of keys[i]) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });

  const sep = options.aliases?.separate ?? [];
  sep.forEach((group, g) => {
    group.forEach((name, member) => {
      for (const i of byKey.get(keyOf(name)) ?? []) uf.apart[uf.find(i)].set(g, member);
    });
  });
  for (const group of options.aliases?.merge ?? []) {
    const members = group.flatMap((name) => byKey.get(keyOf(name)) ?? []);
    for (const i of members.slice(1)) uf.union(members[0], i);
  }

  // Concepts by head lemma; names by a shared full name (or any name, for places and organisations).
  const concepts = new Map<string, number>();
  all.forEach((e, i) => {
    if (named(e)) return;
    const k = normalizeName(e.label);
    const j = concepts.get(k);
    if (j === undefined) concepts.set(k, i);
    else uf.union(j, i);
  });
  const isBareSurname = (i: number): boolean => all[i].type !== 'place' && all[i].type !== 'organization' && !keyOf(all[i].label).includes(' ');
  for (const [k, list] of byKey) {
    for (let x = 1; x < list.length; x++) {
      const i = list[0];
      const j = list[x];
      if (!named(all[i]) || !named(all[j])) continue;
      if (!compatible(all[i].type, all[j].type) && !weaklyTyped(all[i]) && !weaklyTyped(all[j])) continue;
      // A one-word person name is decided below, by surname.
      if (!k.includes(' ') && (isBareSurname(i) || isBareSurname(j)) && (all[i].type === 'person' || all[j].type === 'person')) continue;
      uf.union(i, j);
    }
  }
  // Acronyms join the expansion they abbreviate ("WHO" ↔ "World Health Organization").
  const byInitials = new Map<string, number[]>();
  all.forEach((e, i) => {
    if (!named(e) || e.type === 'person') return;
    for (const a of [e.label, ...e.aliases]) {
      if (a.includes(' ')) {
        const ini = initials(a);
        if (ini.length >= 2) byInitials.set(ini, [...(byInitials.get(ini) ?? []), i]);
      }
    }
  });
  all.forEach((e, i) => {
    if (!named(e) || e.type === 'person') return;
    for (const a of e.aliases) {
      const acr = acronymOf(a);
      const roots = new Set((acr ? byInitials.get(acr) ?? [] : []).filter((j) => compatible(all[j].type, e.type)).map((j) => uf.find(j)));
      if (roots.size === 1) uf.union([...roots][0], i);
    }
  });
  // A bare surname joins the one full name that ends with it; with none, bare surnames of one string join.
  const fullBySurname = new Map<string, Set<number>>();
  all.forEach((e, i) => {
    if (e.type !== 'person') return;
    for (const k of keys[i]) {
      if (!k.includes(' ')) continue;
      const last = k.split(' ').pop()!;
      const set = fullBySurname.get(last) ?? new Set<number>();
      set.add(uf.find(i));
      fullBySurname.set(last, set);
    }
  });
  const bareByKey = new Map<string, number>();
  all.forEach((e, i) => {
    if (!named(e) || !isBareSurname(i) || (e.type !== 'person' && e.type !== 'other')) return;
    const k = keyOf(e.label);
    const roots = new Set([...(fullBySurname.get(k) ?? [])].map((r) => uf.find(r)));
    if (roots.size === 1) uf.union([...roots][0], i);
    else if (roots.size === 0) {
      const j = bareByKey.get(k);
      if (j === undefined) bareByKey.set(k, i);
      else if (compatible(all[j].type, e.type)) uf.union(j, i);
    }
  });

  const groups = new Map<number, number[]>();
  all.forEach((_, i) => {
    const r = uf.find(i);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  });
  const entities: Entity[] = [];
  const idOf = new Map<string, string>();
  const used = new Set<string>();
  for (const members of groups.values()) {
    const es = members.map((i) => all[i]);
    const type = majorityType(es);
    const label = es.some(named) ? fullestLabel(es.filter((e) => e.type === type || e.type === 'other' || type === 'other')) : es[0].label;
    const id = uniqueId(es.some(named) ? `${type}:${slug(label)}` : `concept:${slug(label)}`, used);
    const aliases = new Set<string>([label]);
    for (const e of es) for (const a of e.aliases) aliases.add(a);
    entities.push({ id, label, type, aliases: [...aliases], mentions: es.flatMap((e) => e.mentions) });
    for (const e of es) idOf.set(e.id, id);
  }
  return { entities, idOf };
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

function majorityType(es: Entity[]): EntityType {
  const votes: Record<EntityType, number> = { person: 0, organization: 0, place: 0, other: 0 };
  for (const e of es) votes[e.type] += e.mentions.length;
  let best: EntityType = 'other';
  for (const t of ['person', 'organization', 'place'] as const) if (votes[t] > votes[best] || (best === 'other' && votes[t] > 0)) best = t;
  return best;
}

function fullestLabel(es: Entity[]): string {
  let best = es[0]?.label ?? '';
  for (const e of es) {
    const words = (s: string): number => (acronymOf(s) ? 0 : s.split(' ').length);
    if (words(e.label) > words(best) || (words(e.label) === words(best) && e.label.length > best.length)) best = e.label;
  }
  return best;
}
