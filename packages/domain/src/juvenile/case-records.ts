import { z } from 'zod';
import type * as states from '../states.ts';
import { probationProblem } from './probation.ts';

const day = z.iso.date();
const text = (max = 2000) => z.string().trim().min(1).max(max);

/**
 * Juvenile records kept on a case, each with its own fields and legal basis. One table holds
 * them (kind + data); these schemas are the only way in. 司法救助 is not one of them: it is kept
 * for every line in judicial_aids (packages/domain/src/judicial-aid.ts).
 */
export const caseRecordKinds = {
  earlyIntervention: {
    label: '提前介入',
    basis: '人民检察院刑事诉讼规则 第二百五十六条',
    schema: z.strictObject({
      requestedBy: text(100).describe('商请机关'),
      requestedOn: day,
      intervenedOn: day,
      evidenceGuidance: text().describe('引导取证意见'),
    }),
  },
  socialInvestigation: {
    label: '社会调查报告',
    basis: '刑事诉讼法 第二百七十九条；人民检察院刑事诉讼规则 第四百六十一条',
    schema: z.strictObject({
      investigator: text(100),
      reportedOn: day,
      summary: text(),
    }),
  },
  interrogation: {
    label: '讯问（合适成年人到场）',
    basis: '刑事诉讼法 第二百八十一条；未成年人保护法 第一百一十条',
    schema: z.strictObject({
      heldOn: day,
      adultPresent: text(100).describe('到场的法定代理人或合适成年人'),
      adultRelation: text(50),
      note: z.string().trim().max(2000).optional(),
    }),
  },
  conditionalNonProsecution: {
    label: '附条件不起诉',
    basis: '刑事诉讼法 第二百八十二条、第二百八十三条',
    schema: z
      .strictObject({
        decidedOn: day,
        probationMonths: z.number().int(),
        supervisionPlan: text().describe('监督考察计划'),
        supervisor: text(100).describe('考察帮教人员或机构'),
      })
      .superRefine((value, ctx) => {
        const problem = probationProblem(value.probationMonths);
        if (problem) ctx.addIssue({ code: 'custom', path: ['probationMonths'], message: problem });
      }),
  },
  occupationalBan: {
    label: '从业禁止建议',
    // 刑法 is not among the statute copies in laws/: no article number until someone checks it.
    basis: '刑法（从业禁止）（待核实）',
    schema: z.strictObject({
      suggestedOn: day,
      profession: text(100).describe('被告人利用的职业'),
      years: z.number().int().min(3).max(5),
      note: z.string().trim().max(2000).optional(),
    }),
  },
  mandatoryReportFailure: {
    label: '未履行强制报告义务',
    basis: '未成年人保护法 第十一条第二款、第一百一十七条',
    schema: z.strictObject({
      body: text(200).describe('负有报告义务的单位'),
      bodyKind: z.enum(['school', 'hospital', 'hotel', 'kindergarten', 'other']),
      discoveredOn: day,
      accountability: text().describe('追责措施'),
    }),
  },
} as const satisfies Record<(typeof states.caseRecordKindIds)[number], unknown>;

export type TCaseRecordKind = keyof typeof caseRecordKinds;
export const caseRecordKindIds = Object.keys(caseRecordKinds) as TCaseRecordKind[];
export const ZCaseRecordKind = z.enum(caseRecordKindIds as [TCaseRecordKind, ...TCaseRecordKind[]]);

export const reportingBodyKinds = {
  school: '学校',
  hospital: '医院',
  hotel: '旅馆',
  kindergarten: '幼儿园',
  other: '其他',
} as const;

/** Which case types may carry which records. */
export const recordKindsFor: Record<'juvenileVictim' | 'juvenileSuspect', readonly TCaseRecordKind[]> = {
  juvenileVictim: ['earlyIntervention', 'occupationalBan', 'mandatoryReportFailure'],
  juvenileSuspect: ['socialInvestigation', 'interrogation', 'conditionalNonProsecution', 'earlyIntervention'],
};

/** Validates a record's data; returns the parsed data or Chinese messages naming the field. */
export function parseCaseRecord(
  kind: TCaseRecordKind,
  data: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  const parsed = caseRecordKinds[kind].schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as Record<string, unknown> };
  const message = parsed.error.issues
    .map((issue) => `字段 ${issue.path.join('.') || '（整体）'}：${issue.message}`)
    .join('；');
  return { ok: false, message: `${caseRecordKinds[kind].label}：${message}` };
}

/** The case event a record puts on the timeline, so the stage machine sees it. */
export const eventOfRecord: Partial<
  Record<TCaseRecordKind, 'earlyIntervention' | 'socialInvestigationReport' | 'conditionalNonProsecution'>
> = {
  earlyIntervention: 'earlyIntervention',
  socialInvestigation: 'socialInvestigationReport',
  conditionalNonProsecution: 'conditionalNonProsecution',
};
