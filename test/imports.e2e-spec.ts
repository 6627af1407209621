import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { startApp, TestApp } from './support/app';
import { Account, signUp } from './support/accounts';
import { asBuffer, csvRows } from './support/files';
import { createFactory } from './factories';

interface Preview {
  id: string;
  kind: string;
  state: string;
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: {
    row: number;
    column: string;
    message: string;
    code: string;
    params: Record<string, string | number>;
  }[];
}

const CERT_HEADER = [
  'Factory',
  'Standard',
  'Certificate number',
  'Certification body',
  'Scope',
  'Issued on',
  'Expires on',
  'Status',
];

/** A CSV file from rows of cells, quoted where needed, UTF-8 with a BOM as Excel writes it. */
function csv(rows: string[][], encoding: 'utf8' | 'gbk' = 'utf8'): Buffer {
  const text = rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(`\uFEFF${text}`, 'utf8');
}

async function xlsx(rows: (string | { formula: string } | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('imports', () => {
  let t: TestApp;
  let admin: Account;
  const licence = '91350100M000100Y43';

  const upload = (account: Account, kind: string, file: Buffer, name = 'sheet.csv') =>
    t
      .http()
      .post('/api/v1/imports')
      .set(account.auth)
      .field('kind', kind)
      .attach('file', file, name);

  const preview = async (account: Account, kind: string, file: Buffer, name?: string) =>
    (await upload(account, kind, file, name).expect(201)).body as Preview;

  const commit = (account: Account, id: string) =>
    t.http().post(`/api/v1/imports/${id}/commit`).set(account.auth);

  const certificates = async (account: Account) =>
    (
      (await t.http().get('/api/v1/certificates?pageSize=200').set(account.auth).expect(200))
        .body as {
        items: {
          id: string;
          certificateNumber: string;
          factoryId: string | null;
          expiresOn: string;
          status: string;
        }[];
      }
    ).items;

  const factories = async (account: Account) =>
    (
      (await t.http().get('/api/v1/factories?pageSize=200').set(account.auth).expect(200)).body as {
        items: { id: string; name: string; licenseNumber: string | null; city: string | null }[];
      }
    ).items;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    t.clock.reset();
    admin = await signUp(t);
  });

  it('downloads templates that import back, with drop-downs of the allowed values in XLSX', async () => {
    await createFactory(t, admin, { name: '余姚精密阀门厂', licenseNumber: licence });
    const csvTemplate = await asBuffer(
      t.http().get('/api/v1/imports/template?kind=certificates&format=csv').set(admin.auth),
    ).expect(200);
    expect(csvTemplate.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csvRows(csvTemplate.body as Buffer);
    expect(rows[0]).toContain('Certificate number');
    expect(rows[1]).toContain('ISO 9001:2015');
    const fromCsv = await preview(admin, 'certificates', csvTemplate.body as Buffer);
    expect(fromCsv).toMatchObject({ rows: 1, valid: 1, invalid: 0, created: 1, errors: [] });

    const xlsxTemplate = await asBuffer(
      t
        .http()
        .get('/api/v1/imports/template?kind=certificates&format=xlsx')
        .set(admin.auth)
        .set('Accept-Language', 'zh-CN'),
    ).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxTemplate.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(3).text).toBe('证书编号');
    const standardColumn = sheet.getRow(1).values as string[];
    const standardIndex = standardColumn.indexOf('标准');
    const rule = sheet.getCell(2, standardIndex).dataValidation;
    expect(rule).toMatchObject({ type: 'list' });
    const lists = workbook.getWorksheet('Lists');
    const allowed: string[] = [];
    lists?.getColumn(1).eachCell((cell, row) => row > 1 && allowed.push(cell.text));
    expect(allowed).toEqual(expect.arrayContaining(['ISO 9001:2015', 'ISO 14001:2015']));
    const fromXlsx = await preview(admin, 'certificates', xlsxTemplate.body as Buffer, 't.xlsx');
    expect(fromXlsx).toMatchObject({ rows: 1, valid: 1, invalid: 0, created: 1 });

    const factoryTemplate = await asBuffer(
      t.http().get('/api/v1/imports/template?kind=factories&format=xlsx').set(admin.auth),
    ).expect(200);
    const factoryBook = new ExcelJS.Workbook();
    await factoryBook.xlsx.load(factoryTemplate.body as ArrayBuffer);
    const countryLists: string[] = [];
    factoryBook
      .getWorksheet('Lists')
      ?.getColumn(1)
      .eachCell((cell, row) => row > 1 && countryLists.push(cell.text));
    expect(countryLists).toEqual(expect.arrayContaining(['CN', 'VN', 'DE']));
    const factoryPreview = await preview(
      admin,
      'factories',
      factoryTemplate.body as Buffer,
      'f.xlsx',
    );
    // The template's example is the factory made above (same licence): nothing to change but its name.
    expect(factoryPreview).toMatchObject({ rows: 1, valid: 1, updated: 1 });
  });

  it('previews 3 good and 2 bad rows, names the errors by row and column, and commits the 3 once', async () => {
    const factory = await createFactory(t, admin, {
      name: '余姚精密阀门厂',
      licenseNumber: licence,
    });
    const file = csv([
      CERT_HEADER,
      [licence, 'ISO 9001:2015', 'IMP-001', 'CQC', 'Valves', '2025-03-01', '2028-02-28', 'active'],
      [
        '余姚精密阀门厂',
        'ISO 14001:2015',
        'IMP-002',
        'CQC',
        'Valves',
        '2025/3/1',
        '2028-02-28',
        '',
      ],
      ['', 'ISO 9001:2015', 'IMP-003', 'CQC', 'Trading', '2025-03-01', '2028-02-28', 'active'],
      [licence, 'ISO 9001:2015', 'IMP-004', 'CQC', 'Valves', '2025-03-01', '2028-02-30', 'active'],
      [licence, 'ISO 9999:2015', 'IMP-005', 'CQC', 'Valves', '2025-03-01', '2028-02-28', 'active'],
    ]);
    const first = await preview(admin, 'certificates', file);
    expect(first).toMatchObject({
      kind: 'certificates',
      state: 'ready',
      rows: 5,
      valid: 3,
      invalid: 2,
      created: 3,
    });
    expect(first.errors).toEqual([
      {
        row: 5,
        column: 'Expires on',
        message: expect.stringMatching(/expiresOn must be a real date/),
        code: 'invalid_date',
        params: { value: '2028-02-30' },
      },
      {
        row: 6,
        column: 'Standard',
        message: expect.stringMatching(/catalogue|standard/i),
        code: 'unknown_standard',
        params: { value: 'ISO 9999:2015' },
      },
    ]);
    // Nothing written by the preview.
    expect(await certificates(admin)).toHaveLength(0);

    const committed = (await commit(admin, first.id).expect(200)).body as Preview;
    expect(committed).toMatchObject({ state: 'committed', created: 3, updated: 0 });
    const stored = await certificates(admin);
    expect(stored.map((c) => c.certificateNumber).sort()).toEqual([
      'IMP-001',
      'IMP-002',
      'IMP-003',
    ]);
    expect(stored.find((c) => c.certificateNumber === 'IMP-003')?.factoryId).toBeNull();
    expect(stored.find((c) => c.certificateNumber === 'IMP-002')?.factoryId).toBe(factory.id);
    const events = (
      await t
        .http()
        .get('/api/v1/audit-events?action=certificate.created')
        .set(admin.auth)
        .expect(200)
    ).body as { items: unknown[] };
    expect(events.items).toHaveLength(3);

    // Committing twice changes nothing.
    const again = (await commit(admin, first.id).expect(200)).body as Preview;
    expect(again).toMatchObject({ state: 'committed', created: 3 });
    expect(await certificates(admin)).toHaveLength(3);

    // The same file again: the 3 are unchanged, an edited one is an update, not a duplicate.
    const repeat = await preview(admin, 'certificates', file);
    expect(repeat).toMatchObject({ valid: 3, created: 0, updated: 0, unchanged: 3 });
    const edited = await preview(
      admin,
      'certificates',
      csv([
        CERT_HEADER,
        [
          licence,
          'ISO 9001:2015',
          'IMP-001',
          'cqc',
          'Valves',
          '2025-03-01',
          '2029-01-31',
          'active',
        ],
      ]),
    );
    expect(edited).toMatchObject({ updated: 1, created: 0 });
    await commit(admin, edited.id).expect(200);
    const after = await certificates(admin);
    expect(after).toHaveLength(3);
    expect(after.find((c) => c.certificateNumber === 'IMP-001')?.expiresOn).toBe('2029-01-31');
  });

  it('imports a GBK-encoded CSV with Chinese headers and keeps the Chinese correct', async () => {
    const file = csv(
      [
        ['工厂名称', '国家或地区', '城市', '统一社会信用代码', '产品类别', '状态'],
        ['宁波海天塑机厂', 'CN', '宁波', licence, '注塑机；模具', 'active'],
      ],
      'gbk',
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
    const result = await preview(admin, 'factories', file);
    expect(result).toMatchObject({ rows: 1, valid: 1, created: 1, errors: [] });
    await commit(admin, result.id).expect(200);
    const [factory] = await factories(admin);
    expect(factory).toMatchObject({ name: '宁波海天塑机厂', city: '宁波', licenseNumber: licence });
    const full = (await t.http().get(`/api/v1/factories/${factory.id}`).set(admin.auth).expect(200))
      .body as {
      productCategories: string[];
    };
    expect(full.productCategories).toEqual(['注塑机', '模具']);
  });

  it('re-imports an export to the same data', async () => {
    const factory = await createFactory(t, admin, {
      name: '余姚精密阀门厂',
      licenseNumber: licence,
    });
    await createFactory(t, admin, {
      name: 'Hanoi Textiles',
      country: 'VN',
      licenseNumber: null,
      city: null,
    });
    await t
      .http()
      .post('/api/v1/certificates')
      .set(admin.auth)
      .send({
        factoryId: factory.id,
        standard: 'ISO 9001:2015',
        certificateNumber: 'EXP-1',
        certificationBody: 'CQC',
        scope: '阀门的设计和制造',
        sites: ['Yuyao', 'Ningbo'],
        productCategories: ['阀门'],
        iafCodes: [18, 19],
        issuedOn: '2025-03-01',
        expiresOn: '2028-02-28',
      })
      .expect(201);
    for (const kind of ['factories', 'certificates']) {
      for (const format of ['csv', 'xlsx']) {
        const exported = await asBuffer(
          t.http().get(`/api/v1/${kind}?format=${format}`).set(admin.auth),
        ).expect(200);
        const result = await preview(admin, kind, exported.body as Buffer, `export.${format}`);
        expect({ format, ...result }).toMatchObject({
          kind,
          format,
          invalid: 0,
          created: 0,
          updated: 0,
          unchanged: kind === 'factories' ? 2 : 1,
        });
      }
    }
  });

  it('answers 409 to a commit after the data changed or an hour passed, and writes nothing', async () => {
    const file = csv([
      ['Name', 'Country'],
      ['Factory A', 'VN'],
    ]);
    const stale = await preview(admin, 'factories', file);
    await createFactory(t, admin, { name: 'Someone else', country: 'VN', licenseNumber: null });
    const refused = await commit(admin, stale.id).expect(409);
    expect(refused.body).toMatchObject({ code: 'IMPORT.PREVIEW_STALE' });
    expect((await factories(admin)).map((f) => f.name)).toEqual(['Someone else']);

    const old = await preview(admin, 'factories', file);
    t.clock.set(new Date(Date.now() + 61 * 60 * 1000).toISOString());
    const expired = await commit(admin, old.id).expect(409);
    expect(expired.body).toMatchObject({ code: 'IMPORT.PREVIEW_EXPIRED' });
    expect(await factories(admin)).toHaveLength(1);
  });

  it('writes nothing when a commit fails half-way, and the preview stays committable', async () => {
    const factory = await createFactory(t, admin, {
      name: 'Doomed Works',
      licenseNumber: null,
      country: 'VN',
    });
    const result = await preview(
      admin,
      'certificates',
      csv([
        CERT_HEADER,
        ['', 'ISO 9001:2015', 'HALF-1', 'CQC', 'Trading', '2025-03-01', '2028-02-28', ''],
        [
          'Doomed Works',
          'ISO 9001:2015',
          'HALF-2',
          'CQC',
          'Valves',
          '2025-03-01',
          '2028-02-28',
          '',
        ],
      ]),
    );
    expect(result).toMatchObject({ valid: 2, created: 2 });
    // The factory disappears behind the API's back (no audit event, so the preview is not stale).
    const dataSource = t.app.get(DataSource);
    await dataSource.query(
      dataSource.options.type === 'postgres'
        ? 'DELETE FROM factories WHERE id = $1'
        : 'DELETE FROM factories WHERE id = ?',
      [factory.id],
    );
    const failed = await commit(admin, result.id).expect(404);
    expect(failed.body).toMatchObject({ code: 'FACTORY.NOT_FOUND' });
    expect(await certificates(admin)).toHaveLength(0);
    const events = (
      await t.http().get('/api/v1/audit-events?entityType=certificate').set(admin.auth).expect(200)
    ).body as { items: unknown[] };
    expect(events.items).toHaveLength(0);
    const after = (await t.http().get(`/api/v1/imports/${result.id}`).set(admin.auth).expect(200))
      .body as Preview;
    expect(after.state).toBe('ready');
  });

  describe('bad input', () => {
    it('refuses a file that is not CSV or XLSX, an empty one, and a missing file', async () => {
      const pdf = await upload(
        admin,
        'factories',
        Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n'),
        'x.pdf',
      ).expect(415);
      expect(pdf.body).toMatchObject({ code: 'IMPORT.UNSUPPORTED_FILE' });
      const xls = await upload(
        admin,
        'factories',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
        'x.xls',
      ).expect(415);
      expect(xls.body.message).toMatch(/xlsx/);
      const empty = await upload(admin, 'factories', Buffer.from('\uFEFF\r\n', 'utf8')).expect(400);
      expect(empty.body).toMatchObject({ code: 'IMPORT.EMPTY_FILE' });
      const none = await t
        .http()
        .post('/api/v1/imports')
        .set(admin.auth)
        .field('kind', 'factories')
        .expect(400);
      expect(none.body).toMatchObject({ code: 'IMPORT.FILE_REQUIRED' });
      const kind = await upload(admin, 'buyers', csv([['Name'], ['x']])).expect(400);
      expect(kind.body.details).toEqual([expect.objectContaining({ field: 'kind' })]);
    });

    it('refuses a file without a header row, with unknown, duplicated or missing columns', async () => {
      const noHeader = await upload(admin, 'factories', csv([['Factory A', 'VN']])).expect(400);
      expect(noHeader.body).toMatchObject({ code: 'IMPORT.NO_HEADER' });
      const unknown = await upload(
        admin,
        'factories',
        csv([
          ['Name', 'Country', 'Colour'],
          ['A', 'VN', 'red'],
        ]),
      ).expect(400);
      expect(unknown.body).toMatchObject({ code: 'IMPORT.UNKNOWN_COLUMN' });
      expect(unknown.body.details).toEqual([{ field: 'C', message: 'Colour: unknown column' }]);
      const twice = await upload(
        admin,
        'factories',
        csv([
          ['Name', 'Country', '工厂名称'],
          ['A', 'VN', 'B'],
        ]),
      ).expect(400);
      expect(twice.body).toMatchObject({ code: 'IMPORT.DUPLICATE_COLUMN' });
      expect(twice.body.details).toEqual([{ field: 'C', message: '工厂名称: column given twice' }]);
      const missing = await upload(admin, 'factories', csv([['Name'], ['A']])).expect(400);
      expect(missing.body).toMatchObject({ code: 'IMPORT.MISSING_COLUMN' });
      expect(missing.body.message).toMatch(/Country/);
    });

    it('names formulas in cells by row and column, in XLSX and in CSV', async () => {
      const file = await xlsx([
        ['Name', 'Country', 'City'],
        ['Factory A', 'VN', { formula: 'CONCAT("Ha","noi")' }],
        ['Factory B', 'VN', 'Hanoi'],
      ]);
      const result = await preview(admin, 'factories', file, 'f.xlsx');
      expect(result).toMatchObject({ rows: 2, valid: 1, invalid: 1 });
      expect(result.errors).toEqual([
        {
          row: 2,
          column: 'City',
          message: expect.stringMatching(/formula/),
          code: 'formula',
          params: {},
        },
      ]);
      const fromCsv = await preview(
        admin,
        'factories',
        csv([
          ['Name', 'Country'],
          ['=HYPERLINK("http://x")', 'VN'],
        ]),
      );
      expect(fromCsv.errors).toEqual([
        {
          row: 2,
          column: 'Name',
          message: expect.stringMatching(/formula/),
          code: 'formula',
          params: {},
        },
      ]);
    });

    it('refuses more than 50,000 rows with a 413', async () => {
      const rows = [['Name', 'Country']];
      // Short rows: small enough to be read within the request (the job path is tested below).
      for (let i = 0; i <= 50_000; i++) rows.push([String(i), 'VN']);
      const refused = await upload(admin, 'factories', csv(rows)).expect(413);
      expect(refused.body).toMatchObject({ code: 'IMPORT.TOO_MANY_ROWS' });
    });

    it('flags a factory named twice in one file and a certificate whose factory does not exist', async () => {
      const twice = await preview(
        admin,
        'factories',
        csv([
          ['Name', 'Country'],
          ['A', 'VN'],
          ['a', 'VN'],
        ]),
      );
      expect(twice.errors).toEqual([
        {
          row: 3,
          column: 'Name',
          message: 'repeats the factory of row 2',
          code: 'duplicate_in_file',
          params: { row: 2 },
        },
      ]);
      const orphan = await preview(
        admin,
        'certificates',
        csv([
          CERT_HEADER,
          ['Nobody', 'ISO 9001:2015', 'X-1', 'CQC', 'Valves', '2025-03-01', '2028-02-28', ''],
        ]),
      );
      expect(orphan.errors).toEqual([
        {
          row: 2,
          column: 'Factory',
          message: expect.stringMatching(/no factory/),
          code: 'unknown_factory',
          params: { value: 'Nobody' },
        },
      ]);
    });

    it('gives each row error a stable code and its params, for the client to translate', async () => {
      const long = 'x'.repeat(201);
      const result = await preview(
        admin,
        'factories',
        csv([
          ['Name', 'Country', 'Licence number', 'Status'],
          ['', 'VN', '', ''],
          ['Bad Country', 'Vietnam', '', ''],
          [long, 'VN', '', ''],
          ['Bad Licence', 'CN', '91330281MA2GQ7XK1', ''],
          ['Bad Status', 'VN', '', 'closed'],
        ]),
      );
      expect(result).toMatchObject({ rows: 5, valid: 0, invalid: 5 });
      const byRow = new Map<number, { code: string; params: Record<string, string | number> }[]>();
      for (const e of result.errors)
        byRow.set(e.row, [...(byRow.get(e.row) ?? []), { code: e.code, params: e.params }]);
      expect(byRow.get(2)?.map((e) => e.code)).toContain('required');
      expect(byRow.get(3)).toEqual([{ code: 'invalid_country', params: { value: 'Vietnam' } }]);
      expect(byRow.get(4)).toEqual([
        { code: 'too_long', params: { limit: 200, value: long.slice(0, 200) } },
      ]);
      expect(byRow.get(5)).toEqual([
        { code: 'licence_number_length', params: { value: '91330281MA2GQ7XK1' } },
      ]);
      expect(byRow.get(6)).toEqual([
        {
          code: 'not_an_option',
          params: { value: 'closed', allowed: expect.stringContaining('active') as string },
        },
      ]);
    });

    it('keeps one organization’s previews from another', async () => {
      const result = await preview(
        admin,
        'factories',
        csv([
          ['Name', 'Country'],
          ['A', 'VN'],
        ]),
      );
      const other = await signUp(t);
      await t.http().get(`/api/v1/imports/${result.id}`).set(other.auth).expect(404);
      await commit(other, result.id).expect(404);
      expect(await factories(admin)).toHaveLength(0);
    });
  });
});

describe('imports of large files, read by a job', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await startApp({ env: { RUN_WORKER: 'true' } });
    admin = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const follow = async (id: string) => {
    const seen: { state: string; progress: number }[] = [];
    for (let i = 0; i < 600; i++) {
      const body = (await t.http().get(`/api/v1/imports/${id}`).set(admin.auth).expect(200))
        .body as Preview & {
        progress: number;
        failureCode: string | null;
      };
      seen.push({ state: body.state, progress: body.progress });
      if (body.state === 'ready' || body.state === 'failed') return { body, seen };
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${id} never finished: ${JSON.stringify(seen.slice(-3))}`);
  };

  it('answers 202, reports progress, and previews and commits like a small file', async () => {
    const rows = [CERT_HEADER];
    for (let i = 0; i < 12_000; i++) {
      rows.push([
        '',
        i % 2 ? 'ISO 9001:2015' : 'ISO 14001:2015',
        `BIG-${String(i).padStart(6, '0')}`,
        'China Quality Certification Centre',
        'Design and manufacture of industrial valves and pipe fittings for export',
        '2025-03-01',
        '2028-02-28',
        i === 7 ? 'lapsed' : 'active',
      ]);
    }
    const file = csv(rows);
    expect(file.length).toBeGreaterThan(512 * 1024);
    const queued = await t
      .http()
      .post('/api/v1/imports')
      .set(admin.auth)
      .field('kind', 'certificates')
      .attach('file', file, 'big.csv')
      .expect(202);
    expect(queued.body).toMatchObject({ state: 'queued', progress: 0, rows: 0 });
    const { body, seen } = await follow((queued.body as Preview).id);
    expect(body).toMatchObject({
      state: 'ready',
      progress: 100,
      rows: 12_000,
      valid: 11_999,
      invalid: 1,
      created: 11_999,
    });
    expect(body.errors).toEqual([
      {
        row: 9,
        column: 'Status',
        message: expect.stringMatching(/status must be one of/),
        code: 'not_an_option',
        params: expect.objectContaining({ allowed: expect.stringContaining('active') as string }),
      },
    ]);
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.some((s) => s.state === 'reading' && s.progress > 0 && s.progress < 100)).toBe(
      true,
    );
    const committed = await t
      .http()
      .post(`/api/v1/imports/${body.id}/commit`)
      .set(admin.auth)
      .expect(200);
    expect(committed.body).toMatchObject({ state: 'committed', created: 11_999 });
    const list = await t.http().get('/api/v1/certificates?pageSize=1').set(admin.auth).expect(200);
    expect((list.body as { total: number }).total).toBe(11_999);
  });

  it('removes previews past their lifetime, with their rows, by an hourly job', async () => {
    const queue = t.app.get<Queue>(getQueueToken('imports'));
    for (let i = 0; ; i++) {
      const schedulers = await queue.getJobSchedulers(0, -1, true);
      if (schedulers.some((s) => s.key === 'imports-remove-expired')) {
        expect(schedulers.find((s) => s.key === 'imports-remove-expired')?.pattern).toBe(
          '23 * * * *',
        );
        break;
      }
      if (i > 100) throw new Error('the clean-up was never scheduled');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const dataSource = t.app.get(DataSource);
    /** The rows commit would write, kept 500 to a batch. */
    const rowsOf = async (id: string) =>
      (
        (await dataSource.query('SELECT "rows" FROM "import_row_batches" WHERE "importId" = $1', [
          id,
        ])) as { rows: string }[]
      ).reduce((sum, batch) => sum + (JSON.parse(batch.rows) as unknown[]).length, 0);
    const upload = async (name: string) =>
      (
        await t
          .http()
          .post('/api/v1/imports')
          .set(admin.auth)
          .field('kind', 'factories')
          .attach(
            'file',
            csv([
              ['Name', 'Country'],
              [name, 'VN'],
            ]),
            'f.csv',
          )
          .expect(201)
      ).body as Preview;
    const status = async (id: string) =>
      (await t.http().get(`/api/v1/imports/${id}`).set(admin.auth)).status;

    const old = await upload('Old Works');
    const committed = await upload('Committed Works');
    await t.http().post(`/api/v1/imports/${committed.id}/commit`).set(admin.auth).expect(200);
    expect(await rowsOf(old.id)).toBe(1);
    try {
      t.clock.set(new Date(Date.now() + 61 * 60 * 1000).toISOString());
      const fresh = await upload('Fresh Works');
      await queue.add('remove-expired-imports', {});
      for (let i = 0; (await status(old.id)) !== 404; i++) {
        if (i > 200) throw new Error('the expired preview was never removed');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await rowsOf(old.id)).toBe(0);
      expect(await status(committed.id)).toBe(404);
      // The young preview, and what a commit wrote, stay.
      expect(await status(fresh.id)).toBe(200);
      expect(await rowsOf(fresh.id)).toBe(1);
      const names = (
        (await t.http().get('/api/v1/factories').set(admin.auth).expect(200)).body as {
          items: { name: string }[];
        }
      ).items.map((f) => f.name);
      expect(names).toContain('Committed Works');
    } finally {
      t.clock.reset();
    }
  });

  it('marks a queued file that is refused as failed, with the code, and will not commit it', async () => {
    const rows = [['Name', 'Country']];
    for (let i = 0; i <= 50_000; i++) rows.push([`Factory ${i}`, 'VN']);
    const queued = await t
      .http()
      .post('/api/v1/imports')
      .set(admin.auth)
      .field('kind', 'factories')
      .attach('file', csv(rows), 'many.csv')
      .expect(202);
    const { body } = await follow((queued.body as Preview).id);
    expect(body).toMatchObject({ state: 'failed', failureCode: 'IMPORT.TOO_MANY_ROWS' });
    const refused = await t
      .http()
      .post(`/api/v1/imports/${body.id}/commit`)
      .set(admin.auth)
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'IMPORT.NOT_READY' });
  });
});
