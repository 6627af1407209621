import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me, Role, Session } from '../api/models';
import { getToken, onTokenChange, setToken } from '../api/session';
import { followUserLocale } from '../i18n';
import { Loading } from '../shell/ui';
import { useMe } from './api';

interface SessionState {
  token: string | null;
  user: Me['user'] | null;
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
  const user = token ? (me.data?.user ?? null) : null;
  const isStaff = user?.role === 'admin' || user?.role === 'member';
  const timezone = me.data?.organization.timezone ?? 'Asia/Shanghai';
  useEffect(() => followUserLocale(user?.locale), [user?.locale]);

  const value = useMemo<SessionState>(
    () => ({
      token,
      user,
      role: user?.role ?? null,
      isStaff,
      timezone,
      signIn(session) {
        client.clear();
        setToken(session.accessToken);
      },
      signOut() {
        setToken(null);
        client.clear();
      },
    }),
    [token, user, isStaff, timezone, client],
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
