import type { ZPeople, ZProfile, ZSnapshotDiff } from '@procura/server/assessment-scores/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client.ts';

export type TProfile = z.infer<typeof ZProfile>;
export type TPeople = z.infer<typeof ZPeople>;
export type TSnapshotDiff = z.infer<typeof ZSnapshotDiff>;
export type TIndicatorRow = TProfile['segments'][number]['indicators'][number];

export function useAssessmentPeople(year: number) {
  return useQuery({
    queryKey: ['assessment', 'people', year],
    queryFn: () => api<TPeople>('/api/assessment/profiles', { query: { year } }),
  });
}

export function useProfile(userId: number | null, year: number) {
  return useQuery({
    queryKey: ['assessment', 'profile', userId, year],
    queryFn: () => api<TProfile>(`/api/assessment/profiles/${userId}`, { query: { year } }),
    enabled: userId !== null,
  });
}

export function useRecalculate(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<TSnapshotDiff>('/api/assessment/snapshots', { method: 'POST', body: { year } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

/** 跳起摸高: the head's target for one indicator of the department (null clears it). */
export function useSetTarget(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { indicatorKey: string; target: number | null }) =>
      api('/api/assessment/targets', { method: 'PUT', body: { year, ...body } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assessment'] }),
  });
}
