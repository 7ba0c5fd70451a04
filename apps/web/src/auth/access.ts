import type { TRouteAccess } from '@procura/domain/policy';
import type { TMe } from '@procura/server/auth/schema';

/** Whether the user may open something guarded by `access`; the server's action list decides. */
export function hasAccess(me: TMe | null | undefined, access: TRouteAccess): boolean {
  if (access === 'public') return true;
  if (!me) return false;
  if (access === 'authenticated') return true;
  return me.actions.includes(access);
}
