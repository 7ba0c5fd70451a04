import { pilCheckResultIds, pilConsultationKindIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';
import { ZIdParam } from '../http/ids.ts';

export const ZCaseParams = z.strictObject({ id: ZIdParam });
export const ZConsultationParams = z.strictObject({ id: ZIdParam });

const text = (label: string, max: number) => z.string().trim().min(1, `${label}不能为空`).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const ZConsultationBody = z.strictObject({
  kind: z.enum(pilConsultationKindIds, '类型应为诉前磋商或圆桌会议'),
  heldOn: ZDay,
  bodies: z.array(text('参加单位', 100)).min(1, '请填写参加单位').max(30, '参加单位最多 30 个'),
  topic: optionalText(200),
  /** 磋商: what the organ agreed to do, and by when. */
  agreed: optionalText(5_000),
  actionDueOn: ZDay.optional(),
  /** 圆桌会议: the minutes. */
  minutes: optionalText(20_000),
});
export type TConsultationBody = z.infer<typeof ZConsultationBody>;

export const ZCheckBody = z.strictObject({
  checkedOn: ZDay,
  result: z.enum(pilCheckResultIds, '请选择核查结果'),
  note: optionalText(5_000),
});
export type TCheckBody = z.infer<typeof ZCheckBody>;

export const ZConsultation = z.object({
  id: z.number(),
  caseId: z.number(),
  kind: z.enum(pilConsultationKindIds),
  kindLabel: z.string(),
  heldOn: z.string(),
  bodies: z.array(z.string()),
  topic: z.string().nullable(),
  agreed: z.string().nullable(),
  actionDueOn: z.string().nullable(),
  minutes: z.string().nullable(),
  checkedOn: z.string().nullable(),
  checkResult: z.enum(pilCheckResultIds).nullable(),
  checkResultLabel: z.string().nullable(),
  checkNote: z.string().nullable(),
  /** checked | overdue | pending; null for a round table. */
  actionState: z.enum(['checked', 'overdue', 'pending']).nullable(),
  recordedBy: z.string(),
});
export type TConsultation = z.infer<typeof ZConsultation>;

export const ZConsultations = z.object({ caseId: z.number(), consultations: z.array(ZConsultation) });
export type TConsultations = z.infer<typeof ZConsultations>;
