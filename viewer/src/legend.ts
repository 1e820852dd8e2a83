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

export function renderLegend(root: HTMLElement, entries: readonly LegendEntry[]): void {
  const title = document.createElement('h2');
  title.textContent = 'Entity types';
  const list = document.createElement('ul');
  for (const { type, name, color, count } of entries) {
    const item = document.createElement('li');
    item.dataset.type = type;
    const swatch = document.createElement('span');
    swatch.className = 'dot';
    swatch.style.background = color;
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = name;
    const number = document.createElement('span');
    number.className = 'count';
    number.textContent = String(count);
    item.append(swatch, label, number);
    list.append(item);
  }
  root.replaceChildren(title, list);
}
