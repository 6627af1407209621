import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BuyersModule } from '../buyers/buyers.module';
import { GapsModule } from '../gaps/gaps.module';
import { ShareLinksController } from './share-links.controller';
import { ShareLinksService } from './share-links.service';

/** Buyers' live links to their evidence: made, listed and revoked by staff, opened without a login. */
@Module({
  imports: [AuditModule, BuyersModule, GapsModule],
  controllers: [ShareLinksController],
  providers: [ShareLinksService],
})
export class ShareLinksModule {}
