import type {
  TCreatePeriodBody,
  TEntry,
  TPeriod,
  TPeriodSummary,
  TProposeEntryBody,
  TSchemeBody,
  TStudySessionBody,
} from '@procura/server/assessment/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export type TPerson = {
  id: number;
  displayName: string;
  departmentId: number | null;
  departmentName: string | null;
};
export type TStudySession = {
  id: number;
  kind: TStudySessionBody['kind'];
  title: string;
  heldOn: string;
  attendees: { id: number; name: string }[];
  points: number | null;
};

export function usePeriods() {
  return useQuery({
    queryKey: ['assessment', 'periods'],
    queryFn: () => api<TPeriodSummary[]>('/api/assessment/periods'),
  });
}

export function usePeriod(id: number | null) {
  return useQuery({
    queryKey: ['assessment', 'period', id],
    queryFn: () => api<TPeriod>(`/api/assessment/periods/${id}`),
    enabled: id !== null,
  });
}

export function usePeople() {
  return useQuery({
    queryKey: ['assessment', 'people'],
    queryFn: () => api<TPerson[]>('/api/assessment/people'),
  });
}

export function useEntries(query: {
  periodId?: number | null;
  mine?: boolean;
  awaiting?: string | undefined;
}) {
  return useQuery({
    queryKey: ['assessment', 'entries', query],
    queryFn: () =>
      api<TEntry[]>('/api/assessment/entries', {
        query: {
          periodId: query.periodId ?? undefined,
          mine: query.mine ? 'true' : undefined,
          awaiting: query.awaiting,
        },
      }),
  });
}

export function useStudySessions(periodId: number | null) {
  return useQuery({
    queryKey: ['assessment', 'study', periodId],
    queryFn: () => api<TStudySession[]>('/api/assessment/study-sessions', { query: { periodId } }),
    enabled: periodId !== null,
  });
}

function useAssessmentMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export const useCreatePeriod = () =>
  useAssessmentMutation((body: TCreatePeriodBody) =>
    api<TPeriod>('/api/assessment/periods', { method: 'POST', body }),
  );

export const useSaveScheme = (id: number | null) =>
  useAssessmentMutation((body: TSchemeBody) =>
    api<TPeriod>(`/api/assessment/periods/${id}/scheme`, { method: 'PUT', body }),
  );

export const useClosePeriod = () =>
  useAssessmentMutation((id: number) =>
    api<TPeriod>(`/api/assessment/periods/${id}/close`, { method: 'POST' }),
  );

export const useProposeEntry = () =>
  useAssessmentMutation((body: TProposeEntryBody) =>
    api<TEntry>('/api/assessment/entries', { method: 'POST', body }),
  );

export const useRefreshProposals = () =>
  useAssessmentMutation(() =>
    api<{ proposed: number }>('/api/assessment/entries/refresh', { method: 'POST' }),
  );

export const useEntryStep = (step: 'review' | 'decision') =>
  useAssessmentMutation((input: { id: number; approve: boolean; note?: string }) =>
    api<TEntry>(`/api/assessment/entries/${input.id}/${step}`, {
      method: 'POST',
      body: { approve: input.approve, ...(input.note ? { note: input.note } : {}) },
    }),
  );

export const useAppeal = () =>
  useAssessmentMutation((input: { id: number; reason: string }) =>
    api<TEntry>(`/api/assessment/entries/${input.id}/appeal`, {
      method: 'POST',
      body: { reason: input.reason },
    }),
  );

export const useDecideAppeal = () =>
  useAssessmentMutation((input: { id: number; revoke: boolean; decision: string }) =>
    api<TEntry>(`/api/assessment/entries/${input.id}/appeal/decision`, {
      method: 'POST',
      body: { revoke: input.revoke, decision: input.decision },
    }),
  );

export const useCreateStudySession = () =>
  useAssessmentMutation((body: TStudySessionBody) =>
    api<TStudySession>('/api/assessment/study-sessions', { method: 'POST', body }),
  );
