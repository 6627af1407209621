import { ruleError } from './import-row-errors.rules';

describe('import row error codes', () => {
  it.each([
    ['isNotEmpty', 'name should not be empty', '', { code: 'required', params: {} }],
    [
      'minLength',
      'name must be longer than or equal to 1 characters',
      '',
      { code: 'required', params: {} },
    ],
    [
      'minLength',
      'name must be longer than or equal to 3 characters',
      'ab',
      { code: 'too_short', params: { limit: 3, value: 'ab' } },
    ],
    [
      'maxLength',
      'city must be shorter than or equal to 100 characters',
      'c',
      { code: 'too_long', params: { limit: 100, value: 'c' } },
    ],
    [
      'isCalendarDate',
      'expiresOn must be a real date written YYYY-MM-DD',
      '2028-02-30',
      { code: 'invalid_date', params: { value: '2028-02-30' } },
    ],
    [
      'isIn',
      'status must be one of active, ended',
      'closed',
      { code: 'not_an_option', params: { value: 'closed', allowed: 'active, ended' } },
    ],
    [
      'knownStandard',
      'standard is not in the catalogue',
      'ISO 1',
      { code: 'unknown_standard', params: { value: 'ISO 1' } },
    ],
    [
      'usccCheckCharacter',
      'licenseNumber has a wrong check character',
      'X',
      { code: 'licence_number_check_character', params: { value: 'X' } },
    ],
    ['someNewRule', 'whatever', 42, { code: 'invalid', params: {} }],
    [undefined, 'whatever', 'v', { code: 'invalid', params: { value: 'v' } }],
  ])('%s (%s) → %j', (rule, message, value, expected) =>
    expect(ruleError(rule, message, value)).toEqual(expected),
  );

  it('keeps at most 200 characters of the value', () =>
    expect(ruleError('isString', 'm', 'x'.repeat(500)).params.value).toHaveLength(200));
});
