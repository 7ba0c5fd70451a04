import type { TWorkbench } from '@procura/server/workbench/schema';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** The workbench's counts; refreshed whenever the page is opened again. */
export function useWorkbench() {
  return useQuery({
    queryKey: ['workbench'],
    queryFn: () => api<TWorkbench>('/api/workbench'),
    refetchOnMount: 'always',
  });
}
