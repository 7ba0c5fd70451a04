import { ZLetterTopic } from '@procura/domain/mailbox/topics';
import type * as states from '@procura/domain/states';
import { topicSourceIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZPageQuery } from '../http/paging.ts';

// Control characters other than tab and newline are dropped: letters are plain text, shown as text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
const plainText = (min: number, max: number, what: string) =>
  z
    .string()
    .transform((text) => text.replace(controls, '').trim())
    .pipe(
      z
        .string()
        .min(min, min > 1 ? `${what}至少 ${min} 个字` : `请填写${what}`)
        .max(max, `${what}最多 ${max} 个字`),
    );

export const schoolKinds = {
  primary: '小学',
  middle: '中学',
  kindergarten: '幼儿园',
  vocational: '职业学校',
  training: '校外培训机构',
  other: '其他',
} as const satisfies Record<(typeof states.schoolKindIds)[number], string>;
export type TSchoolKind = keyof typeof schoolKinds;
export const ZSchoolKind = z.enum(Object.keys(schoolKinds) as [TSchoolKind, ...TSchoolKind[]]);

export const ZPartnerSchool = z.object({
  id: z.number(),
  name: z.string(),
  kind: ZSchoolKind,
  kindLabel: z.string(),
  mailboxOpen: z.boolean(),
  /** The public page's path, e.g. /campus-mailbox/3hN…; the token is the secret part. */
  mailboxPath: z.string(),
  account: z.object({ id: z.number(), username: z.string(), displayName: z.string() }).nullable(),
  letters: z.number(),
  createdAt: z.string(),
});
export type TPartnerSchool = z.infer<typeof ZPartnerSchool>;
export const ZPartnerSchoolList = z.object({ items: z.array(ZPartnerSchool) });
export type TPartnerSchoolList = z.infer<typeof ZPartnerSchoolList>;

export const ZCreateSchoolBody = z.strictObject({
  name: z.string().trim().min(2, '学校名称至少 2 个字').max(100),
  kind: ZSchoolKind,
  /** Username of an account of role 学校（幼儿园）账号 that acts for the school. */
  accountUsername: z.string().trim().min(1).max(64).optional(),
});
export type TCreateSchoolBody = z.infer<typeof ZCreateSchoolBody>;

export const ZUpdateSchoolBody = z.strictObject({
  name: z.string().trim().min(2, '学校名称至少 2 个字').max(100).optional(),
  kind: ZSchoolKind.optional(),
  mailboxOpen: z.boolean().optional(),
  /** null unlinks the account. */
  accountUsername: z.string().trim().min(1).max(64).nullable().optional(),
});
export type TUpdateSchoolBody = z.infer<typeof ZUpdateSchoolBody>;

/**
 * Any text: a link cut short, padded or mistyped answers like an unknown one (schoolByToken), never
 * with a validation message a student cannot read.
 */
export const ZTokenParams = z.strictObject({ token: z.string() });

// --- public (no account) -------------------------------------------------------------------

export const ZPublicSchool = z.object({
  name: z.string(),
  procuratorate: z.string(),
  topics: z.array(z.object({ id: ZLetterTopic, label: z.string() })),
});
export type TPublicSchool = z.infer<typeof ZPublicSchool>;

export const ZSubmitLetterBody = z.strictObject({
  topic: ZLetterTopic.optional(),
  grade: plainText(1, 20, '年级').optional(),
  body: plainText(5, 2000, '来信内容'),
  /** Absent or empty: anonymous. */
  contact: plainText(0, 100, '联系方式').optional(),
});
export type TSubmitLetterBody = z.infer<typeof ZSubmitLetterBody>;

export const ZSubmitLetterResult = z.object({
  /** Shown once: only its hash is stored. */
  pickupCode: z.string(),
  submittedAt: z.string(),
});
export type TSubmitLetterResult = z.infer<typeof ZSubmitLetterResult>;

export const ZPickupBody = z.strictObject({ code: z.string().trim().min(1, '请输入取件码').max(40) });

