import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Port } from '../common/port';
import type { FactoryStandingSource } from './dto/factory-standing.dto';

/**
 * Where the audits feature plugs in each factory's standing (approved, conditional, not
 * approved): audits depend on factories, so factories cannot import them. AuditsModule
 * fills the port in when it starts; the application refuses to start if it did not.
 */
@Injectable()
export class FactoryStandingLinks implements OnApplicationBootstrap {
  readonly standing = new Port<FactoryStandingSource>('FactoryStandingSource', 'AuditsModule');

  onApplicationBootstrap(): void {
    this.standing.assertProvided();
  }
}
