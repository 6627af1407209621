import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role, Session, User } from '../api/models';
import { getToken, onTokenChange, setToken } from '../api/session';
import { followUserLocale } from '../i18n';
import { Loading } from '../shell/ui';
import { useOrganization } from '../settings/api';
import { useMe } from './api';

interface SessionState {
  token: string | null;
  user: User | null;
  role: Role | null;
  isStaff: boolean;
  timezone: string;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setTokenState] = useState(getToken);
  const client = useQueryClient();
  useEffect(() => onTokenChange(setTokenState), []);
  const me = useMe(!!token);
  const user = token ? (me.data ?? null) : null;
  const isStaff = user?.role === 'admin' || user?.role === 'member';
  const organization = useOrganization(!!token && isStaff);
  useEffect(() => followUserLocale(user?.locale), [user?.locale]);

  const value = useMemo<SessionState>(
    () => ({
      token,
      user,
      role: user?.role ?? null,
      isStaff,
      timezone: organization.data?.timezone ?? 'Asia/Shanghai',
      signIn(session) {
        client.clear();
        client.setQueryData(['me'], session.user);
        setToken(session.accessToken);
      },
      signOut() {
        setToken(null);
        client.clear();
      },
    }),
    [token, user, isStaff, organization.data?.timezone, client],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Logged out (or the session expired): to the login page, which returns here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { token, user } = useSession();
  const location = useLocation();
  const [hadToken] = useState(() => !!token);
  if (!token) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const params = new URLSearchParams({ next });
    if (hadToken) params.set('expired', '1');
    return <Navigate to={`/login?${params.toString()}`} replace />;
  }
  if (!user) return <Loading />;
  return <>{children}</>;
}
