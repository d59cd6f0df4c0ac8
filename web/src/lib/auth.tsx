/**
 * The signed-in user: loaded from /api/auth/me at start, its CSRF token handed to the api
 * client, its permissions deciding which menus and actions appear.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onAuthProblem, setCsrfToken } from './api';

export type Permission =
  | 'registry:read' | 'registry:write' | 'registry:import' | 'registry:export'
  | 'pii:reveal' | 'health:reveal' | 'audit:read' | 'admin:users' | 'admin:orgs'
  | 'policy:read' | 'policy:write' | 'policy:run'
  | 'benefit:read' | 'benefit:apply' | 'benefit:review' | 'benefit:approve'
  | 'payment:read' | 'payment:run' | 'payment:approve' | 'payment:account_reveal' | 'comparison:run'
  | 'plan:read' | 'plan:write' | 'measure:handle' | 'visit:write'
  | 'appeal:read' | 'appeal:intake' | 'appeal:dispatch' | 'appeal:handle';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  roles: string[];
  permissions: Permission[];
  mustChangePassword: boolean;
  csrfToken: string;
}

interface Auth {
  me: Me | null;
  loading: boolean;
  refresh: () => Promise<Me | null>;
  signIn: (username: string, password: string) => Promise<Me | null>;
  signOut: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const current = await api.get<Me>('/api/auth/me');
      setCsrfToken(current.csrfToken);
      setMe(current);
      return current;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      setCsrfToken(null);
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setLoading(false));
    return onAuthProblem((error) => {
      if (error.code === 'unauthenticated') {
        setCsrfToken(null);
        setMe(null);
      } else {
        void refresh();
      }
    });
  }, [refresh]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      await api.post('/api/auth/sign-in', { username, password });
      return refresh();
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/sign-out');
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      await api.post('/api/auth/password', { currentPassword, newPassword });
      await refresh();
    },
    [refresh],
  );

  const value = useMemo<Auth>(
    () => ({ me, loading, refresh, signIn, signOut, changePassword, can: (p) => !!me?.permissions.includes(p) }),
    [me, loading, refresh, signIn, signOut, changePassword],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

export const useCan = () => useAuth().can;
