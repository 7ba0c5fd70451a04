import type { TReport, TReportCreate, TSectionsEdit } from '@procura/server/reports/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDownload } from '../api/client.ts';

export type TReportSummary = Omit<TReport, 'sections'>;

export function useReports() {
  return useQuery({
    queryKey: ['reports'],
    queryFn: () => api<{ items: TReportSummary[] }>('/api/reports'),
  });
}

export function useReport(id: number) {
  return useQuery({ queryKey: ['reports', id], queryFn: () => api<TReport>(`/api/reports/${id}`) });
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TReportCreate) => api<TReport>('/api/reports', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** Saving the chief's text, or generating the figures again (the edits are kept). */
export function useReportChange(id: number) {
  const queryClient = useQueryClient();
  const onSuccess = (report: TReport) => {
    queryClient.setQueryData(['reports', id], report);
    return queryClient.invalidateQueries({ queryKey: ['reports'], exact: true });
  };
  const save = useMutation({
    mutationFn: (body: TSectionsEdit) => api<TReport>(`/api/reports/${id}/sections`, { method: 'PUT', body }),
    onSuccess,
  });
  const regenerate = useMutation({
    mutationFn: () => api<TReport>(`/api/reports/${id}/regenerate`, { method: 'POST' }),
    onSuccess,
  });
  return { save, regenerate };
}

export const downloadReport = (id: number) => apiDownload(`/api/reports/${id}/docx`);
