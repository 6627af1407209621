import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { factoryScope } from '../common/factory-scope';
import { Page, pageOf, skipTake } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { StandardsCatalog } from '../config/standards-catalog';
import { Transactions } from '../database/transactions';
import { DocumentsService, UploadedDocument } from '../documents/documents.service';
import { FactoriesService } from '../factories/factories.service';
import { AuditChecklists } from './audit-checklists';
import { AuditErrors } from './audits.errors';
import { ChecklistAnswer, scoreChecklist } from './checklist-scoring';
import {
  SupplierAuditQueryDto,
  ChecklistAnswerDto,
  CreateSupplierAuditDto,
  UpdateSupplierAuditDto,
} from './dto/audit.dto';
import { StoredAnswer, SupplierAudit } from './supplier-audit.entity';

@Injectable()
export class AuditsService {
  private readonly audits = new TenantRepository(SupplierAudit, AuditErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly factories: FactoriesService,
    private readonly catalog: StandardsCatalog,
    private readonly checklists: AuditChecklists,
    private readonly documents: DocumentsService,
  ) {}

  /** An audit the actor may see (404 for another factory's, for a factory manager). */
  get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<SupplierAudit> {
    return this.audits.get(manager, actor.organizationId, id, factoryScope<SupplierAudit>(actor));
  }

  async list(
    actor: Actor,
    factoryId: string,
    query: SupplierAuditQueryDto,
  ): Promise<Page<SupplierAudit>> {
    const factory = await this.factories.get(actor, factoryId);
    const [items, total] = await this.audits.list(this.transactions.manager, actor.organizationId, {
      where: { factoryId: factory.id },
      order: { auditedOn: 'DESC', createdAt: 'DESC' },
      ...skipTake(query),
    });
    return pageOf(items, total, query);
  }

  create(actor: Actor, factoryId: string, input: CreateSupplierAuditDto): Promise<SupplierAudit> {
    const standards = this.checkedStandards(input.standards ?? []);
    const templates = this.checkedTemplates(
      input.checklistTemplates ?? this.checklists.defaultsFor(standards),
    );
    const answers = this.mergedAnswers([], input.answers ?? [], templates);
    return this.transactions.run(async (manager) => {
      const factory = await this.factories.get(actor, factoryId, manager);
      const audit = await this.audits.insert(manager, actor.organizationId, {
        factoryId: factory.id,
        auditedOn: input.auditedOn,
        auditor: input.auditor,
        auditorOrganization: input.auditorOrganization ?? null,
        kind: input.kind,
        standards,
        processes: input.processes ?? [],
        checklistTemplates: templates,
        answers,
        summary: input.summary ?? null,
        reportDocumentId: null,
        createdById: actor.userId,
        ...this.scores(templates, answers),
      });
      const saved = await this.audits.get(manager, actor.organizationId, audit.id);
      await this.audit.recordBy(
        actor,
        'supplier_audit.created',
        'supplier_audit',
        saved.id,
        null,
        saved,
      );
      return saved;
    });
  }

  update(actor: Actor, id: string, changes: UpdateSupplierAuditDto): Promise<SupplierAudit> {
    return this.transactions.run(async (manager) => {
      const before = await this.get(actor, id, manager);
      const standards =
        changes.standards !== undefined
          ? this.checkedStandards(changes.standards)
          : before.standards;
      const templates =
        changes.checklistTemplates !== undefined
          ? this.checkedTemplates(changes.checklistTemplates)
          : before.checklistTemplates;
      const answers = this.mergedAnswers(before.answers, changes.answers ?? [], templates);
      const patch: Partial<SupplierAudit> = {
        ...(changes.auditedOn !== undefined ? { auditedOn: changes.auditedOn } : {}),
        ...(changes.auditor !== undefined ? { auditor: changes.auditor } : {}),
        ...(changes.auditorOrganization !== undefined
          ? { auditorOrganization: changes.auditorOrganization ?? null }
          : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.processes !== undefined ? { processes: changes.processes } : {}),
        ...(changes.summary !== undefined ? { summary: changes.summary ?? null } : {}),
        standards,
        checklistTemplates: templates,
        answers,
        ...this.scores(templates, answers),
      };
      await this.audits.update(manager, actor.organizationId, { id: before.id }, patch);
      const after = await this.audits.get(manager, actor.organizationId, id);
      await this.audit.recordBy(
        actor,
        'supplier_audit.updated',
        'supplier_audit',
        id,
        before,
        after,
      );
      return after;
    });
  }

