import type { EntityType } from '../../src/types.js';
import type { KnowledgeGraph } from './graph.js';
import { TYPE_NAMES } from './settings.js';

const plural = (n: number, one: string): string => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

export interface Match {
  node: string;
  label: string;
  type: EntityType;
  mentions: number;
  documents: number;
  /** The alias that matched, when it is not the label itself. */
  alias: string | null;
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** Exact 3 > prefix 2 > prefix of a later word 1 > anywhere 0, as src/query/find.ts ranks: a label and an alias count alike. */
function matchRank(text: string, query: string): number {
  if (text === query) return 3;
  if (text.startsWith(query)) return 2;
  for (let at = text.indexOf(query, 1); at >= 0; at = text.indexOf(query, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1])) return 1;
  }
  return text.includes(query) ? 0 : -1;
}

interface Entry {
  node: string;
  label: string;
  /** Label first, then the aliases, folded once. */
  names: string[];
  aliases: string[];
  prominence: [number, number];
}

/** Every node's names folded once, for searching as the user types. */
export function searchIndex(graph: KnowledgeGraph): Entry[] {
  return graph.mapNodes((node, { label, aliases, mentions }) => {
    const all = [label, ...aliases.filter((a) => a !== label)];
    return { node, label, names: all.map(fold), aliases: all, prominence: [mentions, graph.degree(node)] };
  });
}

/**
 * Entities whose label or any alias contains `query`, case-insensitively: by how well a name matches, then by
 * prominence (mentions, then relations), so "Smith" finds the 700-mention John Smith before a one-mention "Smith".
 */
export function searchEntities(graph: KnowledgeGraph, index: readonly Entry[], query: string, limit: number): Match[] {
  const q = fold(query);
  if (q === '') return [];
  const hits: { entry: Entry; rank: number; name: number }[] = [];
  for (const entry of index) {
    let rank = -1;
    let name = 0;
    entry.names.forEach((text, i) => {
      const r = matchRank(text, q);
      if (r > rank) [rank, name] = [r, i];
    });
    if (rank >= 0) hits.push({ entry, rank, name });
  }
  hits.sort((a, b) => b.rank - a.rank || b.entry.prominence[0] - a.entry.prominence[0] || b.entry.prominence[1] - a.entry.prominence[1] || a.entry.label.localeCompare(b.entry.label));
  return hits.slice(0, limit).map(({ entry, name }) => {
    const { type, mentions, docs } = graph.getNodeAttributes(entry.node);
    return { node: entry.node, label: entry.label, type, mentions, documents: docs.length, alias: name === 0 ? null : entry.aliases[name] };
  });
}

export interface SearchOptions {
  maxSuggestions: number;
  colorOf: (type: EntityType) => string;
  onChoose: (node: string) => void;
}

/** Wires the search box and its suggestion list. */
export function mountSearch(input: HTMLInputElement, list: HTMLUListElement, graph: KnowledgeGraph, options: SearchOptions): void {
  const index = searchIndex(graph);
  let matches: Match[] = [];
  let active = 0;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const render = (): void => {
    list.replaceChildren();
    if (input.value.trim() === '') return close();
    if (matches.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No entity matches';
      list.append(empty);
    }
    matches.forEach((match, i) => {
      const item = document.createElement('li');
      item.id = `search-option-${i}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(i === active));
      item.dataset.nodeId = match.node;
      const dot = document.createElement('span');
      dot.className = 'dot';
      dot.style.background = options.colorOf(match.type);
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = match.label;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `${TYPE_NAMES[match.type]} · ${plural(match.mentions, 'mention')} · ${plural(match.documents, 'doc')}`;
      const name = document.createElement('span');
      name.className = 'name';
      name.append(label);
      if (match.alias !== null) {
        const alias = document.createElement('span');
        alias.className = 'alias';
        alias.textContent = `“${match.alias}”`;
        name.append(alias);
      }
      name.append(meta);
      item.append(dot, name);
      // mousedown, not click: the input's blur would close the list before the click lands.
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(i);
      });
      list.append(item);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (matches.length > 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
  };

  const choose = (i: number): void => {
    const match = matches[i];
    if (!match) return;
    input.value = match.label;
    matches = [];
    close();
    options.onChoose(match.node);
  };

  input.addEventListener('input', () => {
    matches = searchEntities(graph, index, input.value, options.maxSuggestions);
    active = 0;
    render();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length === 0) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      matches = searchEntities(graph, index, input.value, options.maxSuggestions);
      if (matches.length === 0) return render();
      choose(Math.min(active, matches.length - 1));
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '' && matches.length > 0) render();
  });
}
