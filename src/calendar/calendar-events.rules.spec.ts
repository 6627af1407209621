import { calendarEvents, CalendarCertificate, firstReminderDays } from './calendar-events.rules';

const certificate = (overrides: Partial<CalendarCertificate> = {}): CalendarCertificate => ({
  id: 'c1',
  standard: 'ISO 14001:2015',
  certificateNumber: 'N-1',
  status: 'active',
  expiresOn: '2028-02-28',
  nextSurveillanceAuditOn: '2027-02-15',
  factoryName: '余姚精密阀门厂',
  ...overrides,
});

const base = {
  locale: 'en' as const,
  webUrl: 'https://certpact.example',
  milestones: [],
  transitions: [],
  firstReminderDays: 90,
};

describe('calendar events', () => {
  it.each([
    [[90, 60, 30, 14, 7, 1], 90],
    [[7, 30], 30],
    [[], null],
  ])('the first reminder of %j is %p days before', (thresholds, days) =>
    expect(firstReminderDays(thresholds)).toBe(days),
  );

  it.each([
    ['active', 2],
    ['suspended', 2],
    ['expired', 0],
    ['withdrawn', 0],
  ])('a %s certificate gives %i events', (status, count) =>
    expect(calendarEvents({ ...base, certificates: [certificate({ status })] })).toHaveLength(
      count,
    ),
  );

  it('writes each summary in the reader’s language, the trader’s own certificates named as such', () => {
    const [surveillance, expiry] = calendarEvents({
      ...base,
      locale: 'zh-CN',
      certificates: [certificate({ factoryName: null })],
    });
    expect(expiry.summary).toBe('ISO 14001:2015 证书 N-1 到期（本公司）');
    expect(surveillance.summary).toBe('监督审核到期：ISO 14001:2015 N-1（本公司）');
    expect(expiry.alarmDaysBefore).toBe(90);
    expect(surveillance.alarmDaysBefore).toBeNull();
  });

  it('adds transition dates only for standards held, and skips finished milestones', () => {
    const events = calendarEvents({
      ...base,
      certificates: [certificate({ nextSurveillanceAuditOn: null })],
      milestones: [
        {
          id: 'm1',
          agreementId: 'a1',
          name: 'Stage 1 audit',
          dueOn: '2027-05-01',
          status: 'pending',
          factoryName: null,
        },
        {
          id: 'm2',
          agreementId: 'a1',
          name: 'Gap analysis',
          dueOn: '2027-01-01',
          status: 'done',
          factoryName: null,
        },
      ],
      transitions: [
        {
          standard: 'ISO 14001:2015',
          newEditionAuditsFrom: '2028-10-15',
          validUntil: '2029-04-15',
        },
        { standard: 'ISO 9001:2008', newEditionAuditsFrom: '2018-03-15', validUntil: '2018-09-15' },
      ],
    });
    expect(events.map((e) => [e.uid, e.date])).toEqual([
      ['milestone-m1@certpact', '2027-05-01'],
      ['certificate-c1-expiry@certpact', '2028-02-28'],
      ['standard-iso-14001-2015-audits-from@certpact', '2028-10-15'],
      ['standard-iso-14001-2015-valid-until@certpact', '2029-04-15'],
    ]);
    expect(events[0].url).toBe('https://certpact.example/agreements/a1');
  });
});
