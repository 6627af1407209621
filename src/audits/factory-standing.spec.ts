import { explainStanding, factoryStanding, StandingInputs } from './factory-standing';

const today = '2026-12-01';
const good: StandingInputs = {
  today,
  certificates: [
    { standard: 'ISO 9001:2015', status: 'active', expiresOn: '2028-01-31', verified: true },
  ],
  latestAudit: { auditedOn: '2026-10-15', overallScore: 90 },
  unresolvedFindings: [],
};
const withInputs = (changes: Partial<StandingInputs>): StandingInputs => ({ ...good, ...changes });

describe('factoryStanding', () => {
  it.each<[string, StandingInputs, string, string, number]>([
    ['a good audit, a verified certificate, nothing open', good, 'approved', 'approved', 94],
    [
      'an overdue major finding, even with a good audit',
      withInputs({
        unresolvedFindings: [{ severity: 'major', clause: '8.4', dueOn: '2026-11-30' }],
      }),
      'not_approved',
      'major_finding_overdue',
      79,
    ],
    [
      'a major finding due today is not overdue yet',
      withInputs({ unresolvedFindings: [{ severity: 'major', clause: '8.4', dueOn: today }] }),
      'conditional',
      'major_finding_open',
      79,
    ],
    [
      'a failed audit',
      withInputs({ latestAudit: { auditedOn: '2026-10-15', overallScore: 59 } }),
      'not_approved',
      'audit_failed',
      75,
    ],
    [
      'an audit at the pass mark is not failed',
      withInputs({ latestAudit: { auditedOn: '2026-10-15', overallScore: 60 } }),
      'conditional',
      'audit_score_low',
      76,
    ],
    [
      'an audit just below the approval mark',
      withInputs({ latestAudit: { auditedOn: '2026-10-15', overallScore: 79 } }),
      'conditional',
      'audit_score_low',
      87,
    ],
    [
      'an audit at the approval mark',
      withInputs({ latestAudit: { auditedOn: '2026-10-15', overallScore: 80 } }),
      'approved',
      'approved',
      88,
    ],
    [
      'no certificate and no audit',
      withInputs({ certificates: [], latestAudit: null }),
      'not_approved',
      'no_evidence',
      0,
    ],
    [
      'certificates but never audited',
      withInputs({ latestAudit: null }),
      'conditional',
      'no_recent_audit',
      40,
    ],
    [
      'an audit 36 months and a day old no longer counts',
      withInputs({ latestAudit: { auditedOn: '2023-11-30', overallScore: 95 } }),
      'conditional',
      'no_recent_audit',
      40,
    ],
    [
      'an audit exactly 36 months old still counts',
      withInputs({ latestAudit: { auditedOn: '2023-12-01', overallScore: 95 } }),
      'approved',
      'approved',
      97,
    ],
    [
      'an audit with no score yet',
      withInputs({ latestAudit: { auditedOn: '2026-10-15', overallScore: null } }),
      'conditional',
      'no_recent_audit',
      40,
    ],
    [
      'a good audit but no certificate',
      withInputs({ certificates: [] }),
      'conditional',
      'no_certificate',
      54,
    ],
    [
      'an expired or suspended certificate is not active',
      withInputs({
        certificates: [
          { standard: 'ISO 9001:2015', status: 'active', expiresOn: '2026-11-30', verified: true },
          {
            standard: 'ISO 14001:2015',
            status: 'suspended',
            expiresOn: '2028-01-31',
            verified: true,
          },
        ],
      }),
      'conditional',
      'no_certificate',
      54,
    ],
    [
      'an overdue minor finding',
      withInputs({
        unresolvedFindings: [{ severity: 'minor', clause: '7.5', dueOn: '2026-11-01' }],
      }),
      'conditional',
      'minor_finding_overdue',
      89,
    ],
    [
      'a minor finding not yet due',
      withInputs({
        unresolvedFindings: [{ severity: 'minor', clause: '7.5', dueOn: '2027-01-01' }],
      }),
      'approved',
      'approved',
      89,
    ],
    [
      'an observation changes nothing',
      withInputs({ unresolvedFindings: [{ severity: 'observation', clause: null, dueOn: null }] }),
      'approved',
      'approved',
      94,
    ],
    [
      'an unverified certificate',
      withInputs({
        certificates: [
          { standard: 'ISO 9001:2015', status: 'active', expiresOn: '2028-01-31', verified: false },
        ],
      }),
      'conditional',
      'certificate_unverified',
      79,
    ],
  ])('%s', (_, inputs, status, reason, score) => {
    const standing = factoryStanding(inputs);
    expect(standing).toMatchObject({ status, reason, score });
  });

  it('never scores below 0', () => {
    const findings = Array.from({ length: 10 }, () => ({
      severity: 'major' as const,
      clause: null,
      dueOn: '2027-01-01',
    }));
    expect(factoryStanding(withInputs({ unresolvedFindings: findings })).score).toBe(0);
  });

  it('explains itself in one sentence in both languages, naming the clause and the date', () => {
    const standing = factoryStanding(
      withInputs({
        unresolvedFindings: [{ severity: 'major', clause: '8.4', dueOn: '2026-11-30' }],
      }),
    );
    expect(explainStanding(standing, 'en')).toBe(
      'Not approved: a major finding (clause 8.4) is still open past its due date of 2026-11-30.',
    );
    expect(explainStanding(standing, 'zh-CN')).toBe(
      '不批准：一项严重不符合项（条款 8.4）的整改已超过 2026-11-30 的期限仍未关闭。',
    );
    expect(explainStanding(factoryStanding(good), 'en')).toContain('scored 90');
  });
});
