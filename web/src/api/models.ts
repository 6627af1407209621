/**
 * The shapes of the API's answers, as its response DTOs define them (src/ * /dto/*.response.ts).
 * The request bodies and parameters are checked against the generated schema; these
 * answer types stand in where the OpenAPI document does not (yet) describe a response.
 */
export type Role = 'admin' | 'member' | 'factory_manager';
export type Locale = 'en' | 'zh-CN';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  factoryId: string | null;
  organizationId: string;
  createdAt: string;
}

/** GET /auth/me: who is calling (the token's actor) and their organization. */
export interface Me {
  user: {
    userId: string;
    organizationId: string;
    role: Role;
    factoryId: string | null;
    email: string;
    name: string;
    locale: string | null;
  };
  organization: Organization;
}

export interface Session {
  accessToken: string;
  user: User;
}

export interface Organization {
  id: string;
  name: string;
  timezone: string;
  locale: string;
  businessScope: string | null;
  createdAt: string;
}

export const FACTORY_STATUSES = ['prospect', 'active', 'suspended', 'ended'] as const;
export type FactoryStatus = (typeof FACTORY_STATUSES)[number];

export interface Factory {
  id: string;
  name: string;
  country: string;
  city: string | null;
  address: string | null;
  licenseNumber: string | null;
  businessScope: string | null;
  contactEmail: string | null;
  productCategories: string[];
  status: FactoryStatus;
  createdAt: string;
  updatedAt: string;
}

export const CERTIFICATE_STATUSES = [
  'active',
  'suspended',
  'withdrawn',
  'expired',
  'superseded',
] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export type VerificationState = 'verified' | 'unverified' | 'pending_registry' | 'failed';

export interface RiskSignal {
  id: string;
  explanation: string;
}

export interface Certificate {
  id: string;
  factoryId: string | null;
  holder: 'factory' | 'own';
  standard: string;
  certificateNumber: string;
  certificationBody: string;
  accreditationBody: string | null;
  scope: string;
  sites: string[];
  productCategories: string[];
  iafCodes: number[];
  issuedOn: string;
  expiresOn: string;
  nextSurveillanceAuditOn: string | null;
  status: CertificateStatus;
  daysUntilExpiry: number;
  supersedesId: string | null;
  supersededById: string | null;
  createdAt: string;
  updatedAt: string;
  verification?: {
    state: VerificationState;
    lastCheck: { id: string; method: string; result: string; checkedOn: string } | null;
  };
  signals?: RiskSignal[];
}

export interface Standard {
  code: string;
  family: string;
  edition: string;
  title: string;
  certifiableUntil: string | null;
}

export interface DocumentFile {
  id: string;
  certificateId: string | null;
  submissionId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  version: number;
  uploadedById: string | null;
  createdAt: string;
  downloadUrl: string;
}

export interface Verification {
  id: string;
  certificateId: string;
  method: string;
  result: string;
  checkedOn: string;
  evidenceUrl: string | null;
  notes: string | null;
  source: string;
  registryReference: string | null;
  createdAt: string;
}

export interface CertificationAudit {
  id: string;
  certificateId: string;
  kind: string;
  auditedOn: string;
  notes: string | null;
  createdAt: string;
}

export interface AuditEvent {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export const SUBMISSION_KINDS = [
  'new_certificate',
  'renewal',
  'status_change',
  'surveillance_audit',
] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export type SubmissionStatus = 'pending_review' | 'approved' | 'rejected';

export interface Submission {
  id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  factoryId: string | null;
  certificateId: string | null;
  proposal: Record<string, unknown>;
  note: string | null;
  submittedById: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  resultCertificateId: string | null;
  createdAt: string;
  updatedAt: string;
  documents?: DocumentFile[];
}

export const AGREEMENT_KINDS = [
  'certification_cooperation',
  'scope_expansion',
  'audit_disclosure',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_STATUSES = [
  'draft',
  'negotiating',
  'signed',
  'in_progress',
  'certified',
  'terminated',
  'lapsed',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export interface Milestone {
  id: string;
  agreementId: string;
  name: string;
  owner: 'trader' | 'factory';
  dueOn: string;
  completedOn: string | null;
  status: 'pending' | 'done' | 'skipped';
  daysLeft: number | null;
  overdue: boolean;
  plannedDays: number;
  position: number;
  templateKey: string | null;
}

export interface Agreement {
  id: string;
  factoryId: string | null;
  kind: AgreementKind;
  title: string;
  standards: string[];
  productCategories: string[];
  startsOn: string;
  targetOn: string;
  status: AgreementStatus;
  allowedNextStatuses: AgreementStatus[];
  notes: string | null;
  plan: string | null;
  certificateId: string | null;
  progress: { done: number; total: number; skipped: number };
  nextMilestone: Milestone | null;
  atRisk: boolean;
  atRiskReason: { code?: string; message?: string; [key: string]: unknown } | string | null;
  milestones?: Milestone[];
}

export interface PlanTemplate {
  id: string;
  name: string;
  description?: string;
  months?: number;
}

export interface Buyer {
  id: string;
  name: string;
  country: string;
  contactEmail: string | null;
}

export interface Requirement {
  id: string;
  buyerId: string;
  standard: string;
  productCategory: string;
}

export interface Gap {
  rule: string;
  buyerId: string;
  requirementId: string;
  factoryId: string | null;
  standard: string;
  productCategory: string;
  certificateId: string | null;
  explanation: string;
}

export interface Coverage {
  buyer: { id: string; name: string; country: string };
  today: string;
  horizonDays: number;
  requirements: {
    requirementId: string;
    standard: string;
    productCategory: string;
    status: string;
    certificate: {
      id: string;
      factoryName: string | null;
      certificateNumber: string;
      expiresOn: string;
      status: string;
    } | null;
    gaps: Gap[];
  }[];
}

export interface Reminder {
  id: string;
  kind: string;
  dedupeKey: string;
  subjectType: string;
  subjectId: string;
  factoryId: string | null;
  recipient: string;
  locale: string;
  escalated: boolean;
  dueOn: string;
  scanOn: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface ReminderPolicy {
  thresholdsDays: number[];
  sendHour: number;
  timezone: string;
  locale: string;
  escalateAfterDays: number;
  overdueRepeatDays: number;
  isDefault: boolean;
  horizonDays?: number;
}

export interface SignalItem extends RiskSignal {
  certificateId: string;
  factoryId: string | null;
  standard: string;
  certificateNumber: string;
}
