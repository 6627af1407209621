import { Global, Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { GapsModule } from '../gaps/gaps.module';
import { BuyerReportsService } from './buyer-reports.service';
import { BuyersController } from './buyers.controller';
import { BuyersService } from './buyers.service';

/**
 * Buyers and their requirements, with their coverage and evidence pack. Global so that
 * the gaps feature, which it imports for coverage, reads requirements through
 * BuyersService without a module cycle.
 */
@Global()
@Module({
  imports: [GapsModule, DocumentsModule],
  controllers: [BuyersController],
  providers: [BuyersService, BuyerReportsService],
  exports: [BuyersService, BuyerReportsService],
})
export class BuyersModule {}
