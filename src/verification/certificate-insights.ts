import { Injectable } from '@nestjs/common';
import type { Certificate } from '../certificates/certificate.entity';
import type { CertificateInsightSource } from '../certificates/certificate-links';
import { Actor, isTraderStaff } from '../common/actor';
import type { VerificationSummary } from './dto/verification.response';
import type { RiskSignal, ScopeAssessment } from './signals/signal.rules';
import { SignalsService } from './signals/signals.service';
import { VerificationsService } from './verifications.service';

export interface CertificateInsight {
  verification: VerificationSummary;
  /** Trader staff only: factory managers are not shown suspicions about their own papers. */
  signals?: RiskSignal[];
  /** Trader staff only: how the scope reads against the factory's products, or "not assessed". */
  scopeAssessment?: ScopeAssessment | null;
}

/** What the verification feature adds to each certificate answered by the certificates API (provided as CERTIFICATE_INSIGHTS). */
@Injectable()
export class CertificateInsights implements CertificateInsightSource {
  constructor(
    private readonly verifications: VerificationsService,
    private readonly signals: SignalsService,
  ) {}

  verifiedIds(organizationId: string, today: string): Promise<string[]> {
    return this.verifications.verifiedIds(organizationId, today);
  }

  async forCertificates(
    actor: Actor,
    certificates: Certificate[],
    today: string,
  ): Promise<Map<string, CertificateInsight>> {
    const [summaries, reviews] = await Promise.all([
      this.verifications.summaries(actor.organizationId, certificates, today),
      isTraderStaff(actor)
        ? this.signals.reviewsFor(actor.organizationId, certificates, today)
        : Promise.resolve(null),
    ]);
    const insights = new Map<string, CertificateInsight>();
    for (const certificate of certificates) {
      insights.set(certificate.id, {
        verification: summaries.get(certificate.id) ?? { state: 'unverified', lastCheck: null },
        ...(reviews
          ? {
              signals: reviews.get(certificate.id)?.signals ?? [],
              scopeAssessment: reviews.get(certificate.id)?.scope ?? null,
            }
          : {}),
      });
    }
    return insights;
  }
}
