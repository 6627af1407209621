import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, TestApp } from './support/app';
import { addStaff, signUp } from './support/accounts';
import {
  createCertificate,
  createFactory,
  inviteManager,
  makePdf,
  makePng,
  messagesTo,
} from './factories/managers';

/** Files kept by the document storage (DATA_DIR/documents by default). */
function storedFiles(t: TestApp): string[] {
  const root = join(t.database.dataDir, 'documents');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('factory managers keep their own certificates current', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Every invitation here is accepted from one address; the login throttle is not under test.
    t = await startApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  it('invites a factory manager, who accepts, logs in and sees only their factory', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const other = await createFactory(t, admin);
    const invited = await t
      .http()
      .post(`/api/v1/factories/${factory.id}/invitations`)
      .set(admin.auth)
      .send({ email: 'Chen.Jie@Valves.example', name: 'Chen Jie', locale: 'zh-CN' })
      .expect(201);
    expect(invited.body).toEqual({
      id: expect.any(String),
      inviteUrl: expect.stringContaining(`/accept-invitation?token=${encodeURIComponent(invited.body.token)}`),
      token: expect.any(String),
      expiresAt: expect.any(String),
    });
    const mails = messagesTo(t, 'chen.jie@valves.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(invited.body.token);

    const accepted = await t
      .http()
      .post('/api/v1/auth/accept-invitation')
      .send({ token: invited.body.token, password: 'factory-long-password' })
      .expect(200);
    expect(accepted.body.user).toMatchObject({
      role: 'factory_manager',
      factoryId: factory.id,
      locale: 'zh-CN',
      email: 'chen.jie@valves.example',
    });
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'chen.jie@valves.example', password: 'factory-long-password' })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const me = await t.http().get('/api/v1/auth/me').set(auth).expect(200);
    expect(me.body.user).toMatchObject({ role: 'factory_manager', factoryId: factory.id });

    const factories = await t.http().get('/api/v1/factories').set(auth).expect(200);
    expect(factories.body.items.map((f: { id: string }) => f.id)).toEqual([factory.id]);
    await t.http().get(`/api/v1/factories/${factory.id}`).set(auth).expect(200);
    await t.http().get(`/api/v1/factories/${other.id}`).set(auth).expect(404);
  });

  it('lets only an admin invite, only for a factory of their organization, and not an email already registered', async () => {
    const admin = await signUp(t);
    const member = await addStaff(t, admin, 'member');
    const factory = await createFactory(t, admin);
    const body = { email: 'someone@factory.example', name: 'Someone' };
    await t.http().post(`/api/v1/factories/${factory.id}/invitations`).set(member.auth).send(body).expect(403);

    const stranger = await signUp(t);
    await t.http().post(`/api/v1/factories/${factory.id}/invitations`).set(stranger.auth).send(body).expect(404);

    const taken = await t
      .http()
      .post(`/api/v1/factories/${factory.id}/invitations`)
      .set(admin.auth)
      .send({ ...body, email: member.email })
      .expect(409);
    expect(taken.body.details[0].field).toBe('email');

    const bad = await t
      .http()
      .post(`/api/v1/factories/${factory.id}/invitations`)
      .set(admin.auth)
      .send({ email: 'nope', name: '', locale: 'fr' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'locale', 'name']);
  });

  it('refuses an expired, a reused and a revoked invitation token', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const invite = async (email: string) =>
      (
        await t
          .http()
          .post(`/api/v1/factories/${factory.id}/invitations`)
          .set(admin.auth)
          .send({ email, name: 'Manager' })
          .expect(201)
      ).body as { id: string; token: string; expiresAt: string };
    const accept = (token: string) =>
      t.http().post('/api/v1/auth/accept-invitation').send({ token, password: 'factory-long-password' });

    const expiring = await invite('late@factory.example');
    t.clock.set(new Date(Date.parse(expiring.expiresAt) + 60_000).toISOString());
    const expired = await accept(expiring.token).expect(400);
    expect(expired.body.code).toBe('INVITATION.EXPIRED');
    t.clock.reset();

    const once = await invite('once@factory.example');
    await accept(once.token).expect(200);
    const reused = await accept(once.token).expect(400);
    expect(reused.body.code).toBe('INVITATION.USED');

    const revokedInvite = await invite('revoked@factory.example');
    await t.http().delete(`/api/v1/invitations/${revokedInvite.id}`).set(admin.auth).expect(204);
    const revoked = await accept(revokedInvite.token).expect(400);
    expect(revoked.body.code).toBe('INVITATION.REVOKED');
    await t.http().post('/api/v1/auth/login').send({ email: 'revoked@factory.example', password: 'factory-long-password' }).expect(401);
    await t.http().post('/api/v1/auth/login').send({ email: 'late@factory.example', password: 'factory-long-password' }).expect(401);
  });

  it('applies an approved renewal with its PDF in one go: the old certificate is superseded and the manager is told', async () => {
    const admin = await signUp(t);
    const member = await addStaff(t, admin, 'member');
    const factory = await createFactory(t, admin);
    const old = await createCertificate(t, admin, factory.id, { expiresOn: '2026-12-31' });
    const manager = await inviteManager(t, admin, factory.id);

    const submitted = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({
        kind: 'renewal',
        certificateId: old.id,
        certificate: { issuedOn: '2026-12-01', expiresOn: '2029-11-30', certificateNumber: 'CN-RENEWED-1' },
        note: 'Recertification audit passed in November',
      })
      .expect(201);
    expect(submitted.body).toMatchObject({
      kind: 'renewal',
      status: 'pending_review',
      factoryId: factory.id,
      certificateId: old.id,
      submittedById: manager.userId,
    });
    const pdf = makePdf();
    const uploaded = await t
      .http()
      .post(`/api/v1/submissions/${submitted.body.id}/documents`)
      .set(manager.auth)
      .attach('file', pdf, { filename: 'certificate-2026.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(uploaded.body).toMatchObject({
      contentType: 'application/pdf',
      size: pdf.length,
      version: 1,
      fileName: 'certificate-2026.pdf',
      duplicate: { flagged: false },
    });
    expect(uploaded.body.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Nothing changes while it waits.
    const pending = await t.http().get(`/api/v1/certificates/${old.id}`).set(admin.auth).expect(200);
    expect(pending.body).toMatchObject({ status: 'active', supersededById: null });

    // A manager cannot approve, not even their own submission.
    await t.http().post(`/api/v1/submissions/${submitted.body.id}/approve`).set(manager.auth).expect(403);

    const approved = await t.http().post(`/api/v1/submissions/${submitted.body.id}/approve`).set(member.auth).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedById: member.userId });
    const renewedId = approved.body.resultCertificateId as string;

    const superseded = await t.http().get(`/api/v1/certificates/${old.id}`).set(manager.auth).expect(200);
    expect(superseded.body).toMatchObject({ status: 'superseded', supersededById: renewedId });
    const renewed = await t.http().get(`/api/v1/certificates/${renewedId}`).set(manager.auth).expect(200);
    expect(renewed.body).toMatchObject({
      status: 'active',
      supersedesId: old.id,
      certificateNumber: 'CN-RENEWED-1',
      expiresOn: '2029-11-30',
      factoryId: factory.id,
    });

    // The PDF now belongs to the renewed certificate and downloads with its type.
    const documents = await t.http().get(`/api/v1/certificates/${renewedId}/documents`).set(manager.auth).expect(200);
    expect(documents.body.items).toHaveLength(1);
    expect(documents.body.items[0]).toMatchObject({ id: uploaded.body.id, certificateId: renewedId, version: 1 });
    const download = await t
      .http()
      .get(`/api/v1/documents/${uploaded.body.id}`)
      .set(manager.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toMatch(/^application\/pdf/);
    expect(download.headers['content-disposition']).toContain('certificate-2026.pdf');
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);

    // A second decision is refused.
    await t.http().post(`/api/v1/submissions/${submitted.body.id}/reject`).set(admin.auth).send({ reason: 'late' }).expect(409);

    const mails = messagesTo(t, manager.email);
    expect(mails.some((m) => /approved/.test(m) && m.includes('CN-RENEWED-1'))).toBe(true);

    const audit = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ entityId: submitted.body.id })
      .set(admin.auth)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'submission.approved',
      'submission.created',
    ]);
    const uploads = await t.http().get('/api/v1/audit-events').query({ entityId: uploaded.body.id }).set(admin.auth).expect(200);
    expect(uploads.body.items.map((e: { action: string }) => e.action)).toEqual(['document.uploaded']);
  });

  it('changes nothing on a rejected submission, and tells the manager why', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, factory.id);
    const manager = await inviteManager(t, admin, factory.id, { locale: 'en' });
    const before = await t.http().get(`/api/v1/certificates/${certificate.id}`).set(admin.auth).expect(200);

    const submitted = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({ kind: 'status_change', certificateId: certificate.id, status: 'suspended' })
      .expect(201);
    const missingReason = await t.http().post(`/api/v1/submissions/${submitted.body.id}/reject`).set(admin.auth).send({}).expect(400);
    expect(missingReason.body.details[0].field).toBe('reason');
    const rejected = await t
      .http()
      .post(`/api/v1/submissions/${submitted.body.id}/reject`)
      .set(admin.auth)
      .send({ reason: 'The certification body lists it as valid' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The certification body lists it as valid',
      resultCertificateId: null,
    });
    const after = await t.http().get(`/api/v1/certificates/${certificate.id}`).set(admin.auth).expect(200);
    expect(after.body).toEqual(before.body);
    const all = await t.http().get('/api/v1/certificates').set(admin.auth).expect(200);
    expect(all.body.total).toBe(1);

    await t.http().post(`/api/v1/submissions/${submitted.body.id}/approve`).set(admin.auth).expect(409);
    const mails = messagesTo(t, manager.email);
    expect(mails.some((m) => /rejected/.test(m) && m.includes('The certification body lists it as valid'))).toBe(true);
  });

  it('leaves a submission pending, and changes nothing, when its approval cannot be applied', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, factory.id);
    const manager = await inviteManager(t, admin, factory.id);
    const renewal = (number: string) =>
      t
        .http()
        .post('/api/v1/certificates/submissions')
        .set(manager.auth)
        .send({ kind: 'renewal', certificateId: certificate.id, certificate: { issuedOn: '2026-06-01', expiresOn: '2029-05-31', certificateNumber: number } })
        .expect(201);
    const first = await renewal('CN-FIRST');
    const second = await renewal('CN-SECOND');
    const scan = await t
      .http()
      .post(`/api/v1/submissions/${second.body.id}/documents`)
      .set(manager.auth)
      .attach('file', makePdf(), { filename: 'second.pdf' })
      .expect(201);
    await t.http().post(`/api/v1/submissions/${first.body.id}/approve`).set(admin.auth).expect(200);

    const refused = await t.http().post(`/api/v1/submissions/${second.body.id}/approve`).set(admin.auth).expect(409);
    expect(refused.body.code).toBe('CERTIFICATE.ALREADY_SUPERSEDED');
    const still = await t.http().get(`/api/v1/submissions/${second.body.id}`).set(admin.auth).expect(200);
    expect(still.body).toMatchObject({ status: 'pending_review', decidedById: null, resultCertificateId: null });
    expect(still.body.documents[0]).toMatchObject({ id: scan.body.id, certificateId: null });
    const certificates = await t.http().get('/api/v1/certificates').set(admin.auth).expect(200);
    expect(certificates.body.items.map((c: { certificateNumber: string }) => c.certificateNumber).sort()).toEqual(
      [certificate.certificateNumber, 'CN-FIRST'].sort(),
    );

    // New submissions against the superseded certificate are refused; decided ones take no more files.
    const stale = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({ kind: 'surveillance_audit', certificateId: certificate.id, nextSurveillanceAuditOn: '2026-09-01' })
      .expect(409);
    expect(stale.body.code).toBe('SUBMISSION.CERTIFICATE_SUPERSEDED');
    await t
      .http()
      .post(`/api/v1/submissions/${first.body.id}/documents`)
      .set(manager.auth)
      .attach('file', makePdf(), { filename: 'late.pdf' })
      .expect(409);
  });

  it('applies a new certificate, a status change and a surveillance audit date', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, factory.id);
    const manager = await inviteManager(t, admin, factory.id);
    const submit = (body: Record<string, unknown>) =>
      t.http().post('/api/v1/certificates/submissions').set(manager.auth).send(body).expect(201);
    const approve = (id: string) => t.http().post(`/api/v1/submissions/${id}/approve`).set(admin.auth).expect(200);

    const created = await submit({
      kind: 'new_certificate',
      certificate: {
        standard: 'ISO 14001:2015',
        certificateNumber: 'CN-EMS-7',
        certificationBody: 'CQC',
        scope: 'Manufacture of valves',
        issuedOn: '2026-01-10',
        expiresOn: '2029-01-09',
      },
    });
    expect(created.body.factoryId).toBe(factory.id);
    const audit = await submit({ kind: 'surveillance_audit', certificateId: certificate.id, nextSurveillanceAuditOn: '2026-09-15' });
    const withdrawn = await submit({ kind: 'status_change', certificateId: certificate.id, status: 'withdrawn' });

    const listed = await t.http().get('/api/v1/submissions').query({ status: 'pending_review' }).set(admin.auth).expect(200);
    expect(listed.body.total).toBe(3);

    const newOne = await approve(created.body.id);
    const fresh = await t.http().get(`/api/v1/certificates/${newOne.body.resultCertificateId}`).set(manager.auth).expect(200);
    expect(fresh.body).toMatchObject({ standard: 'ISO 14001:2015', factoryId: factory.id, status: 'active' });

    await approve(audit.body.id);
    expect((await t.http().get(`/api/v1/certificates/${certificate.id}`).set(admin.auth)).body.nextSurveillanceAuditOn).toBe('2026-09-15');
    await approve(withdrawn.body.id);
    expect((await t.http().get(`/api/v1/certificates/${certificate.id}`).set(admin.auth)).body.status).toBe('withdrawn');
  });

  it('names the field of a malformed submission and refuses another factory', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const other = await createFactory(t, admin);
    const foreign = await createCertificate(t, admin, other.id);
    const manager = await inviteManager(t, admin, factory.id);

    const shape = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({ kind: 'renewal', certificate: { issuedOn: '2026-05-01', expiresOn: '2026-04-01' } })
      .expect(400);
    expect(shape.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['certificate.expiresOn', 'certificateId']);

    const nested = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({ kind: 'new_certificate', certificate: { standard: 'ISO 9001:2015', issuedOn: '2026-13-01' } })
      .expect(400);
    const fields = nested.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['certificate.issuedOn', 'certificate.expiresOn', 'certificate.scope']));

    await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({ kind: 'status_change', certificateId: foreign.id, status: 'suspended' })
      .expect(404);
    await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({
        kind: 'new_certificate',
        factoryId: other.id,
        certificate: { standard: 'ISO 9001:2015', certificateNumber: 'X', certificationBody: 'Y', scope: 'Z', issuedOn: '2026-01-01', expiresOn: '2027-01-01' },
      })
      .expect(404);
    const badStatus = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({ kind: 'status_change', certificateId: foreign.id, status: 'superseded' })
      .expect(400);
    expect(badStatus.body.details[0].field).toBe('status');
  });

  it('refuses a file that claims to be a PDF but is not (415) and an 11 MB file (413), storing neither', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, factory.id);
    const manager = await inviteManager(t, admin, factory.id);
    const before = storedFiles(t).length;

    const fake = await t
      .http()
      .post(`/api/v1/certificates/${certificate.id}/documents`)
      .set(manager.auth)
      .attach('file', Buffer.from('MZ\x90\x00 this is an executable, not a PDF', 'latin1'), {
        filename: 'certificate.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(fake.body).toMatchObject({ statusCode: 415, code: 'DOCUMENT.UNSUPPORTED_TYPE' });

    const big = Buffer.concat([makePdf(), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const tooLarge = await t
      .http()
      .post(`/api/v1/certificates/${certificate.id}/documents`)
      .set(manager.auth)
      .attach('file', big, { filename: 'scan.pdf', contentType: 'application/pdf' })
      .expect(413);
    expect(tooLarge.body.statusCode).toBe(413);

    await t.http().post(`/api/v1/certificates/${certificate.id}/documents`).set(manager.auth).expect(400);
    const listed = await t.http().get(`/api/v1/certificates/${certificate.id}/documents`).set(admin.auth).expect(200);
    expect(listed.body.items).toEqual([]);
    expect(storedFiles(t).length).toBe(before);
  });

  it('keeps every version of a certificate document, newest first', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, factory.id);
    const upload = (content: Buffer, filename: string) =>
      t.http().post(`/api/v1/certificates/${certificate.id}/documents`).set(admin.auth).attach('file', content, { filename }).expect(201);
    const first = await upload(makePdf(), '质量管理体系认证证书.pdf');
    expect(first.body.fileName).toBe('质量管理体系认证证书.pdf');
    const png = await upload(makePng(), 'photo.pdf');
    expect(png.body).toMatchObject({ contentType: 'image/png', fileName: 'photo.png', version: 2 });
    const listed = await t.http().get(`/api/v1/certificates/${certificate.id}/documents`).set(admin.auth).expect(200);
    expect(listed.body.items.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    const download = await t.http().get(`/api/v1/documents/${png.body.id}`).set(admin.auth).expect(200);
    expect(download.headers['content-type']).toMatch(/^image\/png/);
    const chinese = await t.http().get(`/api/v1/documents/${first.body.id}`).set(admin.auth).expect(200);
    expect(chinese.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('质量管理体系认证证书.pdf')}`);
  });

  it('flags a file already attached to another factory or organization, on both sides, revealing nothing of the other organization', async () => {
    const admin = await signUp(t);
    const factoryA = await createFactory(t, admin);
    const factoryB = await createFactory(t, admin);
    const certA = await createCertificate(t, admin, factoryA.id);
    const certB = await createCertificate(t, admin, factoryB.id);
    const managerB = await inviteManager(t, admin, factoryB.id);
    const pdf = makePdf();
    const upload = (auth: Record<string, string>, certificateId: string) =>
      t.http().post(`/api/v1/certificates/${certificateId}/documents`).set(auth).attach('file', pdf, { filename: 'iso9001.pdf' }).expect(201);

    const first = await upload(admin.auth, certA.id);
    expect(first.body.duplicate.flagged).toBe(false);
    // The same certificate again (a re-upload) is only a new version, not a duplicate.
    const again = await upload(admin.auth, certA.id);
    expect(again.body).toMatchObject({ version: 2, duplicate: { flagged: false } });

    const borrowed = await upload(managerB.auth, certB.id);
    expect(borrowed.body.duplicate).toEqual({ flagged: true, otherOrganization: false, otherHolderCertificateIds: [] });
    const seenByStaff = await t.http().get(`/api/v1/certificates/${certB.id}/documents`).set(admin.auth).expect(200);
    expect(seenByStaff.body.items[0].duplicate).toEqual({
      flagged: true,
      otherOrganization: false,
      otherHolderCertificateIds: [certA.id],
    });
    const original = await t.http().get(`/api/v1/certificates/${certA.id}/documents`).set(admin.auth).expect(200);
    expect(original.body.items.every((d: { duplicate: { flagged: boolean; otherHolderCertificateIds: string[] } }) => d.duplicate.flagged)).toBe(true);
    expect(original.body.items[0].duplicate.otherHolderCertificateIds).toEqual([certB.id]);

    // Another organization uploads the same file: both are told, neither learns who.
    const stranger = await signUp(t);
    const strangerFactory = await createFactory(t, stranger);
    const strangerCert = await createCertificate(t, stranger, strangerFactory.id);
    const theirs = await upload(stranger.auth, strangerCert.id);
    expect(theirs.body.duplicate).toEqual({ flagged: true, otherOrganization: true, otherHolderCertificateIds: [] });
    const ours = await t.http().get(`/api/v1/certificates/${certA.id}/documents`).set(admin.auth).expect(200);
    expect(ours.body.items[0].duplicate).toEqual({ flagged: true, otherOrganization: true, otherHolderCertificateIds: [certB.id] });
    expect(JSON.stringify(ours.body)).not.toContain(stranger.organizationId);
    expect(JSON.stringify(ours.body)).not.toContain(strangerCert.id);

    const flaggedEvents = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ action: 'document.duplicate_detected' })
      .set(admin.auth)
      .expect(200);
    expect(flaggedEvents.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([borrowed.body.id]);
  });

  it('lets a manager see only their own factory\'s submissions and documents', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const other = await createFactory(t, admin);
    const own = await createCertificate(t, admin, factory.id);
    const foreign = await createCertificate(t, admin, other.id);
    const manager = await inviteManager(t, admin, factory.id);
    const otherManager = await inviteManager(t, admin, other.id);

    const mine = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(manager.auth)
      .send({ kind: 'surveillance_audit', certificateId: own.id, nextSurveillanceAuditOn: '2026-10-01' })
      .expect(201);
    const theirs = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(otherManager.auth)
      .send({ kind: 'surveillance_audit', certificateId: foreign.id, nextSurveillanceAuditOn: '2026-10-02' })
      .expect(201);
    const foreignDoc = await t
      .http()
      .post(`/api/v1/certificates/${foreign.id}/documents`)
      .set(admin.auth)
      .attach('file', makePdf(), { filename: 'x.pdf' })
      .expect(201);

    const listed = await t.http().get('/api/v1/submissions').set(manager.auth).expect(200);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([mine.body.id]);
    const staffList = await t.http().get('/api/v1/submissions').set(admin.auth).expect(200);
    expect(staffList.body.total).toBe(2);
    await t.http().get(`/api/v1/submissions/${theirs.body.id}`).set(manager.auth).expect(404);
    await t.http().post(`/api/v1/submissions/${theirs.body.id}/documents`).set(manager.auth).attach('file', makePdf(), { filename: 'x.pdf' }).expect(404);
    await t.http().get(`/api/v1/documents/${foreignDoc.body.id}`).set(manager.auth).expect(404);
    await t.http().get(`/api/v1/certificates/${foreign.id}/documents`).set(manager.auth).expect(404);
    await t.http().post(`/api/v1/certificates/${foreign.id}/documents`).set(manager.auth).attach('file', makePdf(), { filename: 'x.pdf' }).expect(404);
  });
});
