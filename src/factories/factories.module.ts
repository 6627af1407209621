import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FactoriesController } from './factories.controller';
import { FactoriesService } from './factories.service';
import { FactoryHoldingsService } from './factory-holdings.service';
import { FactoryStandingLinks } from './factory-standing.service';

@Module({
  imports: [AuditModule],
  controllers: [FactoriesController],
  providers: [FactoriesService, FactoryHoldingsService, FactoryStandingLinks],
  exports: [FactoriesService, FactoryHoldingsService, FactoryStandingLinks],
})
export class FactoriesModule {}
