import type { TClueSource, TClueStatus } from '@procura/domain/cases/clue-sources';
import type {
  TClueDetail,
  TClueList,
  TClueTransfer,
  TDecideClueBody,
  TPossibleDuplicate,
  TRegisterClueBody,
  TSentClueList,
  TTransferFeedbackBody,
} from '@procura/server/clues/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export type TClueFilters = {
  q?: string;
  source?: TClueSource;
  status?: TClueStatus;
  departmentId?: number;
  handlerId?: number;
  from?: string;
  to?: string;
};
export type TPage = { page: number; pageSize: number };
export type TRegisterClueResult = { clue: TClueDetail; possibleDuplicates: TPossibleDuplicate[] };

export function useClues(query: TClueFilters & TPage) {
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

export function useSentClues(query: { departmentId?: number } & TPage) {
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
