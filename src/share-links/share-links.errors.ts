import { DomainError, invalidField, notFound } from '../common/errors';

export const ShareLinkErrors = {
  notFound: () => notFound('share_link', 'SHARE_LINK.NOT_FOUND'),
  gone: (why: 'revoked' | 'expired') =>
    new DomainError(
      'gone',
      `SHARE_LINK.${why.toUpperCase()}`,
      why === 'revoked'
        ? 'This link was withdrawn by the sender; ask them for a new one'
        : 'This link has expired; ask the sender for a new one',
    ),
  expiresAt: (message: string) => invalidField('SHARE_LINK.INVALID_EXPIRY', 'expiresAt', message),
};
