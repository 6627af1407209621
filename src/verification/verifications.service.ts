import { Inject, Injectable } from '@nestjs/common';
import { IafMlaList } from './signals/iaf-mla-list';
import { addYears } from '../common/dates';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Certificate } from '../certificates/certificate.entity';
import type { VerificationState, VerificationStates } from '../certificates/certificate-links';
import { CertificatesService } from '../certificates/certificates.service';
import { certificateSnapshot } from '../certificates/dto/certificate.response';
import type { Actor } from '../common/actor';
import { notFound } from '../common/errors';
import { Page, pageOf, PageQueryDto, skipTake } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { andWhereIn } from '../database/in-list';
import { plainRows } from '../database/plain-rows';
import { Transactions } from '../database/transactions';
import { FactoriesService } from '../factories/factories.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { CertificateAudit } from './certificate-audit.entity';
import { CreateAuditDto, CreateVerificationDto } from './dto/verification.dto';
import { VerificationSummary } from './dto/verification.response';
import {
  REGISTRY_ADAPTERS,
  RegistryAdapter,
  RegistryFinding,
  RegistryQuery,
} from './registry/registry-adapter';
import { CertificateVerification } from './verification.entity';
import { VerificationErrors } from './verification.errors';
import { latestCheck, statusAfterResult, verificationState } from './verification-state';

/** Country sent to registries for the trader's own certificates (organizations have no country yet). */
const OWN_COUNTRY = 'CN';

