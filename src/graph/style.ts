import type { EntityType } from '../types.js';

/** Node colours by entity type; the viewer's legend uses the same palette. */
export const TYPE_COLORS: Readonly<Record<EntityType, string>> = {
  person: '#e4572e',
  organization: '#4c6ef5',
  place: '#2f9e44',
  other: '#868e96',
};

export const EDGE_COLOR = '#adb5bd';

export interface SizeOptions {
  minSize: number;
  maxSize: number;
}

export const DEFAULT_SIZE_OPTIONS: SizeOptions = { minSize: 4, maxSize: 24 };

/** Maps a centrality in [min, max] onto a node size, on a square-root scale so hubs do not swamp the view. */
export function sizeFor(value: number, min: number, max: number, options: SizeOptions = DEFAULT_SIZE_OPTIONS): number {
  const t = max > min ? Math.sqrt((value - min) / (max - min)) : 0.5;
  return Math.round((options.minSize + t * (options.maxSize - options.minSize)) * 100) / 100;
}

/** Edge thickness from the number of supporting sentences. */
export function edgeSizeFor(weight: number): number {
  return Math.min(8, 1 + Math.log2(weight) * 1.5);
}
