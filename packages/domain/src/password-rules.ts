export const passwordRules = {
  minLength: 10,
  maxLength: 128,
  description: '密码至少 10 位，须同时包含字母和数字，且不能与用户名相同',
} as const;

/** Returns the first rule the password breaks, in Chinese, or null when it is acceptable. */
export function checkPassword(password: string, username?: string): string | null {
  if (password.length < passwordRules.minLength) return `密码至少 ${passwordRules.minLength} 位`;
  if (password.length > passwordRules.maxLength) return `密码不能超过 ${passwordRules.maxLength} 位`;
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
