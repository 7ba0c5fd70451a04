import { AuditOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { TRouteAccess } from '@procura/domain/policy';
import type { TMe } from '@procura/server/auth/schema';
import { type ComponentType, lazy, type ReactNode } from 'react';
import { hasAccess } from '../auth/access.ts';
import { LoginPage } from '../auth/LoginPage.tsx';
import { PasswordPage } from '../auth/PasswordPage.tsx';
import { HomePage } from '../home/HomePage.tsx';

export type TAppRoute = {
  path: string;
  title: string;
  /**
   * Who may open it: 'public' (no login, shown without the layout), 'authenticated' (any
   * signed-in user) or a policy action that must be in `me.actions`.
   */
  access: TRouteAccess;
  /** Shown in the side menu (only to users who pass `access`). */
  menu?: { icon: ReactNode };
  component: ComponentType;
};

/**
 * The single list of pages: the router and the side menu are both derived from it, so the menu
 * never shows a module that does not exist or that the user may not use.
 */
export const appRoutes: TAppRoute[] = [
  { path: '/login', title: '登录', access: 'public', component: LoginPage },
  {
    path: '/',
    title: '工作台',
    access: 'authenticated',
    menu: { icon: <HomeOutlined /> },
    component: HomePage,
  },
  {
    path: '/admin/users',
    title: '用户管理',
    access: 'user.list',
    menu: { icon: <TeamOutlined /> },
    component: lazy(() => import('../users/UsersPage.tsx')),
  },
  {
    path: '/admin/audit',
    title: '审计日志',
    access: 'audit.list',
    menu: { icon: <AuditOutlined /> },
    component: lazy(() => import('../audit/AuditPage.tsx')),
  },
  { path: '/password', title: '修改密码', access: 'authenticated', component: PasswordPage },
];

/** The route a pathname belongs to (exact match; the app has no nested pages yet). */
export function routeOf(pathname: string): TAppRoute | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return appRoutes.find((route) => route.path === path);
}

/** The side-menu entries this user may use (none while a password change is pending). */
export function menuRoutes(me: TMe): TAppRoute[] {
  if (me.mustChangePassword) return [];
  return appRoutes.filter((route) => route.menu && hasAccess(me, route.access));
}
