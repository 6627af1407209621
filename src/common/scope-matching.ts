/**
 * Rule `scope_vocabulary`: does a certificate's scope text name a product category? A
 * scope is read in the languages it is written in (Chinese when it has Han characters,
 * English when it has Latin letters), with the category's terms in that language from
 * the shipped vocabulary (config/product-vocabulary.json). When the scope is written in
 * a language for which the category has no term, the answer is `not_assessed`: certpact
 * cannot judge it, and must not claim that the scope misses the category.
 *
 * Pure: the vocabulary is passed in.
 */
export type ScopeLanguage = 'en' | 'zh';

export interface CategoryTerms {
  en: string[];
  zh: string[];
}

export interface ProductVocabulary {
  categories: Record<string, CategoryTerms>;
}

export type ScopeCoverage = 'covered' | 'not_covered' | 'not_assessed';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** The languages a text is written in, as far as matching goes. */
export function scopeLanguages(text: string): ScopeLanguage[] {
  const languages: ScopeLanguage[] = [];
  if (HAN.test(text)) languages.push('zh');
  if (LATIN.test(text)) languages.push('en');
  return languages;
}

const normalize = (text: string) => text.normalize('NFKC').trim().toLowerCase();

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term and its singular or plural forms: kettle, kettles; box, boxes; shoes, shoe. */
function englishForms(term: string): string[] {
  const t = normalize(term);
  const forms = new Set([t, `${t}s`, `${t}es`]);
  if (t.endsWith('es')) forms.add(t.slice(0, -2));
  if (t.endsWith('s') && !t.endsWith('ss')) forms.add(t.slice(0, -1));
  return [...forms].filter((f) => f.length >= 3);
}

/**
 * Compiled once per term: a list of 50 certificates asks the same few terms again and
 * again, and building the expressions was a tenth of such a request's time.
 */
const termPatterns = new Map<string, RegExp[]>();

function patternsOf(term: string): RegExp[] {
  let patterns = termPatterns.get(term);
  if (!patterns) {
    patterns = englishForms(term).map((form) => {
      const words = form.split(/\s+/).map(escapeRegExp).join('[\\s-]+');
      return new RegExp(`(^|[^\\p{L}\\p{N}])${words}($|[^\\p{L}\\p{N}])`, 'u');
    });
    // Terms come from the vocabulary and from factories' categories: a few hundred at most,
    // but a long-running process must not grow without end.
    if (termPatterns.size >= 10_000) termPatterns.clear();
    termPatterns.set(term, patterns);
  }
  return patterns;
}

/** English term as whole words, in any of its forms: "kettle" matches "Kettles", never "kettlebells". */
function englishTermIn(text: string, term: string): boolean {
  return patternsOf(term).some((pattern) => pattern.test(text));
}

/**
 * The category's terms by language: the vocabulary entry whose key is the category, or
 * one of whose terms the category is written as (a factory may write 电热水壶 for
 * kettles); the category's own name counts as a term of its language.
 */
export function termsOf(category: string, vocabulary: ProductVocabulary): CategoryTerms {
  let known = termsCache.get(vocabulary);
  if (!known) termsCache.set(vocabulary, (known = new Map()));
  let terms = known.get(category);
  if (!terms) known.set(category, (terms = findTerms(category, vocabulary)));
  return terms;
}

/** The terms of each category already looked up, per vocabulary (a vocabulary is read once and never changed). */
const termsCache = new WeakMap<ProductVocabulary, Map<string, CategoryTerms>>();

function findTerms(category: string, vocabulary: ProductVocabulary): CategoryTerms {
  const wanted = normalize(category);
  const terms: CategoryTerms = { en: [], zh: [] };
  for (const [key, entry] of Object.entries(vocabulary.categories)) {
    const all = [key, ...entry.en, ...entry.zh].map(normalize);
    if (!all.includes(wanted)) continue;
    terms.en.push(...entry.en, ...(LATIN.test(key) ? [key] : []));
    terms.zh.push(...entry.zh);
  }
  if (wanted.length > 0) {
    if (HAN.test(wanted)) terms.zh.push(wanted);
    else if (LATIN.test(wanted)) terms.en.push(wanted);
  }
  return { en: [...new Set(terms.en.map(normalize))], zh: [...new Set(terms.zh.map(normalize))] };
}

