import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, toApiError } from './errors';

describe('API errors', () => {
  it('reads status, code and field problems from the error body', () => {
    const error = toApiError(400, {
      statusCode: 400,
      message: 'expiresOn must be after issuedOn',
      code: 'CERTIFICATE.INVALID_DATES',
      details: [{ field: 'certificate.expiresOn', message: 'expiresOn must be after issuedOn' }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('CERTIFICATE.INVALID_DATES');
    expect(fieldErrors(error)).toEqual({ expiresOn: 'expiresOn must be after issuedOn' });
  });

  it('survives a body that is not the API shape', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect(error.message).toBe('HTTP 502');
    expect(error.code).toBeUndefined();
    expect(fieldErrors(error)).toEqual({});
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
