import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { endsSession, isApiError } from './errors.ts';
import { notifyError } from './notify.ts';

type TRequestMeta = {
  /** The component shows the error itself (inline in a form), so no toast. */
  silent?: boolean;
};

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: TRequestMeta;
    mutationMeta: TRequestMeta;
  }
}

/** A lost session is handled where it happens (api/client.ts); everything else gets a toast. */
function report(error: unknown, meta: TRequestMeta | undefined): void {
  if (meta?.silent) return;
  if (isApiError(error) && endsSession(error)) return;
  notifyError(error);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => report(error, query.meta) }),
  mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => report(error, mutation.meta) }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 1,
    },
    mutations: { retry: false },
  },
});
