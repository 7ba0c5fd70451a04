import { ZLine, ZRole } from '@procura/domain/roles';
import { z } from 'zod';

export const ZLoginBody = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const ZMe = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  roleLabel: z.string(),
  /** `line` decides which lines of work the menu shows (routes.tsx). */
  department: z.object({ id: z.number(), name: z.string(), line: ZLine }).nullable(),
  mustChangePassword: z.boolean(),
  /** Actions of the policy this user may perform; the web app builds its menu from them. */
  actions: z.array(z.string()),
});
export type TMe = z.infer<typeof ZMe>;

export const ZChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().max(256),
});

export const ZPublicInfo = z.object({
  procuratorate: z.object({ name: z.string(), shortName: z.string() }),
  demo: z.boolean(),
  /** Shown on the login page only while demo mode is on. */
  demoAccounts: z.array(
    z.object({
      username: z.string(),
      password: z.string(),
      displayName: z.string(),
      roleLabel: z.string(),
      department: z.string().nullable(),
    }),
  ),
});
export type TPublicInfo = z.infer<typeof ZPublicInfo>;
