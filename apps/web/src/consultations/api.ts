import type {
  TAgreement,
  TAgreementBody,
  TAgreementList,
  TAgreementMeetingBody,
  TCaseAgreement,
  TClueAgreement,
} from '@procura/server/consultations/agreement-schema';
import type { TCheckBody, TConsultationBody, TConsultations } from '@procura/server/consultations/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

const key = (caseId: number) => ['consultations', caseId];

export const useConsultations = (caseId: number) =>
  useQuery({
    queryKey: key(caseId),
    queryFn: () => api<TConsultations>(`/api/cases/${caseId}/consultations`),
  });

function useCaseMutation<TBody>(caseId: number, send: (body: TBody) => Promise<TConsultations>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: (result) => queryClient.setQueryData(key(caseId), result),
  });
}

export const useAddConsultation = (caseId: number) =>
  useCaseMutation<TConsultationBody>(caseId, (body) =>
    api(`/api/cases/${caseId}/consultations`, { method: 'POST', body }),
  );

export const useRecordCheck = (caseId: number, consultationId: number) =>
  useCaseMutation<TCheckBody>(caseId, (body) =>
    api(`/api/consultations/${consultationId}/check`, { method: 'PUT', body }),
  );

// ─── 会签文件 ───

const agreementsKey = ['cooperation-agreements'];

export const useAgreements = () =>
  useQuery({ queryKey: agreementsKey, queryFn: () => api<TAgreementList>('/api/cooperation-agreements') });

function useAgreementMutation<TBody>(send: (body: TBody) => Promise<TAgreement>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey }),
  });
}

export const useCreateAgreement = () =>
  useAgreementMutation<TAgreementBody>((body) =>
    api('/api/cooperation-agreements', { method: 'POST', body }),
  );

export const useAddAgreementMeeting = (id: number) =>
  useAgreementMutation<TAgreementMeetingBody>((body) =>
    api(`/api/cooperation-agreements/${id}/meetings`, { method: 'POST', body }),
  );

export const useCaseAgreement = (caseId: number) =>
  useQuery({
    queryKey: ['case-agreement', caseId],
    queryFn: () => api<TCaseAgreement>(`/api/cases/${caseId}/cooperation-agreement`),
  });

export const useSetCaseAgreement = (caseId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agreementId: number | null) =>
      api<TCaseAgreement>(`/api/cases/${caseId}/cooperation-agreement`, {
        method: 'PUT',
        body: { agreementId },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(['case-agreement', caseId], result);
      return queryClient.invalidateQueries({ queryKey: agreementsKey });
    },
  });
};

export const useClueAgreement = (clueId: number) =>
  useQuery({
    queryKey: ['clue-agreement', clueId],
    queryFn: () => api<TClueAgreement>(`/api/clues/${clueId}/cooperation-agreement`),
  });

export const useSetClueAgreement = (clueId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agreementId: number | null) =>
      api<TClueAgreement>(`/api/clues/${clueId}/cooperation-agreement`, {
        method: 'PUT',
        body: { agreementId },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(['clue-agreement', clueId], result);
      return queryClient.invalidateQueries({ queryKey: agreementsKey });
    },
  });
};
