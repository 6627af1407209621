import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/actor';
import { assertCanSee, isFactoryManager, scopeToFactory } from '../common/factory-scope';
import { Clock } from '../common/clock';
import { Page, pageOf } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { AppConfig, appConfig } from '../config/configuration';
import { StandardsCatalog } from '../config/standards-catalog';
import { Transactions } from '../database/transactions';
import type { Certificate } from '../certificates/certificate.entity';
import { CertificatesService } from '../certificates/certificates.service';
import type {
  CreateCertificateDto,
  RenewCertificateDto,
} from '../certificates/dto/certificate.dto';
import {
  DocumentsService,
  DocumentWithFlag,
  UploadedDocument,
} from '../documents/documents.service';
import { FactoriesService } from '../factories/factories.service';
import { FactoryErrors } from '../factories/factories.errors';
import { MailService } from '../mail/mail.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { CreateSubmissionDto, SubmissionQueryDto } from './dto/submission.dto';
import { Submission } from './submission.entity';
import { decisionMail } from './submission.mail';
import { submissionProblems } from './submission.rules';
import { SubmissionErrors } from './submissions.errors';

/**
 * Factory managers (and trader staff) propose changes to certificates; nothing changes
 * until a trader admin or member approves, and then everything changes in one transaction.
 */