@Injectable()
export class VerificationsService implements VerificationStates {
  private readonly records = new TenantRepository(CertificateVerification, () =>
    notFound('verification'),
  );
  private readonly audits = new TenantRepository(CertificateAudit, () => notFound('audit'));

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly certificates: CertificatesService,
    private readonly factories: FactoriesService,
    private readonly organizations: OrganizationsService,
    @Inject(REGISTRY_ADAPTERS) private readonly adapters: RegistryAdapter[],
    private readonly mla: IafMlaList,
  ) {}

  configuredAdapters(): RegistryAdapter[] {
    return this.adapters.filter((adapter) => adapter.isConfigured());
  }

  /** Records a check made by a person; a `suspended`/`withdrawn` result moves the certificate too. */
  async record(
    actor: Actor,
    certificateId: string,
    input: CreateVerificationDto,
  ): Promise<CertificateVerification> {
    const today = await this.certificates.today(actor);
    if (input.checkedOn > today) throw VerificationErrors.checkedInFuture(today);
    return this.transactions.run(async () => {
      const certificate = await this.certificates.get(actor, certificateId);
      return this.store(actor.organizationId, actor.userId, certificate, {
        method: input.method,
        result: input.result,
        checkedOn: input.checkedOn,
        evidenceUrl: input.evidenceUrl ?? null,
        notes: input.notes ?? null,
        source: 'manual',
        registryReference: null,
      });
    });
  }

  async list(
    actor: Actor,
    certificateId: string,
    query: PageQueryDto,
  ): Promise<Page<CertificateVerification>> {
    await this.certificates.get(actor, certificateId);
    const [items, total] = await this.records.list(
      this.transactions.manager,
      actor.organizationId,
      {
        where: { certificateId },
        order: { checkedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
        ...skipTake(query),
      },
    );
    return pageOf(items, total, query);
  }

  /** Asks every configured registry, then stores all findings at once (or nothing, if one fails). */
  async verify(actor: Actor, certificateId: string): Promise<CertificateVerification[]> {
    const adapters = this.configuredAdapters();
    if (adapters.length === 0) throw VerificationErrors.noRegistry();
    const certificate = await this.certificates.get(actor, certificateId);
    return this.verifyCertificate(actor.organizationId, actor.userId, certificate, adapters);
  }

  /** For the bulk job: null when the certificate no longer exists. */
  async verifyById(
    organizationId: string,
    requestedById: string,
    certificateId: string,
  ): Promise<CertificateVerification[] | null> {
    const adapters = this.configuredAdapters();
    if (adapters.length === 0) throw VerificationErrors.noRegistry();
    const certificate = await this.certificates
      .getInOrganization(organizationId, certificateId)
      .catch(() => null);
    if (!certificate) return null;
    return this.verifyCertificate(organizationId, requestedById, certificate, adapters);
  }

  private async verifyCertificate(
    organizationId: string,
    requestedById: string,
    certificate: Certificate,
    adapters: RegistryAdapter[],
  ): Promise<CertificateVerification[]> {
    const query = await this.registryQuery(organizationId, certificate);
    const findings: RegistryFinding[] = await Promise.all(adapters.map((a) => a.lookUp(query)));
    const today = await this.certificates.today(organizationId);
    return this.transactions.run(async () => {
      const current = await this.certificates.getInOrganization(organizationId, certificate.id);
      const stored: CertificateVerification[] = [];
      for (const finding of findings) {
        stored.push(
          await this.store(organizationId, requestedById, current, {
            method: finding.method,
            result: finding.result,
            checkedOn: today,
            evidenceUrl: finding.evidenceUrl,
            notes: finding.notes,
            source: 'registry',
            registryReference: finding.reference,
          }),
        );
      }
      return stored;
    });
  }

  private async registryQuery(
    organizationId: string,
    certificate: Certificate,
  ): Promise<RegistryQuery> {
    const holder = certificate.factoryId
      ? await this.factories.getInOrganization(organizationId, certificate.factoryId)
      : null;
    const organization = holder ? null : await this.organizations.get(organizationId);
    return {
      certificateNumber: certificate.certificateNumber,
      standard: certificate.standard,
      certificationBody: certificate.certificationBody,
      accreditationBody: certificate.accreditationBody,
      issuedOn: certificate.issuedOn,
      expiresOn: certificate.expiresOn,
      holderName: holder?.name ?? organization?.name ?? '',
      holderCountry: holder?.country ?? OWN_COUNTRY,
      holderLicenseNumber: holder?.licenseNumber ?? null,
    };
  }

  /**
   * Inside the caller's run(): inserts a record, audits it, and applies a suspension or
   * withdrawal to the certificate.
   */
  private async store(
    organizationId: string,
    actorId: string,
    certificate: Certificate,
    fields: Pick<
      CertificateVerification,
      'method' | 'result' | 'checkedOn' | 'evidenceUrl' | 'notes' | 'source' | 'registryReference'
    >,
  ): Promise<CertificateVerification> {
    const manager = this.transactions.manager;
    const repo = this.records.repo(manager);
    const record = repo.create({
      ...fields,
      organizationId,
      certificateId: certificate.id,
      createdById: actorId,
    });
    await repo.insert(record);
    const saved = await this.records.get(manager, organizationId, record.id);
    await this.audit.record({
      organizationId,
      actorId,
      action: 'certificate.verification_recorded',
      entityType: 'certificate',
      entityId: certificate.id,
      before: null,
      after: { verificationId: saved.id, ...fields },
    });
    const status = statusAfterResult(certificate.status, fields.result);
    if (status) {
      // In this transaction, so that record, status and audit event land together.
      const after = await this.certificates.setStatus(organizationId, certificate.id, status);
      await this.audit.record({
        organizationId,
        actorId,
        action: `certificate.${status}`,
        entityType: 'certificate',
        entityId: certificate.id,
        before: certificateSnapshot(certificate),
        after: {
          ...certificateSnapshot(after),
          reason: `verification ${saved.id}: ${fields.result}`,
        },
      });
    }
    return saved;
  }

  async recordAudit(
    actor: Actor,
    certificateId: string,
    input: CreateAuditDto,
  ): Promise<CertificateAudit> {
    const today = await this.certificates.today(actor);
    if (input.auditedOn > today) throw VerificationErrors.auditedInFuture(today);
    return this.transactions.run(async (manager) => {
      const certificate = await this.certificates.get(actor, certificateId);
      const repo = this.audits.repo(manager);
      const audit = repo.create({
        organizationId: actor.organizationId,
        certificateId: certificate.id,
        kind: input.kind,
        auditedOn: input.auditedOn,
        notes: input.notes ?? null,
        createdById: actor.userId,
      });
      await repo.insert(audit);
      const saved = await this.audits.get(manager, actor.organizationId, audit.id);
      await this.audit.recordBy(
        actor,
        'certificate.audit_recorded',
        'certificate',
        certificate.id,
        null,
        {
          auditId: saved.id,
          kind: saved.kind,
          auditedOn: saved.auditedOn,
        },
      );
      return saved;
    });
  }

  async listAudits(
    actor: Actor,
    certificateId: string,
    query: PageQueryDto,
  ): Promise<Page<CertificateAudit>> {
    await this.certificates.get(actor, certificateId);
    const [items, total] = await this.audits.list(this.transactions.manager, actor.organizationId, {
      where: { certificateId },
      order: { auditedOn: 'DESC', id: 'ASC' },
      ...skipTake(query),
    });
    return pageOf(items, total, query);
  }

  /** The latest recorded audit on or before `today` of each certificate. */
  async lastAudits(
    organizationId: string,
    certificateIds: string[],
    today: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Map<string, string>> {
    const last = new Map<string, string>();
    if (certificateIds.length === 0) return last;
    // Rows, not MAX(): drivers hand back aggregated dates differently (text or Date).
    // Plain rows: the scan asks this of every certificate under surveillance.
    const rows = await plainRows(
      andWhereIn(
        this.audits.query(manager, organizationId, 'audit'),
        'audit.certificateId',
        'ids',
        certificateIds,
      ).andWhere('audit.auditedOn <= :today', { today }),
      ['certificateId', 'auditedOn'],
    );
    for (const row of rows) {
      const known = last.get(row.certificateId);
      if (!known || row.auditedOn > known) last.set(row.certificateId, row.auditedOn);
    }
    return last;
  }

  /**
   * SQL that holds for a certificate (of the query alias `certificateAlias`) with at least
   * one recorded check: for readers that narrow certificates in SQL to those a check
   * concerns (the verification reminder).
   */
  hasCheckSql(manager: EntityManager, certificateAlias: string): string {
    const table = this.records.repo(manager).metadata.tableName;
    return (
      `EXISTS (SELECT 1 FROM "${table}" "check" WHERE "check"."organizationId" = "${certificateAlias}"."organizationId"` +
      ` AND "check"."certificateId" = "${certificateAlias}"."id")`
    );
  }

  /**
   * The result and day of every check of these certificates, newest first (as checksOf
   * orders them), as plain rows: for the daily scan, which asks this of every active
   * certificate and reads nothing else of a check.
   */
  async checkResultsOf(
    organizationId: string,
    certificateIds: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Map<string, Pick<CertificateVerification, 'result' | 'checkedOn'>[]>> {
    const byCertificate = new Map<
      string,
      Pick<CertificateVerification, 'result' | 'checkedOn'>[]
    >();
    if (certificateIds.length === 0) return byCertificate;
    const rows = await plainRows(
      andWhereIn(
        this.records.query(manager, organizationId, 'check'),
        'check.certificateId',
        'ids',
        certificateIds,
      )
        .orderBy('check.checkedOn', 'DESC')
        .addOrderBy('check.createdAt', 'DESC'),
      ['certificateId', 'result', 'checkedOn'],
    );
    for (const { certificateId, ...check } of rows) {
      const list = byCertificate.get(certificateId) ?? [];
      list.push(check);
      byCertificate.set(certificateId, list);
    }
    return byCertificate;
  }

  /** Every check of these certificates, newest first. */
  async checksOf(
    organizationId: string,
    certificateIds: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Map<string, CertificateVerification[]>> {
    const byCertificate = new Map<string, CertificateVerification[]>();
    if (certificateIds.length === 0) return byCertificate;
    // The query builder, not find options: they cost more than the query on every page.
    const rows = await andWhereIn(
      this.records.query(manager, organizationId, 'check'),
      'check.certificateId',
      'ids',
      certificateIds,
    )
      .orderBy('check.checkedOn', 'DESC')
      .addOrderBy('check.createdAt', 'DESC')
      .getMany();
    for (const row of rows) {
      const list = byCertificate.get(row.certificateId) ?? [];
      list.push(row);
      byCertificate.set(row.certificateId, list);
    }
    return byCertificate;
  }

  /** State and last check of each certificate. */
  async summaries(
    organizationId: string,
    certificates: Pick<Certificate, 'id' | 'issuedOn'>[],
    today: string,
  ): Promise<Map<string, VerificationSummary>> {
    const checks = await this.checksOf(
      organizationId,
      certificates.map((c) => c.id),
      this.transactions.reader,
    );
    const summaries = new Map<string, VerificationSummary>();
    for (const certificate of certificates) {
      const facts = (checks.get(certificate.id) ?? []).map((c) => ({
        ...c,
        recordedAt: c.createdAt,
      }));
      const latest = latestCheck(facts);
      summaries.set(certificate.id, {
        state: verificationState(facts, certificate.issuedOn, today),
        lastCheck: latest
          ? {
              id: latest.id,
              method: latest.method,
              result: latest.result,
              checkedOn: latest.checkedOn,
            }
          : null,
      });
    }
    return summaries;
  }

  /** State and last check of one certificate the actor may see. */
  async summaryOf(actor: Actor, certificateId: string): Promise<VerificationSummary> {
    const certificate = await this.certificates.get(actor, certificateId);
    const today = await this.certificates.today(actor);
    const summaries = await this.summaries(actor.organizationId, [certificate], today);
    return summaries.get(certificate.id) ?? { state: 'unverified', lastCheck: null };
  }

  /**
   * The organization's certificates that are `verified` today: those with a confirmed
   * check less than a year old whose latest check is still that confirmation.
   */
  async verifiedIds(organizationId: string, today: string): Promise<string[]> {
    const rows = await this.records
      .query(this.transactions.reader, organizationId, 'check')
      .select('DISTINCT check.certificateId', 'certificateId')
      .andWhere("check.result = 'confirmed'")
      .andWhere('check.checkedOn >= :yearAgo', { yearAgo: addYears(today, -1) })
      .getRawMany<{ certificateId: string }>();
    const candidates = rows.map((row) => row.certificateId);
    const states = await this.statesFor(organizationId, candidates, today);
    return candidates.filter((id) => states.get(id) === 'verified');
  }

  /** The VERIFICATION_STATES contract: a withdrawal recorded in config/accreditation-withdrawals.json. */
  accreditationWithdrawnOn(
    certificationBody: string,
    accreditationBody: string | null,
  ): string | null {
    return this.mla.withdrawalFor(certificationBody, accreditationBody)?.withdrawnOn ?? null;
  }

  /** The VERIFICATION_STATES contract (gap analysis reads it). */
  async statesFor(
    organizationId: string,
    certificateIds: string[],
    today: string,
  ): Promise<Map<string, VerificationState>> {
    // Both look-ups bind the ids as one parameter, so any number of them is two statements.
    const states = new Map<string, VerificationState>();
    const certificates = await this.certificates.issueDatesOf(organizationId, certificateIds);
    const summaries = await this.summaries(organizationId, certificates, today);
    for (const [id, summary] of summaries) states.set(id, summary.state);
    return states;
  }
}
