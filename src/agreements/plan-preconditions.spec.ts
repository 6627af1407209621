import { readFileSync } from 'node:fs';
import { configFile } from '../config/project-root';
import {
  LapsedCertificate,
  planPreconditionWarnings,
  reapplicationWarnings,
} from './plan-preconditions';
import type { PlanTemplate } from './plan-schedule';

const templates = (
  JSON.parse(readFileSync(configFile('plan-templates.json'), 'utf8')) as {
    templates: PlanTemplate[];
  }
).templates;
const template = (id: string) => templates.find((t) => t.id === id)!;

// CNCA-OHSMS-01:2026, 5.1.2 (3): the OH&S system must have run 3 months before the
// application; CNCA-QMS-01:2025, 5.1.2 (3): the same for quality management systems.
describe('plan preconditions against both shipped plan templates', () => {
  it.each([
    ['fast-track-3m', ['ISO 45001:2018'], ['CNCA-OHSMS-01:2026, 5.1.2 (3)']],
    [
      'fast-track-3m',
      ['ISO 9001:2015', 'ISO 45001:2018'],
      ['CNCA-OHSMS-01:2026, 5.1.2 (3)', 'CNCA-QMS-01:2025, 5.1.2 (3)'],
    ],
    ['fast-track-3m', ['ISO 14001:2015'], []],
    ['standard-6m', ['ISO 45001:2018'], []],
    ['standard-6m', ['ISO 9001:2015', 'ISO 45001:2018'], []],
  ])('%s for %p → %p', (id, standards, rules) => {
    const warnings = planPreconditionWarnings(template(id), '2026-12-01', standards);
    expect(warnings.map((w) => w.rule).sort()).toEqual([...rules].sort());
  });

  it('says when the application would be allowed, in English and Chinese', () => {
    const [warning] = planPreconditionWarnings(template('fast-track-3m'), '2026-12-01', [
      'ISO 45001:2018',
    ]);
    // documentation due 2026-12-22; application 2027-02-04; earliest 2027-03-22
    expect(warning.message).toContain('applies to the certification body on 2027-02-04');
    expect(warning.message).toContain('not before 2027-03-22');
    expect(warning.messageZh).toContain('最早 2027-03-22 才能申请');
  });
});

// CNCA-QMS-01:2025, 5.1.2 (4) and CNCA-OHSMS-01:2026, 5.1.2 (4): after a suspension or revocation
// caused by the organization itself, it applies again only once a year has passed.
describe('the one-year wait after a suspension or withdrawal', () => {
  const suspended: LapsedCertificate = {
    standard: 'ISO 45001:2018',
    certificateNumber: 'OH-1',
    status: 'suspended',
    statusRecordedOn: '2026-03-10',
  };
  it.each([
    [['ISO 45001:2018'], '2027-03-09', ['CNCA-OHSMS-01:2026, 5.1.2 (4)']], // the day before
    [['ISO 45001:2018'], '2027-03-10', []], // a year to the day: it may apply
    [['ISO 9001:2015'], '2026-06-01', []], // another family's certificate
    [['ISO 9001:2015', 'ISO 45001:2018'], '2026-06-01', ['CNCA-OHSMS-01:2026, 5.1.2 (4)']],
  ])('%p on %s → %p', (standards, today, rules) => {
    expect(reapplicationWarnings(standards, [suspended], today).map((w) => w.rule)).toEqual(rules);
  });

  it('says when the factory may apply, and that it holds if the factory caused it, in both languages', () => {
    const [warning] = reapplicationWarnings(
      ['ISO 9001:2015'],
      [{ ...suspended, standard: 'ISO 9001:2015', status: 'withdrawn' }],
      '2026-12-01',
    );
    expect(warning).toMatchObject({
      code: 'FACTORY_CANNOT_APPLY_YET',
      field: 'factoryId',
      rule: 'CNCA-QMS-01:2025, 5.1.2 (4)',
    });
    expect(warning.message).toBe(
      "The factory's ISO 9001:2015 certificate OH-1 was recorded as withdrawn on 2026-03-10: if that was caused by the factory itself, it cannot apply for certification again before 2027-03-10 (CNCA-QMS-01:2025, 5.1.2 (4)).",
    );
    expect(warning.messageZh).toContain('2027-03-10 起方可再次申请认证');
  });
});
