import type { TMe } from '@procura/server/auth/schema';
import type { THandler } from '@procura/server/departments/schema';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client.ts';

/** Options for a 承办人 filter or picker: the signed-in user first, then the colleagues they may see. */
export function useHandlerOptions(me: TMe) {
  const handlers = useQuery({
    queryKey: ['handlers'],
    queryFn: () => api<THandler[]>('/api/handlers'),
    staleTime: 60_000,
  });
  return useMemo(() => {
    const others = (handlers.data ?? []).filter((h) => h.id !== me.id);
    return [
      { value: me.id, label: `我（${me.displayName}）` },
      ...others.map((h) => ({ value: h.id, label: `${h.displayName}（${h.department.name}）` })),
    ];
  }, [handlers.data, me]);
}
