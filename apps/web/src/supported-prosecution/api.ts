import { supportClaimKinds, weakPartyCategories } from '@procura/domain/supported-prosecution';
import type {
  TApplicantBody,
  TImportResult,
  TRecoveryBody,
  TStepBody,
  TSupportBody,
  TSupportedProsecution,
} from '@procura/server/supported-prosecution/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDownload } from '../api/client.ts';
import { uploadBodyOf } from '../employment-checks/api.ts';

/** The kinds of claim and the weak-party categories, in the words the server uses. */
const asOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
export const claimKindOptions = asOptions(supportClaimKinds);
export const categoryOptions = asOptions(weakPartyCategories);

const key = (caseId: number) => ['supported-prosecution', caseId];

export function useSupportedProsecution(caseId: number) {
  return useQuery({
    queryKey: key(caseId),
    queryFn: () => api<TSupportedProsecution>(`/api/cases/${caseId}/supported-prosecution`),
  });
}

/** Every change answers with the applicants; the case (its outcomes and timeline) is reloaded. */
function useSupportMutation<TBody, TResult>(
  caseId: number,
  send: (body: TBody) => Promise<TResult>,
  pick: (result: TResult) => TSupportedProsecution,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: (result) => {
      queryClient.setQueryData(key(caseId), pick(result));
      return queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
    },
  });
}

export const useUpdateSupport = (caseId: number) =>
  useSupportMutation<TSupportBody, TSupportedProsecution>(
    caseId,
    (body) => api(`/api/cases/${caseId}/supported-prosecution`, { method: 'PUT', body }),
    (r) => r,
  );

export const useImportApplicants = (caseId: number) =>
  useSupportMutation<File, TImportResult>(
    caseId,
    async (file) =>
      api(`/api/cases/${caseId}/applicants/import`, { method: 'POST', body: await uploadBodyOf(file) }),
    (r) => r.supportedProsecution,
  );

export const useRecordRecovery = (caseId: number, applicantId: number) =>
  useSupportMutation<TRecoveryBody, TSupportedProsecution>(
    caseId,
    (body) => api(`/api/cases/${caseId}/applicants/${applicantId}/recovery`, { method: 'POST', body }),
    (r) => r,
  );

export const useAddApplicant = (caseId: number) =>
  useSupportMutation<TApplicantBody, TSupportedProsecution>(
    caseId,
    (body) => api(`/api/cases/${caseId}/applicants`, { method: 'POST', body }),
    (r) => r,
  );

export const useRecordStep = (caseId: number) =>
  useSupportMutation<TStepBody, TSupportedProsecution>(
    caseId,
    (body) => api(`/api/cases/${caseId}/supported-prosecution/steps`, { method: 'POST', body }),
    (r) => r,
  );

/** 支持起诉意见书 (.docx): the first download puts it on the timeline, so the case is reloaded. */
export function useDownloadOpinion(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiDownload(`/api/cases/${caseId}/supported-prosecution/opinion.docx`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] }),
  });
}
