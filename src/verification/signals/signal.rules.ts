import type { CertificateStatus } from '../../certificates/certificate.entity';
import { isInForce } from '../../certificates/certificate-status';
import { addDays, addMonths, addYears } from '../../common/dates';
import {
  ProductVocabulary,
  ScopeCoverage,
  scopeCoverageOfAny,
  scopeLanguages,
} from '../../common/scope-matching';
import { SurveillanceRule, surveillanceStatus } from './surveillance-clock';

/** How each surveillance rule reads in an explanation. */
const SURVEILLANCE_RULE_TEXT: Record<SurveillanceRule, string> = {
  'CNCA-QMS-01:2025':
    'CNCA-QMS-01:2025, 5.4.1.4: within 12 months of the issue date, then at most 12 months apart',
  'ISO/IEC 17021-1:2015':
    'ISO/IEC 17021-1:2015, 9.6.2.2: within 12 months of the certification decision, then once a calendar year',
};

/**
 * Risk signals: facts about a certificate that do not add up. A signal is a reason to
 * check, never a verdict that the certificate is fake. Each rule is pure, has a stable
 * id and explains itself in one sentence.
 */
export const SIGNAL_IDS = [
  'validity_too_long',
  'issued_in_future',
  'edition_not_certifiable',
  'accreditation_body_not_iaf_mla',
  'certification_body_accreditation_withdrawn',
  'number_used_by_another_holder',
  'number_exists_in_another_organization',
  'scope_misses_factory_products',
  'surveillance_overdue',
  'trading_scope_offered_as_production',
] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

export interface RiskSignal {
  id: SignalId;
  explanation: string;
}

/** Management-system certificates run 3 years; a few weeks more is a common rounding of dates. */
export const VALIDITY_YEARS = 3;
export const VALIDITY_TOLERANCE_DAYS = 31;
/**
 * IAF CertSearch keeps the certificates of a body whose accreditation is withdrawn
 * searchable for 3 months after the withdrawal, then removes them (support.iafcertsearch.org,
 * Manage CB Accreditation, "Rules for Withdrawn Accreditation").
 */
export const CERTSEARCH_WITHDRAWN_WINDOW_MONTHS = 3;
/** IAF scope code 29: wholesale and retail trade. */
export const IAF_CODE_TRADE = 29;

export interface SignalFacts {
  certificate: {
    factoryId: string | null;
    standard: string;
    certificateNumber: string;
    accreditationBody: string | null;
    scope: string;
    productCategories: string[];
    iafCodes: number[];
    issuedOn: string;
    expiresOn: string;
    nextSurveillanceAuditOn: string | null;
    status: CertificateStatus;
  };
  today: string;
  /** From the standards catalogue: the edition's transition, publication status and successor. */
  edition: {
    /** The last day certificates of the edition count (IAF Resolution 2017-13), null while current. */
    validUntil: string | null;
    /** From this day initial and recertification audits must use the successor, null while undecided. */
    newEditionAuditsFrom: string | null;
    successor: string | null;
    /** `expected`: the edition's publication is not confirmed. */
    status: 'published' | 'expected';
  } | null;
  /** Null when no accreditation body is named on the certificate. */
  accreditationBodyIsMlaSignatory: boolean | null;
  /** The recorded withdrawal of the accreditation the certificate claims (accreditation-withdrawals.json). */
  accreditationWithdrawal: {
    certificationBody: string;
    accreditationBody: string | null;
    withdrawnOn: string;
    source: string;
  } | null;
  /** The rule that governs the certificate's surveillance (surveillance-clock.ts). */
  surveillanceRule: SurveillanceRule;
  /** Other holders in the same organization with this number: factory names, or "your own company". */
  otherHoldersOfNumber: string[];
  /** Whether another organization recorded the same number (never who). */
  numberExistsElsewhere: boolean;
  /** The holding factory's product categories; null for the trader's own certificate. */
  factoryProductCategories: string[] | null;
  /** Product categories with their English and Chinese terms (config/product-vocabulary.json). */
  vocabulary: ProductVocabulary;
  /** The latest surveillance or recertification audit recorded on or before today. */
  lastAuditOn: string | null;
}

