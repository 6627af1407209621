import { startApp, TestApp } from './support/app';
import { Account, addStaff, signUp } from './support/accounts';
import { createCertificate, createFactory, makeFactory } from './factories';
import { type Body, withInvalid } from './factories/bodies';

interface ErrorBody {
  statusCode: number;
  message: string;
  code?: string;
  details: { field: string; message: string }[];
}

interface AuditItem {
  action: string;
  actorId: string;
  entityType: string;
  before: { name?: string; id?: string; factoryId?: string } | null;
  after: { name?: string } | null;
}

describe('factories', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const fieldsOf = (body: ErrorBody) => body.details.map((d) => d.field);

  it('creates, reads, updates and lists a factory', async () => {
    const created = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(
        makeFactory({
          name: '  Yuyao Valves  ',
          country: 'cn',
          licenseNumber: '91350100m000100y43',
          productCategories: [' valves ', 'valves', 'fittings'],
          status: 'prospect',
        }),
      )
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Yuyao Valves',
      country: 'CN',
      licenseNumber: '91350100M000100Y43',
      productCategories: ['valves', 'fittings'],
      status: 'prospect',
    });
    const id = created.body.id as string;

    const read = await t.http().get(`/api/v1/factories/${id}`).set(admin.auth).expect(200);
    expect(read.body).toEqual(created.body);

    const updated = await t
      .http()
      .patch(`/api/v1/factories/${id}`)
      .set(admin.auth)
      .send({ status: 'active', city: '', contactEmail: ' ', productCategories: ['castings'] })
      .expect(200);
    expect(updated.body).toMatchObject({
      status: 'active',
      city: null,
      contactEmail: null,
      productCategories: ['castings'],
      name: 'Yuyao Valves',
    });

    const list = await t.http().get('/api/v1/factories?q=yuyao').set(admin.auth).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items[0].id).toBe(id);
  });

  it('defaults the status to active and the product categories to none', async () => {
    const body = makeFactory();
    delete body.status;
    delete body.productCategories;
    const created = await t.http().post('/api/v1/factories').set(admin.auth).send(body).expect(201);
    expect(created.body).toMatchObject({ status: 'active', productCategories: [] });
  });

  it.each([
    ['country not ISO alpha-2', { country: 'China' }, 'country'],
    ['country unknown code', { country: 'XX' }, 'country'],
    ['empty name', { name: '   ' }, 'name'],
    ['missing name', { name: undefined }, 'name'],
    ['status outside the enum', { status: 'closed' }, 'status'],
    ['productCategories not an array', { productCategories: 'valves' }, 'productCategories'],
    ['productCategories with a number', { productCategories: ['valves', 3] }, 'productCategories'],
    ['productCategories null', { productCategories: null }, 'productCategories'],
    ['status null', { status: null }, 'status'],
    ['contactEmail not an email', { contactEmail: 'quality at factory' }, 'contactEmail'],
    ['CN licence too short', { licenseNumber: '91350100M000100Y4' }, 'licenseNumber'],
    ['CN licence with a letter O', { licenseNumber: '91350100M0001O0Y43' }, 'licenseNumber'],
    [
      'CN licence with a wrong check character',
      { licenseNumber: '91350100M000100Y44' },
      'licenseNumber',
    ],
    ['an unknown field', { owner: 'me' }, 'owner'],
  ])('refuses %s with 400 naming the field', async (_, overrides, field) => {
    const response = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(withInvalid(makeFactory(), overrides))
      .expect(400);
    const body = response.body as ErrorBody;
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(fieldsOf(body)).toContain(field);
    expect(body.message).toContain(field);
  });

  it('names the check that failed and its bound, for the web app to say it in Chinese', async () => {
    const response = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(
        withInvalid(makeFactory({ contactEmail: 'quality at factory', name: 'x'.repeat(201) }), {
          owner: 'me',
        }),
      )
      .expect(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'contactEmail', rule: 'isEmail' }),
        expect.objectContaining({ field: 'name', rule: 'maxLength', limit: 200 }),
        expect.objectContaining({ field: 'owner', rule: 'whitelistValidation' }),
      ]),
    );
  });

  it('says what is wrong with a USCC check character', async () => {
    const response = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(makeFactory({ licenseNumber: '91110000600037341M' }))
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'FACTORY.INVALID_LICENSE_NUMBER',
      details: [{ field: 'licenseNumber' }],
    });
    expect(response.body.message).toMatch(/check character/);
  });

  it('checks the USCC only for factories in CN', async () => {
    const created = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(makeFactory({ country: 'VN', licenseNumber: '0301234567' }))
      .expect(201);
    // moving it to CN makes the licence number subject to the check
    const moved = await t
      .http()
      .patch(`/api/v1/factories/${created.body.id}`)
      .set(admin.auth)
      .send({ country: 'CN' })
      .expect(400);
    expect(moved.body.details[0].field).toBe('licenseNumber');
    const fixed = await t
      .http()
      .patch(`/api/v1/factories/${created.body.id}`)
      .set(admin.auth)
      .send({ country: 'CN', licenseNumber: '91110000600037341l' })
      .expect(200);
    expect(fixed.body.licenseNumber).toBe('91110000600037341L');
  });

  it('refuses a wrong licence on update and leaves the factory as it was', async () => {
    const created = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(makeFactory())
      .expect(201);
    const response = await t
      .http()
      .patch(`/api/v1/factories/${created.body.id}`)
      .set(admin.auth)
      .send({ name: 'Renamed', licenseNumber: '91350100M000100Y44' })
      .expect(400);
    expect(response.body.details[0].field).toBe('licenseNumber');
    const after = await t
      .http()
      .get(`/api/v1/factories/${created.body.id}`)
      .set(admin.auth)
      .expect(200);
    expect(after.body).toEqual(created.body);
  });

  it('refuses null for a required field on update with 400, not 500', async () => {
    const created = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(makeFactory())
      .expect(201);
    for (const [field, value] of [
      ['name', null],
      ['country', null],
      ['productCategories', null],
      ['status', null],
    ] as const) {
      const response = await t
        .http()
        .patch(`/api/v1/factories/${created.body.id}`)
        .set(admin.auth)
        .send({ [field]: value })
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const after = await t
      .http()
      .get(`/api/v1/factories/${created.body.id}`)
      .set(admin.auth)
      .expect(200);
    expect(after.body).toEqual(created.body);
  });

  it('filters the list by status and country and paginates by name', async () => {
    const other = await signUp(t);
    for (const [name, country, status] of [
      ['Alpha', 'CN', 'active'],
      ['Bravo', 'VN', 'active'],
      ['Charlie', 'CN', 'ended'],
      ['Delta', 'CN', 'active'],
    ]) {
      await t
        .http()
        .post('/api/v1/factories')
        .set(other.auth)
        .send(
          makeFactory({
            name,
            country,
            status: status as Body<'CreateFactoryDto'>['status'],
            licenseNumber: null,
          }),
        )
        .expect(201);
    }
    const cn = await t
      .http()
      .get('/api/v1/factories?country=cn&status=active')
      .set(other.auth)
      .expect(200);
    expect(cn.body.items.map((f: { name: string }) => f.name)).toEqual(['Alpha', 'Delta']);

    const page2 = await t
      .http()
      .get('/api/v1/factories?page=2&pageSize=3')
      .set(other.auth)
      .expect(200);
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.body.items.map((f: { name: string }) => f.name)).toEqual(['Delta']);

    await t.http().get('/api/v1/factories?status=closed').set(other.auth).expect(400);
    await t.http().get('/api/v1/factories?pageSize=500').set(other.auth).expect(400);
  });

  it('refuses to delete a factory with certificates unless it is ended, then deletes both', async () => {
    const { id } = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, { factoryId: id });

    const refused = await t.http().delete(`/api/v1/factories/${id}`).set(admin.auth).expect(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'FACTORY.HAS_CERTIFICATES' });
    await t.http().get(`/api/v1/certificates/${certificate.id}`).set(admin.auth).expect(200);

    await t
      .http()
      .patch(`/api/v1/factories/${id}`)
      .set(admin.auth)
      .send({ status: 'ended' })
      .expect(200);
    await t.http().delete(`/api/v1/factories/${id}`).set(admin.auth).expect(204);
    await t.http().get(`/api/v1/factories/${id}`).set(admin.auth).expect(404);
    await t.http().get(`/api/v1/certificates/${certificate.id}`).set(admin.auth).expect(404);
    const events = await t
      .http()
      .get(`/api/v1/audit-events?entityId=${certificate.id}`)
      .set(admin.auth)
      .expect(200);
    const deleted = (events.body.items as AuditItem[]).find(
      (e) => e.action === 'certificate.deleted',
    );
    expect(deleted).toMatchObject({ entityType: 'certificate', after: null });
    expect(deleted?.before).toMatchObject({ id: certificate.id, factoryId: id });
    const list = await t
      .http()
      .get(`/api/v1/certificates?factoryId=${id}`)
      .set(admin.auth)
      .expect(200);
    expect(list.body.total).toBe(0);
  });

  it('deletes a factory without certificates whatever its status', async () => {
    const factory = await createFactory(t, admin);
    await t.http().delete(`/api/v1/factories/${factory.id}`).set(admin.auth).expect(204);
    await t.http().delete(`/api/v1/factories/${factory.id}`).set(admin.auth).expect(404);
  });

  it('records each change in the audit log, readable by admins only', async () => {
    const factory = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(makeFactory({ name: 'Audited' }))
      .expect(201);
    const id = factory.body.id as string;
    await t
      .http()
      .patch(`/api/v1/factories/${id}`)
      .set(admin.auth)
      .send({ name: 'Audited Again' })
      .expect(200);
    await t.http().delete(`/api/v1/factories/${id}`).set(admin.auth).expect(204);

    const events = await t
      .http()
      .get(`/api/v1/audit-events?entityId=${id}`)
      .set(admin.auth)
      .expect(200);
    const items = events.body.items as AuditItem[];
    // newest first, even within one second
    expect(items.map((e) => e.action)).toEqual([
      'factory.deleted',
      'factory.updated',
      'factory.created',
    ]);
    const byAction = Object.fromEntries(items.map((e) => [e.action, e]));
    expect(Object.keys(byAction).sort()).toEqual([
      'factory.created',
      'factory.deleted',
      'factory.updated',
    ]);
    expect(byAction['factory.created']).toMatchObject({
      actorId: admin.userId,
      entityType: 'factory',
      before: null,
      after: { name: 'Audited' },
    });
    expect(byAction['factory.updated']).toMatchObject({
      before: { name: 'Audited' },
      after: { name: 'Audited Again' },
    });
    expect(byAction['factory.deleted'].before).toMatchObject({ name: 'Audited Again' });

    const member = await addStaff(t, admin, 'member');
    await t.http().get('/api/v1/audit-events').set(member.auth).expect(403);
    await t.http().get('/api/v1/audit-events').expect(401);
  });

  it('needs a valid bearer token on every factory route', async () => {
    const factory = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send(makeFactory())
      .expect(201);
    const id = factory.body.id as string;
    const bad = { Authorization: 'Bearer not-a-token' };
    for (const headers of [{}, bad]) {
      await t.http().post('/api/v1/factories').set(headers).send(makeFactory()).expect(401);
      await t.http().get('/api/v1/factories').set(headers).expect(401);
      await t.http().get(`/api/v1/factories/${id}`).set(headers).expect(401);
      await t.http().patch(`/api/v1/factories/${id}`).set(headers).send({ name: 'X' }).expect(401);
      await t.http().delete(`/api/v1/factories/${id}`).set(headers).expect(401);
    }
    await t.http().get(`/api/v1/factories/${id}`).set(admin.auth).expect(200);
  });

  it('answers 404 for an unknown id and 400 for a body that is not JSON', async () => {
    await t
      .http()
      .get('/api/v1/factories/00000000-0000-0000-0000-000000000000')
      .set(admin.auth)
      .expect(404);
    await t
      .http()
      .get(`/api/v1/factories/${'x'.repeat(300)}`)
      .set(admin.auth)
      .expect(404);
    await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    await t.http().post('/api/v1/factories').set(admin.auth).send([makeFactory()]).expect(400);
  });
});
