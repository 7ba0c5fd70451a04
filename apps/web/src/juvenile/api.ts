import type {
  TFollowUp,
  TJuvenileCaseDetail,
  TJuvenileCaseList,
  TJuvenileCaseQuery,
  TSealedRegister,
  TSealQuery,
  TSession,
  ZAddVisitBody,
  ZAttendanceBody,
  ZCloseFollowUpBody,
  ZDecisionBody,
  ZDocumentResult,
  ZEvaluationBody,
  ZInquiryRequestBody,
  ZReferralBody,
  ZReferralFeedbackBody,
  ZUpdateRecordBody,
  ZVisitBody,
} from '@procura/server/juvenile/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client.ts';

// Bodies the server's schemas define without naming a type for them.
export type TDecisionBody = z.infer<typeof ZDecisionBody>;
export type TInquiryRequestBody = z.infer<typeof ZInquiryRequestBody>;
export type TUpdateRecordBody = z.infer<typeof ZUpdateRecordBody>;
export type TAttendanceBody = z.infer<typeof ZAttendanceBody>;
export type TEvaluationBody = z.infer<typeof ZEvaluationBody>;
export type TVisitBody = z.infer<typeof ZVisitBody>;
export type TAddVisitBody = z.infer<typeof ZAddVisitBody>;
export type TCloseFollowUpBody = z.infer<typeof ZCloseFollowUpBody>;
export type TReferralBody = z.infer<typeof ZReferralBody>;
export type TReferralFeedbackBody = z.infer<typeof ZReferralFeedbackBody>;

export function useJuvenileCases(query: TJuvenileCaseQuery) {
  return useQuery({
    queryKey: ['juvenile', 'cases', query],
    queryFn: () => api<TJuvenileCaseList>('/api/juvenile/cases', { query }),
    placeholderData: keepPreviousData,
  });
}

/** The case, masked; with `full` the server shows names and writes the view to the audit log. */
export function useJuvenileCase(id: number, full: boolean) {
  return useQuery({
    queryKey: ['juvenile', 'case', id, full],
    queryFn: () =>
      api<TJuvenileCaseDetail>(`/api/juvenile/cases/${id}`, { query: { full: full ? 'true' : undefined } }),
    meta: { silent: true },
  });
}

/**
 * A change on a juvenile case answers with the masked detail; the page refetches (so a full view
 * stays full) and lists refresh. Errors are shown by the modal that sent them.
 */
export function useJuvenileMutation<TBody>(path: string, method: 'POST' | 'PATCH' = 'POST') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TJuvenileCaseDetail>(path, { method, body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['juvenile'] }),
  });
}

export function useOrderDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: number) =>
      api<z.infer<typeof ZDocumentResult>>(`/api/juvenile/guardianship-orders/${orderId}/document`, {
        method: 'POST',
      }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['juvenile'] }),
  });
}

export function useSessions(from: string, to: string) {
  return useQuery({
    queryKey: ['juvenile', 'sessions', from, to],
    queryFn: () => api<TSession[]>('/api/juvenile/sessions', { query: { from, to } }),
  });
}

/** `query`: a workbench link's filters (?due=7d, ?mine=1), none for every plan. */
export function useFollowUps(query: { mine?: string; due?: string } = {}) {
  return useQuery({
    queryKey: ['juvenile', 'follow-ups', query],
    queryFn: () => api<TFollowUp[]>('/api/juvenile/follow-ups', { query }),
  });
}

export function useFollowUpMutation<TBody>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TFollowUp>(path, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['juvenile', 'follow-ups'] }),
  });
}

/** `query.awaiting`: 'me' for the requests awaiting this user's decision (the workbench's link). */
export function useSealedRegister(query: { awaiting?: string } = {}) {
  return useQuery({
    queryKey: ['juvenile', 'sealed', query],
    queryFn: () => api<TSealedRegister>('/api/juvenile/sealed', { query }),
  });
}

export function useSealQueryMutation<TBody>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TSealQuery>(path, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['juvenile'] }),
  });
}
