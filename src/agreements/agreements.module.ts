import { Global, Module } from '@nestjs/common';
import { CERTIFICATE_BACKING } from '../certificates/certificate-links';
import { AgreementBacking } from './agreement-backing';
import { AgreementReminderSource } from './agreement-reminder.source';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';
import { PlanTemplatesController } from './plan-templates.controller';
import { PlanTemplates } from './plan-templates';

/** Global so that the certificates feature can inject CERTIFICATE_BACKING without importing it. */
@Global()
@Module({
  controllers: [AgreementsController, MilestonesController, PlanTemplatesController],
  providers: [
    PlanTemplates,
    AgreementsService,
    MilestonesService,
    AgreementBacking,
    AgreementReminderSource,
    { provide: CERTIFICATE_BACKING, useExisting: AgreementBacking },
  ],
  exports: [AgreementsService, PlanTemplates, CERTIFICATE_BACKING],
})
export class AgreementsModule {}
