import type {
  TPortalReplyBody,
  TPortalSuggestionDetail,
  TPortalSuggestionList,
} from '@procura/server/portal/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export function usePortalSuggestions() {
  return useQuery({
    queryKey: ['portal', 'suggestions'],
    queryFn: () => api<TPortalSuggestionList>('/api/portal/suggestions'),
  });
}

/** Opening a suggestion the first time is its electronic delivery (签收): the list is refreshed. */
export function usePortalSuggestion(id: number | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['portal', 'suggestion', id],
    enabled: id !== null,
    queryFn: async () => {
      const opened = await api<TPortalSuggestionDetail>(`/api/portal/suggestions/${id}`);
      await queryClient.invalidateQueries({ queryKey: ['portal', 'suggestions'] });
      return opened;
    },
  });
}

export function usePortalReply(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPortalReplyBody) =>
      api<TPortalSuggestionDetail>(`/api/portal/suggestions/${id}/reply`, { method: 'POST', body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['portal', 'suggestion', id], detail);
      return queryClient.invalidateQueries({ queryKey: ['portal', 'suggestions'] });
    },
  });
}
