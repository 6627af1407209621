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
    accreditationWithdrawal: null,
    surveillanceRule: 'CNCA-QMS-01:2025',
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

const withdrawal = (withdrawnOn: string): SignalFacts['accreditationWithdrawal'] => ({
  certificationBody: 'Example Certification Co., Ltd.',
  accreditationBody: 'CNAS',
  withdrawnOn,
  source: 'CNAS announcement 2025-10',
});

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
    // CNCA-QMS-01:2025 5.4.1.4: 12 months after the last surveillance; ISO/IEC 17021-1
    // 9.6.2.2 outside China: once a calendar year, so the same dates are not overdue.
    [
      'surveillance_overdue',
      facts({ today: '2027-03-01', lastAuditOn: '2026-02-20' }, { nextSurveillanceAuditOn: null }),
      facts(
        {
          today: '2027-03-01',
          lastAuditOn: '2026-02-20',
          surveillanceRule: 'ISO/IEC 17021-1:2015',
        },
        { nextSurveillanceAuditOn: null },
      ),
    ],
    // A withdrawal recorded in config/accreditation-withdrawals.json, not one announced for later.
    [
      'certification_body_accreditation_withdrawn',
      facts({ accreditationWithdrawal: withdrawal('2025-10-01') }),
      facts({ accreditationWithdrawal: withdrawal('2025-12-02') }),
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

  // IAF CertSearch, Manage CB Accreditation, "Rules for Withdrawn Accreditation": the
  // certificates stay searchable for 3 months after the withdrawn date.
  it('explains the 3-month CertSearch window of a withdrawn accreditation, before and after it ends', () => {
    const signal = (today: string, issuedOn = '2025-03-01') =>
      riskSignals(
        facts({ today, accreditationWithdrawal: withdrawal('2025-10-01') }, { issuedOn }),
      ).find((s) => s.id === 'certification_body_accreditation_withdrawn')!.explanation;
    expect(signal('2025-12-01')).toBe(
      'The accreditation of Example Certification Co., Ltd. by CNAS is recorded as withdrawn on 2025-10-01 (CNAS announcement 2025-10), so its certificates no longer carry an accreditation, and IAF CertSearch keeps them searchable only until 2026-01-01, 3 months after the withdrawal, then removes them; the factory needs a certificate from an accredited body.',
    );
    expect(signal('2026-01-02')).toContain('IAF CertSearch removed them on 2026-01-01');
    expect(signal('2026-01-02', '2025-11-01')).toContain(
      'this certificate, issued on 2025-11-01, was never accredited',
    );
  });

  // CNCA-QMS-01:2025 5.4.1.4: an overdue surveillance means suspension; the explanation cites it.
  it('cites the surveillance rule, and the suspension only under CNCA', () => {
    const overdue = (surveillanceRule: SignalFacts['surveillanceRule']) =>
      riskSignals(
        facts({ today: '2026-03-02', surveillanceRule }, { nextSurveillanceAuditOn: null }),
      ).find((s) => s.id === 'surveillance_overdue')!.explanation;
    expect(overdue('CNCA-QMS-01:2025')).toBe(
      'No surveillance audit is recorded since issue on 2025-03-01: it was due by 2026-03-01 (CNCA-QMS-01:2025, 5.4.1.4: within 12 months of the issue date, then at most 12 months apart), and under that rule the certification body must now suspend the certificate.',
    );
    expect(overdue('ISO/IEC 17021-1:2015')).toContain('ISO/IEC 17021-1:2015, 9.6.2.2');
    expect(overdue('ISO/IEC 17021-1:2015')).not.toContain('suspend');
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
