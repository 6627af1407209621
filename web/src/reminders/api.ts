import { api, unwrap } from '../api/http';
import type { Page, Reminder, SignalItem } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { operations } from '../api/schema';

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
