import { judicialAidCategories } from '@procura/domain/judicial-aid';
import type {
  TApplyBody,
  TCaseJudicialAid,
  TDecisionBody,
  TPaymentBody,
  TSummary,
} from '@procura/server/judicial-aid/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export const categoryOptions = Object.entries(judicialAidCategories).map(([value, label]) => ({
  value,
  label,
}));

const key = (caseId: number) => ['judicial-aid', caseId];

export function useCaseJudicialAid(caseId: number) {
  return useQuery({
    queryKey: key(caseId),
    queryFn: () => api<TCaseJudicialAid>(`/api/cases/${caseId}/judicial-aid`),
  });
}

export function useJudicialAidSummary(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ['judicial-aid', 'summary', period.from, period.to],
    queryFn: () => api<TSummary>(`/api/judicial-aid/summary?from=${period.from}&to=${period.to}`),
  });
}

/** Every change answers with the case's assistances; the summary is reloaded. */
function useAidMutation<TBody>(caseId: number, url: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TCaseJudicialAid>(url, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: (result) => {
      queryClient.setQueryData(key(caseId), result);
      return queryClient.invalidateQueries({ queryKey: ['judicial-aid', 'summary'] });
    },
  });
}

export const useApplyForAid = (caseId: number) =>
  useAidMutation<TApplyBody>(caseId, `/api/cases/${caseId}/judicial-aid`);

export const useDecideAid = (caseId: number, aidId: number) =>
  useAidMutation<TDecisionBody>(caseId, `/api/cases/${caseId}/judicial-aid/${aidId}/decision`);

export const useRecordPayment = (caseId: number, aidId: number) =>
  useAidMutation<TPaymentBody>(caseId, `/api/cases/${caseId}/judicial-aid/${aidId}/payment`);
