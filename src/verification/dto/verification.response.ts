import type { VerificationState } from '../../certificates/certificate-links';
import type { CertificateAudit } from '../certificate-audit.entity';
import type { RiskSignal } from '../signals/signal.rules';
import type { CertificateVerification } from '../verification.entity';

export interface VerificationRecordResponse {
  id: string;
  certificateId: string;
  method: string;
  result: string;
  checkedOn: string;
  evidenceUrl: string | null;
  notes: string | null;
  source: string;
  registryReference: string | null;
  createdById: string | null;
  createdAt: string;
}

export function toVerificationResponse(
  record: CertificateVerification,
): VerificationRecordResponse {
  return {
    id: record.id,
    certificateId: record.certificateId,
    method: record.method,
    result: record.result,
    checkedOn: record.checkedOn,
    evidenceUrl: record.evidenceUrl,
    notes: record.notes,
    source: record.source,
    registryReference: record.registryReference,
    createdById: record.createdById,
    createdAt: record.createdAt.toISOString(),
  };
}

/** What a certificate answers about its verification. */
export interface VerificationSummary {
  state: VerificationState;
  lastCheck: { id: string; method: string; result: string; checkedOn: string } | null;
}

export interface AuditResponse {
  id: string;
  certificateId: string;
  kind: string;
  auditedOn: string;
  notes: string | null;
  createdAt: string;
}

export function toAuditResponse(audit: CertificateAudit): AuditResponse {
  return {
    id: audit.id,
    certificateId: audit.certificateId,
    kind: audit.kind,
    auditedOn: audit.auditedOn,
    notes: audit.notes,
    createdAt: audit.createdAt.toISOString(),
  };
}

export interface SignalListItem extends RiskSignal {
  certificateId: string;
  factoryId: string | null;
  standard: string;
  certificateNumber: string;
}
