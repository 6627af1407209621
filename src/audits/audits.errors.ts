import { DomainError, invalidField, notFound } from '../common/errors';

export const AuditErrors = {
  notFound: () => notFound('audit', 'AUDIT.NOT_FOUND'),
  findingNotFound: () => notFound('finding', 'FINDING.NOT_FOUND'),
  unknownTemplate: (known: string[]) =>
    invalidField(
      'AUDIT.UNKNOWN_CHECKLIST',
      'checklistTemplates',
      `checklistTemplates must be among: ${known.join(', ')}`,
    ),
  unknownQuestion: (index: number, questionId: string) =>
    invalidField(
      'AUDIT.UNKNOWN_QUESTION',
      `answers.${index}.questionId`,
      `question ${questionId} is not in the audit's checklists`,
    ),
  unknownStandard: (known: string[]) =>
    invalidField(
      'AUDIT.UNKNOWN_STANDARD',
      'standards',
      `standards must be among: ${known.join(', ')}`,
    ),
  findingMove: (move: string, status: string, allowedFrom: readonly string[]) =>
    new DomainError(
      'conflict',
      'FINDING.INVALID_TRANSITION',
      `A finding cannot ${move.replace(/_/g, ' ')} from ${status}; it must be ${allowedFrom.join(' or ')}`,
      [{ field: 'status', message: `is ${status}` }],
    ),
  findingMoveForbidden: (move: string) =>
    new DomainError(
      'forbidden',
      'FINDING.FORBIDDEN',
      `Only trader staff may ${move.replace(/_/g, ' ')} a finding`,
    ),
};
