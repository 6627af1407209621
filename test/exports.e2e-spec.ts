import { startApp, TestApp } from './support/app';
import { Account, signUp } from './support/accounts';
import { asBuffer, csvRows, xlsxRows } from './support/files';
import { createCertificate, createFactory } from './factories';
import { inviteManager } from './factories/managers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('exports', () => {
  let t: TestApp;
  let admin: Account;
  let valveFactory: { id: string; name: string };

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
    valveFactory = await createFactory(t, admin, {
      name: '余姚精密阀门厂',
      licenseNumber: '91350100M000100Y43',
    });
    // More factories than one page of the list (200), so the export must page through.
    for (let i = 0; i < 205; i++) {
      await createFactory(t, admin, {
        name: `Factory ${String(i).padStart(3, '0')}`,
        licenseNumber: null,
        country: 'VN',
      });
    }
    await createCertificate(t, admin, {
      factoryId: valveFactory.id,
      certificateNumber: 'EXP-001',
      productCategories: ['阀门', 'valves'],
      expiresOn: '2028-02-28',
    });
    await createCertificate(t, admin, {
      factoryId: null,
      certificateNumber: 'EXP-OWN',
      standard: 'ISO 14001:2015',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports every factory, across pages, as CSV with a BOM and English headers', async () => {
    const response = await asBuffer(
      t.http().get('/api/v1/factories').set(admin.auth).set('Accept', 'text/csv'),
    ).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="factories-/);
    const rows = csvRows(response.body as Buffer);
    expect(rows[0]).toEqual([
      'Name',
      'Country',
      'City',
      'Address',
      'Licence number',
      'Business scope',
      'Contact email',
      'Product categories',
      'Status',
    ]);
    expect(rows).toHaveLength(1 + 206);
    const valve = rows.find((r) => r[0] === '余姚精密阀门厂');
    expect(valve).toEqual([
      '余姚精密阀门厂',
      'CN',
      'Ningbo',
      '88 Industrial Road',
      '91350100M000100Y43',
      '阀门制造、加工；Manufacture of valves',
      'quality@factory.example',
      'valves',
      'active',
    ]);
  });

  it('keeps the list filters and answers XLSX with ?format=xlsx', async () => {
    const response = await asBuffer(
      t.http().get('/api/v1/factories?country=CN&format=xlsx').set(admin.auth),
    ).expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const rows = await xlsxRows(response.body as Buffer);
    expect(rows).toHaveLength(2);
    expect(rows[1][0]).toBe('余姚精密阀门厂');
  });

  it('writes headers in the user’s language, lists joined by "; " and dates as YYYY-MM-DD', async () => {
    const response = await asBuffer(
      t
        .http()
        .get('/api/v1/certificates?format=csv&standard=ISO%209001:2015')
        .set(admin.auth)
        .set('Accept-Language', 'zh-CN,zh;q=0.9'),
    ).expect(200);
    const rows = csvRows(response.body as Buffer);
    expect(rows[0].slice(0, 3)).toEqual(['工厂', '标准', '证书编号']);
    expect(rows).toHaveLength(2);
    const [row] = rows.slice(1);
    expect(row[0]).toBe('91350100M000100Y43');
    expect(row[2]).toBe('EXP-001');
    expect(row[7]).toBe('阀门; valves');
    expect(row[9]).toBe('2025-03-01');
    expect(row[10]).toBe('2028-02-28');
  });

  it('exports agreements, milestones, gaps, reminders and audit events', async () => {
    const agreement = await t
      .http()
      .post('/api/v1/agreements')
      .set(admin.auth)
      .send({
        factoryId: valveFactory.id,
        kind: 'certification_cooperation',
        title: 'ISO 14001 合作',
        standards: ['ISO 14001:2015'],
        startsOn: '2027-01-04',
        plan: 'standard-6m',
      })
      .expect(201);
    const lists: [string, number][] = [
      ['/api/v1/agreements', 1],
      [`/api/v1/agreements/${agreement.body.id}/milestones`, 9],
      ['/api/v1/gaps', 0],
      ['/api/v1/reminders', 0],
    ];
    for (const [path, count] of lists) {
      const response = await asBuffer(t.http().get(`${path}?format=csv`).set(admin.auth)).expect(
        200,
      );
      expect({ path, rows: csvRows(response.body as Buffer).length }).toEqual({
        path,
        rows: 1 + count,
      });
    }
    const milestones = csvRows(
      (
        await asBuffer(
          t
            .http()
            .get(`/api/v1/agreements/${agreement.body.id}/milestones?format=csv`)
            .set(admin.auth),
        )
      ).body as Buffer,
    );
    expect(milestones[1][3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const audit = csvRows(
      (await asBuffer(t.http().get('/api/v1/audit-events?format=csv').set(admin.auth)))
        .body as Buffer,
    );
    // 206 factories, 2 certificates, the agreement: each created once.
    expect(audit.filter((r) => r[1] === 'factory.created')).toHaveLength(206);
    expect(audit.filter((r) => r[1] === 'agreement.created')).toHaveLength(1);
  });

  it('exports only their own factory to a factory manager', async () => {
    const manager = await inviteManager(t, admin, valveFactory.id);
    const factories = csvRows(
      (await asBuffer(t.http().get('/api/v1/factories?format=csv').set(manager.auth)))
        .body as Buffer,
    );
    expect(factories.slice(1).map((r) => r[0])).toEqual(['余姚精密阀门厂']);
    const certificates = csvRows(
      (await asBuffer(t.http().get('/api/v1/certificates?format=csv').set(manager.auth)))
        .body as Buffer,
    );
    expect(certificates.slice(1).map((r) => r[2])).toEqual(['EXP-001']);
  });

  it('refuses an unknown format and a bad filter with a 400 naming the field', async () => {
    const unknown = await t.http().get('/api/v1/factories?format=pdf').set(admin.auth).expect(400);
    expect(unknown.body.details[0].field).toBe('format');
    const bad = await t
      .http()
      .get('/api/v1/certificates?format=csv&status=lost')
      .set(admin.auth)
      .expect(400);
    expect(bad.body.details[0].field).toBe('status');
  });

  it('still answers JSON, paginated, without a format', async () => {
    const response = await t
      .http()
      .get('/api/v1/factories?format=json&pageSize=5')
      .set(admin.auth)
      .expect(200);
    expect(response.body).toMatchObject({ total: 206, pageSize: 5 });
    expect(response.body.items).toHaveLength(5);
  });
});
