import { DomainError, invalidField, notFound } from '../common/errors';

export const AgreementErrors = {
  notFound: () => notFound('agreement'),
  milestoneNotFound: () => notFound('milestone'),
  unknownStandards: (unknown: string[], known: string[]) =>
    invalidField(
      'AGREEMENT.UNKNOWN_STANDARD',
      'standards',
      `standards has unknown code(s) ${unknown.join(', ')}; each must be one of: ${known.join(', ')}`,
    ),
  unknownPlan: (known: string[]) =>
    invalidField('AGREEMENT.UNKNOWN_PLAN', 'plan', `plan must be one of: ${known.join(', ')}`),
  factoryRequired: (kind: string) =>
    invalidField(
      'AGREEMENT.FACTORY_REQUIRED',
      'factoryId',
      `factoryId is required for a ${kind} agreement; only scope_expansion may have no factory`,
    ),
  targetRequired: () =>
    invalidField(
      'AGREEMENT.TARGET_REQUIRED',
      'targetOn',
      'targetOn is required unless a plan is given (then it defaults to the end of the plan)',
    ),
  targetNotAfterStart: () =>
    invalidField('AGREEMENT.INVALID_DATES', 'targetOn', 'targetOn must be after startsOn'),
  illegalTransition: (message: string) =>
    new DomainError('conflict', 'AGREEMENT.ILLEGAL_TRANSITION', message, [
      { field: 'status', message },
    ]),
  changedMeanwhile: () =>
    new DomainError(
      'conflict',
      'AGREEMENT.CHANGED',
      'The agreement changed status meanwhile; read it again and retry',
    ),
  notCertified: (status: string) => {
    const message = `certificateId can be linked once the agreement is certified (it is ${status})`;
    return new DomainError('conflict', 'AGREEMENT.NOT_CERTIFIED', message, [
      { field: 'certificateId', message },
    ]);
  },
  completedOnNotDone: () =>
    invalidField(
      'MILESTONE.INVALID_COMPLETED_ON',
      'completedOn',
      'completedOn can only be set on a done milestone',
    ),
  completedOnMissing: () =>
    invalidField(
      'MILESTONE.INVALID_COMPLETED_ON',
      'completedOn',
      'completedOn must be a date for a done milestone (leave it out for today)',
    ),
  completedInFuture: (today: string) =>
    invalidField(
      'MILESTONE.COMPLETED_IN_FUTURE',
      'completedOn',
      `completedOn must not be after today (${today} in the organization's timezone)`,
    ),
  managerMayOnlyComplete: () =>
    new DomainError(
      'forbidden',
      'MILESTONE.FORBIDDEN_CHANGE',
      'A factory manager may only mark a milestone done or pending (status and completedOn)',
    ),
};
