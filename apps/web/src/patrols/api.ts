import type { TCreatePatrolBody, TPatrol } from '@procura/server/patrols/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export type TPatrolSummary = {
  id: number;
  kind: TPatrol['kind'];
  platform: string;
  patrolledBy: string;
  patrolledOn: string;
  findings: number;
  clues: number;
};
export type TFindingInput = TCreatePatrolBody['findings'][number];

export function usePatrols() {
  return useQuery({
    queryKey: ['patrols', 'list'],
    queryFn: () => api<{ items: TPatrolSummary[] }>('/api/patrols'),
  });
}

export function usePatrol(id: number) {
  return useQuery({
    queryKey: ['patrols', 'detail', id],
    queryFn: () => api<TPatrol>(`/api/patrols/${id}`),
    retry: false,
  });
}

export function useCreatePatrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreatePatrolBody) => api<TPatrol>('/api/patrols', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['patrols'] }),
  });
}

export function useAddFinding(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TFindingInput) =>
      api<TPatrol>(`/api/patrols/${id}/findings`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['patrols'] }),
  });
}

export function useMakeClues(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (findingIds: number[]) =>
      api<{ clues: { findingId: number; clueId: number }[] }>(`/api/patrols/${id}/clues`, {
        method: 'POST',
        body: { findingIds },
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['patrols'] });
      queryClient.invalidateQueries({ queryKey: ['clues'] });
    },
  });
}
