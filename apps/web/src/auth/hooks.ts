import type { TMe } from '@procura/server/auth/schema';
import { useQuery } from '@tanstack/react-query';
import { endsSession, isApiError } from '../api/errors.ts';
import { clearSession, meQueryKey } from '../api/session.ts';
import { fetchMe, fetchPublicInfo, logout } from './api.ts';

/** The signed-in user, or null when there is no session. */
export function useMeQuery() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<TMe | null> => {
      try {
        return await fetchMe();
      } catch (error) {
        if (isApiError(error) && endsSession(error)) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    meta: { silent: true },
  });
}

/** For components below RequireAuth, where the user is known to be signed in. */
export function useMe(): TMe {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() used outside RequireAuth');
  return data;
}

export function usePublicInfo() {
  return useQuery({
    queryKey: ['public', 'info'],
    queryFn: fetchPublicInfo,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Ends the session on the server, then forgets everything cached in the browser. */
export async function signOut(): Promise<void> {
  try {
    await logout();
  } finally {
    clearSession('logout');
  }
}
