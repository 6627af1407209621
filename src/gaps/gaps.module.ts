import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuditsModule } from '../audits/audits.module';
import { BuyersModule } from '../buyers/buyers.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { DocumentsModule } from '../documents/documents.module';
import { FactoriesModule } from '../factories/factories.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { VerificationModule } from '../verification/verification.module';
import { BuyerCoverageController } from './buyer-coverage.controller';
import { BuyerReportsService } from './buyer-reports.service';
import { GapsController } from './gaps.controller';
import { GapsService } from './gaps.service';
import { GapEpisodesStep } from './gap-episodes.step';
import { ScopeGapReminderSource } from './scope-gap.source';

/**
 * Gap analysis of buyers' requirements against the certificates that cover them:
 * GET /gaps, a buyer's coverage and evidence pack, and the scope_gap reminder source.
 */
@Module({
  imports: [
    OrganizationsModule,
    BuyersModule,
    FactoriesModule,
    CertificatesModule,
    VerificationModule,
    AgreementsModule,
    AuditsModule,
    DocumentsModule,
  ],
  controllers: [GapsController, BuyerCoverageController],
  providers: [GapsService, BuyerReportsService, ScopeGapReminderSource, GapEpisodesStep],
  exports: [GapsService, BuyerReportsService],
})
export class GapsModule {}