  /** The report file: a PDF, judged by its content (the documents feature checks it). */
  async uploadReport(
    actor: Actor,
    id: string,
    file: UploadedDocument | undefined,
  ): Promise<SupplierAudit> {
    const audit = await this.get(actor, id);
    const { document } = await this.documents.uploadTo(
      actor,
      {
        organizationId: actor.organizationId,
        factoryId: audit.factoryId,
        certificateId: null,
        submissionId: null,
        auditId: audit.id,
        findingId: null,
      },
      file,
      ['application/pdf'],
    );
    return this.transactions.run(async (manager) => {
      await this.audits.update(
        manager,
        actor.organizationId,
        { id: audit.id },
        { reportDocumentId: document.id },
      );
      const after = await this.audits.get(manager, actor.organizationId, audit.id);
      await this.audit.recordBy(
        actor,
        'supplier_audit.report_uploaded',
        'supplier_audit',
        audit.id,
        { reportDocumentId: audit.reportDocumentId },
        { reportDocumentId: document.id },
      );
      return after;
    });
  }

  /** For standing and the evidence pack: the most recent audit of each factory. */
  async latestOf(
    organizationId: string,
    factoryIds: string[],
  ): Promise<Map<string, SupplierAudit>> {
    const latest = new Map<string, SupplierAudit>();
    if (factoryIds.length === 0) return latest;
    const [rows] = await this.audits.list(this.transactions.manager, organizationId, {
      where: { factoryId: In([...new Set(factoryIds)]) },
      order: { auditedOn: 'DESC', createdAt: 'DESC' },
    });
    for (const row of rows) if (!latest.has(row.factoryId)) latest.set(row.factoryId, row);
    return latest;
  }

  /** A section's title in both languages, for answers and documents. */
  sectionTitle(templateId: string, sectionId: string): { en: string; 'zh-CN': string } {
    const section = this.checklists.find(templateId)?.sections.find((s) => s.id === sectionId);
    return section?.title ?? { en: sectionId, 'zh-CN': sectionId };
  }

  private checkedStandards(standards: string[]): string[] {
    if (standards.some((s) => !this.catalog.find(s)))
      throw AuditErrors.unknownStandard(this.catalog.codes());
    return standards;
  }

  private checkedTemplates(templateIds: string[]): string[] {
    if (templateIds.some((id) => !this.checklists.find(id)))
      throw AuditErrors.unknownTemplate(this.checklists.ids());
    return templateIds;
  }

  /** Sent answers replace stored ones with the same question id; every id must be in the checklists. */
  private mergedAnswers(
    stored: StoredAnswer[],
    sent: ChecklistAnswerDto[],
    templateIds: string[],
  ): StoredAnswer[] {
    const known = this.checklists.questionIdsOf(templateIds);
    sent.forEach((answer, index) => {
      if (!known.has(answer.questionId))
        throw AuditErrors.unknownQuestion(index, answer.questionId);
    });
    const byQuestion = new Map(
      stored.filter((a) => known.has(a.questionId)).map((a) => [a.questionId, a]),
    );
    for (const answer of sent)
      byQuestion.set(answer.questionId, {
        questionId: answer.questionId,
        answer: answer.answer,
        note: answer.note ?? null,
      });
    return [...byQuestion.values()];
  }

  private scores(templateIds: string[], answers: StoredAnswer[]) {
    const sections = this.checklists.sectionsOf(templateIds);
    const score = scoreChecklist(
      sections,
      new Map<string, ChecklistAnswer>(answers.map((a) => [a.questionId, a.answer])),
    );
    return {
      sectionScores: score.sections.map((s, i) => ({ templateId: sections[i].templateId, ...s })),
      overallScore: score.overall,
    };
  }
}
