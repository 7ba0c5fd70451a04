import type { TMe, TPublicInfo, ZChangePasswordBody, ZLoginBody } from '@procura/server/auth/schema';
import type { z } from 'zod';
import { api } from '../api/client.ts';

export type TLoginBody = z.infer<typeof ZLoginBody>;
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;

export function fetchPublicInfo(): Promise<TPublicInfo> {
  return api<TPublicInfo>('/api/public/info');
}

export function fetchMe(): Promise<TMe> {
  return api<TMe>('/api/auth/me');
}

export async function login(body: TLoginBody): Promise<TMe> {
  const result = await api<{ user: TMe }>('/api/auth/login', { method: 'POST', body });
  return result.user;
}

export function logout(): Promise<void> {
  return api<void>('/api/auth/logout', { method: 'POST' });
}

export function changePassword(body: TChangePasswordBody): Promise<void> {
  return api<void>('/api/auth/password', { method: 'POST', body });
}
