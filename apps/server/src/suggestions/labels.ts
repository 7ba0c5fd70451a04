import type { TLine } from '@procura/domain/roles';
import type * as states from '@procura/domain/states';

export const suggestionKinds = {
  preLitigation: '诉前检察建议',
  general: '检察建议',
  socialGovernance: '社会治理检察建议',
  classCase: '类案检察建议',
} as const satisfies Record<(typeof states.suggestionKindIds)[number], string>;
export type TSuggestionKind = keyof typeof suggestionKinds;

/** draft → pendingApproval → approved → issued → delivered → replied → closed */
export const suggestionStates = {
  draft: '草稿',
  pendingApproval: '待审批',
  approved: '已审批',
  issued: '已签发',
  delivered: '已送达',
  replied: '已回复',
  closed: '已办结',
} as const satisfies Record<(typeof states.suggestionStateIds)[number], string>;
export type TSuggestionState = keyof typeof suggestionStates;

export const rectificationResults = {
  fullyRectified: '整改到位',
  partlyRectified: '部分到位',
  notRectified: '未整改',
} as const satisfies Record<(typeof states.rectificationIds)[number], string>;

export const followUps = {
  followUpSupervision: '跟进监督',
  litigation: '提起诉讼',
  none: '无需后续措施',
} as const satisfies Record<(typeof states.followUpIds)[number], string>;

/**
 * Default 文号代字 by the line of the case's department, used while the department's own setting
 * (部门设置, `departments.suggestion_doc_code`) is unset: 成华检{code}〔2026〕N号. 公益建 and 民（行）建 follow
 * practice (glossary: 成华检民（行）建〔2026〕3号); 未建 and 刑建 are our choice, to be confirmed with
 * the 案件管理部 before production. Other lines do not issue suggestions.
 */
export const docNumberCodes: Partial<Record<TLine, string>> = {
  publicInterest: '公益建',
  civilAdministrative: '民（行）建',
  juvenile: '未建',
  criminal: '刑建',
};

/** Fields the 检察建议书 cannot be printed without, with the names the errors use. */
export const requiredFields = [
  ['addressee', '被建议单位'],
  ['facts', '事实'],
  ['legalBasis', '法律依据'],
  ['requests', '建议内容'],
] as const;

/** null when every required field is filled; otherwise the Chinese reason naming the empty ones. */
export function missingFieldsProblem(
  suggestion: Record<(typeof requiredFields)[number][0], string>,
  doing: string,
): string | null {
  const empty = requiredFields
    .filter(([field]) => !suggestion[field].trim())
    .map(([, label]) => `「${label}」`);
  return empty.length ? `${empty.join('、')}未填写，不能${doing}` : null;
}
