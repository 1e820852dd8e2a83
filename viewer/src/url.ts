import type { EntityType } from '../../src/types.js';
import type { Filters } from './filters.js';
import { ENTITY_TYPES } from './settings.js';

export type ColorBy = 'type' | 'community';
export type SizeBy = 'pagerank' | 'mentions' | 'degree';
export type LabelDensity = 'few' | 'some' | 'many';

/** The view a link shares: selection, filters, appearance and camera. */
export interface ViewState {
  selected: string | null;
  /** Hops around the selection that are highlighted, 1 to 3. */
  depth: number;
  filters: Filters;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  labels: LabelDensity;
  camera: { x: number; y: number; ratio: number } | null;
}

const COLOR_BY: readonly ColorBy[] = ['type', 'community'];
const SIZE_BY: readonly SizeBy[] = ['pagerank', 'mentions', 'degree'];
const LABELS: readonly LabelDensity[] = ['few', 'some', 'many'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const list = (value: string | null): string[] => (value ? value.split(',').map(decodeURIComponent).filter((v) => v !== '') : []);
const joined = (values: readonly string[]): string => values.map(encodeURIComponent).join(',');

/** The state as query parameters (URLSearchParams escapes them; list items are escaped once more to keep commas). */
export function toQuery(state: ViewState): string {
  const { filters: f } = state;
  const params = new URLSearchParams();
  if (state.selected !== null) params.set('node', state.selected);
  params.set('depth', String(state.depth));
  params.set('hide', joined(f.hiddenTypes));
  params.set('min', String(f.minMentions));
  params.set('unconnected', f.showUnconnected ? '1' : '0');
  params.set('largest', f.largestComponent ? '1' : '0');
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.hiddenRelations.length > 0) params.set('relations', joined(f.hiddenRelations));
  params.set('color', state.colorBy);
  params.set('size', state.sizeBy);
  params.set('labels', state.labels);
  if (state.camera) params.set('camera', [state.camera.x, state.camera.y, state.camera.ratio].map((n) => n.toFixed(4)).join(','));
  return params.toString();
}

/** The state a query gives, each missing or malformed part taken from `fallback`. */
export function fromQuery(query: string, fallback: ViewState): ViewState {
  const params = new URLSearchParams(query);
  const number = (name: string, min: number, max: number, otherwise: number): number => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : otherwise;
  };
  const flag = (name: string, otherwise: boolean): boolean => (params.has(name) ? params.get(name) === '1' : otherwise);
  const date = (name: string, otherwise: string | null): string | null => {
    const value = params.get(name);
    return value !== null && DATE.test(value) ? value : otherwise;
  };
  const f = fallback.filters;
  const camera = params.get('camera')?.split(',').map(Number);
  return {
    selected: params.get('node') ?? fallback.selected,
    depth: Math.round(number('depth', 1, 3, fallback.depth)),
    filters: {
      hiddenTypes: params.has('hide') ? list(params.get('hide')).filter((t): t is EntityType => ENTITY_TYPES.includes(t as EntityType)) : f.hiddenTypes,
      minMentions: Math.round(number('min', 1, Number.MAX_SAFE_INTEGER, f.minMentions)),
      showUnconnected: flag('unconnected', f.showUnconnected),
      largestComponent: flag('largest', f.largestComponent),
      from: date('from', f.from),
      to: date('to', f.to),
      hiddenRelations: params.has('relations') ? list(params.get('relations')) : f.hiddenRelations,
    },
    colorBy: COLOR_BY.find((c) => c === params.get('color')) ?? fallback.colorBy,
    sizeBy: SIZE_BY.find((s) => s === params.get('size')) ?? fallback.sizeBy,
    labels: LABELS.find((l) => l === params.get('labels')) ?? fallback.labels,
    camera: camera?.length === 3 && camera.every(Number.isFinite) && camera[2] > 0 ? { x: camera[0], y: camera[1], ratio: camera[2] } : fallback.camera,
  };
}
