import { api, unwrap } from '../api/http';
import type { Me, Session } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export function useMe(enabled: boolean) {
  return useApiQuery(['me'], () => unwrap<Me>(api.GET('/api/v1/auth/me')), enabled);
}

export function useLogin() {
  return useApiMutation((body: Schemas['LoginDto']) =>
    unwrap<Session>(api.POST('/api/v1/auth/login', { body })),
  );
}

export function useSignup() {
  return useApiMutation((body: Schemas['SignupDto']) =>
    unwrap<Session>(api.POST('/api/v1/auth/signup', { body })),
  );
}

export function useAcceptInvitation() {
  return useApiMutation((body: Schemas['AcceptInvitationDto']) =>
    unwrap<Session>(api.POST('/api/v1/auth/accept-invitation', { body })),
  );
}

export function useRequestPasswordReset() {
  return useApiMutation((body: Schemas['PasswordResetRequestDto']) =>
    unwrap<Schemas['PasswordResetRequestedResponse']>(api.POST('/api/v1/auth/password-reset', { body })),
  );
}

export function useConfirmPasswordReset() {
  return useApiMutation((body: Schemas['PasswordResetConfirmDto']) =>
    unwrap<void>(api.POST('/api/v1/auth/password-reset/confirm', { body })),
  );
}

export function useChangePassword() {
  return useApiMutation((body: Schemas['ChangePasswordDto']) =>
    unwrap<Session>(api.POST('/api/v1/auth/change-password', { body })),
  );
}
