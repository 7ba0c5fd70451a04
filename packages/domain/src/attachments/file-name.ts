/**
 * File names that hide what they are: a right-to-left override turns 举报材料‮fdp.exe into
 * "举报材料exe.pdf" on screen, and control characters (NUL, line breaks) break logs, headers and
 * file systems. Such names are refused at every upload rather than silently cleaned, so what the
 * uploader sees and what is stored stay the same.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const hiddenCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a file name is refused (in Chinese, the characters named by code point), or null when it is fine. */
export function fileNameProblem(fileName: string): string | null {
  const found = [...new Set(fileName.match(hiddenCharacters) ?? [])];
  if (found.length === 0) return null;
  const shown = fileName.replace(hiddenCharacters, '�');
  return `文件名“${shown}”含有控制字符或文字方向控制符（${found.map(codePoint).join('、')}），可能用于伪装文件类型，请重命名后再上传`;
}
