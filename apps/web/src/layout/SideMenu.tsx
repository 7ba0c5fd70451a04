import { Menu } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { preloadPage } from '../app/pages.tsx';
import { appRoutes, menuRoutes, routeOf } from '../app/routes.tsx';
import { useMe } from '../auth/hooks.ts';

export function SideMenu() {
  const me = useMe();
  const { pathname } = useLocation();
  const entries = menuRoutes(me);
  const items = entries.map((route) => ({
    key: route.path,
    icon: route.menu?.icon,
    label: (
      <Link to={route.path} onMouseEnter={() => void preloadPage(route.path)}>
        {route.title}
      </Link>
    ),
  }));
  const route = routeOf(pathname);
  const current = route?.menuParent ?? route?.path;
  usePreloadWhenIdle(entries.map((entry) => entry.path));
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
