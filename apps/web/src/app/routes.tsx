import {
  AuditOutlined,
  BulbOutlined,
  CalendarOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  GlobalOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  LockOutlined,
  MailOutlined,
  MoneyCollectOutlined,
  RadarChartOutlined,
  SafetyOutlined,
  ScheduleFilled,
  ScheduleOutlined,
  SendOutlined,
  SmileOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TRouteAccess } from '@procura/domain/policy';
import type { TLine } from '@procura/domain/roles';
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
  /**
   * Shown in the side menu (only to users who pass `access`), under the heading of its `group`;
   * `label` when the heading already says what `title` repeats (未检·封存记录 → 封存记录); `lines`:
   * only for departments of these lines of work (and the chief, deputies and users of no department).
   */
  menu?: { icon: ReactNode; group: TMenuGroup; label?: string; lines?: readonly TLine[] };
  /** A page without a menu entry of its own (a detail page) highlights this menu entry. */
  menuParent?: string;
};

/** The side menu's headings, by line of work, in the order shown. */
export const menuGroups = {
  casework: '办案',
  models: '大数据法律监督',
  juvenile: '未成年人检察',
  prevention: '预防与法治宣传',
  assessment: '队伍建设',
  admin: '系统管理',
} as const;
export type TMenuGroup = keyof typeof menuGroups;

const juvenileOnly = ['juvenile'] as const satisfies readonly TLine[];

/**
 * The single list of pages: the router and the side menu are both derived from it, so the menu
 * never shows a module that does not exist or that the user may not use. The component of each
 * is in app/pages.tsx, so that pages may read this list without importing themselves.
 */
