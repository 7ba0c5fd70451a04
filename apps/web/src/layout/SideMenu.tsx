import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { groupedMenuRoutes, routeOf } from '../app/routes.tsx';
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
      label: <Link to={route.path}>{route.menu?.label ?? route.title}</Link>,
    })),
  }));
  const route = routeOf(pathname);
  const current = route?.menuParent ?? route?.path;
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
