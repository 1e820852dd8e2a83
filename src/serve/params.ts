import { InvalidOptionError } from '../query/index.js';

/** A request's query string as fastify parses it: a name given twice is an array. */
export type Query = Record<string, string | string[] | undefined>;

/** One value of a query parameter; an empty value counts as absent. */
export function param(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new InvalidOptionError(`${name} must be given once`);
  return value === '' ? undefined : value;
}

export function required(query: Query, name: string): string {
  const value = param(query, name)?.trim();
  if (!value) throw new InvalidOptionError(`missing ${name}`);
  return value;
}

export function integer(query: Query, name: string): number | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new InvalidOptionError(`${name} must be an integer, got "${value}"`);
  return Number(value);
}
