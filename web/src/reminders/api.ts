import { api, unwrap } from '../api/http';
import type { Page, Reminder, SignalItem } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components, operations } from '../api/schema';

export type ReminderFilters = NonNullable<
  operations['RemindersController_list']['parameters']['query']
>;

export function useReminders(query: ReminderFilters = {}, enabled = true) {
  return useApiQuery(
    ['reminders', query],
    () =>
      unwrap<Page<Reminder>>(
        api.GET('/api/v1/reminders', { params: { query: { pageSize: 100, ...query } } }),
      ),
    enabled,
  );
}

export function useRetryReminder() {
  return useApiMutation(
    (id: string) => unwrap<Reminder>(api.POST('/api/v1/reminders/{id}/retry', { params: { path: { id } } })),
    [['reminders']],
  );
}

export function useSignals(enabled = true) {
  return useApiQuery(
    ['signals'],
    () => unwrap<Page<SignalItem>>(api.GET('/api/v1/signals', { params: { query: { pageSize: 100 } } })),
    enabled,
  );
}

export type ReminderAcknowledgement = components['schemas']['ReminderAcknowledgementResponse'];

export function useAcknowledgeReminder() {
  return useApiMutation(
    ({ id, note, quietUntil }: { id: string; note: string; quietUntil: string }) =>
      unwrap<ReminderAcknowledgement>(
        api.POST('/api/v1/reminders/{id}/acknowledge', {
          params: { path: { id } },
          body: { note, quietUntil },
        }),
      ),
    [['reminders']],
  );
}

/** The digest's one-click link: the token is the credential, no login. */
export function useAcknowledgeByLink() {
  return useApiMutation(
    (body: { token: string; note?: string; quietUntil?: string }) =>
      unwrap<ReminderAcknowledgement>(api.POST('/api/v1/reminders/acknowledge-link', { body })),
    [],
  );
}

export type ContactUnsubscribePreview = components['schemas']['ContactUnsubscribePreview'];
export type ContactUnsubscribeResult = components['schemas']['ContactUnsubscribeResponse'];

/** What the contact's unsubscribe link would do: reading it changes nothing. */
export function useUnsubscribePreview(token: string) {
  return useApiQuery(
    ['contact-unsubscribe', token],
    () =>
      unwrap<ContactUnsubscribePreview>(
        api.GET('/api/v1/contacts/unsubscribe', { params: { query: { token } } }),
      ),
    token !== '',
  );
}

/** The contact's "stop": the token is the credential, no login. */
export function useUnsubscribeContact() {
  return useApiMutation(
    (token: string) =>
      unwrap<ContactUnsubscribeResult>(
        api.POST('/api/v1/contacts/unsubscribe', { params: { query: { token } } }),
      ),
    [],
  );
}
