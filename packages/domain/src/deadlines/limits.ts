import type { CountingRule, LegalBasis } from './basis.ts';
import type { Period } from './period.ts';

export type LimitId =
  | 'preLitigationSuggestionReply'
  | 'suitDecisionAfterReply'
  | 'generalSuggestionReply'
  | 'minorProtectionSuggestionReply'
  | 'civilPilAnnouncement'
  | 'attendanceNoticeSubmission'
  | 'clueAssessment'
  | 'caseHandlingToSuggestion'
  | 'caseClosureNotice'
  | 'sealedRecordQueryDecision'
  | 'adminLitigationSupervisionApplication'
  | 'petitionProceduralReply'
  | 'petitionResultReply';

export interface LimitDefinition {
  readonly id: LimitId;
  readonly name: string;
  /** null when no source gives a length: the procuratorate must set one per case. */
  readonly period: Period | null;
  /** Used instead of `period` in urgent cases (e.g. 损害继续扩大). */
  readonly urgentPeriod?: Period;
  /** The event whose day is day 0 (not counted). */
  readonly startEvent: string;
  /** Short verb for explanations: "2026-08-01 送达 + 两个月". */
  readonly startLabel: string;
  /** Chained: starts on the day the named limit ends. */
  readonly after?: LimitId;
  readonly counting: CountingRule;
  readonly basis: LegalBasis;
  /** Further articles worth showing (e.g. the duty to reply, the power to sue). */
  readonly related?: readonly LegalBasis[];
  readonly note?: string;
}

const pilInterpretation = '最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释';
const pilInterpretationFile = `${pilInterpretation}.md`;

const organisationLawArt21: LegalBasis = {
  law: '人民检察院组织法',
  article: '第二十一条',
  text: '有关单位应当予以配合，并及时将采纳纠正意见、检察建议的情况书面回复人民检察院。',
  verified: true,
  source: '人民检察院组织法(2018-10-26).md',
};

const pilCaseRules: LegalBasis = {
  law: '2018 公益诉讼办案指南；2021《人民检察院公益诉讼办案规则》',
  article: '条文待核实',
  verified: false,
  source: 'RULES.md [P]（办案规则文本不在 laws/ 中）',
};

const petitionRule: LegalBasis = {
  law: '最高人民检察院"群众信访件件有回复"制度',
  article: '条文待核实',
  verified: false,
  source: 'RULES.md [P]',
};

