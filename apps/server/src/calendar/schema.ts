import { calendarDayKindIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';

export const ZCalendarDay = z.object({
  id: z.number(),
  date: z.string(),
  kind: z.enum(calendarDayKindIds),
  kindLabel: z.string(),
  name: z.string().nullable(),
  /** chinese-days（随软件提供）| admin（管理员录入）| import（导入通知） */
  source: z.string(),
  sourceLabel: z.string(),
  updatedAt: z.string(),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarYear = z.object({
  year: z.number(),
  /** false: neither chinese-days nor an admin has this year; deadlines touching it carry a warning. */
  loaded: z.boolean(),
  /**
   * chinese-days knows this year but it is not stored yet: `POST /api/calendar/:year/seed` stores
   * it (reading never writes). Editing or importing a day stores it first too.
   */
  seedable: z.boolean(),
  days: z.array(ZCalendarDay),
});
export type TCalendarYear = z.infer<typeof ZCalendarYear>;

export const ZYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const ZDateParams = z.strictObject({ date: ZDay });

export const ZSetDayBody = z.strictObject({
  kind: z.enum(calendarDayKindIds),
  name: z.string().trim().max(32).optional(),
});
export type TSetDayBody = z.infer<typeof ZSetDayBody>;

export const ZImportCalendarBody = z.strictObject({
  /** csv: the text; xlsx: the file in base64. Columns: 日期, 类型（休/班）, 名称. */
  format: z.enum(['csv', 'xlsx']),
  content: z.string().min(1, '文件内容为空').max(900_000),
});
export type TImportCalendarBody = z.infer<typeof ZImportCalendarBody>;

export const ZImportResult = z.object({ year: z.number(), imported: z.number() });
