import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const KG = join(ROOT, 'bin', 'kg.js');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'];

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `kg` CLI (npm test builds dist/ first). */
export async function kg(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const env = options.env && { ...process.env, ...options.env };
  const child = execFile(process.execPath, [KG, ...args], { cwd: options.cwd ?? ROOT, env, maxBuffer: 64 * 1024 * 1024 });
  if (options.input !== undefined) child.stdin?.end(options.input);
  else child.stdin?.end();
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  return { code, stdout, stderr };
}

export const exec = promisify(execFile);

/** Root reads and writes every folder whatever its mode; the user nobody does not. */
export const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** `kg` as an unprivileged user, for whom a folder's mode holds: as root, it runs as nobody (setpriv). */
export async function kgUnprivileged(args: string[]): Promise<Run> {
  if (!isRoot) return kg(args);
  return exec('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, KG, ...args], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: unknown; stdout?: string; stderr?: string }) => ({ code: typeof error.code === 'number' ? error.code : 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
}

let reachable: Promise<boolean> | undefined;

/**
 * Whether `kgUnprivileged` can run at all: as root, the user nobody must be able to reach node and this checkout,
 * which a checkout in a private folder (`mktemp -d` makes them 0700) does not allow. Tests of modes skip otherwise.
 */
export function canRunUnprivileged(): Promise<boolean> {
  if (!isRoot) return Promise.resolve(true);
  reachable ??= exec('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(KG)})`], { cwd: '/' }).then(
    () => true,
    () => false,
  );
  return reachable;
}

/** Starts `kg serve` on a free port and resolves with its URL once it prints it. */
export async function serve(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [KG, 'serve', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`kg serve printed no URL: ${out}`)), 15_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => fail(new Error(`kg serve exited ${code}: ${out}`)));
  });
  return { url, child };
}
