import type { TPilField } from '@procura/domain/public-interest-fields';
import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TProtectedObject, TProtectedObjectDetail } from '@procura/server/public-interest-fields/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

const objectsKey = (caseId: number) => ['cases', 'protected-objects', caseId];

export function useSetCasePilField(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pilField: TPilField | null) =>
      api<TCaseDetail>(`/api/cases/${caseId}/pil-field`, { method: 'PUT', body: { pilField } }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['cases', 'detail', caseId], detail);
      return queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

export function useProtectedObjects() {
  return useQuery({
    queryKey: ['protected-objects'],
    queryFn: () => api<{ items: TProtectedObject[] }>('/api/protected-objects'),
  });
}

export function useProtectedObject(id: number) {
  return useQuery({
    queryKey: ['protected-objects', id],
    queryFn: () => api<TProtectedObjectDetail>(`/api/protected-objects/${id}`),
  });
}

export function useCaseProtectedObjects(caseId: number) {
  return useQuery({
    queryKey: objectsKey(caseId),
    queryFn: () => api<{ items: TProtectedObject[] }>(`/api/cases/${caseId}/protected-objects`),
  });
}

export function useSetCaseProtectedObjects(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (objectIds: number[]) =>
      api<{ items: TProtectedObject[] }>(`/api/cases/${caseId}/protected-objects`, {
        method: 'PUT',
        body: { objectIds },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(objectsKey(caseId), result);
      return queryClient.invalidateQueries({ queryKey: ['protected-objects'] });
    },
  });
}

export function useCreateProtectedObject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; kind: string; protectionLevel?: string }) =>
      api<TProtectedObject>('/api/protected-objects', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['protected-objects'] }),
  });
}

export function useUpdateProtectedObject(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; kind: string; protectionLevel: string | null }) =>
      api<TProtectedObject>(`/api/protected-objects/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['protected-objects'] }),
  });
}