const routes = [
  { path: '/login', title: '登录', access: 'public' },
  // 队伍建设: schemes (personnel), lists and approvals (heads, personnel, leaders), one's own entries.
  {
    path: '/assessment/mine',
    title: '我的考核',
    access: 'assessment.read',
    menu: { icon: <IdcardOutlined />, group: 'assessment' },
  },
  {
    path: '/assessment/lists',
    title: '考核条目与审批',
    access: 'assessment.lists',
    menu: { icon: <ScheduleOutlined />, group: 'assessment' },
  },
  {
    path: '/assessment/schemes',
    title: '考核方案',
    access: 'assessment.manage',
    menu: { icon: <ControlOutlined />, group: 'assessment' },
  },
  // 外部单位门户: its login entry, then its one page.
  { path: '/portal', title: '外部单位登录', access: 'public' },
  {
    path: '/portal/suggestions',
    title: '检察建议（外部单位）',
    access: 'portal.read',
    menu: { icon: <SendOutlined />, group: 'casework' },
  },
  {
    path: '/portal/clues',
    title: '移送线索（外部单位）',
    access: 'portalClue.read',
    menu: { icon: <FileSearchOutlined />, group: 'casework' },
  },
  {
    path: '/portal/consultations',
    title: '诉前磋商（外部单位）',
    access: 'portal.read',
    menu: { icon: <SolutionOutlined />, group: 'casework', label: '诉前磋商' },
  },
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
    menu: { icon: <HomeOutlined />, group: 'casework' },
  },
  {
    path: '/cockpit',
    title: '检察长驾驶舱',
    access: 'cockpit.read',
    menu: { icon: <DashboardOutlined />, group: 'casework' },
  },
  {
    path: '/clues',
    title: '线索',
    access: 'clue.read',
    menu: { icon: <FileSearchOutlined />, group: 'casework' },
  },
  {
    path: '/clues/sent',
    title: '我移送的线索',
    access: 'clue.read',
    menu: { icon: <SendOutlined />, group: 'casework' },
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
    menu: { icon: <FolderOpenOutlined />, group: 'casework' },
  },
  {
    path: '/cases/:id',
    title: '案件详情',
    access: 'case.read',
    menuParent: '/cases',
  },
  {
    path: '/protected-objects',
    title: '保护对象',
    access: 'case.read',
    menu: { icon: <SafetyOutlined />, group: 'casework', lines: ['publicInterest'] },
  },
  {
    path: '/protected-objects/:id',
    title: '保护对象详情',
    access: 'case.read',
    menuParent: '/protected-objects',
  },
  {
    path: '/hearing-officers',
    title: '听证员库',
    access: 'hearingOfficer.read',
    menu: { icon: <SolutionOutlined />, group: 'casework' },
  },
  {
    path: '/cooperation-agreements',
    title: '会签文件',
    access: 'case.read',
    menu: { icon: <FileSearchOutlined />, group: 'casework', lines: ['publicInterest'] },
  },
  {
    path: '/judicial-aid',
    title: '司法救助统计',
    access: 'judicialAid.summary',
    menu: { icon: <MoneyCollectOutlined />, group: 'casework' },
  },
  {
    path: '/cockpit/reports',
    title: '工作报告',
    access: 'report.read',
    menu: { icon: <FileTextOutlined />, group: 'casework' },
  },
  {
    path: '/cockpit/reports/:id',
    title: '工作报告',
    access: 'report.read',
    menuParent: '/cockpit/reports',
  },
  {
    path: '/suggestions',
    title: '检察建议',
    access: 'suggestion.read',
    menu: { icon: <FileProtectOutlined />, group: 'casework' },
  },
  {
    path: '/patrols',
    title: '网络巡查',
    access: 'patrol.read',
    menu: { icon: <GlobalOutlined />, group: 'casework', lines: ['publicInterest'] },
  },
  {
    path: '/patrols/:id',
    title: '网络巡查',
    access: 'patrol.read',
    menuParent: '/patrols',
  },
  {
    path: '/class-cases',
    title: '类案监督',
    access: 'classCase.read',
    menu: { icon: <ClusterOutlined />, group: 'casework', lines: ['civilAdministrative', 'publicInterest'] },
  },
  {
    path: '/class-cases/:id',
    title: '类案详情',
    access: 'classCase.read',
    menuParent: '/class-cases',
  },
  // 特邀检察官助理 (检行协作): the one page of the role besides the workbench.
  {
    path: '/invited/cases',
    title: '受邀参与的案件',
    access: 'invitedCase.read',
    menu: { icon: <FolderOpenOutlined />, group: 'casework' },
  },
  {
    path: '/invited/cases/:id',
    title: '案件详情（只读）',
    access: 'invitedCase.read',
    menuParent: '/invited/cases',
  },
  {
    path: '/deadlines',
    title: '我的期限',
    access: 'deadline.read',
    menu: { icon: <ScheduleOutlined />, group: 'casework' },
  },
  {
    path: '/deadlines/board',
    title: '部门期限看板',
    access: 'deadline.board',
    menu: { icon: <DashboardOutlined />, group: 'casework' },
  },
  {
    path: '/reassign',
    title: '改派',
    access: 'record.reassign',
    menu: { icon: <SwapOutlined />, group: 'casework' },
  },
  {
    path: '/models',
    title: '大数据法律监督模型',
    access: 'model.read',
    menu: { icon: <RadarChartOutlined />, group: 'models' },
  },
  {
    path: '/models/datasets',
    title: '模型数据集',
    access: 'dataset.read',
    menu: { icon: <DatabaseOutlined />, group: 'models' },
  },
  {
    path: '/models/hits',
    title: '模型命中',
    access: 'hit.read',
    menuParent: '/models',
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
    menu: { icon: <MailOutlined />, group: 'prevention', lines: juvenileOnly },
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
    menu: { icon: <IdcardOutlined />, group: 'prevention', lines: juvenileOnly },
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
    menu: { icon: <BulbOutlined />, group: 'prevention' },
  },
  {
    path: '/juvenile',
    title: '未成年人检察',
    access: 'juvenile.read',
    menu: { icon: <SmileOutlined />, group: 'juvenile', label: '未检案件', lines: juvenileOnly },
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
    menu: { icon: <ScheduleFilled />, group: 'juvenile', label: '一站式办案场所', lines: juvenileOnly },
  },
  {
    path: '/juvenile/follow-ups',
    title: '未检·跟踪帮教',
    access: 'juvenile.read',
    menu: { icon: <HeartOutlined />, group: 'juvenile', label: '跟踪帮教', lines: juvenileOnly },
  },
  {
    path: '/juvenile/sealed',
    title: '未检·封存记录',
    access: 'juvenile.read',
    menu: { icon: <LockOutlined />, group: 'juvenile', label: '封存记录', lines: juvenileOnly },
  },
  {
    path: '/assessment/profile',
    title: '精准画像',
    access: 'assessment.profile',
    menu: { icon: <RadarChartOutlined />, group: 'assessment' },
  },
  {
    path: '/admin/calendar',
    title: '节假日日历',
    access: 'calendar.manage',
    menu: { icon: <CalendarOutlined />, group: 'admin' },
  },
  {
    path: '/admin/departments',
    title: '部门设置',
    access: 'department.settings',
    menu: { icon: <ControlOutlined />, group: 'admin' },
  },
  {
    path: '/admin/users',
    title: '用户管理',
    access: 'user.list',
    menu: { icon: <TeamOutlined />, group: 'admin' },
  },
  {
    path: '/admin/organisations',
    title: '外部单位',
    access: 'organisation.manage',
    menu: { icon: <GlobalOutlined />, group: 'admin' },
  },
  {
    path: '/account-requests',
    title: '账号审批',
    access: 'accountRequest.read',
    menu: { icon: <SafetyOutlined />, group: 'admin' },
  },
  {
    path: '/admin/audit',
    title: '审计日志',
    access: 'audit.list',
    menu: { icon: <AuditOutlined />, group: 'admin' },
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

/** The chief and deputies (院领导) oversee every line of work. */
const overseesAll = (me: TMe) =>
  me.role === 'chief' || me.role === 'deputyChief' || !me.department || me.department.line === 'office';

/**
 * The side-menu entries this user may use (none while a password change is pending): what the
 * role allows, narrowed to what the user's department does; the chief and deputies see everything.
 */
export function menuRoutes(me: TMe): TAppRoute[] {
  if (me.mustChangePassword) return [];
  return appRoutes.filter(
    (route) =>
      route.menu &&
      hasAccess(me, route.access) &&
      (!route.menu.lines || overseesAll(me) || route.menu.lines.includes(me.department!.line)),
  );
}

/** menuRoutes under their headings, in the order of `menuGroups`; empty groups left out. */
export function groupedMenuRoutes(me: TMe): { group: TMenuGroup; title: string; routes: TAppRoute[] }[] {
  const routes = menuRoutes(me);
  return (Object.keys(menuGroups) as TMenuGroup[])
    .map((group) => ({
      group,
      title: menuGroups[group],
      routes: routes.filter((route) => route.menu!.group === group),
    }))
    .filter((entry) => entry.routes.length > 0);
}
