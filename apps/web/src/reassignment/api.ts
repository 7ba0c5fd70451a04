import type { TReassignBody, TReassignResult } from '@procura/server/reassignment/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** 改派: all or nothing on the server; lists, details and deadlines are refetched after. */
export function useReassign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TReassignBody) => api<TReassignResult>('/api/reassignments', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () =>
      Promise.all(
        ['cases', 'clues', 'deadlines'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      ),
  });
}
