import { NO_VOCABULARY } from '../common/scope-matching';
import { productionWording } from './gap-settings';
import { explainGap } from './gap-explanations';
import { analyseRequirement, CertificateFacts, FactoryFacts, GapSituation } from './gap.rules';

const today = '2026-06-01';
const factory = (id: string, name: string): FactoryFacts => ({
  id,
  name,
  productCategories: ['valves'],
  status: 'active',
});
const cert = (id: string, factoryId: string | null): CertificateFacts => ({
  id,
  factoryId,
  standard: 'ISO 9001:2015',
  certificateNumber: `Q-${id}`,
  status: 'active',
  scope: 'Manufacture of industrial valves',
  productCategories: ['valves'],
  expiresOn: '2028-01-01',
  nextSurveillanceAuditOn: '2027-01-01',
  verification: null,
});
const situation = (openMajorFindings: GapSituation['openMajorFindings']): GapSituation => ({
  today,
  horizonDays: 90,
  traderBusinessScope: null,
  wording: productionWording(),
  vocabulary: NO_VOCABULARY,
  validUntil: null,
  openMajorFindings,
});
const requirement = {
  requirementId: 'r1',
  buyerId: 'b1',
  standard: 'ISO 9001:2015',
  productCategory: 'valves',
};
const rules = (certificates: CertificateFacts[], findings: GapSituation['openMajorFindings']) =>
  analyseRequirement(
    requirement,
    [factory('f1', 'Yuyao Valve'), factory('f2', 'Ningbo Valve')],
    certificates,
    situation(findings),
  ).gaps.map((g) => g.rule);

describe('open_major_finding', () => {
  it.each<[string, CertificateFacts[], GapSituation['openMajorFindings'], boolean]>([
    [
      'the only covering factory has an open major finding',
      [cert('a', 'f1')],
      new Map([['f1', { count: 1, earliestDueOn: '2026-07-01' }]]),
      true,
    ],
    ['no finding known', [cert('a', 'f1')], new Map(), false],
    ['no audits feature at all', [cert('a', 'f1')], undefined, false],
    [
      'another covering factory has none: that one is shown, no gap',
      [cert('a', 'f1'), cert('b', 'f2')],
      new Map([['f1', { count: 1, earliestDueOn: '2026-07-01' }]]),
      false,
    ],
    [
      'every covering factory has one',
      [cert('a', 'f1'), cert('b', 'f2')],
      new Map([
        ['f1', { count: 1, earliestDueOn: '2026-07-01' }],
        ['f2', { count: 2, earliestDueOn: '2026-05-01' }],
      ]),
      true,
    ],
  ])('%s', (_, certificates, findings, gap) => {
    expect(rules(certificates, findings).includes('open_major_finding')).toBe(gap);
  });

  it('explains itself in both languages, saying when the corrective action is overdue', () => {
    const [gap] = analyseRequirement(
      requirement,
      [factory('f1', 'Yuyao Valve')],
      [cert('a', 'f1')],
      situation(new Map([['f1', { count: 1, earliestDueOn: '2026-05-20' }]])),
    ).gaps.map((g) => ({ ...g, facts: { ...g.facts, factoryName: 'Yuyao Valve' } }));
    expect(gap.facts.findingOverdue).toBe(true);
    expect(explainGap(gap, 'en')).toBe(
      'The ISO 9001:2015 certificate Q-a covering valves is held by Yuyao Valve, which has a major supplier-audit finding still open past the corrective-action date of 2026-05-20.',
    );
    expect(explainGap(gap, 'zh-CN')).toContain('严重不符合项的整改已超过 2026-05-20 的期限');
  });
});
