import type {
  TCheckBatchDetail,
  TCheckBatchList,
  TCheckQuery,
  TOffenceRecordSet,
  TOffenceRecordSetList,
  TUploadBody,
} from '@procura/server/employment-checks/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** The file as the API takes it: its name and its bytes in base64. */
export async function uploadBodyOf(file: File): Promise<TUploadBody> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, content: btoa(binary) };
}

export function useChecks(query: TCheckQuery) {
  return useQuery({
    queryKey: ['employment-checks', 'list', query],
    queryFn: () => api<TCheckBatchList>('/api/employment-checks', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCheck(id: number) {
  return useQuery({
    queryKey: ['employment-checks', 'detail', id],
    queryFn: () => api<TCheckBatchDetail>(`/api/employment-checks/${id}`),
  });
}

/** Errors (bad rows) are shown under the upload, where the user can read every row named. */
export function useSubmitCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      api<TCheckBatchDetail>('/api/employment-checks', { method: 'POST', body: await uploadBodyOf(file) }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['employment-checks'] }),
  });
}

export function useRecordSets(enabled: boolean) {
  return useQuery({
    queryKey: ['employment-checks', 'record-sets'],
    queryFn: () => api<TOffenceRecordSetList>('/api/offence-record-sets'),
    enabled,
  });
}

export function useLoadRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      api<TOffenceRecordSet>('/api/offence-record-sets', { method: 'POST', body: await uploadBodyOf(file) }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['employment-checks'] }),
  });
}
