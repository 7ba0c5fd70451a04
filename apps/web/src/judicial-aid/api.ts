import { judicialAidCategories } from '@procura/domain/judicial-aid';
import type {
  TApplicationPatch,
  TApplyBody,
  TCaseJudicialAid,
  TDecisionBody,
  TPaymentBody,
  TSummary,
} from '@procura/server/judicial-aid/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDownload } from '../api/client.ts';

export const categoryOptions = Object.entries(judicialAidCategories).map(([value, label]) => ({
  value,
  label,
}));

const key = (caseId: number) => ['judicial-aid', caseId];

/** `full`: on a juvenile case, the full names (the page's 查看完整信息, audited by the server). */
export function useCaseJudicialAid(caseId: number, full = false) {
  return useQuery({
    queryKey: [...key(caseId), full],
    queryFn: () => api<TCaseJudicialAid>(`/api/cases/${caseId}/judicial-aid${full ? '?full=true' : ''}`),
  });
}

export function useJudicialAidSummary(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ['judicial-aid', 'summary', period.from, period.to],
    queryFn: () => api<TSummary>(`/api/judicial-aid/summary?from=${period.from}&to=${period.to}`),
  });
}

/** After a change the case's assistances (masked or full, as shown) and the summary are reloaded. */
function useAidMutation<TBody>(caseId: number, url: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TCaseJudicialAid>(url, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key(caseId) }),
        queryClient.invalidateQueries({ queryKey: ['judicial-aid', 'summary'] }),
      ]),
  });
}

export const useApplyForAid = (caseId: number) =>
  useAidMutation<TApplyBody>(caseId, `/api/cases/${caseId}/judicial-aid`);

export const useDecideAid = (caseId: number, aidId: number) =>
  useAidMutation<TDecisionBody>(caseId, `/api/cases/${caseId}/judicial-aid/${aidId}/decision`);

export const useRecordPayment = (caseId: number, aidId: number) =>
  useAidMutation<TPaymentBody>(caseId, `/api/cases/${caseId}/judicial-aid/${aidId}/payment`);

export function useCorrectApplication(caseId: number, aidId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TApplicationPatch) =>
      api<TCaseJudicialAid>(`/api/cases/${caseId}/judicial-aid/${aidId}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(caseId) }),
  });
}

/** 国家司法救助决定书 (.docx) of a decided application. */
export function useDownloadDecision(caseId: number) {
  return useMutation({
    mutationFn: (aidId: number) => apiDownload(`/api/cases/${caseId}/judicial-aid/${aidId}/decision.docx`),
    meta: { silent: true },
  });
}
