import type { TRole } from '@procura/domain/roles';
import type { TAccountRequestPending } from '@procura/server/account-requests/schema';
import type { TCreateUserBody, TUpdateUserBody, TUser, TUserList } from '@procura/server/users/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { meQueryKey } from '../api/session.ts';

export type TUserFilters = { q?: string; role?: TRole; departmentId?: number };
export type TUserQuery = TUserFilters & { page: number; pageSize: number };

export function fetchUsers(query: TUserQuery): Promise<TUserList> {
  return api<TUserList>('/api/users', { query });
}

/**
 * Leadership accounts (检察长/副检察长/部门负责人): the server answers 202 with an account request
 * the chief must approve instead of making the change.
 */
export function isPendingApproval(answer: unknown): answer is TAccountRequestPending {
  return typeof answer === 'object' && answer !== null && 'accountRequest' in answer;
}

export function createUser(body: TCreateUserBody): Promise<TUser | TAccountRequestPending> {
  return api<TUser | TAccountRequestPending>('/api/users', { method: 'POST', body });
}

export function updateUser(id: number, body: TUpdateUserBody): Promise<TUser | TAccountRequestPending> {
  return api<TUser | TAccountRequestPending>(`/api/users/${id}`, { method: 'PATCH', body });
}

export function resetPassword(id: number, password: string): Promise<TAccountRequestPending | undefined> {
  return api<TAccountRequestPending | undefined>(`/api/users/${id}/reset-password`, {
    method: 'POST',
    body: { password },
  });
}

export function useUsers(query: TUserQuery) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: () => fetchUsers(query),
    placeholderData: keepPreviousData,
  });
}

/** After any change to users: the list, the departments' head counts and perhaps the admin's own record are stale. */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['departments'] }),
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
}

/** Errors of these mutations are shown by the form that sent them (see showFormError). */
export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: createUser, meta: { silent: true }, onSuccess: invalidate });
}

export function useUpdateUser(options: { silent: boolean }) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TUpdateUserBody }) => updateUser(id, body),
    meta: { silent: options.silent },
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => resetPassword(id, password),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
