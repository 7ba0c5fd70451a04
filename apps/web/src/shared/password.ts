import { checkPassword } from '@procura/domain/password-rules';
import type { FormRule } from 'antd';

/** antd Form rule running the same password check as the server (`username`: the account concerned). */
export function passwordRule(username: string | (() => string | undefined) | undefined): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') throw new Error('请输入密码');
      const name = typeof username === 'function' ? username() : username;
      const problem = checkPassword(value, name);
      if (problem) throw new Error(problem);
    },
  };
}
