import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { DocumentsModule } from '../documents/documents.module';
import { FactoriesModule } from '../factories/factories.module';
import { FactoryStandingLinks } from '../factories/factory-standing.service';
import { VerificationModule } from '../verification/verification.module';
import { AuditChecklists } from './audit-checklists';
import { AuditsController } from './audits.controller';
import { AuditsService } from './audits.service';
import { FindingOverdueReminderSource } from './finding-overdue.source';
import { FindingsController } from './findings.controller';
import { FindingsService } from './findings.service';
import { StandingService } from './standing.service';

/**
 * Supplier audits, their findings and corrective actions, and each factory's standing,
 * which it plugs into the factories answer (FactoryStandingLinks) when it starts.
 */
@Module({
  imports: [AuditModule, FactoriesModule, CertificatesModule, DocumentsModule, VerificationModule],
  controllers: [AuditsController, FindingsController],
  providers: [
    AuditChecklists,
    AuditsService,
    FindingsService,
    StandingService,
    FindingOverdueReminderSource,
  ],
  exports: [AuditsService, FindingsService, StandingService],
})
export class AuditsModule implements OnModuleInit {
  constructor(
    private readonly links: FactoryStandingLinks,
    private readonly standing: StandingService,
  ) {}

  onModuleInit(): void {
    this.links.standing.provide(this.standing);
  }
}
