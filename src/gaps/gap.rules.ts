import type { VerificationState } from '../certificates/certificate-links';
import { WEIGHED_STATUSES } from '../certificates/certificate-status';
import { addDays } from '../common/dates';
import {
  NO_VOCABULARY,
  ProductVocabulary,
  sameCategory,
  scopeCoverage,
} from '../common/scope-matching';
import { coversProductionOf, ProductionWording, tradingWordsIn } from './production-wording';

/**
 * Scope-gap rules. A gap is derived, never stored by hand: a buyer requires standard S for
 * product category P and the certificates at hand do not let the trader truthfully show
 * one that covers P. Every rule is a pure function with its own id and a one-sentence
 * explanation; "today" and the horizon are passed in.
 */
export const GAP_RULE_IDS = [
  'no_certificate',
  'scope_not_covering',
  'trader_scope_only',
  'expires_soon',
  'not_verified',
  'edition_ending',
  'open_major_finding',
  'not_accredited',
] as const;
export type GapRuleId = (typeof GAP_RULE_IDS)[number];

export const GAP_RULES: Record<GapRuleId, string> = {
  no_certificate:
    'No factory supplying the category, nor the trader itself, holds a current certificate of the required standard.',
  scope_not_covering:
    'Certificates of the required standard exist, but none names the category in its product categories or scope.',
  trader_scope_only:
    "The only covering certificate is the trader's own, and the trader's business scope has no production wording for the category, so it covers trading only.",
  expires_soon:
    'The covering certificate expires, or its surveillance audit falls due, within the reminder horizon.',
  not_verified:
    'The covering certificate was never verified, failed verification, or is suspended or withdrawn.',
  edition_ending:
    'Certificates of the required edition become void (its transition ends) within the reminder horizon, so the requirement stops being covered that day.',
  open_major_finding:
    'Every certificate covering the category is held by a factory with a major supplier-audit finding that is not closed yet.',
  not_accredited:
    "The covering certificate's certification body is recorded as having lost the accreditation the certificate claims, so the certificate carries no accreditation a buyer can rely on.",
};

export interface RequirementFacts {
  requirementId: string;
  buyerId: string;
  standard: string;
  productCategory: string;
}

export interface FactoryFacts {
  id: string;
  name: string;
  productCategories: string[];
  status: string;
}

export interface CertificateFacts {
  id: string;
  /** null: the trader's own certificate. */
  factoryId: string | null;
  standard: string;
  certificateNumber: string;
  status: string;
  scope: string;
  productCategories: string[];
  expiresOn: string;
  nextSurveillanceAuditOn: string | null;
  /** null when no verification feature is present: nothing is known either way. */
  verification: VerificationState | null;
  certificationBody?: string;
  accreditationBody?: string | null;
  /**
   * The day the accreditation this certificate claims was withdrawn from its certification
   * body, when recorded; unknown (undefined) when no verification feature is present.
   */
  accreditationWithdrawnOn?: string | null;
}

export interface GapSituation {
  today: string;
  horizonDays: number;
  /** The trader's own business licence scope. */
  traderBusinessScope: string | null;
  wording: ProductionWording;
  /** Product categories with their English and Chinese terms (config/product-vocabulary.json). */
  vocabulary: ProductVocabulary;
  /**
   * The last day certificates of the required edition count (catalogue `validUntil`,
   * IAF Resolution 2017-13), null while current.
   */
  validUntil: string | null;
  /** Factories with unresolved major supplier-audit findings (none known when absent). */
  openMajorFindings?: ReadonlyMap<string, { count: number; earliestDueOn: string | null }>;
}

/** What an explanation needs, captured when the gap is found. */
export interface GapFacts {
  factoryName?: string | null;
  certificateNumber?: string | null;
  /** The date that falls due (expiry, surveillance audit, end of the edition). */
  dueOn?: string | null;
  dueWhat?: 'expiry' | 'surveillance_audit';
  status?: string;
  verification?: VerificationState | null;
  tradingWords?: string[];
  /** open_major_finding: how many, and whether the earliest is past its due date. */
  findingCount?: number;
  findingOverdue?: boolean;
  /** not_accredited: the body and the day its accreditation was withdrawn. */
  certificationBody?: string;
  withdrawnOn?: string;
}

