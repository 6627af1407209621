import { loadProductVocabulary } from '../../config/product-vocabulary';
import { assessScope, riskSignals, SignalFacts, SignalId } from './signal.rules';

const vocabulary = loadProductVocabulary();

/** A genuine-looking factory certificate that raises nothing. */
function facts(
  overrides: Partial<SignalFacts> = {},
  certificate: Partial<SignalFacts['certificate']> = {},
): SignalFacts {
  return {
    certificate: {
      factoryId: 'factory-1',
      standard: 'ISO 9001:2015',
      certificateNumber: '04524Q30123R2M',
      accreditationBody: 'CNAS',
      scope: 'Design and manufacture of industrial valves',
      productCategories: ['valves'],
      iafCodes: [18],
      issuedOn: '2025-03-01',
      expiresOn: '2028-02-28',
      nextSurveillanceAuditOn: '2026-02-15',
      status: 'active',
      ...certificate,
    },
    today: '2025-12-01',
    edition: { validUntil: null, newEditionAuditsFrom: null, successor: null, status: 'published' },
    accreditationBodyIsMlaSignatory: true,
    otherHoldersOfNumber: [],
    numberExistsElsewhere: false,
    factoryProductCategories: ['valves'],
    vocabulary,
    lastAuditOn: null,
    ...overrides,
  };
}

const iso9001v2008: SignalFacts['edition'] = {
  validUntil: '2018-09-15',
  newEditionAuditsFrom: '2018-03-15',
  successor: 'ISO 9001:2015',
  status: 'published',
};
const ohsas: SignalFacts['edition'] = {
  validUntil: '2021-09-30',
  newEditionAuditsFrom: null,
  successor: 'ISO 45001:2018',
  status: 'published',
};

const ids = (f: SignalFacts): SignalId[] => riskSignals(f).map((s) => s.id);

