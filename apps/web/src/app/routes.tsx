import {
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  ScheduleOutlined,
  SendOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TRouteAccess } from '@procura/domain/policy';
import type { TMe } from '@procura/server/auth/schema';
import { type ComponentType, lazy, type ReactNode } from 'react';
import { matchPath } from 'react-router';
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
  /** A page without a menu entry of its own (a detail page) highlights this menu entry. */
  menuParent?: string;
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
    path: '/clues',
    title: '线索',
    access: 'clue.read',
    menu: { icon: <FileSearchOutlined /> },
    component: lazy(() => import('../clues/CluesPage.tsx')),
  },
  {
    path: '/clues/sent',
    title: '我移送的线索',
    access: 'clue.read',
    menu: { icon: <SendOutlined /> },
    component: lazy(() => import('../clues/SentCluesPage.tsx')),
  },
  {
    path: '/clues/:id',
    title: '线索详情',
    access: 'clue.read',
    menuParent: '/clues',
    component: lazy(() => import('../clues/ClueDetailPage.tsx')),
  },
  {
    path: '/cases',
    title: '案件',
    access: 'case.read',
    menu: { icon: <FolderOpenOutlined /> },
    component: lazy(() => import('../cases/CasesPage.tsx')),
  },
  {
    path: '/cases/:id',
    title: '案件详情',
    access: 'case.read',
    menuParent: '/cases',
    component: lazy(() => import('../cases/CaseDetailPage.tsx')),
  },
  {
    path: '/suggestions',
    title: '检察建议',
    access: 'suggestion.read',
    menu: { icon: <FileProtectOutlined /> },
    component: lazy(() => import('../suggestions/SuggestionsPage.tsx')),
  },
  {
    path: '/deadlines',
    title: '我的期限',
    access: 'deadline.read',
    menu: { icon: <ScheduleOutlined /> },
    component: lazy(() => import('../deadlines/MyDeadlinesPage.tsx')),
  },
  {
    path: '/deadlines/board',
    title: '部门期限看板',
    access: 'deadline.board',
    menu: { icon: <DashboardOutlined /> },
    component: lazy(() => import('../deadlines/DeadlineBoardPage.tsx')),
  },
  {
    path: '/reassign',
    title: '改派',
    access: 'record.reassign',
    menu: { icon: <SwapOutlined /> },
    component: lazy(() => import('../reassignment/ReassignPage.tsx')),
  },
  {
    path: '/admin/calendar',
    title: '节假日日历',
    access: 'calendar.manage',
    menu: { icon: <CalendarOutlined /> },
    component: lazy(() => import('../calendar/CalendarPage.tsx')),
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

/** The route a pathname belongs to: an exact path first (/clues/sent), then a pattern (/clues/:id). */
export function routeOf(pathname: string): TAppRoute | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return (
    appRoutes.find((route) => route.path === path) ??
    appRoutes.find((route) => matchPath({ path: route.path, end: true }, path))
  );
}

/** The side-menu entries this user may use (none while a password change is pending). */
export function menuRoutes(me: TMe): TAppRoute[] {
  if (me.mustChangePassword) return [];
  return appRoutes.filter((route) => route.menu && hasAccess(me, route.access));
}