interface SignalRule {
  id: SignalId;
  /** The explanation when the rule raises the signal, or null; `scope` is assessScope(facts). */
  check(facts: SignalFacts, scope: ScopeAssessment | null): string | null;
}

const RULES: SignalRule[] = [
  {
    id: 'validity_too_long',
    check: ({ certificate: c }) => {
      const limit = validityLimit(c.issuedOn);
      return c.expiresOn > limit
        ? `The certificate runs from ${c.issuedOn} to ${c.expiresOn}, longer than the ${VALIDITY_YEARS} years a management-system certificate is issued for.`
        : null;
    },
  },
  {
    id: 'issued_in_future',
    check: ({ certificate: c, today }) =>
      c.issuedOn > today
        ? `The certificate is dated ${c.issuedOn}, which is after today (${today}).`
        : null,
  },
  {
    id: 'edition_not_certifiable',
    check: ({ certificate: c, edition }) => {
      if (!edition) return null;
      if (edition.validUntil !== null && c.issuedOn > edition.validUntil) {
        return `${c.standard} could no longer be certified after ${edition.validUntil}, yet this certificate was issued on ${c.issuedOn}.`;
      }
      // IAF Resolution 2017-13: from this day initial and recertification audits use the
      // successor, so a certificate of the old edition issued since then needs a look.
      if (edition.newEditionAuditsFrom !== null && c.issuedOn >= edition.newEditionAuditsFrom) {
        return `From ${edition.newEditionAuditsFrom} certification audits had to use ${edition.successor ?? 'the new edition'}, yet this ${c.standard} certificate was issued on ${c.issuedOn}; check that its audit took place before that day.`;
      }
      if (edition.status === 'expected') {
        return `${c.standard} is not confirmed as published yet, so no certificate of it can be accredited; check the standard written on the certificate.`;
      }
      return null;
    },
  },
  {
    id: 'accreditation_body_not_iaf_mla',
    check: ({ certificate: c, accreditationBodyIsMlaSignatory }) =>
      accreditationBodyIsMlaSignatory === false
        ? `The accreditation body "${c.accreditationBody}" is not in the list of Global ACI MRA (formerly IAF MLA) signatories, so buyers may not recognize the certificate.`
        : null,
  },
  {
    id: 'certification_body_accreditation_withdrawn',
    check: ({ certificate: c, accreditationWithdrawal: w, today }) => {
      if (!w || w.withdrawnOn > today) return null;
      const by = w.accreditationBody ? ` by ${w.accreditationBody}` : '';
      const removal = addMonths(w.withdrawnOn, CERTSEARCH_WITHDRAWN_WINDOW_MONTHS);
      const accredited =
        c.issuedOn > w.withdrawnOn
          ? `this certificate, issued on ${c.issuedOn}, was never accredited`
          : 'its certificates no longer carry an accreditation';
      const window =
        today <= removal
          ? `IAF CertSearch keeps them searchable only until ${removal}, ${CERTSEARCH_WITHDRAWN_WINDOW_MONTHS} months after the withdrawal, then removes them`
          : `IAF CertSearch removed them on ${removal}, ${CERTSEARCH_WITHDRAWN_WINDOW_MONTHS} months after the withdrawal`;
      return `The accreditation of ${w.certificationBody}${by} is recorded as withdrawn on ${w.withdrawnOn} (${w.source}), so ${accredited}, and ${window}; the factory needs a certificate from an accredited body.`;
    },
  },
  {
    id: 'number_used_by_another_holder',
    check: ({ certificate: c, otherHoldersOfNumber }) =>
      otherHoldersOfNumber.length > 0
        ? `Certificate number ${c.certificateNumber} is also recorded for ${otherHoldersOfNumber.join(', ')} in your organization; one number belongs to one certified organization.`
        : null,
  },
  {
    id: 'number_exists_in_another_organization',
    check: ({ certificate: c, numberExistsElsewhere }) =>
      numberExistsElsewhere
        ? `Certificate number ${c.certificateNumber} is also recorded by another organization on certpact; check that it belongs to this holder.`
        : null,
  },
  {
    id: 'scope_misses_factory_products',
    check: (facts, scope) => {
      if (scope?.result !== 'not_covered') return null;
      return `The certificate's scope names none of the factory's product categories (${facts.factoryProductCategories!.join(', ')}).`;
    },
  },
  {
    id: 'surveillance_overdue',
    check: ({ certificate: c, today, lastAuditOn, surveillanceRule }) => {
      if (!isInForce(c.status) || today > c.expiresOn) return null;
      // CNCA-QMS-01:2025 5.4.1.4, or ISO/IEC 17021-1 9.6.2.2 outside China.
      const clock = surveillanceStatus(surveillanceRule, c, lastAuditOn, today);
      if (clock === null) return null; // the recertification audit before expiry takes its place
      const since =
        lastAuditOn && lastAuditOn > c.issuedOn
          ? `the audit of ${lastAuditOn}`
          : `issue on ${c.issuedOn}`;
      const rule = SURVEILLANCE_RULE_TEXT[surveillanceRule];
      if (clock.overdue) {
        const consequence = clock.suspensionDue
          ? ', and under that rule the certification body must now suspend the certificate'
          : '';
        return `No surveillance audit is recorded since ${since}: it was due by ${clock.dueBy} (${rule})${consequence}.`;
      }
      if (c.nextSurveillanceAuditOn !== null && c.nextSurveillanceAuditOn > clock.dueBy) {
        return `The next surveillance audit (${c.nextSurveillanceAuditOn}) falls after ${clock.dueBy}, the latest day after ${since} (${rule}).`;
      }
      return null;
    },
  },
  {
    id: 'trading_scope_offered_as_production',
    check: ({ certificate: c }) =>
      c.factoryId === null &&
      c.iafCodes.length > 0 &&
      c.iafCodes.every((code) => code === IAF_CODE_TRADE) &&
      c.productCategories.length > 0
        ? `This certificate of your own company covers IAF code ${IAF_CODE_TRADE} only (wholesale and retail trade), yet it is offered for the products ${c.productCategories.join(', ')}; it does not cover their production.`
        : null,
  },
];

