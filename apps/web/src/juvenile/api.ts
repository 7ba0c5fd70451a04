import type {
  TFollowUp,
  TJuvenileCaseDetail,
  TJuvenileCaseList,
  TSealedRegister,
  TSealQuery,
  TSession,
} from '@procura/server/juvenile/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export function useJuvenileCases(query: { page: number; pageSize: number; sealed?: 'true' | 'false' }) {
  return useQuery({
    queryKey: ['juvenile', 'cases', query],
    queryFn: () => api<TJuvenileCaseList>('/api/juvenile/cases', { query }),
    placeholderData: keepPreviousData,
  });
}

/** The case, masked; with `full` the server shows names and writes the view to the audit log. */
export function useJuvenileCase(id: number, full: boolean) {
  return useQuery({
    queryKey: ['juvenile', 'case', id, full],
    queryFn: () =>
      api<TJuvenileCaseDetail>(`/api/juvenile/cases/${id}`, { query: { full: full ? 'true' : undefined } }),
    meta: { silent: true },
  });
}

/**
 * A change on a juvenile case answers with the masked detail; the page refetches (so a full view
 * stays full) and lists refresh. Errors are shown by the modal that sent them.
 */
export function useJuvenileMutation<TBody>(path: string, method: 'POST' | 'PATCH' = 'POST') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TJuvenileCaseDetail>(path, { method, body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['juvenile'] }),
  });
}

export function useOrderDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: number) =>
      api<{ documentId: number }>(`/api/juvenile/guardianship-orders/${orderId}/document`, {
        method: 'POST',
      }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['juvenile'] }),
  });
}

export function useSessions(from: string, to: string) {
  return useQuery({
    queryKey: ['juvenile', 'sessions', from, to],
    queryFn: () => api<TSession[]>('/api/juvenile/sessions', { query: { from, to } }),
  });
}

export function useFollowUps() {
  return useQuery({
    queryKey: ['juvenile', 'follow-ups'],
    queryFn: () => api<TFollowUp[]>('/api/juvenile/follow-ups'),
  });
}

export function useFollowUpMutation<TBody>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TFollowUp>(path, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['juvenile', 'follow-ups'] }),
  });
}

export function useSealedRegister() {
  return useQuery({
    queryKey: ['juvenile', 'sealed'],
    queryFn: () => api<TSealedRegister>('/api/juvenile/sealed'),
  });
}

export function useSealQueryMutation<TBody>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TSealQuery>(path, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['juvenile'] }),
  });
}
