import { classSiteKinds, siteRectifications } from '@procura/domain/class-supervision';
import type { TCase, TCaseList } from '@procura/server/cases/schema';
import type {
  TAdviserList,
  TCreateGroupBody,
  TGroup,
  TGroupSuggestionBody,
  TGroupSummary,
  TInvitedCase,
  TMemberBody,
  TRectificationBody,
} from '@procura/server/class-supervision/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

const asOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
export const siteKindOptions = asOptions(classSiteKinds);
export const rectificationOptions = asOptions(siteRectifications);

// ─── 类案监督 ─────────────────────────────────────────────────────────────────────────────────

export function useClassCases() {
  return useQuery({
    queryKey: ['class-cases', 'list'],
    queryFn: () => api<{ items: TGroupSummary[] }>('/api/class-cases'),
  });
}

export function useClassCase(id: number) {
  return useQuery({
    queryKey: ['class-cases', 'detail', id],
    queryFn: () => api<TGroup>(`/api/class-cases/${id}`),
    meta: { silent: true },
  });
}

/** Every change answers with the group: it replaces the cached one; the list is refreshed. */
function useGroupMutation<TBody>(send: (body: TBody) => Promise<TGroup>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: (group) => {
      queryClient.setQueryData(['class-cases', 'detail', group.id], group);
      // A drafted suggestion shows on its case and in the suggestions list too.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['class-cases', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['suggestions'] }),
      ]);
    },
  });
}

export const useCreateClassCase = () =>
  useGroupMutation((body: TCreateGroupBody) => api<TGroup>('/api/class-cases', { method: 'POST', body }));

export const useDraftGroupSuggestion = (id: number) =>
  useGroupMutation((body: TGroupSuggestionBody) =>
    api<TGroup>(`/api/class-cases/${id}/suggestion`, { method: 'POST', body }),
  );

export const useAddGroupMember = (id: number) =>
  useGroupMutation((body: TMemberBody) =>
    api<TGroup>(`/api/class-cases/${id}/members`, { method: 'POST', body }),
  );

export const useRecordSiteRectification = (id: number) =>
  useGroupMutation(({ memberId, ...body }: TRectificationBody & { memberId: number }) =>
    api<TGroup>(`/api/class-cases/${id}/members/${memberId}/rectification`, { method: 'PUT', body }),
  );

/** The cases and clues the user reaches, to pick a group's members from (the newest 200 of each). */
export function useMemberChoices() {
  const cases = useQuery({
    queryKey: ['cases', 'list', { pageSize: 200 }],
    queryFn: () => api<TCaseList>('/api/cases', { query: { pageSize: 200 } }),
  });
  const clues = useQuery({
    queryKey: ['clues', 'list', { pageSize: 200 }],
    queryFn: () =>
      api<{ items: { id: number; title: string }[] }>('/api/clues', { query: { pageSize: 200 } }),
  });
  return {
    loading: cases.isPending || clues.isPending,
    options: [
      ...(cases.data?.items ?? []).map((c) => ({
        value: `case:${c.id}`,
        label: `案件 ${c.caseNumber} ${c.title}`,
      })),
      ...(clues.data?.items ?? []).map((c) => ({ value: `clue:${c.id}`, label: `线索 ${c.title}` })),
    ],
  };
}

// ─── 检行协作: 特邀检察官助理 ─────────────────────────────────────────────────────────────────

export function useAdvisers(caseId: number) {
  return useQuery({
    queryKey: ['advisers', caseId],
    queryFn: () => api<TAdviserList>(`/api/cases/${caseId}/advisers`),
  });
}

export function useInvitedAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['invited-assistants'],
    queryFn: () =>
      api<{ items: { id: number; name: string; username: string }[] }>('/api/invited-assistants'),
    enabled,
  });
}

export function useAddAdviser(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: number }) =>
      api<TAdviserList>(`/api/cases/${caseId}/advisers`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: (list) => queryClient.setQueryData(['advisers', caseId], list),
  });
}

export function useRemoveAdviser(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) =>
      api<TAdviserList>(`/api/cases/${caseId}/advisers/${userId}`, { method: 'DELETE' }),
    onSuccess: (list) => queryClient.setQueryData(['advisers', caseId], list),
  });
}

export function useInvitedCases() {
  return useQuery({
    queryKey: ['invited-cases', 'list'],
    queryFn: () => api<{ items: TCase[] }>('/api/invited/cases'),
  });
}

export function useInvitedCase(id: number) {
  return useQuery({
    queryKey: ['invited-cases', 'detail', id],
    queryFn: () => api<TInvitedCase>(`/api/invited/cases/${id}`),
    meta: { silent: true },
  });
}
