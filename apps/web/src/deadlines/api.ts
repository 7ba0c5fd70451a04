import type {
  TDeadline,
  TDeadlineBoard,
  TDeadlineList,
  TPauseBody,
  TResumeBody,
} from '@procura/server/deadlines/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export function useMyDeadlines() {
  return useQuery({
    queryKey: ['deadlines', 'mine'],
    queryFn: () => api<TDeadlineList>('/api/deadlines/mine'),
  });
}

/** `version`: the case detail's update time, so a recorded event (which may start a limit) refetches. */
export function useCaseDeadlines(caseId: number, version: number) {
  return useQuery({
    queryKey: ['deadlines', 'case', caseId, version],
    queryFn: () => api<TDeadlineList>('/api/deadlines', { query: { caseId } }),
  });
}

export function useDeadlineBoard(departmentId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['deadlines', 'board', departmentId ?? null],
    queryFn: () => api<TDeadlineBoard>('/api/deadlines/board', { query: { departmentId } }),
    enabled,
  });
}

/** Pause or resume: the answer is the recomputed deadline; every deadline list is refreshed. */
function useDeadlineChange<TBody>(action: 'pause' | 'resume') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TBody }) =>
      api<TDeadline>(`/api/deadlines/${id}/${action}`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['deadlines'] }),
  });
}

export const usePauseDeadline = () => useDeadlineChange<TPauseBody>('pause');
export const useResumeDeadline = () => useDeadlineChange<TResumeBody>('resume');
