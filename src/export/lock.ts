import { mkdir, open, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanOutput } from './generation.js';

/** The output folder cannot be used; the message is one line, naming the folder. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** A build's hold on its output folder; release it when the build ends, however it ends. */
export interface OutputLock {
  release(): Promise<void>;
}

const LOCK = join('.kg', 'lock');

function reasonOf(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'it, or a folder above it, is a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return (error as Error).message.replace(/\s+/g, ' ');
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Checks that `outDir` is a folder this process can write (creating it), before any work is spent, and takes it
 * for this build: a second build into the same folder fails at once with one line instead of racing the first.
 * A lock left by a build that was killed (its process is gone) is taken over. Then clears what a killed build left.
 */
export async function lockOutput(outDir: string): Promise<OutputLock> {
  const path = join(outDir, LOCK);
  try {
    await mkdir(join(outDir, '.kg'), { recursive: true });
  } catch (error) {
    throw new OutputError(`cannot write to ${outDir}: ${reasonOf(error)}`);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(`cannot write to ${outDir}: ${reasonOf(error)}`);
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new OutputError(`another kg build (process ${holder}) is writing to ${outDir}: wait for it to finish or choose another --out`);
      }
      if (attempt > 0) throw new OutputError(`cannot lock ${outDir}: ${path} keeps coming back`);
      await rm(path, { force: true });
    }
  }
  const release = () => rm(path, { force: true });
  // outputs are switched through a link (export/generation): a file system without links is found now, not after extraction
  const probe = join(outDir, '.kg', `.link-probe-${process.pid}.tmp`);
  try {
    await symlink('current', probe);
    await rm(probe, { force: true });
  } catch (error) {
    await release();
    throw new OutputError(`cannot write to ${outDir}: its file system does not take symbolic links (${reasonOf(error)}), which outputs are switched by`);
  }
  await cleanOutput(outDir);
  return { release };
}
