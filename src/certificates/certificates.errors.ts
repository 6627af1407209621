import { DomainError, invalidField, notFound } from '../common/errors';

export const CertificateErrors = {
  notFound: () => notFound('certificate'),
  unknownStandard: (known: string[]) =>
    invalidField(
      'CERTIFICATE.UNKNOWN_STANDARD',
      'standard',
      `standard must be one of: ${known.join(', ')}`,
    ),
  expiresBeforeIssued: () =>
    invalidField('CERTIFICATE.INVALID_DATES', 'expiresOn', 'expiresOn must be after issuedOn'),
  supersededByRenewal: () =>
    invalidField(
      'CERTIFICATE.INVALID_STATUS',
      'status',
      'status superseded is set by renewing the certificate (POST /certificates/:id/renew), not by editing it',
    ),
  alreadySuperseded: () =>
    new DomainError(
      'conflict',
      'CERTIFICATE.ALREADY_SUPERSEDED',
      'The certificate has already been superseded by a renewal; renew or edit the newest one',
    ),
};
