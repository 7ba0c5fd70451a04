import type {
  TCreateScheduleBody,
  TDatasetDetail,
  TDatasetList,
  THitList,
  THitQuery,
  TModelDetail,
  TReviewBody,
  TRun,
  TSchedule,
  TStartRunBody,
  TToCluesBody,
  ZModelList,
  ZRunList,
  ZScheduleList,
  ZToCluesResult,
  ZUpdateScheduleBody,
} from '@procura/server/models/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client.ts';

export function useModels() {
  return useQuery({
    queryKey: ['models', 'list'],
    queryFn: () => api<z.infer<typeof ZModelList>>('/api/models'),
  });
}

export function useModel(id: string) {
  return useQuery({
    queryKey: ['models', 'detail', id],
    queryFn: () => api<TModelDetail>(`/api/models/${id}`),
  });
}

export function useDatasets(kind?: string, enabled = true) {
  return useQuery({
    queryKey: ['models', 'datasets', kind ?? null],
    queryFn: () => api<TDatasetList>('/api/datasets', { query: { kind } }),
    enabled,
  });
}

export function useDataset(id: number | null) {
  return useQuery({
    queryKey: ['models', 'dataset', id],
    queryFn: () => api<TDatasetDetail>(`/api/datasets/${id}`),
    enabled: id !== null,
  });
}

export function useRuns(modelId: string) {
  return useQuery({
    queryKey: ['models', 'runs', modelId],
    queryFn: () => api<z.infer<typeof ZRunList>>('/api/model-runs', { query: { modelId } }),
    // A queued or running run moves on its own: follow it until it is done.
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.status === 'queued' || run.status === 'running')
        ? 1_000
        : false,
  });
}

export const isActive = (run: TRun | undefined) => run?.status === 'queued' || run?.status === 'running';

/** Polled every half second while the run is queued or running (live progress). */
export function useRun(id: number) {
  return useQuery({
    queryKey: ['models', 'run', id],
    queryFn: () => api<TRun>(`/api/model-runs/${id}`),
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data) ? false : 500),
  });
}

export function useHits(runId: number, query: THitQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['models', 'hits', runId, query],
    queryFn: () => api<THitList>(`/api/model-runs/${runId}/hits`, { query }),
    enabled,
  });
}

/** Hits of every run in a status (?status=pending: the workbench's 待审查命中). */
export function useAllHits(query: { status?: THitQuery['status'] }) {
  return useQuery({
    queryKey: ['models', 'hits', 'all', query],
    queryFn: () => api<THitList>('/api/model-hits', { query }),
  });
}

function useInvalidateModels() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['models'] }),
      queryClient.invalidateQueries({ queryKey: ['clues'] }),
    ]);
}

export function useStartRun() {
  const invalidate = useInvalidateModels();
  return useMutation({
    mutationFn: (body: TStartRunBody) => api<TRun>('/api/model-runs', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useReviewHits() {
  const invalidate = useInvalidateModels();
  return useMutation({
    mutationFn: (body: TReviewBody) =>
      api<{ updated: number }>('/api/model-hits/review', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useHitsToClues() {
  const invalidate = useInvalidateModels();
  return useMutation({
    mutationFn: (body: TToCluesBody) =>
      api<z.infer<typeof ZToCluesResult>>('/api/model-hits/clues', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useSchedules(modelId: string) {
  return useQuery({
    queryKey: ['models', 'schedules', modelId],
    queryFn: () => api<z.infer<typeof ZScheduleList>>('/api/model-schedules', { query: { modelId } }),
  });
}

export function useCreateSchedule() {
  const invalidate = useInvalidateModels();
  return useMutation({
    mutationFn: (body: TCreateScheduleBody) =>
      api<TSchedule>('/api/model-schedules', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useToggleSchedule() {
  const invalidate = useInvalidateModels();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: number } & z.infer<typeof ZUpdateScheduleBody>) =>
      api<TSchedule>(`/api/model-schedules/${id}`, { method: 'PATCH', body: { enabled } }),
    onSuccess: invalidate,
  });
}
