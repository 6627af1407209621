import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FactoriesController } from './factories.controller';
import { FactoriesService } from './factories.service';
import { FactoryHoldingsService } from './factory-holdings.service';

@Module({
  imports: [AuditModule],
  controllers: [FactoriesController],
  providers: [FactoriesService, FactoryHoldingsService],
  exports: [FactoriesService, FactoryHoldingsService],
})
export class FactoriesModule {}
