import type {
  TDeadline,
  TDeadlineBoard,
  TDeadlineList,
  TDeadlineOverview,
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

/**
 * The deadlines a workbench link asks for (?overdue=1, ?due=7d, ?mine=1) or a cockpit figure counts
 * (?timely=met|overdue&dueFrom&dueTo[&departmentId]), within the user's reach.
 */
export function useFilteredDeadlines(
  query: Partial<
    Record<'mine' | 'overdue' | 'due' | 'timely' | 'dueFrom' | 'dueTo' | 'departmentId', string>
  >,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['deadlines', 'filtered', query],
    queryFn: () => api<TDeadlineList>('/api/deadlines', { query }),
    enabled,
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

/** 全院期限看板 of the chief and deputies: every department side by side. */
export function useDeadlineOverview(enabled: boolean) {
  return useQuery({
    queryKey: ['deadlines', 'board', 'overview'],
    queryFn: () => api<TDeadlineOverview>('/api/deadlines/board/overview'),
    enabled,
  });
}

/** Pause (from a day, with a reason) or resume (to a day) one deadline. */
export type TDeadlineChange =
  | { id: number; action: 'pause'; body: TPauseBody }
  | { id: number; action: 'resume'; body: TResumeBody };

/** Pause or resume: the answer is the recomputed deadline; every deadline list is refreshed. */
export function useChangeDeadline() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: TDeadlineChange) =>
      api<TDeadline>(`/api/deadlines/${id}/${action}`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['deadlines'] }),
  });
}
