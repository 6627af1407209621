import { ProposedChange, submissionProblems } from './submission.rules';

const certificate = { issuedOn: '2026-03-01', expiresOn: '2029-02-28' };

describe('submissionProblems', () => {
  it.each<[string, ProposedChange, string[]]>([
    ['a new certificate', { kind: 'new_certificate', certificate }, []],
    [
      'a new certificate for a named factory',
      { kind: 'new_certificate', factoryId: 'f1', certificate },
      [],
    ],
    ['a new certificate without fields', { kind: 'new_certificate' }, ['certificate']],
    [
      'a new certificate naming an existing one',
      { kind: 'new_certificate', certificateId: 'c1', certificate },
      ['certificateId'],
    ],
    ['a renewal', { kind: 'renewal', certificateId: 'c1', certificate }, []],
    ['a renewal of nothing', { kind: 'renewal', certificate }, ['certificateId']],
    [
      'a renewal moving the holder',
      { kind: 'renewal', certificateId: 'c1', factoryId: 'f2', certificate },
      ['factoryId'],
    ],
    [
      'a renewal expiring before it is issued',
      {
        kind: 'renewal',
        certificateId: 'c1',
        certificate: { issuedOn: '2026-03-01', expiresOn: '2026-03-01' },
      },
      ['certificate.expiresOn'],
    ],
    ['a suspension', { kind: 'status_change', certificateId: 'c1', status: 'suspended' }, []],
    ['a status change without status', { kind: 'status_change', certificateId: 'c1' }, ['status']],
    [
      'a status change smuggling new dates',
      { kind: 'status_change', certificateId: 'c1', status: 'withdrawn', certificate },
      ['certificate'],
    ],
    [
      'an audit date',
      { kind: 'surveillance_audit', certificateId: 'c1', nextSurveillanceAuditOn: '2026-09-01' },
      [],
    ],
    [
      'an audit date without the date, with a status',
      { kind: 'surveillance_audit', certificateId: 'c1', status: 'suspended' },
      ['nextSurveillanceAuditOn', 'status'],
    ],
  ])('%s', (_, change, fields) => {
    expect(submissionProblems(change).map((p) => p.field)).toEqual(fields);
  });
});
