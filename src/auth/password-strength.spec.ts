import { DomainError } from '../common/errors';
import { assertStrongPassword, knownWords, weakPasswordAdvice } from './password-strength';

describe('password strength', () => {
  it.each(['aaaaaaaaaa', '          ', 'password123456', 'qwertyuiop12', '1234567890'])(
    'refuses %j with advice',
    (password) => {
      expect(weakPasswordAdvice(password)).toMatch(/too easy to guess.*passphrase/);
    },
  );

  it.each(['a-long-password-1', 'correct horse battery', 'factory-long-password'])(
    'accepts %j',
    (password) => {
      expect(weakPasswordAdvice(password)).toBeNull();
    },
  );

  it('counts the person’s own email and name as known words', () => {
    expect(weakPasswordAdvice('wangfang1987', [])).toBeNull();
    expect(
      weakPasswordAdvice('wangfang1987', knownWords('wang.fang@example.com', 'Wang Fang')),
    ).toEqual(expect.any(String));
  });

  it('throws AUTH.WEAK_PASSWORD naming the field', () => {
    try {
      assertStrongPassword('aaaaaaaaaa', [], 'newPassword');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('AUTH.WEAK_PASSWORD');
      expect((error as DomainError).details[0].field).toBe('newPassword');
    }
  });
});
