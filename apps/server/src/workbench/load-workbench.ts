import type { Executor } from '@procura/db';
import { can } from '@procura/domain/policy';
import { countEntries } from '../assessment/entries.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { countClues } from '../clues/list-clues.ts';
import { countSentClues } from '../clues/list-sent-clues.ts';
import type { TClueFilter } from '../clues/schema.ts';
import { deadlineFilter } from '../deadlines/list-deadlines.ts';
import { countDeadlines } from '../deadlines/present-deadline.ts';
import type { TDeadlineQuery } from '../deadlines/schema.ts';
import { countFollowUps } from '../juvenile/list-follow-ups.ts';
import { countJuvenileCases } from '../juvenile/list-juvenile-cases.ts';
import { countRegisterQueries } from '../juvenile/sealed-register.ts';
import { reachesJuvenile } from '../mailbox/juvenile-reach.ts';
import { countLetters } from '../mailbox/list-letters.ts';
import { countAllHits } from '../models/list-hits.ts';
import { countUnreadNotifications } from '../notifications/list-notifications.ts';
import { countSuggestions } from '../suggestions/list-suggestions.ts';
import type { TWorkbench, TWorkbenchItem } from './schema.ts';

/** 'own': the work of the cases and clues one handles; heads their department; leaders all. */
export function workbenchScope(user: SessionUser): TWorkbench['scope'] {
  if (user.role === 'chief' || user.role === 'deputyChief') return 'all';
  if (user.role === 'departmentHead') return 'department';
  return 'own';
}

const scopeLabels: Record<TWorkbench['scope'], string> = {
  own: '我承办的',
  department: '本部门的',
  all: '全院的',
};

/** `?a=1&b=2` of the defined values, in the given order (links and API paths alike). */
function queryString(query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined);
  return entries.length
    ? `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`
    : '';
}

type Pending = Omit<TWorkbenchItem, 'count'> & { count: Promise<number> };

/**
 * 工作台: what waits for this user, each count taken by the same filter (and the same reach) as
 * the list its link opens, so the figure and the list never disagree. An item the user's role
 * cannot act on is left out; a zero is shown as zero. One count query per item, run together.
 */
