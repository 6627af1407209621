import type { CertificateStatus } from '../../certificates/certificate.entity';
import { addDays, addMonths, addYears } from '../../common/dates';

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
/** CNCA rules in force since 2026-01-01: a surveillance audit at least every 12 months. */
export const SURVEILLANCE_INTERVAL_MONTHS = 12;
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
  /** From the standards catalogue: the last day the edition could be certified, null while current. */
  certifiableUntil: string | null;
  /** Null when no accreditation body is named on the certificate. */
  accreditationBodyIsMlaSignatory: boolean | null;
  /** Other holders in the same organization with this number: factory names, or "your own company". */
  otherHoldersOfNumber: string[];
  /** Whether another organization recorded the same number (never who). */
  numberExistsElsewhere: boolean;
  /** The holding factory's product categories; null for the trader's own certificate. */
  factoryProductCategories: string[] | null;
  /** The latest surveillance or recertification audit recorded on or before today. */
  lastAuditOn: string | null;
}

interface SignalRule {
  id: SignalId;
  /** The explanation when the rule raises the signal, or null. */
  check(facts: SignalFacts): string | null;
}

const RULES: SignalRule[] = [
  {
    id: 'validity_too_long',
    check: ({ certificate: c }) => {
      const limit = addDays(addYears(c.issuedOn, VALIDITY_YEARS), VALIDITY_TOLERANCE_DAYS);
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
    check: ({ certificate: c, certifiableUntil }) =>
      certifiableUntil !== null && c.issuedOn > certifiableUntil
        ? `${c.standard} could no longer be certified after ${certifiableUntil}, yet this certificate was issued on ${c.issuedOn}.`
        : null,
  },
  {
    id: 'accreditation_body_not_iaf_mla',
    check: ({ certificate: c, accreditationBodyIsMlaSignatory }) =>
      accreditationBodyIsMlaSignatory === false
        ? `The accreditation body "${c.accreditationBody}" is not in the list of IAF MLA signatories, so buyers may not recognize the certificate.`
        : null,
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
    check: ({ certificate: c, factoryProductCategories }) => {
      if (c.factoryId === null || !factoryProductCategories?.length) return null;
      if (factoryProductCategories.some((category) => scopeNames(c.scope, category))) return null;
      return `The certificate's scope names none of the factory's product categories (${factoryProductCategories.join(', ')}).`;
    },
  },
  {
    id: 'surveillance_overdue',
    check: ({ certificate: c, today, lastAuditOn }) => {
      if (!['active', 'suspended'].includes(c.status) || today > c.expiresOn) return null;
      const anchor = lastAuditOn && lastAuditOn > c.issuedOn ? lastAuditOn : c.issuedOn;
      const dueBy = addMonths(anchor, SURVEILLANCE_INTERVAL_MONTHS);
      // The recertification audit before expiry takes the place of a last surveillance.
      if (dueBy >= c.expiresOn) return null;
      const since = anchor === c.issuedOn ? `issue on ${anchor}` : `the audit of ${anchor}`;
      if (today > dueBy) {
        return `No surveillance audit is recorded within ${SURVEILLANCE_INTERVAL_MONTHS} months of ${since} (due by ${dueBy}).`;
      }
      if (c.nextSurveillanceAuditOn !== null && c.nextSurveillanceAuditOn > dueBy) {
        return `The next surveillance audit (${c.nextSurveillanceAuditOn}) falls more than ${SURVEILLANCE_INTERVAL_MONTHS} months after ${since} (due by ${dueBy}).`;
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

/** Every signal the facts raise, in a stable order. */
export function riskSignals(facts: SignalFacts): RiskSignal[] {
  const signals: RiskSignal[] = [];
  for (const rule of RULES) {
    const explanation = rule.check(facts);
    if (explanation !== null) signals.push({ id: rule.id, explanation });
  }
  return signals;
}

/** Whether scope text names a product category, ignoring case and a plural ending. */
export function scopeNames(scope: string, category: string): boolean {
  const text = scope.toLowerCase();
  const term = category.trim().toLowerCase();
  if (term.length === 0) return false;
  if (text.includes(term)) return true;
  const singular = term.replace(/(es|s)$/, '');
  return singular.length >= 3 && singular !== term && text.includes(singular);
}