/** Whether a scope names a category, does not, or cannot be judged for it. */
export function scopeCoverage(
  scope: string | null,
  category: string,
  vocabulary: ProductVocabulary,
): ScopeCoverage {
  const text = normalize(scope ?? '');
  const languages = scopeLanguages(text);
  if (languages.length === 0 || normalize(category) === '') return 'not_assessed';
  const terms = termsOf(category, vocabulary);
  let judged = false;
  for (const language of languages) {
    const list = terms[language];
    if (list.length === 0) continue;
    judged = true;
    const found =
      language === 'zh'
        ? list.some((term) => text.includes(term))
        : list.some((term) => englishTermIn(text, term));
    if (found) return 'covered';
  }
  return judged && languages.every((l) => terms[l].length > 0) ? 'not_covered' : 'not_assessed';
}

/**
 * For a set of categories (a factory's products): covered when the scope names one of
 * them; not covered only when every category could be judged and none is named.
 */
export function scopeCoverageOfAny(
  scope: string | null,
  categories: readonly string[],
  vocabulary: ProductVocabulary,
): ScopeCoverage {
  const results = categories.map((c) => scopeCoverage(scope, c, vocabulary));
  if (results.includes('covered')) return 'covered';
  if (results.length > 0 && results.every((r) => r === 'not_covered')) return 'not_covered';
  return 'not_assessed';
}

/** A vocabulary that knows no words: only a category's own name is a term. */
export const NO_VOCABULARY: ProductVocabulary = { categories: {} };

/**
 * One name for a category however it is written: the vocabulary key when the text is the
 * key or one of its terms (电热水壶 → kettles), else the text in lower case.
 */
export function canonicalCategory(category: string, vocabulary: ProductVocabulary): string {
  const known = canonicalNames(vocabulary);
  let name = known.byText.get(category);
  if (name === undefined) {
    const wanted = normalize(category);
    name = known.byTerm.get(wanted) ?? wanted;
    // Category texts come from factories and certificates: a few hundred in practice, but
    // a long-running process must not grow without end.
    if (known.byText.size >= 10_000) known.byText.clear();
    known.byText.set(category, name);
  }
  return name;
}

interface CanonicalNames {
  /** Every term of the vocabulary, normalized, to its key (the first key that lists it). */
  byTerm: Map<string, string>;
  /** The answers already given, by the text as written. */
  byText: Map<string, string>;
}

/**
 * Built once per vocabulary (a vocabulary is read once and never changed): the gap
 * analysis asks for the canonical name of every category of every candidate certificate
 * for every requirement, and normalizing the whole vocabulary on each call was most of
 * its time (issue 17).
 */
const canonicalCache = new WeakMap<ProductVocabulary, CanonicalNames>();

function canonicalNames(vocabulary: ProductVocabulary): CanonicalNames {
  let known = canonicalCache.get(vocabulary);
  if (!known) {
    const byTerm = new Map<string, string>();
    for (const [key, entry] of Object.entries(vocabulary.categories))
      for (const term of [key, ...entry.en, ...entry.zh]) {
        const written = normalize(term);
        if (!byTerm.has(written)) byTerm.set(written, normalize(key));
      }
    canonicalCache.set(vocabulary, (known = { byTerm, byText: new Map() }));
  }
  return known;
}

/** Whether two category names mean the same category. */
export function sameCategory(a: string, b: string, vocabulary: ProductVocabulary): boolean {
  return canonicalCategory(a, vocabulary) === canonicalCategory(b, vocabulary);
}

/**
 * A product category as a reader of `language` writes it: a category typed in the other
 * script becomes the vocabulary's word for it (kettles → 电热水壶 for a Chinese reader,
 * 电水壶 → kettles for an English one); a category the vocabulary does not know, or one
 * already written in the reader's script, stays as typed.
 */
export function categoryIn(
  category: string,
  language: ScopeLanguage,
  vocabulary: ProductVocabulary,
): string {
  const written = language === 'zh' ? HAN : LATIN;
  if (written.test(category)) return category;
  const key = canonicalCategory(category, vocabulary);
  const entry = vocabulary.categories[key];
  if (!entry) return category;
  if (language === 'zh') return entry.zh[0] ?? category;
  return key;
}
