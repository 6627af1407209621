import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { configFile } from '../../config/project-root';
import { isIafMlaSignatory, MlaSignatory } from './iaf-mla';

/** The IAF MLA signatories shipped in config/iaf-mla-signatories.json. */
@Injectable()
export class IafMlaList {
  readonly signatories: readonly MlaSignatory[];

  constructor() {
    const file = JSON.parse(readFileSync(configFile('iaf-mla-signatories.json'), 'utf8')) as {
      signatories: MlaSignatory[];
    };
    this.signatories = file.signatories;
  }

  /** Null when no body is named. */
  recognizes(accreditationBody: string | null): boolean | null {
    if (accreditationBody === null || accreditationBody.trim() === '') return null;
    return isIafMlaSignatory(accreditationBody, this.signatories);
  }
}
