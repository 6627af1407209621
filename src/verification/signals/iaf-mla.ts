/**
 * Accreditation as data: the accreditation bodies whose management-system accreditations
 * (ISO/IEC 17021-1) are recognized internationally, and the certification bodies whose
 * accreditation is recorded as withdrawn. Pure: the lists are passed in, the files are read
 * by iaf-mla-list.ts.
 *
 * Since 1 January 2026 Global Accreditation Cooperation Incorporated (Global ACI, "GACI")
 * has replaced IAF and ILAC; its MRA took over the IAF MLA, and IAF MLA accreditations and
 * marks stay valid during the transition (globalaccreditationcooperationincorporated.org,
 * "About Us"; UKAS technical bulletin "Transition to the Global ACI MRA Mark", 2026).
 */
/** The data files, in config/ and, to replace them without a release, in DATA_DIR. */
export const SIGNATORIES_FILE = 'iaf-mla-signatories.json';
export const WITHDRAWALS_FILE = 'accreditation-withdrawals.json';

export interface MlaSignatory {
  acronym: string;
  name: string;
  /** ISO 3166-1 alpha-2 code of the economy (a regional body names its seat). */
  economy: string;
  aliases: string[];
}

/** Where a signatory list comes from, and when it was taken. */
export interface SignatoryListSource {
  /** The arrangement the list is of, e.g. "Global ACI MRA (formerly IAF MLA)". */
  arrangement: string;
  url: string;
  /** The day the list was read from the source (YYYY-MM-DD). */
  retrievedOn: string;
  /** How it was taken: an import of the published list, or what still needs checking. */
  note: string;
}

export interface SignatoryListFile {
  source: SignatoryListSource;
  signatories: MlaSignatory[];
}

/** Upper case, letters and digits only (any script): "JAS-ANZ" = "jas anz" = "JASANZ". */
export function normalizeBodyName(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a text, normalized, e.g. "CNAS (China)" → ["CNAS", "CHINA"]. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .map(normalizeBodyName)
    .filter((w) => w.length > 0);
}

/** Labels shorter than this are only matched as the whole text, never inside it. */
const MIN_CONTAINED_LABEL = 8;
/** Two-letter acronyms (SA, NA, LA, AA) are common words of company names: whole text only. */
const MIN_WORD_ACRONYM = 3;

/**
 * A list of body names normalized once (when the list is loaded), so that matching a
 * certificate costs one normalization of its text, not one per label of the list: a
 * `GET /signals` over 2000 certificates spent 0.8 s of 1.9 s normalizing the list again
 * for every certificate.
 */
export class BodyNameIndex<T> {
  private readonly whole = new Map<string, T>();
  private readonly acronyms = new Map<string, T>();
  private readonly contained: { label: string; entry: T }[] = [];

  constructor(entries: readonly { entry: T; acronyms: string[]; labels: string[] }[]) {
    for (const { entry, acronyms, labels } of entries) {
      for (const acronym of acronyms.map(normalizeBodyName)) {
        if (acronym.length === 0) continue;
        if (!this.whole.has(acronym)) this.whole.set(acronym, entry);
        if (acronym.length >= MIN_WORD_ACRONYM && !this.acronyms.has(acronym))
          this.acronyms.set(acronym, entry);
      }
      for (const label of labels.map(normalizeBodyName)) {
        if (label.length === 0) continue;
        if (!this.whole.has(label)) this.whole.set(label, entry);
        if (label.length >= MIN_CONTAINED_LABEL) this.contained.push({ label, entry });
      }
    }
  }

  /**
   * The entry a body's name as written designates: the whole text equals an acronym, name
   * or alias, or contains a full name or alias, or one of its words is an acronym
   * ("CNAS L1234", "accredited by UKAS"). Acronyms are only matched as whole words.
   */
  find(text: string): T | null {
    const whole = normalizeBodyName(text);
    if (whole.length === 0) return null;
    const exact = this.whole.get(whole);
    if (exact !== undefined) return exact;
    for (const word of words(text)) {
      const entry = this.acronyms.get(word);
      if (entry !== undefined) return entry;
    }
    for (const { label, entry } of this.contained) {
      if (whole.includes(label)) return entry;
    }
    return null;
  }
}

/** The signatories indexed once; `recognizes` is what the risk signal asks per certificate. */
export class SignatoryIndex {
  private readonly index: BodyNameIndex<MlaSignatory>;

  constructor(readonly signatories: readonly MlaSignatory[]) {
    this.index = new BodyNameIndex(
      signatories.map((s) => ({ entry: s, acronyms: [s.acronym], labels: [s.name, ...s.aliases] })),
    );
  }

  /** The signatory an accreditation body as written on a certificate designates, or null. */
  find(accreditationBody: string): MlaSignatory | null {
    return this.index.find(accreditationBody);
  }
}

/**
 * Whether an accreditation body as written on a certificate is a signatory. Builds the
 * index each call: for one-off checks and tests; services keep a SignatoryIndex.
 */
