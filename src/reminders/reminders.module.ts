import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { FactoriesModule } from '../factories/factories.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { ContactUnsubscribeController } from './contact-unsubscribe.controller';
import { ContactUnsubscribeService } from './contact-unsubscribe.service';
import { FactoryResponsibleController } from './factory-responsible.controller';
import { FactoryResponsiblesService } from './factory-responsibles.service';
import { ReminderAcknowledgementsService } from './reminder-acknowledgements.service';
import { DigestDeliveryService } from './digest-delivery.service';
import { CertificateExpirySource } from './kinds/certificate-expiry.source';
import { CertificateKindsSource } from './kinds/certificate-kinds.source';
import { ExpireCertificatesStep } from './kinds/certificate-expiry.step';
import { StandardEditionSource } from './kinds/standard-edition.source';
import { SurveillanceAuditSource } from './kinds/surveillance-audit.source';
import { TransitionAuditSource } from './kinds/transition-audit.source';
import { ReminderPolicyService } from './reminder-policy.service';
import { ReminderMetrics } from './reminder-metrics';
import { ReminderQueues } from './reminder-queues';
import { ReminderScanService } from './reminder-scan.service';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderSources } from './reminder-sources';
import { ReminderWorkers } from './reminder-workers';
import { ReminderPolicyController, RemindersController } from './reminders.controller';
import { REMINDER_DIGEST_QUEUE, REMINDER_SCAN_QUEUE } from './reminders.jobs';
import { ReminderDigestProcessor, ReminderScanProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';
import { CertificateRows } from './kinds/certificate-rows';

/**
 * The reminder engine: discovers every @ReminderSource() provider, scans daily per
 * organization, stores one row per notice and recipient, and mails one digest a day.
 */
@Module({
  imports: [
    AuditModule,
    OrganizationsModule,
    CertificatesModule,
    FactoriesModule,
    UsersModule,
    DiscoveryModule,
    BullModule.registerQueue({ name: REMINDER_SCAN_QUEUE }, { name: REMINDER_DIGEST_QUEUE }),
  ],
  controllers: [
    RemindersController,
    ReminderPolicyController,
    FactoryResponsibleController,
    ContactUnsubscribeController,
  ],
  providers: [
    ContactUnsubscribeService,
    ReminderSources,
    FactoryResponsiblesService,
    ReminderAcknowledgementsService,
    ReminderQueues,
    ReminderMetrics,
    ReminderScanService,
    DigestDeliveryService,
    ReminderPolicyService,
    RemindersService,
    ReminderScheduler,
    ReminderWorkers,
    ReminderScanProcessor,
    ReminderDigestProcessor,
    ExpireCertificatesStep,
    CertificateRows,
    CertificateExpirySource,
    SurveillanceAuditSource,
    StandardEditionSource,
    TransitionAuditSource,
    CertificateKindsSource,
  ],
  exports: [
    ReminderScanService,
    ReminderPolicyService,
    DigestDeliveryService,
    ReminderQueues,
    FactoryResponsiblesService,
  ],
})
export class RemindersModule {}
