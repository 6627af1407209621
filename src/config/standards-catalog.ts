import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from './configuration';
import { configFile } from './project-root';
import {
  AUDIT_KINDS,
  AuditKind,
  catalogueProblems,
  EditionStatus,
  StandardEdition,
  TransitionDate,
} from './standard-transitions';

export type { AuditKind, EditionStatus, StandardEdition, TransitionDate };
export { AUDIT_KINDS };

export const STANDARDS_FILE = 'standards.json';

interface CatalogueFile {
  reviewedOn?: string;
  standards: StandardEdition[];
}

/** Reads and checks one catalogue file; the error names the file and every faulty entry. */
function readCatalogue(path: string, otherCodes: readonly string[] = []): CatalogueFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const problems = catalogueProblems(raw, otherCodes);
  if (problems.length > 0) {
    throw new Error(`${path} is not a valid standards catalogue: ${problems.join('; ')}`);
  }
  return raw as CatalogueFile;
}

/**
 * Shipped entries, replaced or extended by the override file's entries (same code
 * replaces, a new code is added), so a transition date announced after a release can be
 * set without one. Checked as a whole: a successor must name an edition of the result.
 */
export function mergeCatalogues(
  shipped: readonly StandardEdition[],
  override: readonly StandardEdition[],
): StandardEdition[] {
  const byCode = new Map(shipped.map((s) => [s.code, s]));
  for (const entry of override) byCode.set(entry.code, entry);
  return [...byCode.values()];
}

/**
 * The standards catalogue: config/standards.json, overridden by DATA_DIR/standards.json
 * when that file exists. Both are checked at start; a broken entry stops the program with
 * a message naming it.
 */
@Injectable()
export class StandardsCatalog {
  readonly standards: readonly StandardEdition[];
  /** Where the catalogue was read from, for the API and the logs. */
  readonly sources: readonly string[];
  readonly reviewedOn: string | null;
  private readonly byCode: Map<string, StandardEdition>;

  constructor(@Optional() @Inject(appConfig.KEY) app?: ConfigType<typeof appConfig>) {
    const shippedPath = configFile(STANDARDS_FILE);
    const shipped = readCatalogue(shippedPath);
    const sources = [shippedPath];
    let standards = shipped.standards;
    let reviewedOn = shipped.reviewedOn ?? null;
    const overridePath = app ? join(app.dataDir, STANDARDS_FILE) : null;
    if (overridePath && existsSync(overridePath)) {
      // Its successors may name shipped editions.
      const override = readCatalogue(
        overridePath,
        standards.map((s) => s.code),
      );
      standards = mergeCatalogues(standards, override.standards);
      sources.push(overridePath);
      reviewedOn = override.reviewedOn ?? reviewedOn;
      const problems = catalogueProblems({ standards });
      if (problems.length > 0) {
        throw new Error(
          `${overridePath} does not fit the shipped catalogue: ${problems.join('; ')}`,
        );
      }
    }
    this.standards = standards;
    this.sources = sources;
    this.reviewedOn = reviewedOn;
    this.byCode = new Map(standards.map((s) => [s.code, s]));
  }

  find(code: string): StandardEdition | undefined {
    return this.byCode.get(code);
  }

  codes(): string[] {
    return this.standards.map((s) => s.code);
  }

  /** The last day certificates of this edition count, whatever they say; null while current or undecided. */
  validUntil(code: string): string | null {
    return this.byCode.get(code)?.validUntil?.date ?? null;
  }

  /** The first day audits must use the successor edition; null while current or undecided. */
  newEditionAuditsFrom(code: string): string | null {
    return this.byCode.get(code)?.newEditionAuditsFrom?.date ?? null;
  }
}
