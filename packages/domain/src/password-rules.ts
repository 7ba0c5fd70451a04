export const passwordRules = {
  minLength: 10,
  maxLength: 128,
  description: '密码至少 10 位，须同时包含字母和数字，不能包含用户名或本院名称，不能是常见密码',
} as const;

/** How people spell the procuratorate in passwords: 成华, 检察院, chenghua, jianchayuan, jcy. */
const institutionWords = ['成华', '检察', 'chenghua', 'jiancha', 'jcy'];

/** Undoes the usual letter-for-digit swaps (Ch3nghu@ → chenghua) before comparing words. */
export function normalisePassword(password: string): string {
  return password
    .toLowerCase()
    .replace(/[@4]/g, 'a')
    .replace(/3/g, 'e')
    .replace(/[1!|]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/[$5]/g, 's')
    .replace(/7/g, 't');
}

/** Returns the first rule the password breaks, in Chinese, or null when it is acceptable. */
export function checkPassword(password: string, username?: string): string | null {
  if (password.length < passwordRules.minLength) return `密码至少 ${passwordRules.minLength} 位`;
  if (password.length > passwordRules.maxLength) return `密码不能超过 ${passwordRules.maxLength} 位`;
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  const lower = password.toLowerCase();
  const normalised = normalisePassword(password);
  if (username && username.length >= 2) {
    const name = username.toLowerCase();
    const reversed = [...name].reverse().join('');
    if ([lower, normalised].some((p) => p.includes(name) || (name.length >= 3 && p.includes(reversed)))) {
      return '密码不能包含用户名';
    }
  }
  if (institutionWords.some((word) => lower.includes(word) || normalised.includes(word))) {
    return '密码不能包含本院名称（成华、检察院、chenghua、jcy 等），这类密码容易被猜到';
  }
  // Aaaaaaaaa1, Abababab12: length without variety.
  if (new Set(lower).size < 5) return '密码重复字符过多，请使用更多不同的字符';
  return null;
}
