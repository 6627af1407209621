import { loadProductVocabulary, vocabularyProblems } from '../config/product-vocabulary';
import {
  canonicalCategory,
  categoryIn,
  NO_VOCABULARY,
  scopeCoverage,
  scopeCoverageOfAny,
  scopeLanguages,
} from './scope-matching';

const vocabulary = loadProductVocabulary();

// Rule scope_vocabulary (config/product-vocabulary.json): a scope is read in the language
// it is written in; no known term in that language → "not assessed", never "misses".
describe('scopeCoverage', () => {
  const cases: [string, string, string, string][] = [
    // [case, scope, category, expected]
    ['Chinese scope, Chinese term', '电热水壶的设计和生产', 'kettles', 'covered'],
    ['Chinese scope, short term', '不锈钢水壶的生产', 'kettles', 'covered'],
    ['English scope', 'Design and manufacture of electric kettles', 'kettles', 'covered'],
    ['English scope, singular', 'Manufacture of the Kettle range', 'kettles', 'covered'],
    [
      'close Chinese case: water heaters are not kettles',
      '电热水器的设计和生产',
      'kettles',
      'not_covered',
    ],
    ['close English case: kettlebells', 'Manufacture of kettlebells', 'kettles', 'not_covered'],
    ['other product', 'Manufacture of industrial valves', 'kettles', 'not_covered'],
    [
      'category written in Chinese, English scope',
      'Production of electric kettles',
      '电热水壶',
      'covered',
    ],
    [
      'unknown language: Chinese scope, no Chinese term',
      '密封垫片的生产',
      'gaskets',
      'not_assessed',
    ],
    ['no words at all', '12345', 'kettles', 'not_assessed'],
    ['mixed scope, either language may name it', '电热水壶 electric kettles', 'kettles', 'covered'],
  ];
  it.each(cases)('%s', (_case, scope, category, expected) => {
    expect(scopeCoverage(scope, category, vocabulary)).toBe(expected);
  });

  it('without a vocabulary, the category name still matches whole words in English', () => {
    expect(scopeCoverage('Casting of VALVES', 'valves', NO_VOCABULARY)).toBe('covered');
    expect(scopeCoverage('阀门制造', 'valves', NO_VOCABULARY)).toBe('not_assessed');
    expect(scopeCoverage('阀门制造', '阀门', NO_VOCABULARY)).toBe('covered');
  });

  it('a factory with several categories: covered by one; not assessed unless every one was judged', () => {
    expect(scopeCoverageOfAny('水泵的生产', ['kettles', 'pumps'], vocabulary)).toBe('covered');
    expect(scopeCoverageOfAny('阀门的生产', ['kettles', 'pumps'], vocabulary)).toBe('not_covered');
    expect(scopeCoverageOfAny('阀门的生产', ['kettles', 'gaskets'], vocabulary)).toBe(
      'not_assessed',
    );
  });

  it('knows the languages of a text', () => {
    expect(scopeLanguages('电热水壶 electric kettles')).toEqual(['zh', 'en']);
    expect(scopeLanguages('電熱水壺')).toEqual(['zh']);
  });

  it('names one category however it is written', () => {
    expect(canonicalCategory('电热水壶', vocabulary)).toBe('kettles');
    expect(canonicalCategory(' Kettles ', vocabulary)).toBe('kettles');
    expect(canonicalCategory('gaskets', vocabulary)).toBe('gaskets');
  });
});

describe('the shipped vocabulary', () => {
  it('is sound and maps kettles to 电热水壶 and 水壶', () => {
    expect(vocabularyProblems(vocabulary)).toEqual([]);
    expect(vocabulary.categories.kettles.zh).toEqual(expect.arrayContaining(['电热水壶', '水壶']));
  });

  it('names the faulty entry', () => {
    expect(vocabularyProblems({ categories: { kettles: { en: ['kettle'], zh: 'x' } } })).toEqual([
      'categories "kettles".zh must be a list of words',
    ]);
  });
});

describe('categoryIn', () => {
  const cases: [string, 'en' | 'zh', string][] = [
    // [category as typed, reader's language, as the reader reads it]
    ['kettles', 'zh', '电热水壶'],
    ['Valves', 'zh', '阀门'],
    ['电水壶', 'en', 'kettles'],
    ['阀门', 'zh', '阀门'],
    ['kettles', 'en', 'kettles'],
    ['ceramic tiles', 'zh', 'ceramic tiles'],
    ['陶瓷砖', 'en', '陶瓷砖'],
  ];
  it.each(cases)('%s for a %s reader is %s', (category, language, expected) => {
    expect(categoryIn(category, language, vocabulary)).toBe(expected);
  });
});