/**
 * The last expiry day a certificate issued on `issuedOn` can carry without raising
 * validity_too_long, kept per issue date (the signals ask it of every certificate, and an
 * organization's certificates share a few hundred issue dates).
 */
function validityLimit(issuedOn: string): string {
  let limit = validityLimits.get(issuedOn);
  if (limit === undefined) {
    limit = addDays(addYears(issuedOn, VALIDITY_YEARS), VALIDITY_TOLERANCE_DAYS);
    if (validityLimits.size >= 10_000) validityLimits.clear();
    validityLimits.set(issuedOn, limit);
  }
  return limit;
}

const validityLimits = new Map<string, string>();

/**
 * Every signal the facts raise, in a stable order. `scope` is assessScope(facts), for a
 * caller that answers it as well and need not match the scope twice.
 */
export function riskSignals(
  facts: SignalFacts,
  scope: ScopeAssessment | null = assessScope(facts),
): RiskSignal[] {
  const signals: RiskSignal[] = [];
  for (const rule of RULES) {
    const explanation = rule.check(facts, scope);
    if (explanation !== null) signals.push({ id: rule.id, explanation });
  }
  return signals;
}

export interface ScopeAssessment {
  result: ScopeCoverage;
  /** Why, in one sentence; for `not_assessed`, what to add to the vocabulary. */
  explanation: string;
}

/**
 * How the scope of a factory's certificate reads against the factory's products (rule
 * scope_vocabulary): null for the trader's own certificates and factories without
 * categories. `not_assessed` when the scope is written in a language for which no term
 * of the factory's categories is known: certpact says so instead of raising
 * scope_misses_factory_products.
 */
export function assessScope(
  facts: Pick<SignalFacts, 'certificate' | 'factoryProductCategories' | 'vocabulary'>,
): ScopeAssessment | null {
  const { certificate: c, factoryProductCategories: categories, vocabulary } = facts;
  if (c.factoryId === null || !categories?.length) return null;
  const result = scopeCoverageOfAny(c.scope, categories, vocabulary);
  const list = categories.join(', ');
  const explanation =
    result === 'covered'
      ? `The scope names the factory's products (${list}).`
      : result === 'not_covered'
        ? `The scope names none of the factory's products (${list}).`
        : `Scope not assessed: certpact knows no word for ${list} in the scope's language (${scopeLanguages(c.scope).join(', ') || 'none'}); add them to config/product-vocabulary.json.`;
  return { result, explanation };
}
