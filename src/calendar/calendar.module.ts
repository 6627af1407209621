import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { FactoriesModule } from '../factories/factories.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RemindersModule } from '../reminders/reminders.module';
import { UsersModule } from '../users/users.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** Each person's private iCalendar feed of the dates they are responsible for. */
@Module({
  imports: [
    UsersModule,
    OrganizationsModule,
    FactoriesModule,
    CertificatesModule,
    AgreementsModule,
    RemindersModule,
  ],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}
