#!/usr/bin/env node
/**
 * `npm start` builds only when something the build reads has changed since the last
 * build: the inputs' contents are hashed and compared with the hash written beside the
 * output (dist/.build-inputs). A fresh clone builds once; an unchanged tree starts at once.
 * `npm run build` itself always builds.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const STAMP = join(root, 'dist', '.build-inputs');
/** What `npm run build` reads (the Nest app and the web app). */
const INPUTS = [
  'src',
  'migrations',
  'web',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
];
const SKIP = new Set(['node_modules', 'dist', '.vite']);

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !SKIP.has(name))
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const current = inputsHash();
const built = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
if (built === current && existsSync(join(root, 'dist', 'src', 'main.js'))) {
  console.log('certpact: build is up to date');
} else {
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
  writeFileSync(STAMP, `${current}\n`);
}
