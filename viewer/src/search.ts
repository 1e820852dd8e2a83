import type { EntityType } from '../../src/types.js';
import type { KnowledgeGraph } from './graph.js';

export interface Match {
  node: string;
  label: string;
  type: EntityType;
  /** The alias that matched, when it is not the label itself. */
  alias: string | null;
}

/** Lower ranks are better: exact label, exact alias, prefix, word start, anywhere. */
function rank(candidate: string, query: string, isLabel: boolean): number {
  const text = candidate.toLowerCase();
  if (text === query) return isLabel ? 0 : 1;
  if (text.startsWith(query)) return 2;
  if (text.includes(` ${query}`)) return 3;
  return text.includes(query) ? 4 : Infinity;
}

/** Entities whose label or any alias contains `query` (case-insensitive), best first. */
export function searchEntities(graph: KnowledgeGraph, query: string, limit: number): Match[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const scored: { match: Match; rank: number; mentions: number }[] = [];
  graph.forEachNode((node, { label, aliases, type, mentions }) => {
    let best = rank(label, q, true);
    let alias: string | null = null;
    for (const candidate of aliases) {
      const r = rank(candidate, q, candidate === label);
      if (r < best) [best, alias] = [r, candidate === label ? null : candidate];
    }
    if (best !== Infinity) scored.push({ match: { node, label, type, alias }, rank: best, mentions });
  });
  scored.sort((a, b) => a.rank - b.rank || b.mentions - a.mentions || a.match.label.localeCompare(b.match.label));
  return scored.slice(0, limit).map((s) => s.match);
}

export interface SearchOptions {
  maxSuggestions: number;
  colorOf: (type: EntityType) => string;
  onChoose: (node: string) => void;
}

/** Wires the search box and its suggestion list. */
export function mountSearch(input: HTMLInputElement, list: HTMLUListElement, graph: KnowledgeGraph, options: SearchOptions): void {
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
      item.append(dot, label);
      if (match.alias !== null) {
        const alias = document.createElement('span');
        alias.className = 'alias';
        alias.textContent = `“${match.alias}”`;
        item.append(alias);
      }
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
    matches = searchEntities(graph, input.value, options.maxSuggestions);
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
      matches = searchEntities(graph, input.value, options.maxSuggestions);
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
