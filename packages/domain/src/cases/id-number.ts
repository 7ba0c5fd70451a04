/** 公民身份号码 (GB 11643-1999): 17 digits and a check character, 0-9 or upper-case X. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkCharacters[sum % 11]!;
}

/** null when valid, otherwise the Chinese reason. Lower-case x is normalised by `normaliseIdNumber`. */
export function idNumberProblem(idNumber: string): string | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return '公民身份号码应为 18 位，前 17 位为数字，末位为数字或大写 X';
  const birth = idNumber.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) {
    return `公民身份号码中的出生日期 ${birth} 无效`;
  }
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return '公民身份号码校验位不正确';
  return null;
}

export function normaliseIdNumber(text: string): string {
  return text.trim().toUpperCase();
}
