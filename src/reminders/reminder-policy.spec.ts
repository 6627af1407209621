import {
  asReminderLocale,
  defaultReminderPolicy,
  effectivePolicy,
  normalizeThresholds,
  scanPattern,
} from './reminder-policy';

describe('reminder policy', () => {
  it('ships the documented default', () => {
    expect(defaultReminderPolicy()).toEqual({
      thresholdsDays: [90, 60, 30, 14, 7, 1],
      sendHour: 9,
      escalateAfterDays: 7,
      overdueRepeatDays: 7,
      unassignedRecipients: 'admins',
    });
  });

  it.each([
    [
      'no saved policy: the default in the organization timezone and language',
      { reminderPolicy: null, timezone: 'Europe/Berlin', locale: 'zh-CN' },
      { timezone: 'Europe/Berlin', locale: 'zh-CN', sendHour: 9 },
    ],
    [
      'a saved policy keeps its thresholds and hour, in the organization timezone and language',
      {
        reminderPolicy: {
          thresholdsDays: [7, 30],
          sendHour: 6,
          escalateAfterDays: 3,
          overdueRepeatDays: 2,
          unassignedRecipients: 'admins' as const,
        },
        timezone: 'Europe/Berlin',
        locale: 'zh-CN',
      },
      { timezone: 'Europe/Berlin', locale: 'zh-CN', sendHour: 6, thresholdsDays: [30, 7] },
    ],
    [
      'an older saved policy with its own timezone and locale: the organization still wins',
      {
        reminderPolicy: {
          thresholdsDays: [30],
          sendHour: 6,
          escalateAfterDays: 3,
          overdueRepeatDays: 2,
          timezone: 'UTC',
          locale: 'en',
        } as never,
        timezone: 'Europe/Berlin',
        locale: 'zh-CN',
      },
      { timezone: 'Europe/Berlin', locale: 'zh-CN', sendHour: 6 },
    ],
  ])('%s', (_, organization, expected) => {
    expect(effectivePolicy(organization)).toMatchObject(expected);
  });

  it.each([
    [
      [1, 90, 30, 30],
      [90, 30, 1],
    ],
    [[], []],
  ])('normalizes thresholds %j to %j', (input, expected) => {
    expect(normalizeThresholds(input)).toEqual(expected);
  });

  it.each([
    [9, '0 9 * * *'],
    [0, '0 0 * * *'],
    [23, '0 23 * * *'],
  ])('sends at hour %i with the cron pattern %s', (sendHour, pattern) => {
    expect(scanPattern({ sendHour })).toBe(pattern);
  });

  it.each([
    ['zh-CN', 'zh-CN'],
    ['en', 'en'],
    ['fr', null],
    [null, null],
  ])('takes %p as a digest language: %p', (locale, expected) => {
    expect(asReminderLocale(locale)).toBe(expected);
  });
});
