import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder, found from this module's place (src/ under tsx, dist/src/ when built). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('kg: cannot find the package root');
    dir = up;
  }
  return dir;
}

/** A path inside the package (the viewer bundle, the sample articles). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
