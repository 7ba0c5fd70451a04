import { Spin } from 'antd';
import { type ComponentType, Suspense, useEffect } from 'react';
import type { TAppRoute } from '../app/routes.tsx';
import { hasAccess } from '../auth/access.ts';
import { useMeQuery, usePublicInfo } from '../auth/hooks.ts';
import { Forbidden } from './Forbidden.tsx';

/** Shows the page of `route` if the user may use it (403 otherwise), and titles the browser tab. */
export function RouteGuard({ route, page: Page }: { route: TAppRoute; page: ComponentType }) {
  const { data: me } = useMeQuery();
  const { data: info } = usePublicInfo();
  const allowed = hasAccess(me, route.access);

  useEffect(() => {
    const site = info?.procuratorate.shortName ?? '检察履职一体化平台';
    document.title = `${allowed ? route.title : '无权访问'} - ${site}`;
  }, [allowed, route.title, info]);

  if (!allowed) return <Forbidden />;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
      <Page />
    </Suspense>
  );
}
