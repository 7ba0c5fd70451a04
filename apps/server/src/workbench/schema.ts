import { z } from 'zod';

export const workbenchItemKeys = [
  'deadlinesOverdue',
  'deadlinesDueSoon',
  'suggestionsAwaitingApproval',
  'inquiriesAwaitingDecision',
  'sealQueriesAwaitingDecision',
  'cluesAwaitingDecision',
  'transfersAwaitingFeedback',
  'followUpsDue',
  'hitsAwaitingReview',
  'lettersUnanswered',
  'assessmentAwaitingReview',
  'assessmentAwaitingApproval',
  'appealsAwaitingDecision',
  'unreadNotifications',
] as const;
export const ZWorkbenchItemKey = z.enum(workbenchItemKeys);
export type TWorkbenchItemKey = z.infer<typeof ZWorkbenchItemKey>;

/** One count of the workbench: how many rows its list shows when opened by `link`. */
export const ZWorkbenchItem = z.object({
  key: ZWorkbenchItemKey,
  /** 逾期期限, 待我审批的检察建议 … */
  label: z.string(),
  count: z.number(),
  /** 件, 条, 封 */
  unit: z.string(),
  /** The web page already filtered to exactly these rows. */
  link: z.string(),
  /** The list API the page reads with the same filters (its total is `count`). */
  api: z.string(),
  /** 口径: what is counted, in Chinese (docs/workbench.md says the same). */
  definition: z.string(),
  /** Needs attention (overdue): shown in red when above zero. */
  alert: z.boolean(),
});
export type TWorkbenchItem = z.infer<typeof ZWorkbenchItem>;

export const ZWorkbench = z.object({
  /** 我本人 (own cases and clues), 本部门, 全院: whose work the case counts cover. */
  scope: z.enum(['own', 'department', 'all']),
  scopeLabel: z.string(),
  items: z.array(ZWorkbenchItem),
});
export type TWorkbench = z.infer<typeof ZWorkbench>;
