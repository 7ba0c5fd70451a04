import { roleLabels, type TRole } from '@procura/domain/roles';
import type { THandler } from '@procura/server/departments/schema';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client.ts';

/** Who may take over a case or clue: the server's assertHandler accepts prosecutors, heads and chiefs. */
const targetRoles: TRole[] = ['chief', 'deputyChief', 'departmentHead', 'prosecutor'];
const targetLabels = new Set(targetRoles.map((role) => roleLabels[role]));

/** Options of the new-handler picker (shares the cache of the 承办人 filters). */
export function useReassignTargets() {
  const handlers = useQuery({
    queryKey: ['handlers'],
    queryFn: () => api<THandler[]>('/api/handlers'),
    staleTime: 60_000,
  });
  return useMemo(
    () =>
      (handlers.data ?? [])
        .filter((h) => targetLabels.has(h.roleLabel))
        .map((h) => ({ value: h.id, label: `${h.displayName}（${h.roleLabel}，${h.department.name}）` })),
    [handlers.data],
  );
}
