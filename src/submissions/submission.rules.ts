import type { FieldProblem } from '../common/errors';
import type { CertificateStatus } from '../certificates/certificate.entity';
import type { SubmissionKind } from './submission.entity';

/** The statuses a factory may report; `superseded` comes from a renewal, `expired` from the calendar. */
export const REPORTABLE_STATUSES = [
  'suspended',
  'withdrawn',
] as const satisfies readonly CertificateStatus[];

export interface ProposedChange {
  kind: SubmissionKind;
  certificateId?: string;
  factoryId?: string | null;
  certificate?: { issuedOn?: string; expiresOn?: string };
  status?: string;
  nextSurveillanceAuditOn?: string;
}

/** What each kind needs, and what it must not carry (so a reviewer sees exactly what will change). */
const SHAPES: Record<
  SubmissionKind,
  { required: (keyof ProposedChange)[]; forbidden: (keyof ProposedChange)[] }
> = {
  new_certificate: {
    required: ['certificate'],
    forbidden: ['certificateId', 'status', 'nextSurveillanceAuditOn'],
  },
  renewal: {
    required: ['certificateId', 'certificate'],
    forbidden: ['factoryId', 'status', 'nextSurveillanceAuditOn'],
  },
  status_change: {
    required: ['certificateId', 'status'],
    forbidden: ['factoryId', 'certificate', 'nextSurveillanceAuditOn'],
  },
  surveillance_audit: {
    required: ['certificateId', 'nextSurveillanceAuditOn'],
    forbidden: ['factoryId', 'certificate', 'status'],
  },
};

/** Every problem of a proposed change's shape, each naming its field; empty when it is well formed. */
export function submissionProblems(change: ProposedChange): FieldProblem[] {
  const shape = SHAPES[change.kind];
  const problems: FieldProblem[] = [];
  for (const field of shape.required) {
    if (change[field] === undefined || change[field] === null) {
      problems.push({ field, message: `${field} is required for a ${change.kind} submission` });
    }
  }
  for (const field of shape.forbidden) {
    if (change[field] !== undefined) {
      problems.push({ field, message: `${field} is not part of a ${change.kind} submission` });
    }
  }
  const dates = change.certificate;
  if (dates?.issuedOn && dates.expiresOn && dates.expiresOn <= dates.issuedOn) {
    problems.push({ field: 'certificate.expiresOn', message: 'expiresOn must be after issuedOn' });
  }
  return problems;
}
