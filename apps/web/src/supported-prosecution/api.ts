import type {
  TApplicantBody,
  TImportResult,
  TRecoveryBody,
  TSupportBody,
  TSupportClaimKind,
  TSupportedProsecution,
  TWeakPartyCategory,
} from '@procura/server/supported-prosecution/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { uploadBodyOf } from '../employment-checks/api.ts';

/** The kinds of claim, in the server's words (the keys are checked against its schema). */
export const claimKindOptions = Object.entries({
  labourPay: '追索劳动报酬',
  childSupport: '追索抚养费',
  elderSupport: '追索赡养费',
  disabilityFund: '残疾人保证金',
  domesticViolence: '家庭暴力',
  other: '其他',
} satisfies Record<TSupportClaimKind, string>).map(([value, label]) => ({ value, label }));

/** 老、弱、病、残、幼、农民工、家暴受害人, in the server's words. */
export const categoryOptions = Object.entries({
  elderly: '老年人',
  poor: '经济困难（弱）',
  ill: '患病（病）',
  disabled: '残疾人',
  minor: '未成年人（幼）',
  migrantWorker: '农民工',
  domesticViolenceVictim: '家庭暴力受害人',
} satisfies Record<TWeakPartyCategory, string>).map(([value, label]) => ({ value, label }));

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
