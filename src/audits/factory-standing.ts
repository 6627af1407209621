import { addMonths } from '../common/dates';
import type { FindingSeverity } from './finding-due';

/**
 * A factory's standing as a supplier, derived from its certificates, its latest supplier
 * audit and its unresolved findings. Pure: "today" and every fact are passed in.
 *
 * Status, by the first rule that applies:
 * 1. not_approved: a major finding is unresolved past its due date;
 * 2. not_approved: the latest audit (within AUDIT_VALID_MONTHS) scored below PASS_SCORE;
 * 3. not_approved: no active certificate and no audit within AUDIT_VALID_MONTHS: nothing vouches for it;
 * 4. conditional: a major finding is unresolved (not yet due);
 * 5. conditional: no scored audit within AUDIT_VALID_MONTHS;
 * 6. conditional: the latest audit scored below APPROVAL_SCORE;
 * 7. conditional: no active certificate;
 * 8. conditional: a minor finding is unresolved past its due date;
 * 9. conditional: no active certificate has been verified;
 * 10. approved otherwise.
 *
 * Score (0–100): 60% of the latest audit's score (0 without a valid scored audit), plus 40
 * for an active verified certificate (25 when active but unverified), minus 15 for each
 * unresolved major finding and 5 for each unresolved minor one.
 */
export const STANDING_STATUSES = ['approved', 'conditional', 'not_approved'] as const;
export type StandingStatus = (typeof STANDING_STATUSES)[number];

/** A supplier audit older than this no longer vouches for the factory (a certificate cycle). */
export const AUDIT_VALID_MONTHS = 36;
export const APPROVAL_SCORE = 80;
export const PASS_SCORE = 60;

export type StandingReason =
  | 'major_finding_overdue'
  | 'audit_failed'
  | 'no_evidence'
  | 'major_finding_open'
  | 'no_recent_audit'
  | 'audit_score_low'
  | 'no_certificate'
  | 'minor_finding_overdue'
  | 'certificate_unverified'
  | 'approved';

export interface StandingCertificate {
  standard: string;
  status: string;
  expiresOn: string;
  verified: boolean;
}

export interface StandingFinding {
  severity: FindingSeverity;
  clause: string | null;
  dueOn: string | null;
}

export interface StandingInputs {
  today: string;
  certificates: StandingCertificate[];
  /** The factory's most recent audit, or null. */
  latestAudit: { auditedOn: string; overallScore: number | null } | null;
  /** Findings not yet verified closed. */
  unresolvedFindings: StandingFinding[];
}

export interface StandingFacts {
  auditedOn?: string;
  auditScore?: number;
  clause?: string | null;
  dueOn?: string;
  certificateCount?: number;
}

export interface FactoryStanding {
  status: StandingStatus;
  score: number;
  reason: StandingReason;
  facts: StandingFacts;
}

export function factoryStanding(input: StandingInputs): FactoryStanding {
  const { today } = input;
  const active = input.certificates.filter((c) => c.status === 'active' && c.expiresOn >= today);
  const verified = active.filter((c) => c.verified);
  const audit =
    input.latestAudit && addMonths(input.latestAudit.auditedOn, AUDIT_VALID_MONTHS) >= today
      ? input.latestAudit
      : null;
  const auditScore = audit?.overallScore ?? null;
  const majors = input.unresolvedFindings.filter((f) => f.severity === 'major');
  const minors = input.unresolvedFindings.filter((f) => f.severity === 'minor');
  const overdue = (f: StandingFinding) => f.dueOn !== null && f.dueOn < today;
  const earliest = (findings: StandingFinding[]) =>
    [...findings].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))[0];

  const score = Math.max(
    0,
    Math.min(
      100,
      Math.round(
        (auditScore ?? 0) * 0.6 +
          (verified.length > 0 ? 40 : active.length > 0 ? 25 : 0) -
          15 * majors.length -
          5 * minors.length,
      ),
    ),
  );
  const auditFacts = audit
    ? { auditedOn: audit.auditedOn, ...(auditScore !== null ? { auditScore } : {}) }
    : {};
  const decide = (
    status: StandingStatus,
    reason: StandingReason,
    facts: StandingFacts = {},
  ): FactoryStanding => ({ status, score, reason, facts });

  const overdueMajor = earliest(majors.filter(overdue));
  if (overdueMajor)
    return decide('not_approved', 'major_finding_overdue', {
      clause: overdueMajor.clause,
      dueOn: overdueMajor.dueOn ?? undefined,
    });
  if (auditScore !== null && auditScore < PASS_SCORE)
    return decide('not_approved', 'audit_failed', auditFacts);
  if (active.length === 0 && !audit) return decide('not_approved', 'no_evidence');
  const openMajor = earliest(majors);
  if (openMajor)
    return decide('conditional', 'major_finding_open', {
      clause: openMajor.clause,
      dueOn: openMajor.dueOn ?? undefined,
    });
  if (auditScore === null) return decide('conditional', 'no_recent_audit', auditFacts);
  if (auditScore < APPROVAL_SCORE) return decide('conditional', 'audit_score_low', auditFacts);
  if (active.length === 0) return decide('conditional', 'no_certificate', auditFacts);
  const overdueMinor = earliest(minors.filter(overdue));
  if (overdueMinor)
    return decide('conditional', 'minor_finding_overdue', {
      clause: overdueMinor.clause,
      dueOn: overdueMinor.dueOn ?? undefined,
    });
  if (verified.length === 0)
    return decide('conditional', 'certificate_unverified', { certificateCount: active.length });
  return decide('approved', 'approved', { ...auditFacts, certificateCount: verified.length });
}

