import type {
  TConsultationOrganisations,
  TExtensionDecisionBody,
  TExtensionRequestBody,
  TExtensionRequestList,
  TPortalConsultationList,
} from '@procura/server/portal/replies-schema';
import type {
  TOrganisationList,
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

/** 延期申请: the answer is the suggestion with the request listed. */
export function usePortalExtension(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TExtensionRequestBody) =>
      api<TPortalSuggestionDetail>(`/api/portal/suggestions/${id}/extension`, { method: 'POST', body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['portal', 'suggestion', id], detail);
      return queryClient.invalidateQueries({ queryKey: ['portal', 'suggestions'] });
    },
  });
}

export function usePortalConsultations() {
  return useQuery({
    queryKey: ['portal', 'consultations'],
    queryFn: () => api<TPortalConsultationList>('/api/portal/consultations'),
  });
}

// ─── The procuratorate's side ──────────────────────────────────────────────────────────────

export function useExtensionRequests(suggestionId: number) {
  return useQuery({
    queryKey: ['suggestions', suggestionId, 'extension-requests'],
    queryFn: () => api<TExtensionRequestList>(`/api/suggestions/${suggestionId}/extension-requests`),
  });
}

export function useDecideExtension(suggestionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...body }: TExtensionDecisionBody & { requestId: number }) =>
      api<TExtensionRequestList>(`/api/suggestion-extensions/${requestId}/decision`, {
        method: 'POST',
        body,
      }),
    // A grant moves the reply deadline and the suit decision after it: both are read again.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['suggestions', suggestionId, 'extension-requests'] }),
        queryClient.invalidateQueries({ queryKey: ['suggestions'] }),
        queryClient.invalidateQueries({ queryKey: ['deadlines'] }),
        queryClient.invalidateQueries({ queryKey: ['cases', 'detail'] }),
      ]),
  });
}

export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['organisations'],
    enabled,
    queryFn: () => api<TOrganisationList>('/api/organisations'),
  });
}

export function useConsultationOrganisations(consultationId: number) {
  return useQuery({
    queryKey: ['consultations', consultationId, 'organisations'],
    queryFn: () => api<TConsultationOrganisations>(`/api/consultations/${consultationId}/organisations`),
  });
}

export function useSetConsultationOrganisations(consultationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationIds: number[]) =>
      api<TConsultationOrganisations>(`/api/consultations/${consultationId}/organisations`, {
        method: 'PUT',
        body: { organisationIds },
      }),
    onSuccess: (linked) =>
      queryClient.setQueryData(['consultations', consultationId, 'organisations'], linked),
  });
}

/** The admin's organisation mutations: each answers the whole directory. */
export function useOrganisationMutation<TBody>(
  request: (body: TBody) => { path: string; method: 'POST' | 'DELETE'; body?: unknown },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => {
      const { path, ...options } = request(body);
      return api<TOrganisationList>(path, options);
    },
    onSuccess: (list) => queryClient.setQueryData(['organisations'], list),
  });
}
