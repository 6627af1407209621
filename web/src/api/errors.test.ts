import i18n from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { ApiError, fieldErrors, toApiError } from './errors';

const invalid = (details: unknown[], code = 'VALIDATION.FAILED') =>
  toApiError(400, { statusCode: 400, message: 'The request is not valid', code, details });

describe('API errors', () => {
  // The app's catalogues on the app's i18next instance (web/src/i18n/index.ts needs a browser).
  beforeAll(() =>
    i18n.init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng: 'en',
      interpolation: { escapeValue: false },
    }),
  );
  afterEach(() => i18n.changeLanguage('en'));

  it('reads status, code and field problems from the error body', async () => {
    await i18n.changeLanguage('en');
    const error = toApiError(400, {
      statusCode: 400,
      message: 'expiresOn must be after issuedOn',
      code: 'CERTIFICATE.UNKNOWN_RULE_FOR_TEST',
      details: [{ field: 'certificate.expiresOn', message: 'expiresOn must be after issuedOn' }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('CERTIFICATE.UNKNOWN_RULE_FOR_TEST');
    expect(fieldErrors(error)).toEqual({ expiresOn: 'expiresOn must be after issuedOn' });
  });

  it('says a failed check in the reader’s language, with its bound', async () => {
    const error = invalid([
      { field: 'contactEmail', message: 'contactEmail must be an email address', rule: 'isEmail' },
      {
        field: 'name',
        message: 'name must be shorter than or equal to 200 characters',
        rule: 'maxLength',
        limit: 200,
      },
      {
        field: 'certificationBody',
        message: 'certificationBody must not be empty',
        rule: 'minLength',
      },
      { field: 'issuedOn', message: 'issuedOn must be a date', rule: 'isCalendarDate' },
      { field: 'owner', message: 'property owner should not exist', rule: 'whitelistValidation' },
      { field: 'city', message: 'city is odd in a way no rule names' },
    ]);
    await i18n.changeLanguage('zh-CN');
    expect(fieldErrors(error)).toEqual({
      contactEmail: '请输入有效的邮箱地址，例如 name@company.com。',
      name: '最多 200 个字符。',
      certificationBody: '此项为必填项。',
      issuedOn: '请按 YYYY-MM-DD 格式填写日期。',
      owner: '此处不接受该字段。',
      city: '请检查此项。',
    });
    await i18n.changeLanguage('en');
    expect(fieldErrors(error)).toMatchObject({
      name: 'At most 200 characters.',
      city: 'city is odd in a way no rule names',
    });
  });

  it('names a domain rule by its code', async () => {
    await i18n.changeLanguage('zh-CN');
    const error = invalid(
      [{ field: 'licenseNumber', message: 'licenseNumber: the check character is wrong' }],
      'FACTORY.CONTACT_MAIL_ADMIN_ONLY',
    );
    expect(fieldErrors(error).licenseNumber).toBe(
      i18n.t('errors.codes.FACTORY.CONTACT_MAIL_ADMIN_ONLY'),
    );
    expect(fieldErrors(error).licenseNumber).not.toMatch(/[a-z]{4}/);
  });

  it('survives a body that is not the API shape', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect(error.message).toBe('HTTP 502');
    expect(error.code).toBeUndefined();
    expect(fieldErrors(error)).toEqual({});
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
