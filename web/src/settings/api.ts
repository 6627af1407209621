import { api, unwrap } from '../api/http';
import type { Organization, Page, ReminderPolicy, User } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export function useOrganization(enabled = true) {
  return useApiQuery(
    ['organization'],
    () => unwrap<Organization>(api.GET('/api/v1/organization')),
    enabled,
  );
}

export function useUpdateOrganization() {
  return useApiMutation(
    (body: Schemas['UpdateOrganizationDto']) =>
      unwrap<Organization>(api.PATCH('/api/v1/organization', { body })),
    // timezone and locale are also the reminder policy's (one calendar)
    [['organization'], ['reminder-policy']],
  );
}

export function useReminderPolicy(enabled = true) {
  return useApiQuery(
    ['reminder-policy'],
    () => unwrap<ReminderPolicy>(api.GET('/api/v1/settings/reminders')),
    enabled,
  );
}

export function useUpdateReminderPolicy() {
  return useApiMutation(
    (body: Schemas['UpdateReminderPolicyDto']) =>
      unwrap<ReminderPolicy>(api.PUT('/api/v1/settings/reminders', { body })),
    [['reminder-policy'], ['organization']],
  );
}

export function useUsers(enabled = true) {
  return useApiQuery(
    ['users'],
    () => unwrap<Page<User>>(api.GET('/api/v1/users', { params: { query: { pageSize: 100 } } })),
    enabled,
  );
}

export function useCreateUser() {
  return useApiMutation(
    (body: Schemas['CreateUserDto']) => unwrap<User>(api.POST('/api/v1/users', { body })),
    [['users']],
  );
}

export function useUpdateUser() {
  return useApiMutation(
    ({ id, ...body }: { id: string } & Schemas['UpdateUserDto']) =>
      unwrap<User>(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    [['users']],
  );
}

export type PendingInvitation = Schemas['PendingInvitationResponse'];

export function usePendingInvitations(enabled = true) {
  return useApiQuery(
    ['invitations'],
    () => unwrap<PendingInvitation[]>(api.GET('/api/v1/invitations')),
    enabled,
  );
}

export function useRevokeInvitation() {
  return useApiMutation(
    (id: string) => unwrap<void>(api.DELETE('/api/v1/invitations/{id}', { params: { path: { id } } })),
    [['invitations'], ['users']],
  );
}

export function useRemoveUser() {
  return useApiMutation(
    (id: string) => unwrap<void>(api.DELETE('/api/v1/users/{id}', { params: { path: { id } } })),
    [['users']],
  );
}
