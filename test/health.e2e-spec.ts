import { startApp, TestApp } from './support/app';
import { signUp } from './support/accounts';
import { makeFactory } from './factories';

describe('health and API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the database and Redis separately, without a token', async () => {
    const response = await t.http().get('/api/v1/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves the OpenAPI document with the foundation routes', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(response.body.paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/signup',
        '/api/v1/auth/login',
        '/api/v1/users',
        '/api/v1/factories',
        '/api/v1/factories/{id}',
        '/api/v1/certificates',
        '/api/v1/certificates/{id}',
        '/api/v1/certificates/{id}/renew',
        '/api/v1/audit-events',
        '/api/v1/health',
      ]),
    );
    const listParameters = (
      response.body.paths['/api/v1/certificates'].get.parameters as { name: string }[]
    ).map((p) => p.name);
    expect(listParameters).toEqual(
      expect.arrayContaining([
        'page',
        'pageSize',
        'factoryId',
        'standard',
        'status',
        'expiringWithinDays',
        'q',
      ]),
    );
    // the schemas come from the DTOs
    const schemas = response.body.components.schemas as Record<
      string,
      { properties: Record<string, unknown> }
    >;
    expect(Object.keys(schemas.CreateCertificateDto.properties)).toEqual(
      expect.arrayContaining([
        'factoryId',
        'standard',
        'certificateNumber',
        'issuedOn',
        'expiresOn',
        'iafCodes',
      ]),
    );
    expect(Object.keys(schemas.CreateFactoryDto.properties)).toEqual(
      expect.arrayContaining(['name', 'country', 'licenseNumber', 'productCategories', 'status']),
    );
  });

  it('serves the Swagger UI as HTML', async () => {
    const response = await t.http().get('/api/docs').redirects(1).expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toMatch(/swagger/i);
  });
});

describe('health with Redis down', () => {
  let down: TestApp;

  beforeAll(async () => {
    // nothing listens on 6390
    down = await startApp({ env: { REDIS_URL: 'redis://127.0.0.1:6390' } });
  });
  afterAll(async () => {
    await down.close();
    delete process.env.REDIS_URL;
  });

  it('answers 503 naming Redis as down and the database as up', async () => {
    const response = await down.http().get('/api/v1/health').expect(503);
    expect(response.body).toMatchObject({
      status: 'error',
      details: { database: { status: 'up' }, redis: { status: 'down' } },
      error: { redis: { status: 'down' } },
    });
    expect(response.body.details.redis.message).toContain('127.0.0.1:6390');
    expect(response.body.error.database).toBeUndefined();
  });

  it('still serves the API', async () => {
    const account = await signUp(down);
    await down.http().post('/api/v1/factories').set(account.auth).send(makeFactory()).expect(201);
    const list = await down.http().get('/api/v1/factories').set(account.auth).expect(200);
    expect(list.body.total).toBe(1);
  });
});
