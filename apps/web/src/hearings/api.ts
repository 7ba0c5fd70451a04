import {
  disputeMeans,
  disputeOutcomes,
  hearingParticipantRoles,
  type THearingParticipantRole,
} from '@procura/domain/hearings';
import type {
  TDispute,
  TDisputeBody,
  TDrawBody,
  TDrawResult,
  THearing,
  THearingBody,
  THearingPatch,
  TMeetingBody,
  TNoticeBody,
  TOfficer,
  TOfficerBody,
  TOfficerPatch,
  TOutcomeBody,
  TPublishedHearing,
  TStatistics,
} from '@procura/server/hearings/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

const asOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
export const meansOptions = asOptions(disputeMeans);
export const outcomeOptions = asOptions(disputeOutcomes);

/** 「当事人：张某某」 lines ↔ participants; a line without a known role is 其他参加人. */
export function parsePeople(text: string | undefined): { name: string; role: THearingParticipantRole }[] {
  const byLabel = new Map<string, THearingParticipantRole>(
    Object.entries(hearingParticipantRoles).map(([role, label]) => [label, role as THearingParticipantRole]),
  );
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [head, ...rest] = line.split(/[:：]/);
      const role = byLabel.get(head!.trim());
      return role && rest.length > 0 ? { role, name: rest.join('：').trim() } : { role: 'other', name: line };
    });
}
export const peopleText = (people: { name: string; roleLabel: string }[]) =>
  people.map((p) => `${p.roleLabel}：${p.name}`).join('\n');

/** 「配偶：王某某」 lines ↔ declared relations. */
export function parseRelations(text: string | undefined): { relation: string; name: string }[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [relation, ...rest] = line.split(/[:：]/);
      return rest.length > 0
        ? { relation: relation!.trim(), name: rest.join('：').trim() }
        : { relation: '其他', name: line };
    });
}

export const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

// ─── 听证员库 ───

export const useOfficers = (enabled = true) =>
  useQuery({
    queryKey: ['hearing-officers'],
    queryFn: () => api<TOfficer[]>('/api/hearing-officers'),
    enabled,
  });

export function useSaveOfficer(id?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOfficerBody | TOfficerPatch) =>
      id === undefined
        ? api<TOfficer>('/api/hearing-officers', { method: 'POST', body })
        : api<TOfficer>(`/api/hearing-officers/${id}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hearing-officers'] }),
  });
}

export const usePublishedHearings = (enabled: boolean) =>
  useQuery({
    queryKey: ['hearings', 'published'],
    queryFn: () => api<TPublishedHearing[]>('/api/hearings/published'),
    enabled,
  });

// ─── 公开听证 ───

const hearingsKey = (caseId: number) => ['hearings', 'case', caseId];

export const useCaseHearings = (caseId: number) =>
  useQuery({
    queryKey: hearingsKey(caseId),
    queryFn: () => api<THearing[]>(`/api/cases/${caseId}/hearings`),
  });

/** Every change reloads the case's hearings, its documents, its dispute and the 化解 count. */
function useCaseMutation<TBody, TResult>(caseId: number, send: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: hearingsKey(caseId) }),
        queryClient.invalidateQueries({ queryKey: ['admin-dispute', caseId] }),
        queryClient.invalidateQueries({ queryKey: ['admin-disputes'] }),
        queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] }),
      ]),
  });
}

export const useCreateHearing = (caseId: number) =>
  useCaseMutation<THearingBody, THearing>(caseId, (body) =>
    api(`/api/cases/${caseId}/hearings`, { method: 'POST', body }),
  );
export const useUpdateHearing = (caseId: number, id: number) =>
  useCaseMutation<THearingPatch, THearing>(caseId, (body) =>
    api(`/api/hearings/${id}`, { method: 'PATCH', body }),
  );
export const useDrawOfficers = (caseId: number, id: number) =>
  useCaseMutation<TDrawBody, TDrawResult>(caseId, (body) =>
    api(`/api/hearings/${id}/draw`, { method: 'POST', body }),
  );
export const useChooseOfficer = (caseId: number, id: number) =>
  useCaseMutation<{ officerId: number; reason: string }, THearing>(caseId, ({ officerId, reason }) =>
    api(`/api/hearings/${id}/officers/${officerId}`, { method: 'POST', body: { reason } }),
  );
export const useRecordOpinion = (caseId: number, id: number) =>
  useCaseMutation<{ officerId: number; opinion: string }, THearing>(caseId, ({ officerId, opinion }) =>
    api(`/api/hearings/${id}/officers/${officerId}/opinion`, { method: 'PUT', body: { opinion } }),
  );
export const useAddNotice = (caseId: number, id: number) =>
  useCaseMutation<TNoticeBody, THearing>(caseId, (body) =>
    api(`/api/hearings/${id}/notices`, { method: 'POST', body }),
  );
export const useGenerateMinutes = (caseId: number, id: number) =>
  useCaseMutation<void, { documentId: number }>(caseId, () =>
    api(`/api/hearings/${id}/minutes-document`, { method: 'POST' }),
  );
export const usePublishHearing = (caseId: number, id: number) =>
  useCaseMutation<void, THearing>(caseId, () => api(`/api/hearings/${id}/publish`, { method: 'POST' }));

// ─── 行政争议实质性化解 ───

export const useDispute = (caseId: number) =>
  useQuery({
    queryKey: ['admin-dispute', caseId],
    queryFn: () => api<TDispute>(`/api/cases/${caseId}/admin-dispute`),
  });

export const useUpdateDispute = (caseId: number) =>
  useCaseMutation<TDisputeBody, TDispute>(caseId, (body) =>
    api(`/api/cases/${caseId}/admin-dispute`, { method: 'PUT', body }),
  );
export const useAddMeeting = (caseId: number) =>
  useCaseMutation<TMeetingBody, TDispute>(caseId, (body) =>
    api(`/api/cases/${caseId}/admin-dispute/meetings`, { method: 'POST', body }),
  );
export const useRecordDisputeOutcome = (caseId: number) =>
  useCaseMutation<TOutcomeBody, TDispute>(caseId, (body) =>
    api(`/api/cases/${caseId}/admin-dispute/outcome`, { method: 'POST', body }),
  );

export const useDisputeStatistics = () =>
  useQuery({
    queryKey: ['admin-disputes', 'statistics'],
    queryFn: () => api<TStatistics>('/api/admin-disputes/statistics'),
  });