export interface Gap {
  rule: GapRuleId;
  buyerId: string;
  requirementId: string;
  factoryId: string | null;
  standard: string;
  productCategory: string;
  certificateId: string | null;
  facts: GapFacts;
}

export interface RequirementAnalysis {
  /** The certificate shown to the buyer (the one with the fewest gaps), or null. */
  cover: CertificateFacts | null;
  gaps: Gap[];
}

/**
 * A factory supplies P when P is one of its product categories, however written
 * (kettles = 电热水壶 through the vocabulary); an ended partnership supplies nothing.
 */
export function suppliesCategory(
  factory: FactoryFacts,
  category: string,
  vocabulary: ProductVocabulary = NO_VOCABULARY,
): boolean {
  return (
    factory.status !== 'ended' &&
    factory.productCategories.some((c) => sameCategory(c, category, vocabulary))
  );
}

/**
 * A certificate covers P when P is one of its product categories, or its scope names P
 * in the scope's own language (rule scope_vocabulary: "电热水壶的设计和生产" covers
 * kettles). A scope certpact cannot read for P does not count as covering it.
 */
export function certificateCovers(
  certificate: CertificateFacts,
  category: string,
  vocabulary: ProductVocabulary = NO_VOCABULARY,
): boolean {
  return (
    certificate.productCategories.some((c) => sameCategory(c, category, vocabulary)) ||
    scopeCovers(certificate.scope, category, vocabulary)
  );
}

/**
 * scopeCoverage(...) === 'covered', kept per vocabulary, category and scope text: the gap
 * analysis asks it of every candidate certificate of every requirement (and again when it
 * looks up their verification), and an organization's scopes repeat. Bounded, since
 * scopes are user input.
 */
function scopeCovers(
  scope: string | null,
  category: string,
  vocabulary: ProductVocabulary,
): boolean {
  let byCategory = scopeAnswers.get(vocabulary);
  if (!byCategory) scopeAnswers.set(vocabulary, (byCategory = new Map()));
  let byScope = byCategory.get(category);
  if (!byScope) {
    if (byCategory.size >= 10_000) byCategory.clear();
    byCategory.set(category, (byScope = new Map()));
  }
  const key = scope ?? '';
  let answer = byScope.get(key);
  if (answer === undefined) {
    answer = scopeCoverage(scope, category, vocabulary) === 'covered';
    if (byScope.size >= 10_000) byScope.clear();
    byScope.set(key, answer);
  }
  return answer;
}

const scopeAnswers = new WeakMap<ProductVocabulary, Map<string, Map<string, boolean>>>();

/**
 * Certificates that still count: not expired by date, not superseded, and of an edition
 * not yet void (`validUntil`: IAF Resolution 2017-13); suspended and withdrawn ones
 * count, and are flagged by not_verified.
 */
export function isCurrent(
  certificate: CertificateFacts,
  today: string,
  validUntil: string | null = null,
): boolean {
  return (
    (WEIGHED_STATUSES as readonly string[]).includes(certificate.status) &&
    certificate.expiresOn >= today &&
    (validUntil === null || today <= validUntil)
  );
}

type GapDraft = Pick<Gap, 'rule' | 'factoryId' | 'certificateId' | 'facts'>;

/** no_certificate: a supplier (or, with no supplier at all, nobody) holds no current certificate of the standard. */
export function noCertificate(
  supplier: FactoryFacts | null,
  certificatesOfStandard: CertificateFacts[],
): GapDraft | null {
  const holderId = supplier?.id ?? null;
  if (certificatesOfStandard.some((c) => c.factoryId === holderId)) return null;
  return {
    rule: 'no_certificate',
    factoryId: holderId,
    certificateId: null,
    facts: { factoryName: supplier?.name ?? null },
  };
}

/** scope_not_covering: the holder has certificates of the standard, but none covers the category. */
export function scopeNotCovering(
  holder: FactoryFacts | null,
  certificatesOfStandard: CertificateFacts[],
  category: string,
  vocabulary: ProductVocabulary = NO_VOCABULARY,
): GapDraft | null {
  const held = certificatesOfStandard.filter((c) => c.factoryId === (holder?.id ?? null));
  if (held.length === 0 || held.some((c) => certificateCovers(c, category, vocabulary)))
    return null;
  return {
    rule: 'scope_not_covering',
    factoryId: holder?.id ?? null,
    certificateId: held[0].id,
    facts: { factoryName: holder?.name ?? null, certificateNumber: held[0].certificateNumber },
  };
}

