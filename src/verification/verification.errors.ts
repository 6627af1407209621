import { DomainError, invalidField, notFound } from '../common/errors';

export const VerificationErrors = {
  noRegistry: () =>
    new DomainError(
      'unavailable',
      'VERIFICATION.NO_REGISTRY',
      'No certificate registry is configured: set IAF_CERTSEARCH_URL and IAF_CERTSEARCH_API_KEY to verify certificates automatically, or record a manual check with POST /api/v1/certificates/:id/verifications',
    ),
  checkedInFuture: (today: string) =>
    invalidField(
      'VERIFICATION.CHECKED_IN_FUTURE',
      'checkedOn',
      `checkedOn must not be after today (${today})`,
    ),
  auditedInFuture: (today: string) =>
    invalidField(
      'VERIFICATION.AUDITED_IN_FUTURE',
      'auditedOn',
      `auditedOn must not be after today (${today})`,
    ),
  jobNotFound: () => notFound('verification_job'),
  noCurrentCertificates: () =>
    invalidField(
      'VERIFICATION.NOTHING_TO_VERIFY',
      'all',
      'The organization has no active or suspended certificate to verify',
    ),
  queueUnavailable: () =>
    new DomainError(
      'unavailable',
      'VERIFICATION.QUEUE_UNAVAILABLE',
      'The job queue (Redis) cannot be reached, so bulk verification is unavailable; check REDIS_URL and GET /api/v1/health',
    ),
};
