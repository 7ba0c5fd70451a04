import type {
  disputeEntryStageIds,
  disputeMeansIds,
  disputeOutcomeIds,
  hearingDrawMethodIds,
  hearingParticipantRoleIds,
} from './states.ts';

/**
 * 公开听证 and 行政争议实质性化解: the labels of the value lists, the draw of hearing officers
 * and the conflict check, shared by server and web. No I/O.
 */

export const hearingDrawMethods = {
  random: '随机抽取',
  chosen: '指定',
} as const satisfies Record<(typeof hearingDrawMethodIds)[number], string>;

export const hearingParticipantRoles = {
  party: '当事人',
  organ: '行政机关',
  agent: '代理人',
  other: '其他参加人',
} as const satisfies Record<(typeof hearingParticipantRoleIds)[number], string>;

export const disputeEntryStages = {
  preLitigation: '诉前（行政复议阶段，司法行政机关邀请）',
  inLitigation: '诉中（行政诉讼中，人民法院邀请）',
  postLitigation: '诉后（裁判生效后，当事人申请监督）',
} as const satisfies Record<(typeof disputeEntryStageIds)[number], string>;

export const disputeMeans = {
  publicHearing: '公开听证',
  explanation: '释法说理',
  judicialAssistance: '司法救助',
  suggestion: '检察建议',
  protestRequest: '提请抗诉',
} as const satisfies Record<(typeof disputeMeansIds)[number], string>;

export const disputeOutcomes = {
  withdrawn: '撤诉',
  settled: '和解',
  organPerformed: '行政机关依法履职',
  complaintsEnded: '息诉罢访',
  unresolved: '未化解',
} as const satisfies Record<(typeof disputeOutcomeIds)[number], string>;

export type THearingDrawMethod = keyof typeof hearingDrawMethods;
export type THearingParticipantRole = keyof typeof hearingParticipantRoles;
export type TDisputeEntryStage = keyof typeof disputeEntryStages;
export type TDisputeMeans = keyof typeof disputeMeans;
export type TDisputeOutcome = keyof typeof disputeOutcomes;

/** Every outcome but 未化解 counts as a dispute resolved (化解). */
export const isResolved = (outcome: TDisputeOutcome | null): boolean =>
  outcome !== null && outcome !== 'unresolved';

export interface DeclaredRelation {
  /** 配偶, 子女, 同事, 曾任职… */
  relation: string;
  /** The person's or organisation's name. */
  name: string;
}

export interface OfficerDeclarations {
  name: string;
  organisation: string | null;
  relations: readonly DeclaredRelation[];
}

/** Names compared without spaces and with full-width brackets as half-width ones. */
const normalised = (text: string) =>
  text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

/**
 * Why an officer may not hear a case with these parties: the first declared organisation or
 * relation whose name is a party's, in Chinese (「听证员张某的工作单位某公司是本案当事人」), or
 * null when there is none. The officer's own name being a party's is a conflict too.
 */
export function officerConflict(officer: OfficerDeclarations, parties: readonly string[]): string | null {
  const names = new Map(parties.filter((p) => p.trim()).map((p) => [normalised(p), p.trim()]));
  const match = (name: string | null) => (name ? names.get(normalised(name)) : undefined);
  const self = match(officer.name);
  if (self) return `听证员${officer.name}本人是本案当事人，不能担任听证员`;
  const employer = match(officer.organisation);
  if (employer)
    return `听证员${officer.name}的工作单位“${employer}”是本案当事人，存在利害关系，不能担任本案听证员`;
  for (const r of officer.relations) {
    const party = match(r.name);
    if (party)
      return `听证员${officer.name}申报的关系人“${party}”（${r.relation}）是本案当事人，存在利害关系，不能担任本案听证员`;
  }
  return null;
}

/** 张三 → 张某; 欧阳娜娜 → 欧阳某 (two-character surnames kept); an organisation is kept. */
export function maskPersonName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 4 || /公司|局|院|所|委|政府|中心|厂|店|部|会/.test(trimmed))
    return trimmed;
  const doubleSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙'];
  const surname = doubleSurnames.find((s) => trimmed.startsWith(s) && trimmed.length > 2) ?? trimmed[0]!;
  return `${surname}某`;
}

/** The text with each of the names replaced by its masked form (for the published version). */
export function maskNamesIn(text: string, names: readonly string[]): string {
  return [...names]
    .filter((n) => n.trim().length >= 2)
    .sort((a, b) => b.length - a.length)
    .reduce((t, n) => t.split(n.trim()).join(maskPersonName(n)), text);
}