export const limits: Readonly<Record<LimitId, LimitDefinition>> = {
  preLitigationSuggestionReply: {
    id: 'preLitigationSuggestionReply',
    name: '行政机关对诉前检察建议书面回复',
    period: { amount: 2, unit: 'month' },
    urgentPeriod: { amount: 15, unit: 'day' },
    startEvent: '行政机关收到检察建议书之日',
    startLabel: '送达',
    counting: 'civil',
    basis: {
      law: pilInterpretation,
      article: '第二十一条第二款',
      text: '行政机关应当在收到检察建议书之日起两个月内依法履行职责，并书面回复人民检察院。',
      verified: true,
      source: pilInterpretationFile,
    },
    related: [organisationLawArt21],
    note: '国家利益或者社会公共利益损害继续扩大等紧急情形，十五日内书面回复（同款）',
  },
  suitDecisionAfterReply: {
    id: 'suitDecisionAfterReply',
    name: '回复期满后决定是否提起行政公益诉讼',
    period: { amount: 2, unit: 'month' },
    startEvent: '诉前检察建议回复期限届满之日',
    startLabel: '回复期限届满',
    after: 'preLitigationSuggestionReply',
    counting: 'civil',
    basis: pilCaseRules,
    related: [
      {
        law: pilInterpretation,
        article: '第二十一条第三款',
        text: '行政机关不依法履行职责的，人民检察院依法向人民法院提起诉讼。',
        verified: true,
        source: pilInterpretationFile,
      },
      {
        law: '行政诉讼法',
        article: '第二十五条第四款',
        text: '行政机关不依法履行职责的，人民检察院依法向人民法院提起诉讼。',
        verified: true,
        source: '行政诉讼法(2017-06-27).md',
      },
    ],
    note: '起诉权有法条依据；两个月的决定期限仅见于办案指南/办案规则，待核实',
  },
  generalSuggestionReply: {
    id: 'generalSuggestionReply',
    name: '被建议单位对检察建议书面回复',
    period: { amount: 2, unit: 'month' },
    startEvent: '被建议单位收到检察建议书之日',
    startLabel: '送达',
    counting: 'civil',
    basis: {
      law: '人民检察院检察建议工作规定（2019）',
      article: '条文待核实',
      verified: false,
      source: 'RULES.md [P]',
      note: '默认两个月，可以另定较短期限',
    },
    related: [organisationLawArt21],
  },
  minorProtectionSuggestionReply: {
    id: 'minorProtectionSuggestionReply',
    name: '未尽未成年人保护职责单位对建议书面回复',
    period: { amount: 1, unit: 'month' },
    startEvent: '被建议单位收到建议之日',
    startLabel: '送达',
    counting: 'civil',
    basis: {
      law: '未成年人保护法',
      article: '第一百一十四条',
      text: '被建议单位应当在一个月内作出书面回复。',
      verified: true,
      source: '未成年人保护法(2024-04-26).md',
    },
    note: '条文未写明起算事件，按收到建议之日起算',
  },
  civilPilAnnouncement: {
    id: 'civilPilAnnouncement',
    name: '民事公益诉讼诉前公告期',
    period: { amount: 30, unit: 'day' },
    startEvent: '公告发布之日',
    startLabel: '公告',
    counting: 'civil',
    basis: {
      law: pilInterpretation,
      article: '第十三条',
      text: '拟提起公益诉讼的，应当依法公告，公告期间为三十日。',
      verified: true,
      source: pilInterpretationFile,
    },
    note: '公告期满，法律规定的机关和有关组织不提起诉讼的，人民检察院可以提起诉讼（同条第二款）',
  },
  attendanceNoticeSubmission: {
    id: 'attendanceNoticeSubmission',
    name: '向人民法院提交派员出庭通知书',
    period: { amount: 3, unit: 'day' },
    startEvent: '收到人民法院出庭通知书之日',
    startLabel: '收到出庭通知书',
    counting: 'civil',
    basis: {
      law: pilInterpretation,
      article: '第八条第二款',
      text: '应当自收到人民法院出庭通知书之日起三日内向人民法院提交派员出庭通知书。',
      verified: true,
      source: pilInterpretationFile,
    },
  },
  clueAssessment: {
    id: 'clueAssessment',
    name: '线索评估',
    period: null,
    startEvent: '收到线索之日',
    startLabel: '收到线索',
    counting: 'civil',
    basis: {
      law: '（RULES.md 未载明线索评估期限）',
      article: '待核实',
      verified: false,
      source: 'GLOSSARY.md：线索有评估期限，但未给出长度',
    },
    note: '期限须由本院设定后传入；未设定时计算会报错，不猜测',
  },
  caseHandlingToSuggestion: {
    id: 'caseHandlingToSuggestion',
    name: '立案后提出检察建议或终结案件',
    period: { amount: 3, unit: 'month' },
    startEvent: '立案之日',
    startLabel: '立案',
    counting: 'civil',
    basis: pilCaseRules,
  },
  caseClosureNotice: {
    id: 'caseClosureNotice',
    name: '终结案件后送达终结通知',
    period: { amount: 7, unit: 'day' },
    startEvent: '作出终结案件决定之日',
    startLabel: '决定终结',
    counting: 'civil',
    basis: pilCaseRules,
  },
  sealedRecordQueryDecision: {
    id: 'sealedRecordQueryDecision',
    name: '对查询封存犯罪记录申请作出是否许可决定',
    period: { amount: 7, unit: 'day' },
    startEvent: '收到司法机关或者有关单位书面查询申请之日',
    startLabel: '收到申请',
    counting: 'criminal',
    basis: {
      law: '人民检察院刑事诉讼规则',
      article: '第四百八十四条第二款',
      text: '人民检察院应当在七日以内作出是否许可的决定。',
      verified: true,
      source: '人民检察院刑事诉讼规则(2019-12-02).md',
    },
    note: '条文为"七日"而非"七个工作日"，按自然日计算，最后一日遇节假日依刑事诉讼法第一百零五条顺延；条文未写明起算事件，按收到书面申请之日起算',
  },
  adminLitigationSupervisionApplication: {
    id: 'adminLitigationSupervisionApplication',
    name: '当事人申请行政诉讼监督',
    period: { amount: 6, unit: 'month' },
    startEvent: '人民法院作出驳回再审申请裁定之日或者再审判决、裁定发生法律效力之日',
    startLabel: '裁定作出或生效',
    counting: 'civil',
    basis: {
      law: '人民检察院行政诉讼监督规则（试行）',
      article: '第六条第一款',
      text: '应当在人民法院作出驳回再审申请裁定之日或者再审判决、裁定发生法律效力之日起六个月内提出',
      verified: true,
      source: '人民检察院行政诉讼监督规则（试行）(2016-04-15).md',
    },
    note: '2016 试行规则；2021《人民检察院行政诉讼监督规则》是否变更待核实 [P]',
  },
  petitionProceduralReply: {
    id: 'petitionProceduralReply',
    name: '群众来信程序性回复',
    period: { amount: 7, unit: 'day' },
    startEvent: '收到来信之日',
    startLabel: '收到来信',
    counting: 'civil',
    basis: petitionRule,
    note: '是否为工作日待核实；暂按自然日',
  },
  petitionResultReply: {
    id: 'petitionResultReply',
    name: '群众来信办理结果或进展答复',
    period: { amount: 3, unit: 'month' },
    startEvent: '收到来信之日',
    startLabel: '收到来信',
    counting: 'civil',
    basis: petitionRule,
  },
};

export function getLimit(id: LimitId): LimitDefinition {
  return limits[id];
}

/** The limit and those it is chained after, first link first. */
export function limitChain(id: LimitId): LimitDefinition[] {
  const chain: LimitDefinition[] = [];
  for (let limit: LimitDefinition | undefined = limits[id]; limit; ) {
    if (chain.includes(limit)) throw new Error(`期限链循环：${limit.id}`);
    chain.unshift(limit);
    limit = limit.after ? limits[limit.after] : undefined;
  }
  return chain;
}
