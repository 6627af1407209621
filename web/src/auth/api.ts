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
