import type { TNotification, TNotificationList } from '@procura/server/notifications/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

const key = ['notifications'];

/** The user's notifications, polled every minute (the header bell). */
export function useNotifications() {
  return useQuery({
    queryKey: key,
    queryFn: () => api<TNotificationList>('/api/notifications'),
    refetchInterval: 60_000,
    meta: { silent: true },
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<TNotification>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
