import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BuyersController } from './buyers.controller';
import { BuyersService } from './buyers.service';

/** Buyers and their requirements (their coverage and evidence pack are in the gaps feature). */
@Module({
  imports: [AuditModule],
  controllers: [BuyersController],
  providers: [BuyersService],
  exports: [BuyersService],
})
export class BuyersModule {}