export const ZPickedUpLetter = z.object({
  school: z.string(),
  topicLabel: z.string(),
  body: z.string(),
  submittedAt: z.string(),
  /** null while no prosecutor has answered. */
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type TPickedUpLetter = z.infer<typeof ZPickedUpLetter>;

// --- staff ---------------------------------------------------------------------------------

export const letterStatuses = { new: '未读', read: '已读', answered: '已答复' } as const satisfies Record<
  (typeof states.letterStatusIds)[number],
  string
>;
export type TLetterStatus = keyof typeof letterStatuses;
export const ZLetterStatus = z.enum(Object.keys(letterStatuses) as [TLetterStatus, ...TLetterStatus[]]);

export const ZLetter = z.object({
  id: z.number(),
  school: z.object({ id: z.number(), name: z.string() }),
  topic: ZLetterTopic,
  topicLabel: z.string(),
  topicSource: z.enum(topicSourceIds),
  grade: z.string().nullable(),
  body: z.string(),
  contact: z.string().nullable(),
  anonymous: z.boolean(),
  urgent: z.boolean(),
  urgentReason: z.string().nullable(),
  /** Each category apart (暴力/欺凌, 性侵害, 自伤自杀, 其他紧急) with the words that matched. */
  urgentCategories: z.array(
    z.object({ category: z.string(), label: z.string(), words: z.array(z.string()) }),
  ),
  /** Looks like part of a flood (疑似刷信): stored, listed apart until released. */
  suspected: z.boolean(),
  /** Why it was (or, once released, had been) suspected; null if never. */
  suspectedReason: z.string().nullable(),
  releasedAt: z.string().nullable(),
  status: ZLetterStatus,
  statusLabel: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  clueId: z.number().nullable(),
  createdAt: z.string(),
});
export type TLetter = z.infer<typeof ZLetter>;

/** unread: letters not yet read and not suspected (疑似刷信), whatever the filters. */
export const ZLetterList = z.object({ items: z.array(ZLetter), total: z.number(), unread: z.number() });
export type TLetterList = z.infer<typeof ZLetterList>;

export const ZLetterQuery = z.strictObject({
  schoolId: ZIdParam.optional(),
  status: ZLetterStatus.optional(),
  /** answer: not yet answered (new or read), the workbench's 待答复. */
  awaiting: z.literal('answer').optional(),
  topic: ZLetterTopic.optional(),
  urgent: z.enum(['true', 'false']).optional(),
  /** true: only 疑似刷信; false: only the others; absent: all. */
  suspected: z.enum(['true', 'false']).optional(),
  /** Received on or after / on or before (China days): the cockpit's 校园信箱来信. */
  from: ZDay.optional(),
  to: ZDay.optional(),
  /** true: the letters the cockpit counts (not a suspected flood, or released after checking). */
  counted: z.literal('true').optional(),
  ...ZPageQuery(),
});
export type TLetterQuery = z.infer<typeof ZLetterQuery>;

export const ZAnswerBody = z.strictObject({ answer: plainText(2, 5000, '答复') });
export type TAnswerBody = z.infer<typeof ZAnswerBody>;

export const ZLetterToClueBody = z.strictObject({
  title: z.string().trim().min(2, '标题至少 2 个字').max(200).optional(),
  handlerId: ZId.optional(),
});
export type TLetterToClueBody = z.infer<typeof ZLetterToClueBody>;

export const ZLetterToClueResult = z.object({ letter: ZLetter, clueId: z.number() });

export const ZStatisticsQuery = z.strictObject({
  from: ZDay.optional(),
  to: ZDay.optional(),
});
export type TStatisticsQuery = z.infer<typeof ZStatisticsQuery>;

export const ZLetterStatistics = z.object({
  topics: z.array(z.object({ id: ZLetterTopic, label: z.string() })),
  schools: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      total: z.number(),
      urgent: z.number(),
      /** topic id → letters */
      byTopic: z.record(z.string(), z.number()),
    }),
  ),
});
export type TLetterStatistics = z.infer<typeof ZLetterStatistics>;
