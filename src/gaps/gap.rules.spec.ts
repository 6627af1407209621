import { NO_VOCABULARY } from '../common/scope-matching';
import { productionWording } from './gap-settings';
import { explainGap } from './gap-explanations';
import {
  analyseRequirement,
  CertificateFacts,
  certificateCovers,
  editionEnding,
  expiresSoon,
  FactoryFacts,
  GAP_RULE_IDS,
  GAP_RULES,
  gapKey,
  GapSituation,
  noCertificate,
  notAccredited,
  notVerified,
  scopeNotCovering,
  suppliesCategory,
  traderScopeOnly,
} from './gap.rules';

const wording = productionWording();
const today = '2026-06-01';

const factory = (overrides: Partial<FactoryFacts> = {}): FactoryFacts => ({
  id: 'f1',
  name: 'Yuyao Valve',
  productCategories: ['valves'],
  status: 'active',
  ...overrides,
});

const cert = (overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  id: 'c1',
  factoryId: 'f1',
  standard: 'ISO 9001:2015',
  certificateNumber: 'Q-1',
  status: 'active',
  scope: 'Manufacture of industrial valves',
  productCategories: ['valves'],
  expiresOn: '2028-01-01',
  nextSurveillanceAuditOn: '2027-01-01',
  verification: null,
  ...overrides,
});

const situation = (overrides: Partial<GapSituation> = {}): GapSituation => ({
  today,
  horizonDays: 90,
  traderBusinessScope: 'Manufacture of valves',
  wording,
  vocabulary: NO_VOCABULARY,
  validUntil: null,
  ...overrides,
});

const requirement = {
  requirementId: 'r1',
  buyerId: 'b1',
  standard: 'ISO 9001:2015',
  productCategory: 'valves',
};