/** trader_scope_only: the trader's own certificate, with a business scope that does not cover production of the category. */
export function traderScopeOnly(
  certificate: CertificateFacts,
  category: string,
  situation: Pick<GapSituation, 'traderBusinessScope' | 'wording'>,
): GapDraft | null {
  if (certificate.factoryId !== null) return null;
  if (coversProductionOf(situation.traderBusinessScope, category, situation.wording)) return null;
  return {
    rule: 'trader_scope_only',
    factoryId: null,
    certificateId: certificate.id,
    facts: {
      certificateNumber: certificate.certificateNumber,
      tradingWords: tradingWordsIn(situation.traderBusinessScope, situation.wording),
    },
  };
}

/** expires_soon: expiry or the next surveillance audit on or before today + horizon (an overdue audit counts). */
export function expiresSoon(
  certificate: CertificateFacts,
  today: string,
  horizonDays: number,
): GapDraft | null {
  const until = addDays(today, horizonDays);
  const audit = certificate.nextSurveillanceAuditOn;
  const auditFirst = audit !== null && audit < certificate.expiresOn;
  const dueOn = auditFirst ? audit : certificate.expiresOn;
  if (dueOn > until) return null;
  return {
    rule: 'expires_soon',
    factoryId: certificate.factoryId,
    certificateId: certificate.id,
    facts: {
      certificateNumber: certificate.certificateNumber,
      dueOn,
      dueWhat: auditFirst ? 'surveillance_audit' : 'expiry',
    },
  };
}

/**
 * not_verified: suspended or withdrawn, or (when verification states are known) not
 * verified. Unknown verification (no verification feature) is not a gap by itself.
 */
export function notVerified(certificate: CertificateFacts): GapDraft | null {
  const badStatus = certificate.status === 'suspended' || certificate.status === 'withdrawn';
  const unverified = certificate.verification !== null && certificate.verification !== 'verified';
  if (!badStatus && !unverified) return null;
  return {
    rule: 'not_verified',
    factoryId: certificate.factoryId,
    certificateId: certificate.id,
    facts: {
      certificateNumber: certificate.certificateNumber,
      status: certificate.status,
      verification: certificate.verification,
    },
  };
}

/**
 * not_accredited: the certification body lost the accreditation the certificate claims
 * on or before today. The certificate may still be valid on paper, but a buyer who asks
 * for an accredited certificate (the usual case) cannot be shown it.
 */
export function notAccredited(certificate: CertificateFacts, today: string): GapDraft | null {
  const withdrawnOn = certificate.accreditationWithdrawnOn;
  if (!withdrawnOn || withdrawnOn > today) return null;
  return {
    rule: 'not_accredited',
    factoryId: certificate.factoryId,
    certificateId: certificate.id,
    facts: {
      certificateNumber: certificate.certificateNumber,
      certificationBody: certificate.certificationBody,
      withdrawnOn,
    },
  };
}

/**
 * edition_ending: the required edition's `validUntil` is on or before today + horizon:
 * from the next day no certificate of it covers the requirement, whatever it says.
 */
export function editionEnding(
  validUntil: string | null,
  today: string,
  horizonDays: number,
  cover: CertificateFacts | null,
): GapDraft | null {
  if (validUntil === null || validUntil > addDays(today, horizonDays)) return null;
  return {
    rule: 'edition_ending',
    factoryId: cover?.factoryId ?? null,
    certificateId: cover?.id ?? null,
    facts: { dueOn: validUntil, certificateNumber: cover?.certificateNumber ?? null },
  };
}

/**
 * open_major_finding: every covering certificate is held by a factory with an unresolved
 * major finding; one covering certificate of a factory without one (or the trader's own)
 * is enough to show the buyer. Reported on the certificate shown.
 */
