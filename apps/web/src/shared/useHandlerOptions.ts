import type { TMe } from '@procura/server/auth/schema';
import { useMemo, useRef } from 'react';

type TRef = { id: number; name: string };

/**
 * Options for a 承办人 filter: the signed-in user first, then every handler seen in the lists
 * loaded so far (the API has no handler directory for caseworkers).
 */
export function useHandlerOptions(me: TMe, items: { handler: TRef | null }[] | undefined) {
  const seen = useRef(new Map<number, string>());
  return useMemo(() => {
    for (const item of items ?? []) if (item.handler) seen.current.set(item.handler.id, item.handler.name);
    const others = [...seen.current].filter(([id]) => id !== me.id);
    return [
      { value: me.id, label: `我（${me.displayName}）` },
      ...others.map(([id, name]) => ({ value: id, label: name })),
    ];
  }, [items, me]);
}
