import type { components } from './schema';

/**
 * The shapes of the API's answers, named for the pages that show them. Every type is the
 * generated schema's (web/src/api/schema.d.ts, from the service's response DTOs), so a
 * change to the API that the web app does not follow fails `npm run typecheck:web`.
 */
type Schemas = components['schemas'];

export type Role = Schemas['UserResponse']['role'];
export type Locale = 'en' | 'zh-CN';

/** A paginated answer: every `*Page` schema has this shape. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type User = Schemas['UserResponse'];
/** GET /auth/me: who is calling (the token's actor) and their organization. */
export type Me = Schemas['MeResponse'];
export type Session = Schemas['SessionResponse'];
export type Organization = Schemas['OrganizationResponse'];

export type FactoryStatus = Schemas['FactoryResponse']['status'];
export const FACTORY_STATUSES = [
  'prospect',
  'active',
  'suspended',
  'ended',
] as const satisfies readonly FactoryStatus[];
export type Factory = Schemas['FactoryResponse'];

export type CertificateStatus = Schemas['CertificateDetailResponse']['status'];
export const CERTIFICATE_STATUSES = [
  'active',
  'suspended',
  'withdrawn',
  'expired',
  'superseded',
] as const satisfies readonly CertificateStatus[];
export type VerificationState = Schemas['CertificateVerificationSummaryResponse']['state'];
export type RiskSignal = Schemas['RiskSignalResponse'];
export type Certificate = Schemas['CertificateDetailResponse'];
export type Standard = Schemas['StandardResponse'];
export type DocumentFile = Schemas['DocumentResponse'];
export type Verification = Schemas['VerificationRecordResponse'];
export type CertificationAudit = Schemas['CertificationAuditResponse'];
export type AuditEvent = Schemas['AuditEventResponse'];

export type SubmissionKind = Schemas['SubmissionResponse']['kind'];
export const SUBMISSION_KINDS = [
  'new_certificate',
  'renewal',
  'status_change',
  'surveillance_audit',
] as const satisfies readonly SubmissionKind[];
export type SubmissionStatus = Schemas['SubmissionResponse']['status'];
export type Submission = Schemas['SubmissionResponse'];

export type AgreementKind = Schemas['AgreementResponse']['kind'];
export const AGREEMENT_KINDS = [
  'certification_cooperation',
  'scope_expansion',
  'audit_disclosure',
] as const satisfies readonly AgreementKind[];
export type AgreementStatus = Schemas['AgreementResponse']['status'];
export const AGREEMENT_STATUSES = [
  'draft',
  'negotiating',
  'signed',
  'in_progress',
  'certified',
  'terminated',
  'lapsed',
] as const satisfies readonly AgreementStatus[];
export type Milestone = Schemas['MilestoneResponse'];
export type Agreement = Schemas['AgreementResponse'];
export type PlanTemplate = Schemas['PlanTemplateResponse'];

export type Buyer = Schemas['BuyerResponse'];
export type Requirement = Schemas['RequirementResponse'];
export type Gap = Schemas['GapResponse'];
export type Coverage = Schemas['CoverageResponse'];

export type Reminder = Schemas['ReminderResponse'];
export type ReminderPolicy = Schemas['ReminderPolicyResponse'];
export type SignalItem = Schemas['SignalListItem'];