const clauseEn = (f: StandingFacts) => (f.clause ? ` (clause ${f.clause})` : '');
const clauseZh = (f: StandingFacts) => (f.clause ? `（条款 ${f.clause}）` : '');

/** The standing in one sentence, in English or Simplified Chinese. */
export function explainStanding(standing: FactoryStanding, locale: 'en' | 'zh-CN'): string {
  const f = standing.facts;
  if (locale === 'zh-CN') {
    switch (standing.reason) {
      case 'major_finding_overdue':
        return `不批准：一项严重不符合项${clauseZh(f)}的整改已超过 ${f.dueOn} 的期限仍未关闭。`;
      case 'audit_failed':
        return `不批准：${f.auditedOn} 的供应商审核得分 ${f.auditScore}，低于及格线 ${PASS_SCORE} 分。`;
      case 'no_evidence':
        return `不批准：既没有有效证书，也没有近 ${AUDIT_VALID_MONTHS / 12} 年内的供应商审核。`;
      case 'major_finding_open':
        return `有条件批准：一项严重不符合项${clauseZh(f)}尚未关闭，整改期限为 ${f.dueOn}。`;
      case 'no_recent_audit':
        return `有条件批准：近 ${AUDIT_VALID_MONTHS / 12} 年内没有已评分的供应商审核。`;
      case 'audit_score_low':
        return `有条件批准：${f.auditedOn} 的供应商审核得分 ${f.auditScore}，低于批准线 ${APPROVAL_SCORE} 分。`;
      case 'no_certificate':
        return `有条件批准：审核通过，但工厂没有有效的体系认证证书。`;
      case 'minor_finding_overdue':
        return `有条件批准：一项轻微不符合项${clauseZh(f)}的整改已超过 ${f.dueOn} 的期限。`;
      case 'certificate_unverified':
        return `有条件批准：工厂的有效证书尚未经过核验。`;
      case 'approved':
        return `批准：${f.auditedOn} 的供应商审核得分 ${f.auditScore}，证书有效且已核验，没有未关闭的严重不符合项。`;
    }
  }
  switch (standing.reason) {
    case 'major_finding_overdue':
      return `Not approved: a major finding${clauseEn(f)} is still open past its due date of ${f.dueOn}.`;
    case 'audit_failed':
      return `Not approved: the supplier audit of ${f.auditedOn} scored ${f.auditScore}, below the pass mark of ${PASS_SCORE}.`;
    case 'no_evidence':
      return `Not approved: there is no active certificate and no supplier audit in the last ${AUDIT_VALID_MONTHS / 12} years.`;
    case 'major_finding_open':
      return `Conditional: a major finding${clauseEn(f)} is open, with its corrective action due on ${f.dueOn}.`;
    case 'no_recent_audit':
      return `Conditional: there is no scored supplier audit in the last ${AUDIT_VALID_MONTHS / 12} years.`;
    case 'audit_score_low':
      return `Conditional: the supplier audit of ${f.auditedOn} scored ${f.auditScore}, below the approval mark of ${APPROVAL_SCORE}.`;
    case 'no_certificate':
      return 'Conditional: the audit passed, but the factory holds no active management-system certificate.';
    case 'minor_finding_overdue':
      return `Conditional: a minor finding${clauseEn(f)} is still open past its due date of ${f.dueOn}.`;
    case 'certificate_unverified':
      return "Conditional: the factory's active certificates have not been verified yet.";
    case 'approved':
      return `Approved: the supplier audit of ${f.auditedOn} scored ${f.auditScore}, its certificates are active and verified, and no major finding is open.`;
  }
}
