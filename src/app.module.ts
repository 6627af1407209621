import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditModule } from './audit/audit.module';
import { AuditsModule } from './audits/audits.module';
import { AuthModule } from './auth/auth.module';
import { BuyersModule } from './buyers/buyers.module';
import { CalendarModule } from './calendar/calendar.module';
import { CertificatesModule } from './certificates/certificates.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { createValidationPipe } from './common/validation';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FactoriesModule } from './factories/factories.module';
import { FactoryAccessModule } from './factory-access/factory-access.module';
import { GapsModule } from './gaps/gaps.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { MailModule } from './mail/mail.module';
import { ObservabilityModule } from './observability/observability.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { QueueModule } from './queue/queue.module';
import { RemindersModule } from './reminders/reminders.module';
import { ShareLinksModule } from './share-links/share-links.module';
import { UsersModule } from './users/users.module';
import { VerificationModule } from './verification/verification.module';

/** The modules every process shares: configuration, storage, mail and the domain. */
export const CORE_MODULES = [
  AppConfigModule,
  ObservabilityModule,
  DatabaseModule,
  QueueModule,
  MailModule,
  AuditModule,
  OrganizationsModule,
  UsersModule,
  AuthModule,
  FactoriesModule,
  CertificatesModule,
  BuyersModule,
  AgreementsModule,
  GapsModule,
  RemindersModule,
  VerificationModule,
  AuditsModule,
  ImportsModule,
];

@Module({
  imports: [...CORE_MODULES, CalendarModule, HealthModule, FactoryAccessModule, ShareLinksModule],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
