import { checkAttachment } from '@procura/domain/attachments/file-kinds';
import type { TAttachment } from '@procura/server/attachments/schema';
import type {
  TCluePortalOrigin,
  TPortalClueDetail,
  TPortalClueList,
  TPortalFeedbackBody,
  TSendPortalClueBody,
} from '@procura/server/portal-clues/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';

const listKey = ['portal', 'clues'];
const detailKey = (id: number | null) => ['portal', 'clue', id];

export function usePortalClues() {
  return useQuery({ queryKey: listKey, queryFn: () => api<TPortalClueList>('/api/portal/clues') });
}

export function usePortalClue(id: number | null) {
  return useQuery({
    queryKey: detailKey(id),
    enabled: id !== null,
    queryFn: () => api<TPortalClueDetail>(`/api/portal/clues/${id}`),
  });
}

/** One evidence file, checked in the browser first (the server checks again). */
async function uploadMaterial(id: number, file: File): Promise<TAttachment> {
  const check = checkAttachment(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!check.ok) throw new ApiError(400, 'VALIDATION', check.message);
  return api<TAttachment>(`/api/portal/clues/${id}/attachments`, {
    method: 'POST',
    query: { name: file.name },
    file,
  });
}

/**
 * 移送线索: the clue, then its files one by one. A file refused after the clue was sent leaves the
 * clue sent; the error names the file and the clue can take it again from its page.
 */
export function useSendPortalClue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, files }: { body: TSendPortalClueBody; files: File[] }) => {
      const sent = await api<TPortalClueDetail>('/api/portal/clues', { method: 'POST', body });
      for (const file of files) {
        try {
          await uploadMaterial(sent.id, file);
        } catch (error) {
          await queryClient.invalidateQueries({ queryKey: listKey });
          const why = error instanceof ApiError ? error.message : String(error);
          throw new ApiError(400, 'VALIDATION', `线索已移送，但材料「${file.name}」未能上传：${why}`);
        }
      }
      return sent;
    },
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

export function useAddPortalClueMaterial(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadMaterial(id, file),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: detailKey(id) }),
  });
}

const originKey = (clueId: number) => ['clues', clueId, 'portal'];

/** Inside: the organisation a clue came from on the portal, and the feedback written to it. */
export function useCluePortalOrigin(clueId: number) {
  return useQuery({
    queryKey: originKey(clueId),
    queryFn: () => api<TCluePortalOrigin>(`/api/clues/${clueId}/portal`),
  });
}

export function useWritePortalFeedback(clueId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPortalFeedbackBody) =>
      api<TCluePortalOrigin>(`/api/clues/${clueId}/portal-feedback`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: (result) => queryClient.setQueryData(originKey(clueId), result),
  });
}
