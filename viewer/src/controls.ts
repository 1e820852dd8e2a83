import type { Filters, Visibility } from './filters.js';
import { dateRange, mentionSteps, NO_FILTERS, relationCounts } from './filters.js';
import type { KnowledgeGraph } from './graph.js';
import type { ColorBy, LabelDensity, SizeBy, ViewState } from './url.js';

export interface ControlHandlers {
  onFilters: (filters: Filters) => void;
  onDepth: (depth: number) => void;
  onAppearance: (colorBy: ColorBy, sizeBy: SizeBy) => void;
  onLabels: (labels: LabelDensity) => void;
}

/** Relations that say little on their own and crowd a hub's neighbourhood; one checkbox hides them. */
export const WEAK_RELATIONS: readonly string[] = ['be', 'be in'];

function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`viewer: #${id} is missing from index.html`);
  return element;
}

/** Wires the filter card; `show` brings it in line with the filters after any change. */
export function mountControls(graph: KnowledgeGraph, state: ViewState, dates: ReadonlyMap<string, string>, handlers: ControlHandlers): { show(filters: Filters, visibility: Visibility): void } {
  let maxMentions = 1;
  graph.forEachNode((_n, { mentions }) => (maxMentions = Math.max(maxMentions, mentions)));
  const steps = mentionSteps(maxMentions);
  const slider = byId('min-mentions', HTMLInputElement);
  const sliderValue = byId('min-mentions-value', HTMLOutputElement);
  slider.max = String(steps.length - 1);
  const unconnected = byId('show-unconnected', HTMLInputElement);
  const largest = byId('largest-component', HTMLInputElement);
  const hideBe = byId('hide-be', HTMLInputElement);
  const from = byId('date-from', HTMLInputElement);
  const to = byId('date-to', HTMLInputElement);
  const range = dateRange(dates);
  byId('date-filter', HTMLElement).hidden = range === null;
  if (range) for (const input of [from, to]) [input.min, input.max] = [range.first, range.last];

  const change = (patch: Partial<Filters>): void => handlers.onFilters({ ...state.filters, ...patch });
  slider.addEventListener('input', () => (sliderValue.value = String(steps[Number(slider.value)])));
  slider.addEventListener('change', () => change({ minMentions: steps[Number(slider.value)] }));
  unconnected.addEventListener('change', () => change({ showUnconnected: unconnected.checked }));
  largest.addEventListener('change', () => change({ largestComponent: largest.checked }));
  hideBe.addEventListener('change', () => {
    const others = state.filters.hiddenRelations.filter((r) => !WEAK_RELATIONS.includes(r));
    change({ hiddenRelations: hideBe.checked ? [...others, ...WEAK_RELATIONS] : others });
  });
  from.addEventListener('change', () => change({ from: from.value || null }));
  to.addEventListener('change', () => change({ to: to.value || null }));
  byId('show-all', HTMLButtonElement).addEventListener('click', () => handlers.onFilters({ ...NO_FILTERS }));

  // the relation filter: the 40 most frequent relations, each a checkbox
  const relationList = byId('relation-filter', HTMLElement).querySelector('ul')!;
  const relationBoxes = relationCounts(graph).slice(0, 40).map(([relation, n]) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.relation = relation;
    box.addEventListener('change', () => {
      const others = state.filters.hiddenRelations.filter((r) => r !== relation);
      change({ hiddenRelations: box.checked ? others : [...others, relation] });
    });
    const label = document.createElement('label');
    const name = document.createElement('span');
    name.textContent = relation;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = n.toLocaleString('en');
    label.append(box, name, count);
    const item = document.createElement('li');
    item.append(label);
    relationList.append(item);
    return box;
  });

  const depth = byId('depth', HTMLSelectElement);
  const colorBy = byId('color-by', HTMLSelectElement);
  const sizeBy = byId('size-by', HTMLSelectElement);
  depth.value = String(state.depth);
  colorBy.value = state.colorBy;
  sizeBy.value = state.sizeBy;
  const labels = byId('label-density', HTMLSelectElement);
  labels.value = state.labels;
  labels.addEventListener('change', () => handlers.onLabels(labels.value as LabelDensity));
  depth.addEventListener('change', () => handlers.onDepth(Number(depth.value)));
  const appearance = () => handlers.onAppearance(colorBy.value as ColorBy, sizeBy.value as SizeBy);
  colorBy.addEventListener('change', appearance);
  sizeBy.addEventListener('change', appearance);

  const note = byId('hidden-note', HTMLElement);
  return {
    show(filters, visibility) {
      const step = steps.findIndex((s) => s >= filters.minMentions);
      slider.value = String(step < 0 ? steps.length - 1 : step);
      sliderValue.value = String(filters.minMentions);
      unconnected.checked = filters.showUnconnected;
      largest.checked = filters.largestComponent;
      hideBe.checked = WEAK_RELATIONS.every((r) => filters.hiddenRelations.includes(r));
      from.value = filters.from ?? '';
      to.value = filters.to ?? '';
      for (const box of relationBoxes) box.checked = !filters.hiddenRelations.includes(box.dataset.relation!);
      const hidden = graph.order - visibility.nodes.size;
      note.hidden = hidden === 0;
      note.querySelector('span')!.textContent = `${hidden.toLocaleString('en')} ${hidden === 1 ? 'entity is' : 'entities are'} hidden by the filters.`;
    },
  };
}
