import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The folder that holds package.json, whether we run from src/ (ts) or dist/src/ (js). */
export function projectRoot(): string {
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function configFile(name: string): string {
  return join(projectRoot(), 'config', name);
}
