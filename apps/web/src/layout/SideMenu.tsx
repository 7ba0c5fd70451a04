import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { menuRoutes, routeOf } from '../app/routes.tsx';
import { useMe } from '../auth/hooks.ts';

export function SideMenu() {
  const me = useMe();
  const { pathname } = useLocation();
  const items = menuRoutes(me).map((route) => ({
    key: route.path,
    icon: route.menu?.icon,
    label: <Link to={route.path}>{route.title}</Link>,
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
