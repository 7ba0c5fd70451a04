import type { TDeadlineList } from '@procura/server/deadlines/schema';
import type {
  TApproveBody,
  TDeliveryBody,
  TDraftSuggestionBody,
  TRectificationBody,
  TReplyBody,
  TReturnBody,
  TSuggestion,
  TSuggestionList,
  TSuggestionQuery,
  TUpdateSuggestionBody,
} from '@procura/server/suggestions/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export type TSuggestionFilters = Partial<Omit<TSuggestionQuery, 'page' | 'pageSize'>>;

export function useSuggestions(query: TSuggestionFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['suggestions', 'list', query],
    queryFn: () => api<TSuggestionList>('/api/suggestions', { query }),
    placeholderData: keepPreviousData,
  });
}

/** The suggestions of one case, for its page. */
export function useCaseSuggestions(caseId: number) {
  return useQuery({
    queryKey: ['suggestions', 'case', caseId],
    queryFn: async () =>
      (await api<TSuggestionList>('/api/suggestions', { query: { caseId, pageSize: 200 } })).items,
  });
}

/** The reply deadline (and the chained decision on suit) of a delivered suggestion. */
export function useSuggestionDeadlines(suggestionId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['deadlines', 'suggestion', suggestionId],
    queryFn: () => api<TDeadlineList>('/api/deadlines', { query: { suggestionId } }),
    enabled,
  });
}

type TStep =
  | { step: 'submit' | 'issue' | 'document' }
  | { step: 'approve'; body: TApproveBody }
  | { step: 'return'; body: TReturnBody }
  | { step: 'delivery'; body: TDeliveryBody }
  | { step: 'reply'; body: TReplyBody }
  | { step: 'rectification'; body: TRectificationBody };

/**
 * Every change answers with the suggestion; it also writes the case timeline and may start or
 * end deadlines, so the case, its deadlines and the lists are refreshed. Errors show inline.
 */
function useRefresh(caseId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['suggestions'] }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] }),
      queryClient.invalidateQueries({ queryKey: ['deadlines'] }),
    ]);
}

export function useSuggestionStep(suggestion: TSuggestion) {
  const refresh = useRefresh(suggestion.case.id);
  return useMutation({
    mutationFn: (input: TStep) =>
      api<TSuggestion>(`/api/suggestions/${suggestion.id}/${input.step}`, {
        method: 'POST',
        body: 'body' in input ? input.body : undefined,
      }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useSaveSuggestion(caseId: number, id: number | null) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (body: Omit<TDraftSuggestionBody, 'caseId'> & TUpdateSuggestionBody) =>
      id === null
        ? api<TSuggestion>('/api/suggestions', { method: 'POST', body: { ...body, caseId } })
        : api<TSuggestion>(`/api/suggestions/${id}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}
