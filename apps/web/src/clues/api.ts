import type {
  TClueDetail,
  TClueFilter,
  TClueList,
  TClueQuery,
  TClueTransfer,
  TDecideClueBody,
  TRegisterClueBody,
  TSentClueList,
  TTransferFeedbackBody,
  ZRegisterClueResult,
  ZSentClueQuery,
} from '@procura/server/clues/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client.ts';

/** The list's filters, as the server's query schema has them. */
export type TClueFilters = TClueFilter;
export type TPage = Pick<TClueQuery, 'page' | 'pageSize'>;
export type TRegisterClueResult = z.infer<typeof ZRegisterClueResult>;

export function useClues(query: TClueQuery) {
  return useQuery({
    queryKey: ['clues', 'list', query],
    queryFn: () => api<TClueList>('/api/clues', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useClue(id: number) {
  return useQuery({
    queryKey: ['clues', 'detail', id],
    queryFn: () => api<TClueDetail>(`/api/clues/${id}`),
    meta: { silent: true },
  });
}

export function useSentClues(query: z.infer<typeof ZSentClueQuery>) {
  return useQuery({
    queryKey: ['clues', 'sent', query],
    queryFn: () => api<TSentClueList>('/api/clues/sent', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Any change to a clue may change lists, details and the cases opened from it. */
function useInvalidateClues() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['clues'] }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
    ]);
}

export function useRegisterClue() {
  const invalidate = useInvalidateClues();
  return useMutation({
    mutationFn: (body: TRegisterClueBody) => api<TRegisterClueResult>('/api/clues', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** Errors are shown inline by the decision form. */
export function useDecideClue(id: number) {
  const invalidate = useInvalidateClues();
  return useMutation({
    mutationFn: (body: TDecideClueBody) =>
      api<TClueDetail>(`/api/clues/${id}/decision`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useRecordTransferFeedback() {
  const invalidate = useInvalidateClues();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TTransferFeedbackBody }) =>
      api<TClueTransfer>(`/api/clue-transfers/${id}/feedback`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
