import {
  AuditOutlined,
  BulbOutlined,
  CalendarOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  LockOutlined,
  MailOutlined,
  RadarChartOutlined,
  SafetyOutlined,
  ScheduleFilled,
  ScheduleOutlined,
  SendOutlined,
  SmileOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TRouteAccess } from '@procura/domain/policy';
import type { TMe } from '@procura/server/auth/schema';
import type { ReactNode } from 'react';
import { matchPath } from 'react-router';
import { hasAccess } from '../auth/access.ts';

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
};

/**
 * The single list of pages: the router and the side menu are both derived from it, so the menu
 * never shows a module that does not exist or that the user may not use. The component of each
 * is in app/pages.tsx, so that pages may read this list without importing themselves.
 */
const routes = [
  { path: '/login', title: '登录', access: 'public' },
  // 校园信箱 for students, without an account or the staff layout.
  {
    path: '/campus-mailbox/pickup',
    title: '查看答复',
    access: 'public',
  },
  {
    path: '/campus-mailbox/:token',
    title: '校园信箱',
    access: 'public',
  },
  {
    path: '/',
    title: '工作台',
    access: 'authenticated',
    menu: { icon: <HomeOutlined /> },
  },
  {
    path: '/clues',
    title: '线索',
    access: 'clue.read',
    menu: { icon: <FileSearchOutlined /> },
  },
  {
    path: '/clues/sent',
    title: '我移送的线索',
    access: 'clue.read',
    menu: { icon: <SendOutlined /> },
  },
  {
    path: '/clues/:id',
    title: '线索详情',
    access: 'clue.read',
    menuParent: '/clues',
  },
  {
    path: '/cases',
    title: '案件',
    access: 'case.read',
    menu: { icon: <FolderOpenOutlined /> },
  },
  {
    path: '/cases/:id',
    title: '案件详情',
    access: 'case.read',
    menuParent: '/cases',
  },
  {
    path: '/suggestions',
    title: '检察建议',
    access: 'suggestion.read',
    menu: { icon: <FileProtectOutlined /> },
  },
  {
    path: '/deadlines',
    title: '我的期限',
    access: 'deadline.read',
    menu: { icon: <ScheduleOutlined /> },
  },
  {
    path: '/deadlines/board',
    title: '部门期限看板',
    access: 'deadline.board',
    menu: { icon: <DashboardOutlined /> },
  },
  {
    path: '/reassign',
    title: '改派',
    access: 'record.reassign',
    menu: { icon: <SwapOutlined /> },
  },
  {
    path: '/models',
    title: '大数据法律监督模型',
    access: 'model.read',
    menu: { icon: <RadarChartOutlined /> },
  },
  {
    path: '/models/datasets',
    title: '模型数据集',
    access: 'dataset.read',
    menu: { icon: <DatabaseOutlined /> },
  },
  {
    path: '/models/runs/:id',
    title: '模型运行',
    access: 'model.read',
    menuParent: '/models',
  },
  {
    path: '/models/:id',
    title: '模型详情',
    access: 'model.read',
    menuParent: '/models',
  },
  {
    path: '/mailbox',
    title: '校园信箱',
    access: 'mailbox.read',
    menu: { icon: <MailOutlined /> },
  },
  {
    path: '/mailbox/letters/:id',
    title: '来信',
    access: 'mailbox.read',
    menuParent: '/mailbox',
  },
  {
    path: '/mailbox/statistics',
    title: '来信主题统计',
    access: 'mailbox.read',
    menuParent: '/mailbox',
  },
  {
    path: '/mailbox/schools',
    title: '对接学校',
    access: 'mailbox.read',
    menuParent: '/mailbox',
  },
  {
    path: '/mailbox/schools/:id/poster',
    title: '信箱二维码',
    access: 'mailbox.read',
    menuParent: '/mailbox',
  },
  {
    path: '/employment-checks',
    title: '入职查询',
    access: 'employmentCheck.read',
    menu: { icon: <IdcardOutlined /> },
  },
  {
    path: '/employment-checks/:id',
    title: '入职查询结果',
    access: 'employmentCheck.read',
    menuParent: '/employment-checks',
  },
  {
    path: '/outreach',
    title: '法治宣传活动',
    access: 'outreach.read',
    menu: { icon: <BulbOutlined /> },
  },
  {
    path: '/juvenile',
    title: '未成年人检察',
    access: 'juvenile.read',
    menu: { icon: <SmileOutlined /> },
  },
  {
    path: '/juvenile/cases/:id',
    title: '未检案件',
    access: 'juvenile.read',
    menuParent: '/juvenile',
  },
  {
    path: '/juvenile/centre',
    title: '未检·一站式办案场所',
    access: 'juvenile.read',
    menu: { icon: <ScheduleFilled /> },
  },
  {
    path: '/juvenile/follow-ups',
    title: '未检·跟踪帮教',
    access: 'juvenile.read',
    menu: { icon: <HeartOutlined /> },
  },
  {
    path: '/juvenile/sealed',
    title: '未检·封存记录',
    access: 'juvenile.read',
    menu: { icon: <LockOutlined /> },
  },
  {
    path: '/admin/calendar',
    title: '节假日日历',
    access: 'calendar.manage',
    menu: { icon: <CalendarOutlined /> },
  },
  {
    path: '/admin/departments',
    title: '部门设置',
    access: 'department.settings',
    menu: { icon: <ControlOutlined /> },
  },
  {
    path: '/admin/users',
    title: '用户管理',
    access: 'user.list',
    menu: { icon: <TeamOutlined /> },
  },
  {
    path: '/account-requests',
    title: '账号审批',
    access: 'accountRequest.read',
    menu: { icon: <SafetyOutlined /> },
  },
  {
    path: '/admin/audit',
    title: '审计日志',
    access: 'audit.list',
    menu: { icon: <AuditOutlined /> },
  },
  { path: '/password', title: '修改密码', access: 'authenticated' },
] as const satisfies readonly TAppRoute[];

export type TAppPath = (typeof routes)[number]['path'];

export const appRoutes: readonly (TAppRoute & { path: TAppPath })[] = routes;

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
