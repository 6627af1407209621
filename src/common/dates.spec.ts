import { addDays, addMonths, daysBetween, isCalendarDate, isValidTimezone, todayIn } from './dates';

describe('calendar dates', () => {
  it.each([
    ['2027-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-1-01', false],
    ['27-01-01', false],
    ['2027-04-31', false],
    [20270101, false],
  ])('isCalendarDate(%p) is %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2027-06-15', 6, '2027-12-15'],
    ['2027-12-31', 12, '2028-12-31'],
  ])('addMonths(%s, %d) is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts days across a leap day and a year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-12-31', '2027-12-01')).toBe(-30);
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });

  it('reads today in the organization timezone, not UTC', () => {
    const lateUtc = new Date('2026-11-25T23:30:00Z');
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-11-26');
    expect(todayIn('UTC', lateUtc)).toBe('2026-11-25');
    expect(todayIn('America/Los_Angeles', new Date('2026-11-26T05:00:00Z'))).toBe('2026-11-25');
  });

  it('knows IANA timezones', () => {
    expect(isValidTimezone('Asia/Shanghai')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
    expect(isValidTimezone('')).toBe(false);
  });
});
