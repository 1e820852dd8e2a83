#!/usr/bin/env node
// Bundles the browser viewer (viewer/src, viewer/index.html, viewer/style.css) into viewer/dist, which `kg serve` serves.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const viewerDir = resolve(dirname(fileURLToPath(import.meta.url)), '../viewer');

/** Writes index.html, style.css and app.js (minified, with source maps) into `outDir`. */
export async function bundleViewer({ outDir = join(viewerDir, 'dist') } = {}) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [
      { in: join(viewerDir, 'src/main.ts'), out: 'app' },
      { in: join(viewerDir, 'style.css'), out: 'style' },
    ],
    outdir: outDir,
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  await copyFile(join(viewerDir, 'index.html'), join(outDir, 'index.html'));
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const outDir = await bundleViewer({ outDir: process.argv[2] ? resolve(process.argv[2]) : undefined });
  console.log(`viewer bundled into ${outDir} in ${Math.round(performance.now() - started)} ms`);
}
