import { adminActKinds, adminCorrections, clueOriginKinds } from '@procura/domain/admin-violation';
import type {
  TAdminViolation,
  TAdminViolationBody,
  TCriminalOriginBody,
  TCriminalOriginResult,
  TFollowUpBody,
  TFunnel,
} from '@procura/server/admin-violation/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

const asOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
export const originKindOptions = asOptions(clueOriginKinds);
export const actKindOptions = asOptions(adminActKinds);
export const correctionOptions = asOptions(adminCorrections);

const originKey = (clueId: number) => ['criminal-origin', clueId];

export function useCriminalOrigin(clueId: number) {
  return useQuery({
    queryKey: originKey(clueId),
    queryFn: () => api<TCriminalOriginResult>(`/api/clues/${clueId}/criminal-origin`),
  });
}

export function useSetCriminalOrigin(clueId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCriminalOriginBody) =>
      api<TCriminalOriginResult>(`/api/clues/${clueId}/criminal-origin`, { method: 'PUT', body }),
    meta: { silent: true },
    onSuccess: (result) => queryClient.setQueryData(originKey(clueId), result),
  });
}

export type TFunnelPeriod = { from?: string; to?: string };

export function useCriminalClueFunnel(period: TFunnelPeriod) {
  return useQuery({
    queryKey: ['criminal-clue-funnel', period],
    queryFn: () => api<TFunnel>('/api/admin-violation/criminal-clue-funnel', { query: period }),
  });
}

const recordKey = (caseId: number) => ['admin-violation', caseId];

export function useAdminViolation(caseId: number) {
  return useQuery({
    queryKey: recordKey(caseId),
    queryFn: () => api<TAdminViolation>(`/api/cases/${caseId}/admin-violation`),
  });
}

function useRecordMutation<TBody>(caseId: number, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<TAdminViolation>(`/api/cases/${caseId}/admin-violation${path}`, { method: 'PUT', body }),
    meta: { silent: true },
    onSuccess: (result) => queryClient.setQueryData(recordKey(caseId), result),
  });
}

export const useUpdateAdminViolation = (caseId: number) => useRecordMutation<TAdminViolationBody>(caseId, '');
export const useRecordFollowUp = (caseId: number) => useRecordMutation<TFollowUpBody>(caseId, '/follow-up');
