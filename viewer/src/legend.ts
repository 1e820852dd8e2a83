import type { EntityType } from '../../src/types.js';
import type { KnowledgeGraph } from './graph.js';
import { ENTITY_TYPES, TYPE_COLORS, TYPE_NAMES } from './settings.js';

export interface LegendEntry {
  type: EntityType;
  name: string;
  color: string;
  count: number;
}

/** One entry per entity type, coloured as the graph colours that type's nodes (the palette if it has none). */
export function legendEntries(graph: KnowledgeGraph): LegendEntry[] {
  const colors = new Map<EntityType, Map<string, number>>();
  const counts = new Map<EntityType, number>();
  graph.forEachNode((_node, { type, color }) => {
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const seen = colors.get(type) ?? new Map<string, number>();
    seen.set(color, (seen.get(color) ?? 0) + 1);
    colors.set(type, seen);
  });
  return ENTITY_TYPES.map((type) => {
    const seen = [...(colors.get(type) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    return { type, name: TYPE_NAMES[type], color: seen[0]?.[0] ?? TYPE_COLORS[type], count: counts.get(type) ?? 0 };
  });
}

/**
 * The legend is the type filter: each entry a toggle button with how many entities of the type are in view of how
 * many there are.
 */
export function renderLegend(
  root: HTMLElement,
  entries: readonly LegendEntry[],
  shown: ReadonlyMap<EntityType, number>,
  hidden: readonly EntityType[],
  onToggle: (type: EntityType) => void,
): void {
  const title = document.createElement('h2');
  title.textContent = 'Entity types';
  const list = document.createElement('ul');
  for (const { type, name, color, count } of entries) {
    const item = document.createElement('li');
    item.dataset.type = type;
    const button = document.createElement('button');
    button.type = 'button';
    const off = hidden.includes(type);
    button.setAttribute('aria-pressed', String(!off));
    button.title = off ? `Show ${name.toLowerCase()} entities` : `Hide ${name.toLowerCase()} entities`;
    const swatch = document.createElement('span');
    swatch.className = 'dot';
    swatch.style.background = color;
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = name;
    const number = document.createElement('span');
    number.className = 'count';
    const inView = shown.get(type) ?? 0;
    number.textContent = inView === count ? count.toLocaleString('en') : `${inView.toLocaleString('en')} / ${count.toLocaleString('en')}`;
    button.append(swatch, label, number);
    button.addEventListener('click', () => onToggle(type));
    item.append(button);
    list.append(item);
  }
  root.replaceChildren(title, list);
}
