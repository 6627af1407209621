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

  /**
   * Answers by the body's name as written: a page of certificates names the same few
   * bodies (CNAS, UKAS...) again and again, and matching one against the whole list was
   * a sixth of a certificate list's time. Bounded, since the names come from user input.
   */
  private readonly answers = new Map<string, boolean>();

  /** Null when no body is named. */
  recognizes(accreditationBody: string | null): boolean | null {
    if (accreditationBody === null || accreditationBody.trim() === '') return null;
    let answer = this.answers.get(accreditationBody);
    if (answer === undefined) {
      answer = isIafMlaSignatory(accreditationBody, this.signatories);
      if (this.answers.size >= 10_000) this.answers.clear();
      this.answers.set(accreditationBody, answer);
    }
    return answer;
  }
}
