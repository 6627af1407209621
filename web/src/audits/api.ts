import { api, unwrap, untypedBody, uploadFile } from '../api/http';
import type { DocumentFile } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];
export type Audit = Schemas['AuditResponse'];
export type Finding = Schemas['FindingResponse'];
export type Standing = Schemas['FactoryStandingResponse'];
export type ChecklistTemplate = Schemas['ChecklistTemplateResponse'];
export type ChecklistAnswer = Schemas['ChecklistAnswerDto'];
export type FindingFilters = NonNullable<operations['FindingsController_list']['parameters']['query']>;

export const AUDIT_KINDS = ['on_site', 'remote', 'document_review'] as const;
export const FINDING_SEVERITIES = ['major', 'minor', 'observation'] as const;
export const ANSWERS = ['yes', 'partial', 'no', 'not_applicable'] as const;

export function useChecklists() {
  return useApiQuery(['audit-checklists'], () =>
    unwrap<ChecklistTemplate[]>(api.GET('/api/v1/audit-checklists')),
  );
}

export function useFactoryAudits(factoryId: string, enabled = true) {
  return useApiQuery(
    ['audits', factoryId],
    () =>
      unwrap<Schemas['AuditPage']>(
        api.GET('/api/v1/factories/{id}/audits', { params: { path: { id: factoryId }, query: { pageSize: 50 } } }),
      ),
    enabled,
  );
}

export function useStanding(factoryId: string | null | undefined, enabled = true) {
  return useApiQuery(
    ['standing', factoryId],
    () => unwrap<Standing>(api.GET('/api/v1/factories/{id}/standing', { params: { path: { id: factoryId! } } })),
    !!factoryId && enabled,
  );
}

export function useAudit(id: string) {
  return useApiQuery(['audit', id], () =>
    unwrap<Audit>(api.GET('/api/v1/audits/{id}', { params: { path: { id } } })),
  );
}

export interface AuditInput {
  auditedOn: string;
  auditor: string;
  auditorOrganization?: string;
  kind: (typeof AUDIT_KINDS)[number];
  standards: string[];
  processes: string[];
  summary?: string;
}

export function useCreateAudit(factoryId: string) {
  return useApiMutation(
    (body: AuditInput) =>
      unwrap<Audit>(
        api.POST('/api/v1/factories/{id}/audits', {
          params: { path: { id: factoryId } },
          body: untypedBody<Schemas['CreateSupplierAuditDto']>(body),
        }),
      ),
    [['audits', factoryId], ['standing', factoryId]],
  );
}

export function useSaveAnswers(audit: Audit) {
  return useApiMutation(
    (answers: ChecklistAnswer[]) =>
      unwrap<Audit>(
        api.PATCH('/api/v1/audits/{id}', {
          params: { path: { id: audit.id } },
          body: untypedBody<Schemas['UpdateSupplierAuditDto']>({ answers }),
        }),
      ),
    [['audit', audit.id], ['audits', audit.factoryId], ['standing', audit.factoryId]],
  );
}

export function useUploadReport(audit: Audit) {
  return useApiMutation(
    (input: { file: File; onProgress(percent: number): void }) =>
      uploadFile<DocumentFile>('/api/v1/audits/{id}/report', audit.id, input.file, input.onProgress),
    [['audit', audit.id]],
  );
}

export interface FindingInput {
  severity: (typeof FINDING_SEVERITIES)[number];
  clause?: string;
  description: string;
  evidence?: string;
  dueOn?: string;
}

export function useAddFinding(audit: Audit) {
  return useApiMutation(
    (body: FindingInput) =>
      unwrap<Finding>(
        api.POST('/api/v1/audits/{id}/findings', {
          params: { path: { id: audit.id } },
          body: untypedBody<Schemas['CreateFindingDto']>(body),
        }),
      ),
    [['audit', audit.id], ['findings'], ['standing', audit.factoryId]],
  );
}

export function useFindings(query: FindingFilters, enabled = true) {
  return useApiQuery(
    ['findings', query],
    () => unwrap<Schemas['FindingPage']>(api.GET('/api/v1/findings', { params: { query: { pageSize: 100, ...query } } })),
    enabled,
  );
}

export function useFinding(id: string) {
  return useApiQuery(['finding', id], () =>
    unwrap<Finding>(api.GET('/api/v1/findings/{id}', { params: { path: { id } } })),
  );
}

function refreshAfter(finding: Finding) {
  return [['finding', finding.id], ['findings'], ['audit', finding.auditId], ['standing', finding.factoryId]];
}

export function useProposeAction(finding: Finding) {
  return useApiMutation(
    (correctiveAction: string) =>
      unwrap<Finding>(
        api.POST('/api/v1/findings/{id}/corrective-action', {
          params: { path: { id: finding.id } },
          body: { correctiveAction },
        }),
      ),
    refreshAfter(finding),
  );
}

export function useUploadEvidence(finding: Finding) {
  return useApiMutation(
    (input: { file: File; onProgress(percent: number): void }) =>
      uploadFile<DocumentFile>('/api/v1/findings/{id}/evidence', finding.id, input.file, input.onProgress),
    refreshAfter(finding),
  );
}

export function useReviewFinding(finding: Finding, action: 'close' | 'reopen') {
  return useApiMutation(
    (note: string | undefined) =>
      unwrap<Finding>(
        action === 'close'
          ? api.POST('/api/v1/findings/{id}/close', {
              params: { path: { id: finding.id } },
              body: untypedBody<Schemas['ReviewFindingDto']>({ note }),
            })
          : api.POST('/api/v1/findings/{id}/reopen', {
              params: { path: { id: finding.id } },
              body: untypedBody<Schemas['ReopenFindingDto']>({ note }),
            }),
      ),
    refreshAfter(finding),
  );
}
