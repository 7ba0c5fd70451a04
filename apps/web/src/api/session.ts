import type { TMe } from '@procura/server/auth/schema';
import { notifyWarning } from './notify.ts';
import { queryClient } from './queryClient.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** Keys whose answers do not depend on who is signed in. */
const sessionFree = new Set<unknown>([meQueryKey[0], 'public']);

/**
 * Why the last session ended. After an explicit logout the next login starts at 工作台; after a
 * lost session (expiry) it returns to the page the user was on.
 */
let lastEnd: 'logout' | 'lost' = 'lost';

export function sessionEndedByLogout(): boolean {
  return lastEnd === 'logout';
}

export function sessionStarted(user: TMe): void {
  lastEnd = 'lost';
  queryClient.setQueryData<TMe | null>(meQueryKey, user);
}

/** Forgets the user and every answer fetched on their behalf; RequireAuth then shows the login page. */
export function clearSession(reason: 'logout' | 'lost'): void {
  lastEnd = reason;
  queryClient.removeQueries({ predicate: (query) => !sessionFree.has(query.queryKey[0]) });
  queryClient.setQueryData<TMe | null>(meQueryKey, null);
}

/** The server no longer knows this session (401 on any call but login). */
export function sessionLost(code: string): void {
  if (code === 'SESSION_EXPIRED') notifyWarning('登录已过期，请重新登录', 'session');
  clearSession('lost');
}
