import type * as states from '@procura/domain/states';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZPageQuery } from '../http/paging.ts';

export const outreachKinds = {
  lawToSchool: '法治进校园',
  littleProsecutor: '小小检察官体验',
  toCommunity: '法治进社区',
} as const satisfies Record<(typeof states.outreachKindIds)[number], string>;
export type TOutreachKind = keyof typeof outreachKinds;
export const ZOutreachKind = z.enum(Object.keys(outreachKinds) as [TOutreachKind, ...TOutreachKind[]]);

export const ZOutreachEvent = z.object({
  id: z.number(),
  kind: ZOutreachKind,
  kindLabel: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  audience: z.string(),
  participantCount: z.number(),
  materials: z.string(),
  school: z.object({ id: z.number(), name: z.string() }).nullable(),
  department: z.object({ id: z.number(), name: z.string() }),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TOutreachEvent = z.infer<typeof ZOutreachEvent>;

export const ZOutreachList = z.object({
  items: z.array(ZOutreachEvent),
  total: z.number(),
  /** Participants over every event matching the filter, not only this page. */
  participants: z.number(),
});
export type TOutreachList = z.infer<typeof ZOutreachList>;

export const ZOutreachBody = z.strictObject({
  kind: ZOutreachKind,
  title: z.string().trim().min(2, '活动名称至少 2 个字').max(100),
  heldOn: ZDay,
  place: z.string().trim().min(2, '请填写活动地点').max(100),
  audience: z.string().trim().min(2, '请填写参加对象（如：七年级学生、社区居民）').max(100),
  participantCount: z.number().int('人数应为整数').min(1, '人数至少为 1').max(100_000),
  /** 宣传材料、课件、发放资料，one per line. */
  materials: z.string().trim().max(2000).default(''),
  schoolId: ZId.nullable().optional(),
});
export type TOutreachBody = z.infer<typeof ZOutreachBody>;
// No default on a patch: an absent field stays as it was.
export const ZOutreachPatch = ZOutreachBody.partial().extend({
  materials: z.string().trim().max(2000).optional(),
});
export type TOutreachPatch = z.infer<typeof ZOutreachPatch>;

export const ZOutreachFilter = z.strictObject({
  kind: ZOutreachKind.optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  q: z.string().trim().max(64).optional(),
  /** The registering department (a head's cockpit: 法治宣传受众). */
  departmentId: ZIdParam.optional(),
});
export type TOutreachFilter = z.infer<typeof ZOutreachFilter>;
export const ZOutreachQuery = ZOutreachFilter.extend({
  ...ZPageQuery(),
});
export type TOutreachQuery = z.infer<typeof ZOutreachQuery>;
