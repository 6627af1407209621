import { readFileSync } from 'node:fs';
import { configFile } from '../config/project-root';
import type { ProductionWording } from './production-wording';

let wording: ProductionWording | null = null;

/** The shipped production word list (config/production-wording.json), read once. */
export function productionWording(): ProductionWording {
  wording ??= JSON.parse(
    readFileSync(configFile('production-wording.json'), 'utf8'),
  ) as ProductionWording;
  return wording;
}
