import { Global, Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { FACTORY_STANDING } from '../factories/dto/factory-standing.dto';
import { AuditChecklists } from './audit-checklists';
import { AuditsController } from './audits.controller';
import { AuditsService } from './audits.service';
import { FindingOverdueReminderSource } from './finding-overdue.reminder-source';
import { FindingsController } from './findings.controller';
import { FindingsService } from './findings.service';
import { StandingService } from './standing.service';

/**
 * Supplier audits, their findings and corrective actions, and each factory's standing.
 * Global only so that the factories answer can carry the standing (FACTORY_STANDING)
 * without factories depending on audits, which depend on factories.
 */
@Global()
@Module({
  imports: [DocumentsModule],
  controllers: [AuditsController, FindingsController],
  providers: [
    AuditChecklists,
    AuditsService,
    FindingsService,
    StandingService,
    FindingOverdueReminderSource,
    { provide: FACTORY_STANDING, useExisting: StandingService },
  ],
  exports: [AuditsService, FindingsService, StandingService, FACTORY_STANDING],
})
export class AuditsModule {}
