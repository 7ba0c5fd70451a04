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
