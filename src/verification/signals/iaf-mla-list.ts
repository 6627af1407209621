import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '../../config/configuration';
import { configFile } from '../../config/project-root';
import {
  AccreditationWithdrawal,
  AccreditationWithdrawalsFile,
  MlaSignatory,
  signatoryListProblems,
  SignatoryIndex,
  SignatoryListFile,
  SignatoryListSource,
  SIGNATORIES_FILE,
  withdrawalListProblems,
  WITHDRAWALS_FILE,
  WithdrawalIndex,
} from './iaf-mla';

/** DATA_DIR/<name> when it exists (an update without a release), else the shipped config/<name>. */
function pathOf(name: string, dataDir: string): string {
  const override = join(dataDir, name);
  return existsSync(override) ? override : configFile(name);
}

/** Reads and checks a data file; the error names the file and every faulty entry. */
export function readChecked<T>(
  path: string,
  what: string,
  problemsOf: (raw: unknown) => string[],
): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const problems = problemsOf(raw);
  if (problems.length > 0)
    throw new Error(`${path} is not a valid ${what}: ${problems.join('; ')}`);
  return raw as T;
}

/**
 * The accreditation data, read, checked and indexed once at start: the signatories of the
 * Global ACI MRA (formerly the IAF MLA), `config/iaf-mla-signatories.json` (written by
 * `npm run signatories:import`), and the certification bodies whose accreditation is
 * recorded as withdrawn, `config/accreditation-withdrawals.json`. Either file in DATA_DIR
 * replaces the shipped one.
 */
@Injectable()
export class IafMlaList {
  readonly source: SignatoryListSource;
  readonly signatoriesPath: string;
  readonly withdrawalsPath: string;
  private readonly signatories: SignatoryIndex;
  private readonly withdrawals: WithdrawalIndex;

  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    this.signatoriesPath = pathOf(SIGNATORIES_FILE, app.dataDir);
    const list = readChecked<SignatoryListFile>(
      this.signatoriesPath,
      'signatory list',
      signatoryListProblems,
    );
    this.source = list.source;
    this.signatories = new SignatoryIndex(list.signatories);
    this.withdrawalsPath = pathOf(WITHDRAWALS_FILE, app.dataDir);
    const withdrawals = readChecked<AccreditationWithdrawalsFile>(
      this.withdrawalsPath,
      'list of accreditation withdrawals',
      withdrawalListProblems,
    );
    this.withdrawals = new WithdrawalIndex(withdrawals.withdrawals, this.signatories);
  }

  /**
   * Answers by the body's name as written: a page of certificates names the same few
   * bodies (CNAS, UKAS...) again and again. Bounded, since the names come from user input.
   */
  private readonly answers = new Map<string, MlaSignatory | null>();

  /** The signatory an accreditation body as written designates, or null. */
  signatoryOf(accreditationBody: string | null): MlaSignatory | null {
    if (accreditationBody === null || accreditationBody.trim() === '') return null;
    let answer = this.answers.get(accreditationBody);
    if (answer === undefined) {
      answer = this.signatories.find(accreditationBody);
      if (this.answers.size >= 10_000) this.answers.clear();
      this.answers.set(accreditationBody, answer);
    }
    return answer;
  }

  /** Null when no body is named. */
  recognizes(accreditationBody: string | null): boolean | null {
    if (accreditationBody === null || accreditationBody.trim() === '') return null;
    return this.signatoryOf(accreditationBody) !== null;
  }

  /** The recorded withdrawal of the accreditation a certificate claims, or null. */
  withdrawalFor(
    certificationBody: string,
    accreditationBody: string | null,
  ): AccreditationWithdrawal | null {
    // Kept like the signatory answers: the same pairs of bodies come back on every page.
    const key = `${certificationBody}\u0000${accreditationBody ?? '\u0000'}`;
    let answer = this.withdrawalAnswers.get(key);
    if (answer === undefined) {
      answer = this.withdrawals.find(certificationBody, accreditationBody);
      if (this.withdrawalAnswers.size >= 10_000) this.withdrawalAnswers.clear();
      this.withdrawalAnswers.set(key, answer);
    }
    return answer;
  }

  private readonly withdrawalAnswers = new Map<string, AccreditationWithdrawal | null>();
}
