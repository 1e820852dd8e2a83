import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, readlink, rename, rm, stat, symlink, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A graph's files are written as one generation and switched in one rename, so a reader, or a build killed at
 * any moment, sees the complete old set or the complete new one, never a new graph.json beside an old graph.gexf:
 *
 *   <out>/.kg/<name>/gen-<id>/graph.json, graph.gexf, …   each generation's files, written and synced first
 *   <out>/.kg/<name>/current → gen-<id>                  the one pointer, replaced by rename
 *   <out>/graph.json → .kg/<name>/current/graph.json     what users open, a link through the pointer
 *
 * Generations the pointer leaves behind, pointers never renamed into place and a killed build's temporaries are
 * removed at the start of the next build (cleanOutput) and after each switch.
 */

/**
 * One file of a generation: its content, or a file already written and synced in the store (at a `stagingPath`),
 * which is moved into the generation by rename; a file streamed while a build reads its input is staged so.
 */
export type GenerationFile = { file: string; content: string } | { file: string; staged: string };

const STORE = '.kg';
const CURRENT = 'current';
const GENERATION = /^gen-[\w-]+$/;
/** Temp and backup files of the earlier write scheme (one rename per file), left by a build killed mid-write. */
const OLD_TEMPORARY = /^\..+\.\d+\.[0-9a-f]{12}\.(?:tmp|bak)$/;

function unique(): string {
  return `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Where a file of the next generation of the graph `name` may be written before `writeGeneration` moves it in: in the
 * store, on the generation's file system, named as a temporary that cleanOutput removes should the build die first.
 */
export function stagingPath(outDir: string, name: string, file: string): string {
  return join(generationsOf(outDir, name), `.staged-${file}-${unique()}.tmp`);
}

/** Where the generations of the graph `name` live. */
export function generationsOf(outDir: string, name: string): string {
  return join(outDir, STORE, name);
}

/** The link a user opens: through the pointer to the current generation's file. */
function linkTarget(name: string, file: string): string {
  return join(STORE, name, CURRENT, file);
}

async function writeSynced(path: string, content: string | Iterable<string>): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    // each writeFile writes all its text, from where the last one ended
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else for (const piece of content) await handle.writeFile(piece, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * `content` written and synced at a staging path of the graph `name`, ready to join its next generation: a writer
 * that stages each file as soon as it is serialised holds one file's text at a time, not the whole generation's,
 * and given the text in pieces (export/gexfChunks) it holds one piece at a time.
 */
export async function stageFile(outDir: string, name: string, file: string, content: string | Iterable<string>): Promise<{ file: string; staged: string }> {
  const staged = stagingPath(outDir, name, file);
  await mkdir(dirname(staged), { recursive: true });
  try {
    await writeSynced(staged, content);
  } catch (error) {
    // pieces that fail to serialise half-way leave no half-written file behind
    await rm(staged, { force: true });
    throw error;
  }
  return { file, staged };
}

/** Makes renames durable; not every platform can open a directory, and that is not worth failing for. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

async function lstatOrUndefined(path: string) {
  return lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** Replaces `path` by a symbolic link to `target` in one rename. */
async function replaceWithLink(path: string, target: string, dir: string): Promise<void> {
  const temp = join(dir, `.kg-link-${unique()}.tmp`);
  await symlink(target, temp);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Points `root/current` at `generation` in one rename. */
async function switchCurrent(root: string, generation: string): Promise<void> {
  const temp = join(root, `.current-${unique()}.tmp`);
  await symlink(generation, temp);
  await rename(temp, join(root, CURRENT));
  await syncDirectory(root);
}

/**
 * Files written before generations (plain files in the output folder) become a generation of their own, so that
 * turning each into a link changes nothing a reader sees until the new generation is switched in.
 */
async function adoptPlainFiles(outDir: string, root: string, files: readonly string[]): Promise<void> {
  if (await lstatOrUndefined(join(root, CURRENT))) return;
  const plain: string[] = [];
  for (const file of files) if ((await lstatOrUndefined(join(outDir, file)))?.isFile()) plain.push(file);
  if (plain.length === 0) return;
  const generation = `gen-${unique()}`;
  await mkdir(join(root, generation));
  for (const file of plain) await link(join(outDir, file), join(root, generation, file));
  await switchCurrent(root, generation);
}

/** Writes `files` as a new generation of the graph `name` in `outDir` and switches to it in one rename. */
export async function writeGeneration(outDir: string, name: string, files: readonly GenerationFile[]): Promise<void> {
  const root = generationsOf(outDir, name);
  await mkdir(root, { recursive: true });
  const generation = `gen-${unique()}`;
  const dir = join(root, generation);
  await mkdir(dir);
  for (const f of files) {
    if ('content' in f) await writeSynced(join(dir, f.file), f.content);
    else await rename(f.staged, join(dir, f.file));
  }
  await syncDirectory(dir);
  const names = files.map((f) => f.file);
  await adoptPlainFiles(outDir, root, names);
  // Links made before the switch resolve to the old generation (or to nothing): no reader sees a mix.
  for (const file of names) {
    const target = linkTarget(name, file);
    const existing = await lstatOrUndefined(join(outDir, file));
    if (existing?.isSymbolicLink() && (await readlink(join(outDir, file))) === target) continue;
    if (existing?.isDirectory()) throw new Error(`${join(outDir, file)} is a folder`);
    await replaceWithLink(join(outDir, file), target, outDir);
  }
  await syncDirectory(outDir);
  await switchCurrent(root, generation);
  await cleanOutput(outDir);
}

/**
 * Removes what no generation needs: generations other than the current ones, pointers and links never renamed
 * into place, temporaries of the earlier write scheme, and links into a generation that lacks their file.
 */
export async function cleanOutput(outDir: string): Promise<void> {
  const store = join(outDir, STORE);
  for (const name of await readdir(store).catch(() => [] as string[])) {
    const root = join(store, name);
    if (!(await lstatOrUndefined(root))?.isDirectory()) continue;
    const current = await readlink(join(root, CURRENT)).catch(() => undefined);
    for (const entry of await readdir(root)) {
      if (entry === CURRENT || entry === current) continue;
      if (GENERATION.test(entry) || entry.endsWith('.tmp')) await rm(join(root, entry), { recursive: true, force: true });
    }
  }
  for (const entry of await readdir(outDir).catch(() => [] as string[])) {
    const path = join(outDir, entry);
    if (OLD_TEMPORARY.test(entry) || /^\.kg-link-.+\.tmp$/.test(entry)) {
      await rm(path, { force: true });
      continue;
    }
    const info = await lstatOrUndefined(path);
    if (!info?.isSymbolicLink()) continue;
    const target = await readlink(path);
    if (target.startsWith(`${STORE}/`) && !(await stat(path).catch(() => undefined))) await unlink(path).catch(() => undefined);
  }
}
