import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { CertificatesService } from '../certificates/certificates.service';
import { FactoriesService } from '../factories/factories.service';
import {
  FactoryStandingResponse,
  FactoryStandingSource,
} from '../factories/dto/factory-standing.dto';
import { VerificationsService } from '../verification/verifications.service';
import { AuditsService } from './audits.service';
import { explainStanding, factoryStanding } from './factory-standing';
import { FindingsService } from './findings.service';

/** Each factory's standing from its certificates, latest audit and open findings (FACTORY_STANDING). */
@Injectable()
export class StandingService implements FactoryStandingSource {
  constructor(
    private readonly factories: FactoriesService,
    private readonly certificates: CertificatesService,
    private readonly verification: VerificationsService,
    private readonly audits: AuditsService,
    private readonly findings: FindingsService,
  ) {}

  async standingOf(actor: Actor, factoryId: string): Promise<FactoryStandingResponse> {
    const factory = await this.factories.get(actor, factoryId);
    const standings = await this.standingsOf(actor.organizationId, [factory.id]);
    return standings.get(factory.id)!;
  }

  async standingsOf(
    organizationId: string,
    factoryIds: string[],
  ): Promise<Map<string, FactoryStandingResponse>> {
    const result = new Map<string, FactoryStandingResponse>();
    if (factoryIds.length === 0) return result;
    const today = await this.certificates.today(organizationId);
    const [certificates, latest, unresolved] = await Promise.all([
      this.certificates.listActiveHeldBy(organizationId, factoryIds, today),
      this.audits.latestOf(organizationId, factoryIds),
      this.findings.unresolvedOf(organizationId, factoryIds),
    ]);
    const states = await this.verification.statesFor(
      organizationId,
      certificates.map((c) => c.id),
      today,
    );
    for (const factoryId of new Set(factoryIds)) {
      const audit = latest.get(factoryId) ?? null;
      const standing = factoryStanding({
        today,
        certificates: certificates
          .filter((c) => c.factoryId === factoryId)
          .map((c) => ({
            standard: c.standard,
            status: c.status,
            expiresOn: c.expiresOn,
            verified: states.get(c.id) === 'verified',
          })),
        latestAudit: audit
          ? { auditedOn: audit.auditedOn, overallScore: audit.overallScore }
          : null,
        unresolvedFindings: unresolved
          .filter((f) => f.factoryId === factoryId)
          .map((f) => ({ severity: f.severity, clause: f.clause, dueOn: f.dueOn })),
      });
      result.set(factoryId, {
        status: standing.status,
        score: standing.score,
        reason: standing.reason,
        explanation: {
          en: explainStanding(standing, 'en'),
          'zh-CN': explainStanding(standing, 'zh-CN'),
        },
        latestAuditId: audit?.id ?? null,
      });
    }
    return result;
  }
}
