import type {
  TOutreachBody,
  TOutreachEvent,
  TOutreachFilter,
  TOutreachList,
  TOutreachPatch,
  TOutreachQuery,
} from '@procura/server/outreach/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** The list's filters, as the server's query schema has them. */
export type TOutreachFilters = TOutreachFilter;

export function useOutreachEvents(query: TOutreachQuery) {
  return useQuery({
    queryKey: ['outreach', query],
    queryFn: () => api<TOutreachList>('/api/outreach-events', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Errors show in the form. */
export function useSaveOutreachEvent(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOutreachBody | TOutreachPatch) =>
      id
        ? api<TOutreachEvent>(`/api/outreach-events/${id}`, { method: 'PATCH', body })
        : api<TOutreachEvent>('/api/outreach-events', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outreach'] }),
  });
}
