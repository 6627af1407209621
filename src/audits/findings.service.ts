import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan, MoreThan, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { factoryScope } from '../common/factory-scope';
import { Clock } from '../common/clock';
import { Page, pageOf, skipTake } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { DocumentsService, UploadedDocument } from '../documents/documents.service';
import { AuditErrors } from './audits.errors';
import { AuditsService } from './audits.service';
import {
  CreateFindingDto,
  FindingQueryDto,
  ProposeActionDto,
  ReviewFindingDto,
  UpdateFindingDto,
} from './dto/finding.dto';
import { AuditFindingCounts } from './dto/audit.dto';
import { correctiveActionDueOn } from './finding-due';
import { FINDING_MOVES, FindingMove, findingMoveProblem } from './finding-transitions';
import { Finding } from './finding.entity';

@Injectable()
export class FindingsService {
  private readonly findings = new TenantRepository(Finding, AuditErrors.findingNotFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly audits: AuditsService,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  /** A finding the actor may see (404 for another factory's, for a factory manager). */
  get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Finding> {
    return this.findings.get(manager, actor.organizationId, id, factoryScope<Finding>(actor));
  }

  async list(actor: Actor, query: FindingQueryDto): Promise<Page<Finding>> {
    const [items, total] = await this.findings.list(
      this.transactions.manager,
      actor.organizationId,
      {
        where: {
          ...(query.factoryId ? { factoryId: query.factoryId } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.severity ? { severity: query.severity } : {}),
          ...factoryScope<Finding>(actor),
        },
        order: { createdAt: 'DESC', id: 'ASC' },
        ...skipTake(query),
      },
    );
    return pageOf(items, total, query);
  }

  async listForAudit(actor: Actor, auditId: string): Promise<Finding[]> {
    const audit = await this.audits.get(actor, auditId);
    const [items] = await this.findings.list(this.transactions.manager, actor.organizationId, {
      where: { auditId: audit.id },
      // major, minor, observation: the alphabetical order is the order of gravity
      order: { severity: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return items;
  }

  create(actor: Actor, auditId: string, input: CreateFindingDto): Promise<Finding> {
    return this.transactions.run(async (manager) => {
      const audit = await this.audits.get(actor, auditId, manager);
      const finding = await this.findings.insert(manager, actor.organizationId, {
        auditId: audit.id,
        factoryId: audit.factoryId,
        severity: input.severity,
        clause: input.clause ?? null,
        description: input.description,
        evidence: input.evidence ?? null,
        dueOn:
          input.dueOn !== undefined && input.dueOn !== null
            ? input.dueOn
            : correctiveActionDueOn(input.severity, audit.auditedOn),
        status: 'open',
      });
      const saved = await this.findings.get(manager, actor.organizationId, finding.id);
      await this.audit.recordBy(actor, 'finding.created', 'finding', saved.id, null, saved);
      return saved;
    });
  }

  /** Trader staff correct a finding; a new severity without a date moves the due date with it. */
  update(actor: Actor, id: string, changes: UpdateFindingDto): Promise<Finding> {
    return this.transactions.run(async (manager) => {
      const before = await this.get(actor, id, manager);
      const patch: Partial<Finding> = {};
      if (changes.severity !== undefined) patch.severity = changes.severity;
      if (changes.clause !== undefined) patch.clause = changes.clause ?? null;
      if (changes.description !== undefined) patch.description = changes.description;
      if (changes.evidence !== undefined) patch.evidence = changes.evidence ?? null;
      if (changes.dueOn !== undefined) patch.dueOn = changes.dueOn;
      else if (changes.severity !== undefined && changes.severity !== before.severity) {
        const audit = await this.audits.get(actor, before.auditId, manager);
        patch.dueOn = correctiveActionDueOn(changes.severity, audit.auditedOn);
      }
      return this.save(actor, before, patch, 'finding.updated');
    });
  }

  proposeAction(actor: Actor, id: string, input: ProposeActionDto): Promise<Finding> {
    return this.move(actor, id, 'propose_action', {
      correctiveAction: input.correctiveAction,
      actionProposedAt: this.clock.now(),
      actionProposedById: actor.userId,
    });
  }

  close(actor: Actor, id: string, input: ReviewFindingDto): Promise<Finding> {
    return this.move(actor, id, 'close', {
      closedAt: this.clock.now(),
      closedById: actor.userId,
      reviewNote: input.note ?? null,
    });
  }

  reopen(actor: Actor, id: string, input: ReviewFindingDto): Promise<Finding> {
    return this.move(actor, id, 'reopen', {
      closedAt: null,
      closedById: null,
      reviewNote: input.note ?? null,
    });
  }

  /** An evidence file for the finding (the factory's proof of its corrective action). */
  async uploadEvidence(actor: Actor, id: string, file: UploadedDocument | undefined) {
    const finding = await this.get(actor, id);
    return this.documents.uploadTo(
      actor,
      {
        organizationId: actor.organizationId,
        factoryId: finding.factoryId,
        certificateId: null,
        submissionId: null,
        auditId: finding.auditId,
        findingId: finding.id,
      },
      file,
    );
  }

  /** Evidence document ids of each finding of these audits. */
  async evidenceOf(organizationId: string, auditIds: string[]): Promise<Map<string, string[]>> {
    const byFinding = new Map<string, string[]>();
    for (const auditId of new Set(auditIds)) {
      for (const { document } of await this.documents.listForAudit(organizationId, auditId)) {
        if (!document.findingId) continue;
        byFinding.set(document.findingId, [
          ...(byFinding.get(document.findingId) ?? []),
          document.id,
        ]);
      }
    }
    return byFinding;
  }

  async countsOf(
    organizationId: string,
    auditIds: string[],
  ): Promise<Map<string, AuditFindingCounts>> {
    const counts = new Map<string, AuditFindingCounts>();
    for (const id of auditIds)
      counts.set(id, {
        total: 0,
        open: 0,
        actionProposed: 0,
        verifiedClosed: 0,
        unresolvedMajor: 0,
      });
    if (auditIds.length === 0) return counts;
    const [rows] = await this.findings.list(this.transactions.manager, organizationId, {
      where: { auditId: In([...new Set(auditIds)]) },
      select: { id: true, auditId: true, status: true, severity: true },
    });
    for (const row of rows) {
      const c = counts.get(row.auditId)!;
      c.total += 1;
      if (row.status === 'open') c.open += 1;
      if (row.status === 'action_proposed') c.actionProposed += 1;
      if (row.status === 'verified_closed') c.verifiedClosed += 1;
      else if (row.severity === 'major') c.unresolvedMajor += 1;
    }
    return counts;
  }

  /** For the evidence pack: the findings of each of these audits, gravest first. */
  async ofAudits(organizationId: string, auditIds: string[]): Promise<Map<string, Finding[]>> {
    const byAudit = new Map<string, Finding[]>();
    if (auditIds.length === 0) return byAudit;
    const [rows] = await this.findings.list(this.transactions.manager, organizationId, {
      where: { auditId: In([...new Set(auditIds)]) },
      order: { severity: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) byAudit.set(row.auditId, [...(byAudit.get(row.auditId) ?? []), row]);
    return byAudit;
  }

  /** Findings of these factories not yet verified closed. */
  async unresolvedOf(organizationId: string, factoryIds: string[]): Promise<Finding[]> {
    if (factoryIds.length === 0) return [];
    const [rows] = await this.findings.list(this.transactions.manager, organizationId, {
      where: { factoryId: In([...new Set(factoryIds)]), status: Not('verified_closed') },
      order: { dueOn: 'ASC', id: 'ASC' },
    });
    return rows;
  }

  /** For gap analysis: per factory, its unresolved major findings (count, earliest due date). */
  async unresolvedMajorByFactory(
    organizationId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Map<string, { count: number; earliestDueOn: string | null }>> {
    const [rows] = await this.findings.list(manager, organizationId, {
      where: { severity: 'major', status: Not('verified_closed') },
      select: { id: true, factoryId: true, dueOn: true },
    });
    const byFactory = new Map<string, { count: number; earliestDueOn: string | null }>();
    for (const row of rows) {
      const known = byFactory.get(row.factoryId) ?? { count: 0, earliestDueOn: null };
      known.count += 1;
      if (row.dueOn && (!known.earliestDueOn || row.dueOn < known.earliestDueOn))
        known.earliestDueOn = row.dueOn;
      byFactory.set(row.factoryId, known);
    }
    return byFactory;
  }

  /** For the reminder scan: unresolved major findings due before `today`, in id order after `afterId`. */
  async overdueMajors(
    manager: EntityManager,
    organizationId: string,
    today: string,
    afterId: string,
    take: number,
  ): Promise<Finding[]> {
    const [rows] = await this.findings.list(manager, organizationId, {
      where: {
        severity: 'major',
        status: Not('verified_closed'),
        dueOn: LessThan(today),
        id: MoreThan(afterId),
      },
      order: { id: 'ASC' },
      take,
    });
    return rows;
  }

  private move(
    actor: Actor,
    id: string,
    move: FindingMove,
    patch: Partial<Finding>,
  ): Promise<Finding> {
    return this.transactions.run(async (manager) => {
      const before = await this.get(actor, id, manager);
      const problem = findingMoveProblem(move, before.status, actor.role, before.severity);
      if (problem === 'role') throw AuditErrors.findingMoveForbidden(move);
      if (problem === 'status')
        throw AuditErrors.findingMove(move, before.status, FINDING_MOVES[move].from);
      return this.save(
        actor,
        before,
        { ...patch, status: FINDING_MOVES[move].to },
        `finding.${move}`,
      );
    });
  }

  /** Inside the caller's `run`. */
  private async save(
    actor: Actor,
    before: Finding,
    patch: Partial<Finding>,
    action: string,
  ): Promise<Finding> {
    const manager = this.transactions.manager;
    await this.findings.update(manager, actor.organizationId, { id: before.id }, patch);
    const after = await this.findings.get(manager, actor.organizationId, before.id);
    await this.audit.recordBy(actor, action, 'finding', before.id, before, after);
    return after;
  }
}
