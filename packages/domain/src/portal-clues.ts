import { z } from 'zod';
import type { TClueSource } from './cases/clue-sources.ts';
import type { TOrganisationKind } from './portal.ts';
import type { TLine } from './roles.ts';
import { portalClueFieldIds } from './states.ts';

/**
 * 外部单位门户·移送线索 (issue 15): the line of work an outside organisation thinks its clue belongs
 * to, in words it knows, and the line whose department receives it. `unsure` goes to the
 * 案件管理部 (统一受理), which sends it on.
 */
export const portalClueFields = {
  supportedSuit: { label: '民事支持起诉（农民工讨薪、追索抚养费赡养费等）', line: 'civilAdministrative' },
  administrative: { label: '行政检察（行政违法行为、行政非诉执行、行政争议）', line: 'civilAdministrative' },
  publicInterest: { label: '公益诉讼（生态环境、食品药品安全、国有财产等）', line: 'publicInterest' },
  minors: { label: '未成年人保护', line: 'juvenile' },
  criminal: { label: '刑事犯罪', line: 'criminal' },
  unsure: { label: '不确定（由检察院分流）', line: 'caseManagement' },
} as const satisfies Record<(typeof portalClueFieldIds)[number], { label: string; line: TLine }>;

export type TPortalClueField = keyof typeof portalClueFields;
export const ZPortalClueField = z.enum(portalClueFieldIds, {
  error: `领域须为以下之一：${Object.values(portalClueFields)
    .map((f) => f.label)
    .join('、')}`,
});

/** The clue source (线索来源) of a clue an organisation of this kind sends through the portal. */
export function portalClueSource(kind: TOrganisationKind): TClueSource {
  switch (kind) {
    case 'humanResources':
      return 'labourBureau';
    case 'court':
      return 'courtTransfer';
    case 'other':
      return 'otherBodyTransfer';
    default:
      // 行政机关, 司法行政, 教育, 民政: administrative organs.
      return 'adminTransfer';
  }
}

/**
 * What the organisation reads about its clue, in its own words: received, under review, a case
 * opened, declined (with the reason), passed on to another body, or concluded (with the result).
 */
export const portalClueStates = {
  received: '已接收',
  reviewing: '已受理审查',
  opened: '已立案',
  declined: '不予立案',
  transferredOut: '已移送有关机关',
  concluded: '已办结',
} as const;
export type TPortalClueState = keyof typeof portalClueStates;
export const ZPortalClueState = z.enum(
  Object.keys(portalClueStates) as [TPortalClueState, ...TPortalClueState[]],
);
