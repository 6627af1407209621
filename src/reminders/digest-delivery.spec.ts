import { digestMessageId } from './digest-delivery.service';
import { digestIdOf } from './reminder-scan.service';

describe('digest identity', () => {
  it('gives one digest per organization, day and recipient', () => {
    const a = digestIdOf('org-1', '2027-01-31', 'a@example.com');
    expect(digestIdOf('org-1', '2027-01-31', 'a@example.com')).toBe(a);
    expect(digestIdOf('org-1', '2027-02-01', 'a@example.com')).not.toBe(a);
    expect(digestIdOf('org-2', '2027-01-31', 'a@example.com')).not.toBe(a);
    expect(digestIdOf('org-1', '2027-01-31', 'b@example.com')).not.toBe(a);
  });

  it('derives the Message-ID from the digest and its rows, so a resend of the same digest folds', () => {
    const first = digestMessageId('d1', ['r2', 'r1']);
    expect(digestMessageId('d1', ['r1', 'r2'])).toBe(first);
    expect(digestMessageId('d1', ['r1', 'r2', 'r3'])).not.toBe(first);
    expect(first).toMatch(/^<digest-d1-[0-9a-f]{12}@certpact\.reminders>$/);
  });
});
