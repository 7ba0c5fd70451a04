import type { TLetterTopic } from '@procura/domain/mailbox/topics';
import type {
  TAnswerBody,
  TCreateSchoolBody,
  TLetter,
  TLetterList,
  TLetterStatistics,
  TLetterStatus,
  TPartnerSchool,
  TPartnerSchoolList,
  TPickedUpLetter,
  TPublicSchool,
  TSubmitLetterBody,
  TSubmitLetterResult,
  TUpdateSchoolBody,
} from '@procura/server/mailbox/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

// --- public pages (no account) -------------------------------------------------------------

export function usePublicSchool(token: string) {
  return useQuery({
    queryKey: ['public-mailbox', token],
    queryFn: () => api<TPublicSchool>(`/api/public/mailbox/${encodeURIComponent(token)}`),
    meta: { silent: true },
    retry: false,
  });
}

/** Errors are shown on the form itself (a student may not see a corner toast). */
export function useSubmitLetter(token: string) {
  return useMutation({
    mutationFn: (body: TSubmitLetterBody) =>
      api<TSubmitLetterResult>(`/api/public/mailbox/${encodeURIComponent(token)}/letters`, {
        method: 'POST',
        body,
      }),
    meta: { silent: true },
  });
}

export function usePickUp() {
  return useMutation({
    mutationFn: (code: string) =>
      api<TPickedUpLetter>('/api/public/mailbox/pickup', { method: 'POST', body: { code } }),
    meta: { silent: true },
  });
}

// --- staff ---------------------------------------------------------------------------------

export type TLetterFilters = {
  schoolId?: number;
  status?: TLetterStatus;
  /** answer: not yet answered (the workbench's 待答复). */
  awaiting?: 'answer';
  topic?: TLetterTopic;
  urgent?: 'true';
  suspected?: 'true' | 'false';
};

export function useLetters(query: TLetterFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['mailbox', 'letters', query],
    queryFn: () => api<TLetterList>('/api/mailbox/letters', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useLetter(id: number) {
  return useQuery({
    queryKey: ['mailbox', 'letter', id],
    queryFn: () => api<TLetter>(`/api/mailbox/letters/${id}`),
  });
}

/** Reading a letter changes nothing on the server; the page marks it read with this POST. */
export function useMarkLetterRead(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<TLetter>(`/api/mailbox/letters/${id}/read`, { method: 'POST' }),
    onSuccess: (letter) => {
      queryClient.setQueryData(['mailbox', 'letter', id], letter);
      // The list's unread count changes.
      void queryClient.invalidateQueries({ queryKey: ['mailbox', 'letters'] });
    },
  });
}

/** A suspected letter (疑似刷信) judged genuine goes back among the letters. */
export function useReleaseLetter(id: number) {
  const invalidate = useInvalidateMailbox();
  return useMutation({
    mutationFn: () => api<TLetter>(`/api/mailbox/letters/${id}/release`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

function useInvalidateMailbox() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['mailbox'] }),
      queryClient.invalidateQueries({ queryKey: ['clues'] }),
    ]);
}

export function useAnswerLetter(id: number) {
  const invalidate = useInvalidateMailbox();
  return useMutation({
    mutationFn: (body: TAnswerBody) =>
      api<TLetter>(`/api/mailbox/letters/${id}/answer`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useLetterToClue(id: number) {
  const invalidate = useInvalidateMailbox();
  return useMutation({
    mutationFn: () =>
      api<{ letter: TLetter; clueId: number }>(`/api/mailbox/letters/${id}/clue`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: invalidate,
  });
}

export function useLetterStatistics(query: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['mailbox', 'statistics', query],
    queryFn: () => api<TLetterStatistics>('/api/mailbox/statistics', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useSchools() {
  return useQuery({
    queryKey: ['mailbox', 'schools'],
    queryFn: () => api<TPartnerSchoolList>('/api/partner-schools'),
  });
}

export function useCreateSchool() {
  const invalidate = useInvalidateMailbox();
  return useMutation({
    mutationFn: (body: TCreateSchoolBody) =>
      api<TPartnerSchool>('/api/partner-schools', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useUpdateSchool(id: number) {
  const invalidate = useInvalidateMailbox();
  return useMutation({
    mutationFn: (body: TUpdateSchoolBody) =>
      api<TPartnerSchool>(`/api/partner-schools/${id}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useRenewMailboxLink(id: number) {
  const invalidate = useInvalidateMailbox();
  return useMutation({
    mutationFn: () => api<TPartnerSchool>(`/api/partner-schools/${id}/mailbox-link`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useMailboxQr(id: number) {
  return useQuery({
    queryKey: ['mailbox', 'qr', id],
    queryFn: () => api<{ svg: string; url: string }>(`/api/partner-schools/${id}/mailbox-qr`),
  });
}