export async function loadWorkbench(db: Executor, user: SessionUser): Promise<TWorkbench> {
  const scope = workbenchScope(user);
  const mine = scope === 'own' ? ('1' as const) : undefined;
  const whose = scopeLabels[scope];
  const pending: Pending[] = [];

  if (can(user.role, 'deadline.read')) {
    const deadlines = (
      label: string,
      filter: Pick<TDeadlineQuery, 'overdue' | 'due'>,
      definition: string,
    ) => {
      const query: TDeadlineQuery = { mine, ...filter };
      const qs = queryString({ mine, overdue: filter.overdue, due: filter.due });
      return {
        label,
        unit: '项',
        link: `/deadlines${qs}`,
        api: `/api/deadlines${qs}`,
        definition,
        count: countDeadlines(db, user, deadlineFilter(query, user)),
      };
    };
    pending.push(
      {
        key: 'deadlinesOverdue',
        alert: true,
        ...deadlines(
          '逾期期限',
          { overdue: '1' },
          `${whose}案件、线索的法定期限中，尚未完成且到期日早于今天的（中止中的期限不计）`,
        ),
      },
      {
        key: 'deadlinesDueSoon',
        alert: false,
        ...deadlines(
          '7日内到期',
          { due: '7d' },
          `${whose}案件、线索的法定期限中，尚未完成且到期日在今天至 7 日后（含）之间的（按自然日计）`,
        ),
      },
    );
  }

  if (can(user.role, 'suggestion.approve')) {
    pending.push({
      key: 'suggestionsAwaitingApproval',
      label: '待我审批的检察建议',
      unit: '件',
      link: '/suggestions?awaiting=me',
      api: '/api/suggestions?awaiting=me',
      definition:
        '提请审批、等待审批的检察建议中我可以审批的：部门负责人为本部门案件的，检察长、副检察长为全院的；' +
        '本人起草或提请的不计，部门负责人或院领导起草、提请的不计入部门负责人（四眼原则）',
      alert: false,
      count: countSuggestions(db, { awaiting: 'me' }, user),
    });
  }

  const juvenile = await reachesJuvenile(db, user);
  if (can(user.role, 'juvenile.approve') && juvenile) {
    pending.push({
      key: 'inquiriesAwaitingDecision',
      label: '待我审批的再次询问',
      unit: '件',
      link: '/juvenile?awaiting=me',
      api: '/api/juvenile/cases?awaiting=me',
      definition:
        '有待我审批的再次询问未成年被害人申请的未检案件（按案件计）：部门负责人为本部门案件，检察长、副检察长为全院；' +
        '本人提出的不计，部门负责人或院领导提出的只计入检察长、副检察长（四眼原则）',
      alert: false,
      count: countJuvenileCases(db, { awaiting: 'me' }, user),
    });
  }
  if (can(user.role, 'juvenile.approve') && juvenile && user.role !== 'deputyChief') {
    pending.push({
      key: 'sealQueriesAwaitingDecision',
      label: '待我决定的封存记录查询',
      unit: '件',
      link: '/juvenile/sealed?awaiting=me',
      api: '/api/juvenile/sealed?awaiting=me',
      definition:
        '尚未决定的封存记录查询申请中由我决定的：未检部门负责人为本部门的，检察长为全部；本人登记的不计，部门负责人登记的只计入检察长',
      alert: false,
      count: countRegisterQueries(db, { awaiting: 'me' }, user),
    });
  }

  if (can(user.role, 'clue.decide')) {
    const query: Omit<TClueFilter, 'q'> = { awaiting: 'decision', handlerId: mine ? user.id : undefined };
    const qs = queryString({ awaiting: 'decision', handlerId: query.handlerId });
    pending.push({
      key: 'cluesAwaitingDecision',
      label: '待处置线索',
      unit: '条',
      link: `/clues${qs}`,
      api: `/api/clues${qs}`,
      definition: `${whose}线索中，尚未作出立案、不立案或移送决定的（待评估、评估中）`,
      alert: false,
      count: countClues(db, query, user),
    });
  }

  // Transfers are a department's: the leaders' office sends none.
  if (can(user.role, 'clue.transfer') && user.department && scope !== 'all') {
    pending.push({
      key: 'transfersAwaitingFeedback',
      label: '待反馈的移送',
      unit: '条',
      link: '/clues/sent?awaiting=feedback',
      api: '/api/clues/sent?awaiting=feedback',
      definition:
        '本部门移送外单位、尚未录入对方反馈的线索（移送本院其他部门的，反馈即接收部门的处理情况，不计）',
      alert: false,
      count: countSentClues(db, { awaiting: 'feedback' }, user),
    });
  }

  if (can(user.role, 'juvenile.write') && juvenile) {
    const qs = queryString({ mine, due: '7d' });
    pending.push({
      key: 'followUpsDue',
      label: '待回访的帮教',
      unit: '件',
      link: `/juvenile/follow-ups${qs}`,
      api: `/api/juvenile/follow-ups${qs}`,
      definition: `${whose}未结束的跟踪帮教计划中，有回访尚未完成且应回访日在 7 日内（含已逾期）的（按帮教计划计）`,
      alert: false,
      count: countFollowUps(db, user, { mine, due: '7d' }),
    });
  }

  if (can(user.role, 'hit.review')) {
    pending.push({
      key: 'hitsAwaitingReview',
      label: '待审查命中',
      unit: '条',
      link: '/models/hits?status=pending',
      api: '/api/model-hits?status=pending',
      definition: '大数据法律监督模型各次运行的命中中，尚未确认、排除或转为线索的（待审查）',
      alert: false,
      count: countAllHits(db, { status: 'pending' }),
    });
  }

  if (can(user.role, 'mailbox.answer') && juvenile) {
    pending.push({
      key: 'lettersUnanswered',
      label: '待答复来信',
      unit: '封',
      link: '/mailbox?awaiting=answer',
      api: '/api/mailbox/letters?awaiting=answer&suspected=false',
      definition: '校园信箱来信中尚未答复的（未读、已读未答复），疑似刷信的不计',
      alert: false,
      count: countLetters(db, { awaiting: 'answer', suspected: 'false' }, user),
    });
  }

  if (can(user.role, 'assessment.review') && user.department) {
    pending.push({
      key: 'assessmentAwaitingReview',
      label: '待我审核的考核条目',
      unit: '条',
      link: '/assessment/lists?awaiting=review',
      api: '/api/assessment/entries?awaiting=review',
      definition:
        '开放考核周期中本部门人员提交、待部门审核的考核条目，以及从记录提出、待确认的负面清单条目；本人的不计',
      alert: false,
      count: countEntries(db, { awaiting: 'review' }, user),
    });
  }

  if (can(user.role, 'assessment.approve')) {
    pending.push(
      {
        key: 'assessmentAwaitingApproval',
        label: '待我审批的考核条目',
        unit: '条',
        link: '/assessment/lists?awaiting=approval',
        api: '/api/assessment/entries?awaiting=approval',
        definition:
          '开放考核周期中已经部门审核（或由部门负责人、政治部提出）、待政治部审批的考核条目；本人的不计',
        alert: false,
        count: countEntries(db, { awaiting: 'approval' }, user),
      },
      {
        key: 'appealsAwaitingDecision',
        label: '待决定的复核申请',
        unit: '件',
        link: '/assessment/lists?awaiting=appeal',
        api: '/api/assessment/entries?awaiting=appeal',
        definition: '开放考核周期中考核条目的复核申请尚未决定的（按条目计）；本人的不计',
        alert: false,
        count: countEntries(db, { awaiting: 'appeal' }, user),
      },
    );
  }

  pending.push({
    key: 'unreadNotifications',
    label: '未读通知',
    unit: '条',
    link: '/#notifications',
    api: '/api/notifications?unread=true',
    definition: '发给我、尚未阅读的通知（移送、审批、回复、提醒等）；已由他人处理的审批请求自动记为已读',
    alert: false,
    count: countUnreadNotifications(db, user),
  });

  const counts = await Promise.all(pending.map((p) => p.count));
  return {
    scope,
    scopeLabel: scopeLabels[scope],
    items: pending.map((p, i) => ({ ...p, count: counts[i]! })),
  };
}
