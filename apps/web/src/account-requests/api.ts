import type {
  TAccountRequestDecided,
  TAccountRequestDecision,
  TAccountRequestList,
} from '@procura/server/account-requests/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export function useAccountRequests(status: 'pending' | 'all') {
  return useQuery({
    queryKey: ['account-requests', status],
    queryFn: () => api<TAccountRequestList>('/api/account-requests', { query: { status } }),
  });
}

export function useDecideAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: TAccountRequestDecision }) =>
      api<TAccountRequestDecided>(`/api/account-requests/${id}/decision`, { method: 'POST', body: decision }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account-requests'] }),
  });
}
