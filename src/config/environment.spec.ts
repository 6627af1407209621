import { EnvironmentError, parseEnvironment } from './environment';

describe('parseEnvironment', () => {
  it('applies the defaults of the embedded setup', () => {
    const env = parseEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:data/certpact.sqlite',
      DATA_DIR: 'data',
      REDIS_URL: 'redis://127.0.0.1:6379',
      RUN_WORKER: true,
    });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.JWT_SECRET).toBeUndefined();
  });

  it('reads the optional variables that have no default', () => {
    const env = parseEnvironment({
      SMTP_URL: 'smtp://mailpit:1025',
      JWT_SECRET: 'x'.repeat(40),
      IAF_CERTSEARCH_URL: 'https://example.org/api',
      IAF_CERTSEARCH_API_KEY: 'key',
    });
    expect(env).toMatchObject({
      SMTP_URL: 'smtp://mailpit:1025',
      JWT_SECRET: 'x'.repeat(40),
      IAF_CERTSEARCH_URL: 'https://example.org/api',
      IAF_CERTSEARCH_API_KEY: 'key',
    });
  });

  it('treats an empty optional variable as unset', () => {
    expect(parseEnvironment({ SMTP_URL: '', JWT_SECRET: '' }).SMTP_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '0'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'sqlite:'],
    ['REDIS_URL', 'localhost:6379'],
    ['RUN_WORKER', 'maybe'],
    ['SMTP_URL', 'mailpit:1025'],
    ['JWT_SECRET', 'short'],
    ['CALENDAR_FEED_SECRET', 'short'],
    ['JWT_TTL', '12 hours'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s with one line naming it', (name, value) => {
    let error: unknown;
    try {
      parseEnvironment({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid environment variable ${name}: `));
  });

  it('names every wrong variable, one per line', () => {
    expect(() => parseEnvironment({ PORT: 'abc', REDIS_URL: 'x' })).toThrow(
      /PORT[\s\S]*\n[\s\S]*REDIS_URL/,
    );
  });
});