export function openMajorFinding(
  cover: CertificateFacts,
  covering: CertificateFacts[],
  situation: Pick<GapSituation, 'openMajorFindings' | 'today'>,
): GapDraft | null {
  const findings = situation.openMajorFindings;
  if (!findings || cover.factoryId === null) return null;
  if (covering.some((c) => c.factoryId === null || !findings.has(c.factoryId))) return null;
  const own = findings.get(cover.factoryId)!;
  return {
    rule: 'open_major_finding',
    factoryId: cover.factoryId,
    certificateId: cover.id,
    facts: {
      certificateNumber: cover.certificateNumber,
      findingCount: own.count,
      findingOverdue: own.earliestDueOn !== null && own.earliestDueOn < situation.today,
      dueOn: own.earliestDueOn,
    },
  };
}

function certificateGaps(
  certificate: CertificateFacts,
  category: string,
  situation: GapSituation,
): GapDraft[] {
  return [
    traderScopeOnly(certificate, category, situation),
    expiresSoon(certificate, situation.today, situation.horizonDays),
    notVerified(certificate),
    notAccredited(certificate, situation.today),
  ].filter((g): g is GapDraft => g !== null);
}

const statusRank = (c: CertificateFacts) => (c.status === 'active' ? 0 : 1);

/**
 * Applies every rule to one requirement. `suppliers` are the factories that supply the
 * category; `certificates` are the current certificates of the required standard held
 * by those suppliers or by the trader (factoryId null). When several certificates cover
 * the category, the one with the fewest gaps is shown (then: active, a factory's own,
 * latest expiry), and only its gaps count: one good certificate is enough.
 */
export function analyseRequirement(
  requirement: RequirementFacts,
  suppliers: FactoryFacts[],
  certificates: CertificateFacts[],
  situation: GapSituation,
): RequirementAnalysis {
  const current = certificates.filter(
    (c) =>
      c.standard === requirement.standard && isCurrent(c, situation.today, situation.validUntil),
  );
  const covering = current.filter((c) =>
    certificateCovers(c, requirement.productCategory, situation.vocabulary),
  );
  const drafts: GapDraft[] = [];
  let cover: CertificateFacts | null = null;

  if (covering.length === 0) {
    const holders: (FactoryFacts | null)[] = [...suppliers];
    if (current.some((c) => c.factoryId === null)) holders.push(null);
    if (holders.length === 0) holders.push(null);
    for (const holder of holders) {
      const draft =
        scopeNotCovering(holder, current, requirement.productCategory, situation.vocabulary) ??
        noCertificate(holder, current);
      if (draft) drafts.push(draft);
    }
  } else {
    const rank = (
      a: { c: CertificateFacts; gaps: GapDraft[] },
      b: { c: CertificateFacts; gaps: GapDraft[] },
    ) =>
      a.gaps.length - b.gaps.length ||
      statusRank(a.c) - statusRank(b.c) ||
      Number(a.c.factoryId === null) - Number(b.c.factoryId === null) ||
      b.c.expiresOn.localeCompare(a.c.expiresOn) ||
      a.c.id.localeCompare(b.c.id);
    // The first of the best by rank, as a stable sort would put first, in one pass: a
    // requirement may have hundreds of covering certificates, and only the best one counts.
    let best: { c: CertificateFacts; gaps: GapDraft[] } | undefined;
    for (const c of covering) {
      const candidate = { c, gaps: certificateGaps(c, requirement.productCategory, situation) };
      if (best === undefined || rank(candidate, best) < 0) best = candidate;
    }
    cover = best!.c;
    drafts.push(...best!.gaps);
    const finding = openMajorFinding(cover, covering, situation);
    if (finding) drafts.push(finding);
  }
  const edition = editionEnding(
    situation.validUntil,
    situation.today,
    situation.horizonDays,
    cover,
  );
  if (edition) drafts.push(edition);

  return {
    cover,
    gaps: drafts.map((draft) => ({
      ...draft,
      buyerId: requirement.buyerId,
      requirementId: requirement.requirementId,
      standard: requirement.standard,
      productCategory: requirement.productCategory,
    })),
  };
}

/** Identifies one gap across scans: the same fact found again has the same key. */
export function gapKey(
  gap: Pick<Gap, 'rule' | 'requirementId' | 'factoryId' | 'certificateId'>,
): string {
  return [gap.rule, gap.requirementId, gap.factoryId ?? 'own', gap.certificateId ?? '-'].join('/');
}
