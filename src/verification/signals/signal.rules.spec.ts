import { riskSignals, scopeNames, SignalFacts, SignalId } from './signal.rules';

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
    certifiableUntil: null,
    accreditationBodyIsMlaSignatory: true,
    otherHoldersOfNumber: [],
    numberExistsElsewhere: false,
    factoryProductCategories: ['valves'],
    lastAuditOn: null,
    ...overrides,
  };
}

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
    [
      'edition_not_certifiable',
      facts(
        { certifiableUntil: '2018-09-15' },
        { standard: 'ISO 9001:2008', issuedOn: '2018-09-16', expiresOn: '2021-09-15' },
      ),
      facts(
        { certifiableUntil: '2018-09-15', today: '2018-10-01' },
        {
          standard: 'ISO 9001:2008',
          issuedOn: '2018-09-15',
          expiresOn: '2021-09-14',
          nextSurveillanceAuditOn: null,
        },
      ),
    ],
    [
      'edition_not_certifiable',
      facts(
        { certifiableUntil: '2021-09-30' },
        { standard: 'OHSAS 18001:2007', issuedOn: '2021-10-01', expiresOn: '2024-09-30' },
      ),
      facts(
        { certifiableUntil: '2021-09-30', today: '2021-10-01' },
        {
          standard: 'OHSAS 18001:2007',
          issuedOn: '2021-09-30',
          expiresOn: '2024-09-29',
          nextSurveillanceAuditOn: null,
        },
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

describe('scopeNames', () => {
  const cases: [string, string, boolean][] = [
    ['Manufacture of industrial valves', 'valves', true],
    ['Manufacture of industrial valve assemblies', 'valves', true],
    ['MANUFACTURE OF VALVES', 'Valves', true],
    ['阀门的设计和生产', '阀门', true],
    ['Manufacture of valves', 'pumps', false],
    ['Manufacture of valves', '', false],
    ['Manufacture of boxes', 'boxes', true],
    ['Manufacture of box girders', 'boxes', true],
  ];
  it.each(cases)('%s names %s: %s', (scope, category, expected) => {
    expect(scopeNames(scope, category)).toBe(expected);
  });
});
