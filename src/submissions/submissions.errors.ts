import { DomainError, notFound } from '../common/errors';
import type { FieldProblem } from '../common/errors';

export const SubmissionErrors = {
  notFound: () => notFound('submission'),
  invalid: (problems: FieldProblem[]) =>
    new DomainError(
      'invalid',
      'SUBMISSION.INVALID',
      problems.map((p) => p.message).join('; '),
      problems,
    ),
  alreadyDecided: (status: string) =>
    new DomainError(
      'conflict',
      'SUBMISSION.ALREADY_DECIDED',
      `The submission has already been ${status.replace('_', ' ')}`,
    ),
  certificateSuperseded: () =>
    new DomainError(
      'conflict',
      'SUBMISSION.CERTIFICATE_SUPERSEDED',
      'The certificate has already been superseded by a renewal; submit against the newest one',
      [{ field: 'certificateId', message: 'certificateId names a superseded certificate' }],
    ),
};
