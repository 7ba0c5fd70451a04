import type { TCockpit } from '@procura/server/cockpit/schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** A period of China days [from, to). */
export type TPeriod = { from: string; to: string };
export type TListLink = { path: string; query: Record<string, string> };

export function useCockpit(period: TPeriod) {
  return useQuery({
    queryKey: ['cockpit', period.from, period.to],
    queryFn: () => api<TCockpit>(`/api/cockpit?${new URLSearchParams(period)}`),
    placeholderData: keepPreviousData,
  });
}

const unpagedLists = new Set(['/api/juvenile/follow-ups']);

/** One page of the list a figure counts (cases, clues or suggestions), with its total. */
export function useLinkedList<TItem>(link: TListLink | null, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['cockpit-list', link, page.page, page.pageSize],
    enabled: link !== null,
    queryFn: async () => {
      // The follow-up plans answer an unpaged array: the table pages it here.
      if (unpagedLists.has(link!.path)) {
        const items = await api<TItem[]>(`${link!.path}?${new URLSearchParams(link!.query)}`);
        return { items, total: items.length };
      }
      return api<{ items: TItem[]; total: number }>(
        `${link!.path}?${new URLSearchParams({ ...link!.query, page: String(page.page), pageSize: String(page.pageSize) })}`,
      );
    },
  });
}
