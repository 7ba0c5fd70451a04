import type {
  TCalendarDay,
  TCalendarYear,
  TImportCalendarBody,
  TSetDayBody,
} from '@procura/server/calendar/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: ['calendar', year],
    queryFn: () => api<TCalendarYear>(`/api/calendar/${year}`),
  });
}

/** After any change the year and every deadline (their due dates may move) are refetched. */
function useCalendarMutation<TInput, TResult>(send: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['calendar'] }),
        queryClient.invalidateQueries({ queryKey: ['deadlines'] }),
      ]),
  });
}

/**
 * Stores the year's built-in arrangement (chinese-days) once: reading a year never writes, so the
 * page asks for it with this POST when the year comes back `seedable`.
 */
export const useSeedCalendarYear = () =>
  useCalendarMutation((year: number) => api<TCalendarYear>(`/api/calendar/${year}/seed`, { method: 'POST' }));

export const useSetCalendarDay = () =>
  useCalendarMutation(({ date, body }: { date: string; body: TSetDayBody }) =>
    api<TCalendarDay>(`/api/calendar/days/${date}`, { method: 'PUT', body }),
  );

export const useDeleteCalendarDay = () =>
  useCalendarMutation((date: string) => api<void>(`/api/calendar/days/${date}`, { method: 'DELETE' }));

export const useImportCalendar = () =>
  useCalendarMutation(({ year, body }: { year: number; body: TImportCalendarBody }) =>
    api<{ year: number; imported: number }>(`/api/calendar/${year}/import`, { method: 'POST', body }),
  );

/** A chosen file as the import body: CSV as text, .xlsx as base64. */
export async function importBodyOf(file: File): Promise<TImportCalendarBody> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return { format: 'xlsx', content: btoa(binary) };
  }
  return { format: 'csv', content: await file.text() };
}