describe('gap rules', () => {
  it('has a one-sentence explanation for every rule id', () => {
    for (const id of GAP_RULE_IDS) expect(GAP_RULES[id]).toMatch(/^[^.]+\.$/);
  });

  it.each([
    ['listed category, any case', cert({ productCategories: ['Valves'] }), true],
    ['named in the scope only', cert({ productCategories: [], scope: 'Casting of VALVES' }), true],
    ['named in Chinese scope', cert({ productCategories: [], scope: '阀门制造' }), true],
    ['neither', cert({ productCategories: ['pumps'], scope: 'Manufacture of pumps' }), false],
  ])('a certificate covers the category: %s', (_case, certificate, expected) => {
    const category = certificate.scope.includes('阀门') ? '阀门' : 'valves';
    expect(certificateCovers(certificate, category)).toBe(expected);
  });

  it.each([
    ['supplies', factory(), true],
    ['other category', factory({ productCategories: ['pumps'] }), false],
    ['ended partnership', factory({ status: 'ended' }), false],
  ])('a factory supplies the category: %s', (_case, f, expected) => {
    expect(suppliesCategory(f, 'valves')).toBe(expected);
  });

  it.each([
    [
      'no_certificate fires: supplier holds nothing of the standard',
      () => noCertificate(factory(), [cert({ factoryId: 'f2' })]),
      'no_certificate',
    ],
    ['no_certificate silent: supplier holds one', () => noCertificate(factory(), [cert()]), null],
    [
      'no_certificate fires: nobody supplies and trader holds nothing',
      () => noCertificate(null, [cert()]),
      'no_certificate',
    ],
    [
      'scope_not_covering fires: certificate does not name the category',
      () =>
        scopeNotCovering(
          factory(),
          [cert({ productCategories: ['pumps'], scope: 'Manufacture of pumps' })],
          'valves',
        ),
      'scope_not_covering',
    ],
    [
      'scope_not_covering silent: scope names it',
      () =>
        scopeNotCovering(
          factory(),
          [cert({ productCategories: ['pumps'], scope: 'Manufacture of pumps and valves' })],
          'valves',
        ),
      null,
    ],
    [
      'trader_scope_only fires: own certificate, trading-only licence',
      () =>
        traderScopeOnly(cert({ factoryId: null }), 'valves', {
          traderBusinessScope: '货物进出口；阀门销售',
          wording,
        }),
      'trader_scope_only',
    ],
    [
      'trader_scope_only silent: own certificate, licence with production wording',
      () =>
        traderScopeOnly(cert({ factoryId: null }), 'valves', {
          traderBusinessScope: '阀门制造；货物进出口',
          wording,
        }),
      null,
    ],
    [
      'trader_scope_only silent: a factory certificate',
      () => traderScopeOnly(cert(), 'valves', { traderBusinessScope: '货物进出口', wording }),
      null,
    ],
    [
      'expires_soon fires: expiry on the horizon',
      () =>
        expiresSoon(cert({ expiresOn: '2026-08-30', nextSurveillanceAuditOn: null }), today, 90),
      'expires_soon',
    ],
    [
      'expires_soon silent: expiry one day past the horizon',
      () =>
        expiresSoon(cert({ expiresOn: '2026-08-31', nextSurveillanceAuditOn: null }), today, 90),
      null,
    ],
    [
      'expires_soon fires: surveillance audit within the horizon',
      () => expiresSoon(cert({ nextSurveillanceAuditOn: '2026-07-01' }), today, 90),
      'expires_soon',
    ],
    [
      'expires_soon silent: audit past the horizon',
      () => expiresSoon(cert({ nextSurveillanceAuditOn: '2026-09-15' }), today, 90),
      null,
    ],
    [
      'not_verified fires: suspended',
      () => notVerified(cert({ status: 'suspended' })),
      'not_verified',
    ],
    [
      'not_verified fires: withdrawn',
      () => notVerified(cert({ status: 'withdrawn' })),
      'not_verified',
    ],
    [
      'not_verified fires: known to be unverified',
      () => notVerified(cert({ verification: 'unverified' })),
      'not_verified',
    ],
    [
      'not_verified fires: failed verification',
      () => notVerified(cert({ verification: 'failed' })),
      'not_verified',
    ],
    ['not_verified silent: verified', () => notVerified(cert({ verification: 'verified' })), null],
    [
      'not_accredited: the body lost its accreditation before today',
      () => notAccredited(cert({ accreditationWithdrawnOn: '2026-05-01' }), today),
      'not_accredited',
    ],
    [
      'not_accredited: the body lost it today',
      () => notAccredited(cert({ accreditationWithdrawnOn: today }), today),
      'not_accredited',
    ],
    [
      'not_accredited silent: withdrawal recorded for a later day',
      () => notAccredited(cert({ accreditationWithdrawnOn: '2026-07-01' }), today),
      null,
    ],
    ['not_accredited silent: no withdrawal', () => notAccredited(cert(), today), null],
    ['not_verified silent: active and verification unknown', () => notVerified(cert()), null],
    [
      'edition_ending fires: certifiable until within the horizon',
      () => editionEnding('2026-08-30', today, 90, null),
      'edition_ending',
    ],
    [
      'edition_ending fires: edition already ended',
      () => editionEnding('2018-09-15', today, 90, null),
      'edition_ending',
    ],
    [
      'edition_ending silent: past the horizon',
      () => editionEnding('2026-08-31', today, 90, null),
      null,
    ],
    ['edition_ending silent: current edition', () => editionEnding(null, today, 90, null), null],
  ])('%s', (_case, apply, expected) => {
    expect(apply()?.rule ?? null).toBe(expected);
  });

  describe('analyseRequirement', () => {
    const rules = (a: ReturnType<typeof analyseRequirement>) =>
      a.gaps.map((g) => `${g.rule}:${g.factoryId ?? 'own'}`).sort();

    it('is covered without gaps by one good certificate even when another has problems', () => {
      const analysis = analyseRequirement(
        requirement,
        [factory(), factory({ id: 'f2', name: 'Other' })],
        [cert(), cert({ id: 'c2', factoryId: 'f2', status: 'suspended' })],
        situation(),
      );
      expect(analysis.cover?.id).toBe('c1');
      expect(analysis.gaps).toEqual([]);
    });

    it('reports each supplier without a certificate, and one that holds one not covering', () => {
      const analysis = analyseRequirement(
        requirement,
        [factory(), factory({ id: 'f2', name: 'Other' })],
        [cert({ productCategories: ['pumps'], scope: 'Manufacture of pumps' })],
        situation(),
      );
      expect(analysis.cover).toBeNull();
      expect(rules(analysis)).toEqual(['no_certificate:f2', 'scope_not_covering:f1']);
    });

    it('reports no_certificate without a factory when nobody supplies the category', () => {
      const analysis = analyseRequirement(requirement, [], [], situation());
      expect(rules(analysis)).toEqual(['no_certificate:own']);
    });

    it('ignores expired and superseded certificates', () => {
      const analysis = analyseRequirement(
        requirement,
        [factory()],
        [cert({ expiresOn: '2026-05-31' }), cert({ id: 'c2', status: 'superseded' })],
        situation(),
      );
      expect(rules(analysis)).toEqual(['no_certificate:f1']);
    });

    it("falls back to the trader's own certificate and flags a trading-only licence", () => {
      const analysis = analyseRequirement(
        requirement,
        [factory()],
        [cert({ id: 'own', factoryId: null })],
        situation({ traderBusinessScope: '货物进出口；五金产品批发' }),
      );
      expect(analysis.cover?.id).toBe('own');
      expect(rules(analysis)).toEqual(['trader_scope_only:own']);
      expect(explainGap(analysis.gaps[0])).toContain('进出口');
    });

    it('adds edition_ending to the covering certificate', () => {
      const analysis = analyseRequirement(
        { ...requirement, standard: 'ISO 9001:2008' },
        [factory()],
        [
          cert({
            standard: 'ISO 9001:2008',
            expiresOn: '2026-12-31',
            nextSurveillanceAuditOn: null,
          }),
        ],
        situation({ validUntil: '2026-07-01' }),
      );
      expect(rules(analysis)).toEqual(['edition_ending:f1']);
      expect(analysis.gaps[0].certificateId).toBe('c1');
    });

    it('gives the same key to the same gap found again', () => {
      const first = analyseRequirement(requirement, [factory()], [], situation()).gaps[0];
      const again = analyseRequirement(requirement, [factory()], [], situation()).gaps[0];
      expect(gapKey(first)).toBe(gapKey(again));
    });
  });

  it.each(GAP_RULE_IDS)('explains %s in one sentence in English and Chinese', (rule) => {
    const gap = {
      rule,
      standard: 'ISO 9001:2015',
      productCategory: 'valves',
      facts: {
        factoryName: 'Yuyao Valve',
        certificateNumber: 'Q-1',
        dueOn: '2026-07-01',
        status: 'suspended',
      },
    };
    expect(explainGap(gap, 'en')).toMatch(/^[A-Z][^]*\.$/);
    expect(explainGap(gap, 'en')).toContain('valves');
    expect(explainGap(gap, 'zh-CN')).toMatch(/。$/);
    // A Chinese reader reads the category in Chinese, an English one as it was typed.
    const vocabulary = { categories: { valves: { en: ['valve', 'valves'], zh: ['阀门', '阀'] } } };
    expect(explainGap(gap, 'zh-CN', vocabulary)).toContain('「阀门」');
    expect(explainGap(gap, 'zh-CN', vocabulary)).not.toContain('valves');
    expect(explainGap(gap, 'en', vocabulary)).toContain('valves');
  });
});
