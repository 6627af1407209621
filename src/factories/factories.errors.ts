import { DomainError, invalidField, notFound } from '../common/errors';
import { USCC_MESSAGES, UsccProblem } from './uscc';

export const FactoryErrors = {
  notFound: () => notFound('factory'),
  invalidLicense: (problem: UsccProblem) =>
    invalidField('FACTORY.INVALID_LICENSE_NUMBER', 'licenseNumber', USCC_MESSAGES[problem]),
  contactMailAdminOnly: () =>
    new DomainError(
      'forbidden',
      'FACTORY.CONTACT_MAIL_ADMIN_ONLY',
      "Only an admin may turn the factory contact's mail on or off",
    ),
  hasCertificates: (count: number) =>
    new DomainError(
      'conflict',
      'FACTORY.HAS_CERTIFICATES',
      `The factory still has ${count} certificate(s); set its status to ended before deleting it`,
    ),
};
