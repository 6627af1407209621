import { publicUrlOf, publicUrlPortWarning } from './public-url';

describe('PUBLIC_URL', () => {
  it('defaults to localhost on the port the API listens on', () => {
    expect(publicUrlOf(undefined, 3411)).toBe('http://localhost:3411');
    expect(publicUrlOf('https://certpact.example/', 3411)).toBe('https://certpact.example');
  });

  it.each([
    ['http://localhost:3000', 3411, 'development', true],
    ['http://localhost:3411', 3411, 'development', false],
    ['http://127.0.0.1:8080', 3000, 'development', true],
    ['http://localhost', 80, 'development', false],
    ['http://localhost:3000', 3411, 'production', false],
    ['http://localhost:3000', 3411, 'test', false],
    ['https://certpact.example', 3000, 'development', false], // behind a proxy
  ])('%s with PORT %d in %s warns: %s', (url, port, nodeEnv, warns) => {
    const warning = publicUrlPortWarning(url, port, nodeEnv);
    expect(warning !== null).toBe(warns);
    if (warning) expect(warning).toContain(`http://localhost:${port}`);
  });
});
