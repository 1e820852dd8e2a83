import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FileContent {
  path: string;
  content: string;
}

interface Staged {
  target: string;
  content: string;
  /** Where the new content is written before it replaces the target. */
  temp: string;
  /** A hard link to the previous target, to put it back if a later rename fails. */
  backup: string;
}

/** A hidden sibling of the target: rename is only atomic within one file system. */
function siblingPath(target: string, tag: string): string {
  const unique = `${process.pid}.${randomBytes(6).toString('hex')}`;
  return join(dirname(target), `.${basename(target)}.${unique}.${tag}`);
}

async function writeSynced(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** True when there was a previous file, now also reachable at `backup`. */
async function keepPrevious(file: Staged): Promise<boolean> {
  try {
    await link(file.target, file.backup);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Renames every temp over its target; if one fails, the targets already replaced get their previous content back. */
async function replaceAll(files: Staged[]): Promise<void> {
  const replaced: { file: Staged; hadPrevious: boolean }[] = [];
  try {
    for (const file of files) {
      const hadPrevious = await keepPrevious(file);
      await rename(file.temp, file.target);
      replaced.push({ file, hadPrevious });
    }
  } catch (error) {
    for (const { file, hadPrevious } of replaced.reverse()) {
      await (hadPrevious ? rename(file.backup, file.target) : rm(file.target, { force: true })).catch(() => undefined);
    }
    throw error;
  }
}

/** Makes the renames themselves durable; not every platform can open a directory, and that is not worth failing for. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

/**
 * Writes all files or none: each goes to a temp file in its own directory, is fsynced, then renamed over the target.
 * On any failure the temp files are removed and the previous files are left as they were.
 */
export async function writeFilesAtomic(files: FileContent[]): Promise<void> {
  const staged: Staged[] = files.map(({ path, content }) => ({
    target: path,
    content,
    temp: siblingPath(path, 'tmp'),
    backup: siblingPath(path, 'bak'),
  }));
  try {
    for (const file of staged) await writeSynced(file.temp, file.content);
    await replaceAll(staged);
    for (const dir of new Set(staged.map((file) => dirname(file.target)))) await syncDirectory(dir);
  } finally {
    await Promise.all(staged.flatMap((file) => [rm(file.temp, { force: true }), rm(file.backup, { force: true })]));
  }
}
