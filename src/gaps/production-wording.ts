/**
 * Rule `production_wording`: a scope text covers production of a product category when it
 * has production wording (manufacture, processing, 生产, 制造, 加工…) and, if it names the
 * category at all, names it in a clause that has such wording; a scope without any
 * production word reads as trading only.
 *
 * Pure: the word list (config/production-wording.json) is passed in.
 */
export interface ProductionWording {
  production: { en: string[]; zh: string[] };
  tradingOnly: { en: string[]; zh: string[] };
}

/** Clauses of a licence or certificate scope: Chinese scopes separate them with ；and 。, English ones with ; and full stops. */
function clausesOf(text: string): string[] {
  return text
    .split(/[;；。\n\r]|\.(?:\s|$)/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of `list` found in `text`: English as whole words (any case), Chinese anywhere. */
function wordsIn(text: string, list: { en: string[]; zh: string[] }): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const word of list.en) {
    const pattern = new RegExp(
      `(^|[^\\p{L}\\p{N}])${escapeRegExp(word.toLowerCase())}($|[^\\p{L}\\p{N}])`,
      'u',
    );
    if (pattern.test(lower)) found.push(word);
  }
  for (const word of list.zh) if (text.includes(word)) found.push(word);
  return found;
}

export function productionWordsIn(text: string | null, wording: ProductionWording): string[] {
  return text ? wordsIn(text, wording.production) : [];
}

export function tradingWordsIn(text: string | null, wording: ProductionWording): string[] {
  return text ? wordsIn(text, wording.tradingOnly) : [];
}

export function hasProductionWording(text: string | null, wording: ProductionWording): boolean {
  return productionWordsIn(text, wording).length > 0;
}

/** Whether `text` names `category` (case-insensitive substring, so 阀门 and "valves" both work). */
export function namesCategory(text: string | null, category: string): boolean {
  const needle = category.trim().toLowerCase();
  return !!text && needle.length > 0 && text.toLowerCase().includes(needle);
}

/**
 * Does the scope cover production of `category`? Licence scopes often word production
 * generically (五金制品制造) or in another language than the category, so a scope with
 * production wording covers every category it does not name; a category it names must
 * appear in a clause with production wording ("Manufacture of textiles; wholesale of
 * valves" covers textiles, not valves).
 */
export function coversProductionOf(
  text: string | null,
  category: string,
  wording: ProductionWording,
): boolean {
  if (!text || !hasProductionWording(text, wording)) return false;
  const clauses = clausesOf(text);
  const naming = clauses.filter((clause) => namesCategory(clause, category));
  if (naming.length === 0) return true;
  return naming.some((clause) => hasProductionWording(clause, wording));
}
