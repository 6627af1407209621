import { BullModule } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CERTIFICATE_INSIGHTS, VERIFICATION_STATES } from '../certificates/certificate-links';
import { CertificateLinksService } from '../certificates/certificate-links.service';
import { CertificatesModule } from '../certificates/certificates.module';
import { FactoriesModule } from '../factories/factories.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { BulkVerificationService } from './bulk-verification.service';
import { CertificateInsights } from './certificate-insights';
import { IafCertSearchAdapter } from './registry/iaf-certsearch.adapter';
import { REGISTRY_ADAPTERS, RegistryAdapter } from './registry/registry-adapter';
import { IafMlaList } from './signals/iaf-mla-list';
import { SignalsService } from './signals/signals.service';
import { SurveillanceDeadlineSource } from './surveillance-deadline.source';
import { VerificationDueSource } from './verification-due.source';
import { VERIFICATION_FLOW, VERIFICATION_QUEUE } from './verification.jobs';
import { VerificationProcessor } from './verification.processor';
import { VerificationsController } from './verifications.controller';
import { VerificationsService } from './verifications.service';

/**
 * Certificate verification: records of checks, registry look-ups, bulk verification,
 * risk signals, the `verification_due` and `surveillance_deadline` reminders. The gap analysis reads verification
 * states through VERIFICATION_STATES; the certificates API through CertificateLinksService.
 */
@Module({
  imports: [
    AuditModule,
    OrganizationsModule,
    FactoriesModule,
    CertificatesModule,
    BullModule.registerQueue({ name: VERIFICATION_QUEUE }),
    // Not forced: with Redis down, @nestjs/bullmq's forced disconnect waits for a client that never connects and shutdown hangs.
    BullModule.registerFlowProducer({ name: VERIFICATION_FLOW, forceDisconnectOnShutdown: false }),
  ],
  controllers: [VerificationsController],
  providers: [
    VerificationsService,
    BulkVerificationService,
    SignalsService,
    CertificateInsights,
    IafMlaList,
    IafCertSearchAdapter,
    {
      provide: REGISTRY_ADAPTERS,
      inject: [IafCertSearchAdapter],
      useFactory: (iaf: IafCertSearchAdapter): RegistryAdapter[] => [iaf],
    },
    { provide: VERIFICATION_STATES, useExisting: VerificationsService },
    { provide: CERTIFICATE_INSIGHTS, useExisting: CertificateInsights },
    VerificationProcessor,
    VerificationDueSource,
    SurveillanceDeadlineSource,
  ],
  exports: [
    VERIFICATION_STATES,
    CERTIFICATE_INSIGHTS,
    VerificationsService,
    SignalsService,
    CertificateInsights,
  ],
})
export class VerificationModule implements OnModuleInit {
  constructor(
    private readonly links: CertificateLinksService,
    private readonly insights: CertificateInsights,
  ) {}

  /** Certificate answers show their verification and, for trader staff, their signals. */
  onModuleInit(): void {
    this.links.insights.provide(this.insights);
  }
}
