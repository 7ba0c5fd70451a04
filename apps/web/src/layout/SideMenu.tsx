import { Menu } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { preloadPage } from '../app/pages.tsx';
import { appRoutes, groupedMenuRoutes, routeOf } from '../app/routes.tsx';
import { useMe } from '../auth/hooks.ts';

/** The side menu, grouped by line of work: each user sees what their department does. */
export function SideMenu() {
  const me = useMe();
  const { pathname } = useLocation();
  // One heading per line of work (办案, 未成年人检察 …) with the pages of it this user has.
  const items = groupedMenuRoutes(me).map(({ group, title, routes }) => ({
    type: 'group' as const,
    key: `group-${group}`,
    label: <span data-testid={`menu-group-${group}`}>{title}</span>,
    children: routes.map((route) => ({
      key: route.path,
      icon: route.menu?.icon,
      label: (
        <Link to={route.path} onMouseEnter={() => void preloadPage(route.path)}>
          {route.menu?.label ?? route.title}
        </Link>
      ),
    })),
  }));
  const route = routeOf(pathname);
  const current = route?.menuParent ?? route?.path;
  usePreloadWhenIdle(groupedMenuRoutes(me).flatMap(({ routes }) => routes.map((entry) => entry.path)));
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={current ? [current] : []}
      aria-label="主菜单"
      data-testid="side-menu"
    />
  );
}

/**
 * Fetches the code of the user's menu pages and of their detail pages while the browser has
 * nothing else to do (no deadline: never in a busy moment), one page at a time, so that a page
 * opened from the menu shows at once.
 */
function usePreloadWhenIdle(menuPaths: string[]): void {
  const key = menuPaths.join(' ');
  useEffect(() => {
    const inMenu = new Set(key.split(' '));
    const paths = [
      ...inMenu,
      ...appRoutes.filter((r) => r.menuParent && inMenu.has(r.menuParent)).map((r) => r.path),
    ];
    let cancelled = false;
    const whenIdle = (run: () => void) =>
      window.requestIdleCallback ? window.requestIdleCallback(run) : window.setTimeout(run, 200);
    const next = (index: number) => {
      const path = paths[index];
      if (cancelled || path === undefined) return;
      whenIdle(() => void preloadPage(path).then(() => next(index + 1)));
    };
    next(0);
    return () => {
      cancelled = true;
    };
  }, [key]);
}
