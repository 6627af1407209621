import { productionWording } from './gap-settings';
import {
  coversProductionOf,
  hasProductionWording,
  productionWordsIn,
  tradingWordsIn,
} from './production-wording';

const wording = productionWording();

describe('production wording', () => {
  it.each([
    // [language, scope, has production wording]
    ['en', 'Design and manufacture of industrial valves', true],
    ['en', 'MANUFACTURING of pipe fittings', true],
    ['en', 'Assembly and testing of pumps', true],
    ['en', 'Processing of stainless steel parts', true],
    ['en', 'Sale and export of valves and related products', false],
    ['en', 'Wholesale of productive equipment', false],
    ['zh', '阀门、管件制造、加工；货物进出口', true],
    ['zh', '电子产品组装', true],
    ['zh', '五金制品生产', true],
    ['zh', '货物进出口；技术进出口；五金产品批发、零售', false],
    ['zh', '阀门销售', false],
  ])('%s: "%s" has production wording: %s', (_language, scope, expected) => {
    expect(hasProductionWording(scope, wording)).toBe(expected);
  });

  it('lists the words it found in both languages, and the trading words', () => {
    expect(productionWordsIn('Manufacture of valves；阀门加工', wording)).toEqual(
      expect.arrayContaining(['manufacture', '加工']),
    );
    expect(tradingWordsIn('货物进出口；Wholesale of pumps', wording)).toEqual(
      expect.arrayContaining(['wholesale', '进出口']),
    );
    expect(productionWordsIn(null, wording)).toEqual([]);
  });

  it.each([
    // [scope, category, covers production of it]
    ['Manufacture of valves; wholesale of pumps', 'valves', true],
    ['Manufacture of valves; wholesale of pumps', 'pumps', false],
    ['Manufacture of textiles. Wholesale of valves.', 'valves', false],
    ['Manufacture and sale of valves', 'valves', true],
    ['Manufacture of hardware', 'valves', true],
    ['Import and export of valves', 'valves', false],
    ['阀门制造、加工；水泵批发', '阀门', true],
    ['阀门制造、加工；水泵批发', '水泵', false],
    ['五金制品生产', 'valves', true],
    ['货物进出口；阀门销售', '阀门', false],
    [null, 'valves', false],
  ])('"%s" covers production of %s: %s', (scope, category, expected) => {
    expect(coversProductionOf(scope, category, wording)).toBe(expected);
  });
});
