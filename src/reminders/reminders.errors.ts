import { DomainError, invalidField, notFound } from '../common/errors';

export const ReminderErrors = {
  notFound: () => notFound('reminder', 'REMINDER.NOT_FOUND'),
  quietUntil: (message: string) =>
    invalidField('REMINDER.INVALID_QUIET_UNTIL', 'quietUntil', message),
  linkInvalid: () =>
    invalidField(
      'REMINDER.LINK_INVALID',
      'token',
      'This acknowledgement link is not valid; open the reminder in certpact instead',
    ),
  unsubscribeInvalid: () =>
    invalidField(
      'REMINDER.UNSUBSCRIBE_LINK_INVALID',
      'token',
      'This unsubscribe link is not valid',
    ),
  linkGone: (why: 'used' | 'expired') =>
    new DomainError(
      'gone',
      `REMINDER.LINK_${why.toUpperCase()}`,
      why === 'used'
        ? 'This acknowledgement link was already used'
        : 'This acknowledgement link has expired; open the reminder in certpact instead',
    ),
};