@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);
  private readonly submissions = new TenantRepository(Submission, SubmissionErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly certificates: CertificatesService,
    private readonly factories: FactoriesService,
    private readonly documents: DocumentsService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly catalog: StandardsCatalog,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  async submit(actor: Actor, input: CreateSubmissionDto): Promise<Submission> {
    const problems = submissionProblems(input);
    const standard = input.certificate?.standard;
    if (standard !== undefined && !this.catalog.find(standard)) {
      problems.push({
        field: 'certificate.standard',
        message: `standard must be one of: ${this.catalog.codes().join(', ')}`,
      });
    }
    if (problems.length > 0) throw SubmissionErrors.invalid(problems);

    return this.transactions.run(async (manager) => {
      let factoryId: string | null;
      let certificateId: string | null = null;
      if (input.kind === 'new_certificate') {
        factoryId = await this.factoryForNewCertificate(actor, input.factoryId);
      } else {
        const certificate = await this.certificates.get(actor, input.certificateId ?? '', manager);
        if (certificate.status === 'superseded') throw SubmissionErrors.certificateSuperseded();
        factoryId = certificate.factoryId;
        certificateId = certificate.id;
      }
      const repo = this.submissions.repo(manager);
      const submission = repo.create({
        organizationId: actor.organizationId,
        factoryId,
        certificateId,
        kind: input.kind,
        proposal: proposalOf(input),
        note: input.note ?? null,
        status: 'pending_review',
        submittedById: actor.userId,
      });
      // The JSON column's type is wider than TypeORM's insert type admits.
      await repo.insert(submission as QueryDeepPartialEntity<Submission>);
      const saved = await this.submissions.get(manager, actor.organizationId, submission.id);
      await this.audit.recordBy(
        actor,
        'submission.created',
        'submission',
        saved.id,
        null,
        snapshot(saved),
      );
      return saved;
    });
  }

  /** A submission the actor may see: a factory manager only their own factory's. */
  async get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Submission> {
    const submission = await this.submissions.get(manager, actor.organizationId, id);
    assertCanSee(actor, submission.factoryId, SubmissionErrors.notFound);
    return submission;
  }

  async list(actor: Actor, query: SubmissionQueryDto): Promise<Page<Submission>> {
    const qb = this.submissions.query(
      this.transactions.manager,
      actor.organizationId,
      'submission',
    );
    scopeToFactory(qb, actor, 'submission.factoryId');
    if (query.status) qb.andWhere('submission.status = :status', { status: query.status });
    if (query.factoryId) {
      qb.andWhere('submission.factoryId = :factoryId', { factoryId: query.factoryId });
    }
    if (query.certificateId) {
      qb.andWhere('submission.certificateId = :certificateId', {
        certificateId: query.certificateId,
      });
    }
    const [items, total] = await qb
      .orderBy('submission.createdAt', 'DESC')
      .addOrderBy('submission.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  async uploadDocument(
    actor: Actor,
    id: string,
    file: UploadedDocument | undefined,
  ): Promise<DocumentWithFlag> {
    const submission = await this.get(actor, id);
    if (submission.status !== 'pending_review') {
      throw SubmissionErrors.alreadyDecided(submission.status);
    }
    return this.documents.uploadTo(
      actor,
      {
        organizationId: submission.organizationId,
        factoryId: submission.factoryId,
        certificateId: null,
        submissionId: submission.id,
      },
      file,
    );
  }

  async documentsOf(actor: Actor, id: string): Promise<DocumentWithFlag[]> {
    const submission = await this.get(actor, id);
    return this.documents.listForSubmission(actor.organizationId, submission.id);
  }

  /**
   * Applies the change through the certificates feature and records the decision in the
   * same transaction: if the change cannot be made (the certificate was renewed meanwhile),
   * nothing is, and the submission stays pending.
   */
  async approve(actor: Actor, id: string): Promise<Submission> {
    const decided = await this.transactions.run(async () => {
      const submission = await this.pending(actor, id);
      const result = await this.apply(actor, submission);
      const attached = await this.documents.attachSubmissionDocuments(
        actor.organizationId,
        submission.id,
        result,
      );
      const after = await this.decide(actor, submission, {
        status: 'approved',
        resultCertificateId: result.id,
      });
      await this.audit.recordBy(
        actor,
        'submission.approved',
        'submission',
        submission.id,
        snapshot(submission),
        { ...snapshot(after), documentsAttached: attached },
      );
      return { submission: after, certificate: result };
    });
    await this.tellSubmitter(decided.submission, decided.certificate.certificateNumber);
    return decided.submission;
  }

  async reject(actor: Actor, id: string, reason: string): Promise<Submission> {
    const decided = await this.transactions.run(async (manager) => {
      const submission = await this.pending(actor, id);
      const after = await this.decide(actor, submission, {
        status: 'rejected',
        rejectionReason: reason,
      });
      await this.audit.recordBy(
        actor,
        'submission.rejected',
        'submission',
        submission.id,
        snapshot(submission),
        snapshot(after),
      );
      const certificate = submission.certificateId
        ? await this.certificates.getInOrganization(
            actor.organizationId,
            submission.certificateId,
            manager,
          )
        : null;
      return { submission: after, certificateNumber: certificate?.certificateNumber ?? null };
    });
    const proposed = decided.submission.proposal.certificate as
      { certificateNumber?: string } | undefined;
    await this.tellSubmitter(
      decided.submission,
      decided.certificateNumber ?? proposed?.certificateNumber ?? null,
    );
    return decided.submission;
  }

  private async pending(actor: Actor, id: string): Promise<Submission> {
    const submission = await this.get(actor, id);
    if (submission.status !== 'pending_review') {
      throw SubmissionErrors.alreadyDecided(submission.status);
    }
    return submission;
  }

  /** Conditional on still being pending, so that two reviewers racing cannot both decide. */
  private async decide(
    actor: Actor,
    submission: Submission,
    outcome:
      | { status: 'approved'; resultCertificateId: string }
      | { status: 'rejected'; rejectionReason: string },
  ): Promise<Submission> {
    const manager = this.transactions.manager;
    const result = await this.submissions.update(
      manager,
      actor.organizationId,
      { id: submission.id, status: 'pending_review' },
      { ...outcome, decidedById: actor.userId, decidedAt: this.clock.now() },
    );
    if (!result.affected) throw SubmissionErrors.alreadyDecided('decided');
    return this.submissions.get(manager, actor.organizationId, submission.id);
  }

  private async apply(actor: Actor, submission: Submission): Promise<Certificate> {
    const proposal = submission.proposal;
    const certificateId = submission.certificateId ?? '';
    switch (submission.kind) {
      case 'new_certificate':
        return this.certificates.create(actor, {
          ...(proposal.certificate as CreateCertificateDto),
          factoryId: submission.factoryId,
          status: 'active',
        });
      case 'renewal': {
        const { renewed } = await this.certificates.renew(
          actor,
          certificateId,
          proposal.certificate as RenewCertificateDto,
        );
        return renewed;
      }
      case 'status_change':
        return this.certificates.update(actor, certificateId, {
          status: proposal.status as 'suspended' | 'withdrawn',
        });
      case 'surveillance_audit':
        return this.certificates.update(actor, certificateId, {
          nextSurveillanceAuditOn: proposal.nextSurveillanceAuditOn as string,
        });
    }
  }

  private async factoryForNewCertificate(
    actor: Actor,
    requested: string | null | undefined,
  ): Promise<string | null> {
    if (isFactoryManager(actor)) {
      // A manager proposes only for their own factory; naming another is the same 404 as seeing it.
      if (requested !== undefined) assertCanSee(actor, requested, FactoryErrors.notFound);
      return (await this.factories.get(actor, actor.factoryId ?? '')).id;
    }
    if (requested === undefined || requested === null) return null;
    return (await this.factories.get(actor, requested)).id;
  }

  /** Best effort after commit: the decision stands even if the mail server is down. */
  private async tellSubmitter(submission: Submission, certificateNumber: string | null) {
    if (!submission.submittedById) return;
    try {
      const submitter = await this.users.get(submission.organizationId, submission.submittedById);
      const organization = await this.organizations.get(submission.organizationId);
      const mail = await decisionMail(submission, submitter, {
        organizationName: organization.name,
        certificateNumber,
        link: `${this.app.publicUrl}/submissions/${submission.id}`,
      });
      await this.mail.send({ to: submitter.email, ...mail });
    } catch (error) {
      this.logger.warn(
        `Could not email the decision on submission ${submission.id}: ${(error as Error).message}`,
      );
    }
  }
}

/** What was proposed, without the routing fields kept in their own columns. */
function proposalOf(input: CreateSubmissionDto): Record<string, unknown> {
  const proposal: Record<string, unknown> = {};
  if (input.certificate !== undefined) proposal.certificate = { ...input.certificate };
  if (input.status !== undefined) proposal.status = input.status;
  if (input.nextSurveillanceAuditOn !== undefined) {
    proposal.nextSurveillanceAuditOn = input.nextSurveillanceAuditOn;
  }
  return proposal;
}

function snapshot(submission: Submission): Record<string, unknown> {
  const { createdAt, updatedAt, ...fields } = submission;
  void createdAt;
  void updatedAt;
  return { ...fields };
}
