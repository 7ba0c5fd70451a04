import type {
  TCaseDetail,
  TCaseFilter,
  TCaseList,
  TCaseQuery,
  TRecordEventBody,
  TRecordOutcomeBody,
  TTransitionBody,
} from '@procura/server/cases/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** The list's filters, as the server's query schema has them. */
export type TCaseFilters = TCaseFilter;

export function useCases(query: TCaseQuery) {
  return useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: () => api<TCaseList>('/api/cases', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: () => api<TCaseDetail>(`/api/cases/${id}`),
    meta: { silent: true },
  });
}

/**
 * A case change answers with the new detail: it replaces the cached one, and lists (and the
 * sender's "clues I sent") are refreshed. Errors are shown inline by the modal that sent them.
 */
function useCaseMutation<TBody>(id: number, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TCaseDetail>(`/api/cases/${id}/${path}`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: (detail) => {
      queryClient.setQueryData(['cases', 'detail', id], detail);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['clues'] }),
      ]);
    },
  });
}

export const useTransitionCase = (id: number) => useCaseMutation<TTransitionBody>(id, 'transitions');
export const useRecordEvent = (id: number) => useCaseMutation<TRecordEventBody>(id, 'events');
export const useRecordOutcome = (id: number) => useCaseMutation<TRecordOutcomeBody>(id, 'outcomes');
