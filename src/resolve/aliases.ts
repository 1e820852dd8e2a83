import { readFile } from 'node:fs/promises';

/** User overrides of resolution: names in one `merge` group are one entity, names in a `separate` group never are. */
export interface AliasFile {
  merge?: string[][];
  separate?: string[][];
}

/** Thrown for an alias file that cannot be used; the message is one line naming the file and the fault. */
export class AliasFileError extends Error {
  override name = 'AliasFileError';
}

/** Checks the shape of a parsed alias file and returns it typed. */
export function validateAliasFile(value: unknown, source = 'alias file'): AliasFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AliasFileError(`${source}: expected an object with "merge" and/or "separate"`);
  }
  const out: AliasFile = {};
  for (const [field, groups] of Object.entries(value as Record<string, unknown>)) {
    if (field !== 'merge' && field !== 'separate') throw new AliasFileError(`${source}: unknown field "${field}" (expected "merge" or "separate")`);
    if (!Array.isArray(groups)) throw new AliasFileError(`${source}: "${field}" must be an array of name groups`);
    groups.forEach((g, i) => {
      if (!Array.isArray(g) || g.length < 2 || !g.every((n) => typeof n === 'string' && n.trim() !== '')) {
        throw new AliasFileError(`${source}: ${field}[${i}] must be an array of at least two non-empty names`);
      }
    });
    out[field] = groups as string[][];
  }
  return out;
}

/** Reads and validates an alias file (JSON). */
export async function loadAliasFile(path: string): Promise<AliasFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new AliasFileError(`${path}: cannot read alias file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AliasFileError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  return validateAliasFile(value, path);
}
