import { Module } from '@nestjs/common';
import { GapsController } from './gaps.controller';
import { GapsService } from './gaps.service';
import { ScopeGapReminderSource } from './scope-gap.reminder-source';

/** Gap analysis, GET /gaps and the scope_gap reminder source (BuyersService comes from the global BuyersModule). */
@Module({
  controllers: [GapsController],
  providers: [GapsService, ScopeGapReminderSource],
  exports: [GapsService],
})
export class GapsModule {}
