import { ZLine } from '@procura/domain/roles';
import { z } from 'zod';

export const ZDepartment = z.object({
  id: z.number(),
  name: z.string(),
  line: ZLine,
  lineLabel: z.string(),
  userCount: z.number(),
  /** 部门设置: days a clue may wait for its assessment (null: not set, no assessment limit). */
  clueAssessmentDays: z.number().nullable(),
  /** 检察建议文号代字 in force (the department's own, or its line's default); null: issues none. */
  suggestionDocCode: z.string().nullable(),
});
export type TDepartment = z.infer<typeof ZDepartment>;

/** What the admin may set on a department; null clears a setting. */
export const ZDepartmentSettingsBody = z.strictObject({
  clueAssessmentDays: z
    .number()
    .int('线索评估期限应为整数天')
    .min(1, '线索评估期限至少 1 天')
    .max(365, '线索评估期限不能超过 365 天')
    .nullable()
    .optional(),
  suggestionDocCode: z
    .string()
    .trim()
    .min(1, '文号代字不能为空')
    .max(10, '文号代字不超过 10 个字')
    // A refinement, not .regex(): a Han-script `pattern` in the OpenAPI document hangs the API
    // explorer's example generator, and /api/docs stops rendering at this route.
    .refine(
      (code) => /^[\p{Script=Han}（）()]+$/u.test(code),
      '文号代字只能由汉字和括号组成，如 公益建、民（行）建',
    )
    .nullable()
    .optional(),
});
export type TDepartmentSettingsBody = z.infer<typeof ZDepartmentSettingsBody>;

/** A colleague who can handle clues and cases (承办人), for handler pickers and filters. */
export const ZHandler = z.object({
  id: z.number(),
  displayName: z.string(),
  roleLabel: z.string(),
  department: z.object({ id: z.number(), name: z.string() }),
});
export type THandler = z.infer<typeof ZHandler>;
