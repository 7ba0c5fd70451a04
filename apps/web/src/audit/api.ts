import type { TAuditList, TAuditVerifyResult, ZAuditQuery } from '@procura/server/audit/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client.ts';

type TServerAuditQuery = z.infer<typeof ZAuditQuery>;
/** The filters this page offers; `from` / `to` are ISO datetimes with offset, as the server expects. */
export type TAuditFilters = Pick<TServerAuditQuery, 'actor' | 'action' | 'from' | 'to'>;
export type TAuditQuery = TAuditFilters & Pick<TServerAuditQuery, 'page' | 'pageSize'>;

export function fetchAudit(query: TAuditQuery): Promise<TAuditList> {
  return api<TAuditList>('/api/audit', { query });
}

export function verifyAudit(): Promise<TAuditVerifyResult> {
  return api<TAuditVerifyResult>('/api/audit/verify');
}

export function useAuditList(query: TAuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => fetchAudit(query),
    placeholderData: keepPreviousData,
  });
}

/** Verifying is itself audited, so the list is refreshed afterwards. */
export function useVerifyAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyAudit,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}