describe('riskSignals', () => {
  it('raises nothing for a certificate that adds up', () => {
    expect(riskSignals(facts())).toEqual([]);
  });

  // [signal, a case that raises it, a close case that must not]
  const cases: [SignalId, SignalFacts, SignalFacts][] = [
    [
      'validity_too_long',
      facts({}, { issuedOn: '2025-03-01', expiresOn: '2028-04-02' }),
      facts({}, { issuedOn: '2025-03-01', expiresOn: '2028-04-01' }),
    ],
    ['issued_in_future', facts({ today: '2025-02-28' }), facts({ today: '2025-03-01' })],
    // IAF Resolution 2017-13: ISO 9001:2008 audits to the new edition from 2018-03-15, void after 2018-09-15
    [
      'edition_not_certifiable',
      facts(
        { edition: iso9001v2008, today: '2018-10-01' },
        {
          standard: 'ISO 9001:2008',
          issuedOn: '2018-03-15',
          expiresOn: '2018-09-15',
          nextSurveillanceAuditOn: null,
        },
      ),
      facts(
        { edition: iso9001v2008, today: '2018-04-01' },
        {
          standard: 'ISO 9001:2008',
          issuedOn: '2018-03-14',
          expiresOn: '2018-09-15',
          nextSurveillanceAuditOn: null,
        },
      ),
    ],
    [
      'edition_not_certifiable',
      facts(
        { edition: iso9001v2008 },
        { standard: 'ISO 9001:2008', issuedOn: '2018-09-16', expiresOn: '2021-09-15' },
      ),
      facts(
        { edition: iso9001v2008, today: '2018-04-01' },
        {
          standard: 'ISO 9001:2008',
          issuedOn: '2018-03-01',
          expiresOn: '2018-09-15',
          nextSurveillanceAuditOn: null,
        },
      ),
    ],
    // IAF MD 21:2018 + IAF COVID-19 FAQ Q15: OHSAS 18001:2007 void after 2021-09-30, no audits-from date
    [
      'edition_not_certifiable',
      facts(
        { edition: ohsas },
        { standard: 'OHSAS 18001:2007', issuedOn: '2021-10-01', expiresOn: '2024-09-30' },
      ),
      facts(
        { edition: ohsas, today: '2021-10-01' },
        {
          standard: 'OHSAS 18001:2007',
          issuedOn: '2021-09-30',
          expiresOn: '2024-09-29',
          nextSurveillanceAuditOn: null,
        },
      ),
    ],
    // an edition whose publication is not confirmed (ISO 9001:2026 in the shipped catalogue)
    [
      'edition_not_certifiable',
      facts(
        {
          edition: {
            validUntil: null,
            newEditionAuditsFrom: null,
            successor: null,
            status: 'expected',
          },
        },
        { standard: 'ISO 9001:2026' },
      ),
      facts(
        {
          edition: {
            validUntil: null,
            newEditionAuditsFrom: null,
            successor: null,
            status: 'published',
          },
        },
        { standard: 'ISO 9001:2026' },
      ),
    ],
    [
      'accreditation_body_not_iaf_mla',
      facts({ accreditationBodyIsMlaSignatory: false }, { accreditationBody: 'UAF' }),
      facts({ accreditationBodyIsMlaSignatory: null }, { accreditationBody: null }),
    ],
    [
      'number_used_by_another_holder',
      facts({ otherHoldersOfNumber: ['Yuyao Valve'] }),
      facts({ otherHoldersOfNumber: [] }),
    ],
    [
      'number_exists_in_another_organization',
      facts({ numberExistsElsewhere: true }),
      facts({ numberExistsElsewhere: false }),
    ],
    [
      'scope_misses_factory_products',
      facts(
        { factoryProductCategories: ['pumps', 'hoses'] },
        { scope: 'Manufacture of industrial valves' },
      ),
      facts(
        { factoryProductCategories: ['pumps', 'Valves'] },
        { scope: 'Manufacture of industrial valve assemblies' },
      ),
    ],
    [
      'scope_misses_factory_products',
      facts({ factoryProductCategories: ['pumps'] }, { scope: 'Manufacture of valves' }),
      facts({ factoryProductCategories: [] }, { scope: 'Manufacture of valves' }),
    ],
    [
      'surveillance_overdue',
      facts({ today: '2026-03-02' }, { nextSurveillanceAuditOn: null }),
      facts({ today: '2026-03-01' }, { nextSurveillanceAuditOn: null }),
    ],
    [
      'surveillance_overdue',
      facts({ today: '2027-03-01', lastAuditOn: '2026-02-20' }, { nextSurveillanceAuditOn: null }),
      facts({ today: '2027-02-20', lastAuditOn: '2026-02-20' }, { nextSurveillanceAuditOn: null }),
    ],
    [
      'surveillance_overdue',
      facts({}, { nextSurveillanceAuditOn: '2026-03-02' }),
      facts({}, { nextSurveillanceAuditOn: '2026-03-01' }),
    ],
    [
      'trading_scope_offered_as_production',
      facts(
        { factoryProductCategories: null },
        {
          factoryId: null,
          iafCodes: [29],
          productCategories: ['valves'],
          scope: 'Wholesale of valves',
        },
      ),
      facts(
        { factoryProductCategories: null },
        { factoryId: null, iafCodes: [29], productCategories: [], scope: 'Wholesale of valves' },
      ),
    ],
    [
      'trading_scope_offered_as_production',
      facts(
        { factoryProductCategories: null },
        {
          factoryId: null,
          iafCodes: [29],
          productCategories: ['valves'],
          scope: 'Wholesale of valves',
        },
      ),
      facts(
        { factoryProductCategories: null },
        {
          factoryId: null,
          iafCodes: [29, 18],
          productCategories: ['valves'],
          scope: 'Wholesale and manufacture of valves',
        },
      ),
    ],
  ];

  it.each(cases)('%s: raised by the first case, not by the close second', (id, raises, doesNot) => {
    expect(ids(raises)).toContain(id);
    expect(ids(doesNot)).not.toContain(id);
  });

  it('explains each signal in one sentence', () => {
    for (const [, raises] of cases) {
      for (const signal of riskSignals(raises)) {
        expect(signal.explanation).toMatch(/^[^\n]+\.$/);
        expect(signal.explanation.split(/\.\s+[A-Z]/).length).toBe(1);
      }
    }
  });

  it('never names the other organization', () => {
    const [signal] = riskSignals(facts({ numberExistsElsewhere: true }));
    expect(signal.explanation).toBe(
      'Certificate number 04524Q30123R2M is also recorded by another organization on certpact; check that it belongs to this holder.',
    );
  });

  it('does not ask for surveillance of an expired or superseded certificate, nor past the last year', () => {
    expect(
      ids(facts({ today: '2026-06-01' }, { nextSurveillanceAuditOn: null, status: 'superseded' })),
    ).not.toContain('surveillance_overdue');
    expect(ids(facts({ today: '2028-03-01' }, { nextSurveillanceAuditOn: null }))).not.toContain(
      'surveillance_overdue',
    );
    expect(
      ids(
        facts(
          { today: '2027-06-01', lastAuditOn: '2027-03-01' },
          { nextSurveillanceAuditOn: null },
        ),
      ),
    ).not.toContain('surveillance_overdue');
  });
});

// Rule scope_vocabulary (config/product-vocabulary.json): a scope is read in its own language.
describe('scope_misses_factory_products and "scope not assessed"', () => {
  const kettles = (scope: string) =>
    facts({ factoryProductCategories: ['kettles'] }, { scope, productCategories: [] });
  it.each([
    ['电热水壶的设计和生产', 'covered'],
    ['Design and manufacture of electric kettles', 'covered'],
    ['电热水器的设计和生产', 'not_covered'], // water heaters: close, not kettles
    ['Manufacture of kettlebells', 'not_covered'],
  ])('kettles against "%s": %s', (scope, result) => {
    expect(assessScope(kettles(scope))?.result).toBe(result);
    expect(ids(kettles(scope)).includes('scope_misses_factory_products')).toBe(
      result === 'not_covered',
    );
  });

  it('says "not assessed" and raises nothing for a Chinese scope of a category with no Chinese term', () => {
    const f = facts({ factoryProductCategories: ['gaskets'] }, { scope: '密封垫片的生产' });
    expect(assessScope(f)).toMatchObject({ result: 'not_assessed' });
    expect(assessScope(f)!.explanation).toContain('Scope not assessed');
    expect(ids(f)).not.toContain('scope_misses_factory_products');
  });
});