export function isIafMlaSignatory(body: string, signatories: readonly MlaSignatory[]): boolean {
  return new SignatoryIndex(signatories).find(body) !== null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0;

/** Problems of one signatory entry, each naming the field. */
export function signatoryProblems(entry: unknown): string[] {
  const s = (entry ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (!isText(s.acronym)) problems.push('acronym must be text');
  if (!isText(s.name)) problems.push('name must be text');
  if (typeof s.economy !== 'string' || !/^[A-Z]{2}$/.test(s.economy))
    problems.push('economy must be an ISO 3166-1 alpha-2 code such as CN');
  if (!Array.isArray(s.aliases) || s.aliases.some((a) => !isText(a)))
    problems.push('aliases must be a list of names');
  return problems;
}

/** Problems of a signatory list file, each naming the entry (by position and acronym). */
export function signatoryListProblems(raw: unknown): string[] {
  const file = (raw ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const source = (file.source ?? null) as Record<string, unknown> | null;
  if (source === null || typeof source !== 'object') {
    problems.push(
      'source must say where the list comes from (arrangement, url, retrievedOn, note)',
    );
  } else {
    for (const field of ['arrangement', 'url', 'note'] as const) {
      if (!isText(source[field])) problems.push(`source.${field} must be text`);
    }
    if (!isDate(source.retrievedOn)) problems.push('source.retrievedOn must be a date YYYY-MM-DD');
  }
  if (!Array.isArray(file.signatories) || file.signatories.length === 0) {
    problems.push('signatories must be a non-empty list');
    return problems;
  }
  const seen = new Set<string>();
  file.signatories.forEach((entry: unknown, i) => {
    const acronym = (entry as { acronym?: unknown })?.acronym;
    const label = `signatories[${i}]${isText(acronym) ? ` (${acronym})` : ''}`;
    for (const problem of signatoryProblems(entry)) problems.push(`${label}: ${problem}`);
    if (isText(acronym)) {
      const key = `${normalizeBodyName(acronym)}/${(entry as MlaSignatory).economy}`;
      if (seen.has(key)) problems.push(`${label}: listed twice`);
      seen.add(key);
    }
  });
  return problems;
}

/** A certification body whose accreditation is recorded as withdrawn. */
export interface AccreditationWithdrawal {
  /** The certification body as it names itself. */
  certificationBody: string;
  /** Other ways certificates write it (short names, Chinese names). */
  aliases: string[];
  /** The accreditation body that withdrew it; null when the record does not say. */
  accreditationBody: string | null;
  withdrawnOn: string;
  /** Where the withdrawal was read (the accreditation body's announcement or register). */
  source: string;
  /** The day it was recorded here. */
  recordedOn: string;
}

export interface AccreditationWithdrawalsFile {
  withdrawals: AccreditationWithdrawal[];
}

/** Problems of a withdrawals file, each naming the entry. */
export function withdrawalListProblems(raw: unknown): string[] {
  const list = (raw as { withdrawals?: unknown } | null)?.withdrawals;
  if (!Array.isArray(list)) return ['withdrawals must be a list (it may be empty)'];
  const problems: string[] = [];
  list.forEach((entry: unknown, i) => {
    const w = (entry ?? {}) as Record<string, unknown>;
    const label = `withdrawals[${i}]${isText(w.certificationBody) ? ` (${w.certificationBody})` : ''}`;
    if (!isText(w.certificationBody)) problems.push(`${label}: certificationBody must be text`);
    if (!Array.isArray(w.aliases) || w.aliases.some((a) => !isText(a)))
      problems.push(`${label}: aliases must be a list of names`);
    if (w.accreditationBody !== null && !isText(w.accreditationBody))
      problems.push(`${label}: accreditationBody must be text or null`);
    if (!isDate(w.withdrawnOn)) problems.push(`${label}: withdrawnOn must be a date YYYY-MM-DD`);
    if (!isText(w.source)) problems.push(`${label}: source must say where the withdrawal was read`);
    if (!isDate(w.recordedOn)) problems.push(`${label}: recordedOn must be a date YYYY-MM-DD`);
  });
  return problems;
}

/** The withdrawals indexed once by the certification body's names. */
export class WithdrawalIndex {
  private readonly index: BodyNameIndex<AccreditationWithdrawal[]>;

  constructor(
    withdrawals: readonly AccreditationWithdrawal[],
    private readonly signatories: SignatoryIndex,
  ) {
    // One body can lose several accreditations (one per accreditation body): group them.
    const byBody = new Map<string, AccreditationWithdrawal[]>();
    for (const w of withdrawals) {
      const key = normalizeBodyName(w.certificationBody);
      byBody.set(key, [...(byBody.get(key) ?? []), w]);
    }
    this.index = new BodyNameIndex(
      [...byBody.values()].map((group) => ({
        entry: group,
        acronyms: [],
        labels: group.flatMap((w) => [w.certificationBody, ...w.aliases]),
      })),
    );
  }

  /**
   * The withdrawal that concerns a certificate: its certification body is the one named,
   * and the accreditation it claims is the withdrawn one (when both sides name an
   * accreditation body, they must be the same body).
   */
  find(
    certificationBody: string,
    accreditationBody: string | null,
  ): AccreditationWithdrawal | null {
    const group = this.index.find(certificationBody);
    if (!group) return null;
    const claimed = accreditationBody?.trim() ? accreditationBody : null;
    for (const w of group) {
      if (w.accreditationBody === null || claimed === null) return w;
      if (this.sameAccreditationBody(w.accreditationBody, claimed)) return w;
    }
    return null;
  }

  private sameAccreditationBody(a: string, b: string): boolean {
    const left = this.signatories.find(a);
    const right = this.signatories.find(b);
    if (left && right) return left === right;
    return normalizeBodyName(a) === normalizeBodyName(b);
  }
}
