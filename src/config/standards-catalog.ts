import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { configFile } from './project-root';

export interface StandardEdition {
  code: string;
  family: string;
  edition: string;
  title: string;
  /** Last day a certificate of this edition may be issued or stay valid; null while current. */
  certifiableUntil: string | null;
}

/** The standards catalogue shipped in config/standards.json. */
@Injectable()
export class StandardsCatalog {
  readonly standards: readonly StandardEdition[];
  private readonly byCode: Map<string, StandardEdition>;

  constructor() {
    const file = JSON.parse(readFileSync(configFile('standards.json'), 'utf8')) as {
      standards: StandardEdition[];
    };
    this.standards = file.standards;
    this.byCode = new Map(file.standards.map((s) => [s.code, s]));
  }

  find(code: string): StandardEdition | undefined {
    return this.byCode.get(code);
  }

  codes(): string[] {
    return this.standards.map((s) => s.code);
  }
}
