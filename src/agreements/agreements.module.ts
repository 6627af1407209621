import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CERTIFICATE_BACKING } from '../certificates/certificate-links';
import { CertificateLinksService } from '../certificates/certificate-links.service';
import { CertificatesModule } from '../certificates/certificates.module';
import { FactoriesModule } from '../factories/factories.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AgreementBacking } from './agreement-backing';
import { AgreementLapseStep } from './agreement-lapse.step';
import { AgreementReminderSource } from './agreement-reminder.source';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';
import { PlanTemplatesController } from './plan-templates.controller';
import { PlanTemplates } from './plan-templates';

@Module({
  imports: [AuditModule, OrganizationsModule, FactoriesModule, CertificatesModule],
  controllers: [AgreementsController, MilestonesController, PlanTemplatesController],
  providers: [
    PlanTemplates,
    AgreementsService,
    MilestonesService,
    AgreementBacking,
    AgreementReminderSource,
    AgreementLapseStep,
    { provide: CERTIFICATE_BACKING, useExisting: AgreementBacking },
  ],
  exports: [AgreementsService, PlanTemplates, CERTIFICATE_BACKING],
})
export class AgreementsModule implements OnModuleInit {
  constructor(
    private readonly links: CertificateLinksService,
    private readonly backing: AgreementBacking,
  ) {}

  /** Certificate answers show the agreements that back them (`backedBy`). */
  onModuleInit(): void {
    this.links.backing.provide(this.backing);
  }
}
