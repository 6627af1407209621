import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import type { ProductVocabulary } from '../common/scope-matching';
import { configFile } from './project-root';

export const PRODUCT_VOCABULARY_FILE = 'product-vocabulary.json';

/** Checks a vocabulary file; each problem names its category. */
export function vocabularyProblems(raw: unknown): string[] {
  const categories = (raw as { categories?: unknown })?.categories;
  if (typeof categories !== 'object' || categories === null || Array.isArray(categories))
    return ['categories must be an object of category → { en: [...], zh: [...] }'];
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(categories as Record<string, unknown>)) {
    if (key.trim() === '') problems.push('a category key is empty');
    for (const language of ['en', 'zh'] as const) {
      const terms = (entry as Record<string, unknown> | null)?.[language];
      if (!Array.isArray(terms) || terms.some((t) => typeof t !== 'string' || t.trim() === ''))
        problems.push(`categories "${key}".${language} must be a list of words`);
    }
  }
  return problems;
}

/** The shipped product vocabulary (config/product-vocabulary.json), checked at start. */
@Injectable()
export class ProductVocabularyFile {
  readonly vocabulary: ProductVocabulary;

  constructor() {
    this.vocabulary = loadProductVocabulary();
  }
}

let cached: ProductVocabulary | null = null;

/** Reads and checks the vocabulary once; a broken file stops the program naming the entry. */
export function loadProductVocabulary(): ProductVocabulary {
  if (cached) return cached;
  const path = configFile(PRODUCT_VOCABULARY_FILE);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const problems = vocabularyProblems(raw);
  if (problems.length > 0)
    throw new Error(`${path} is not a valid product vocabulary: ${problems.join('; ')}`);
  cached = raw as ProductVocabulary;
  return cached;
}
