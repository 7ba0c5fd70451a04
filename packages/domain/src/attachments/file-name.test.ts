import { describe, expect, it } from 'vitest';
import { fileNameProblem } from './file-name.ts';

describe('fileNameProblem', () => {
  it.each(['举报材料.pdf', '名单 (1).xlsx', 'report-2026.docx', '阿拉伯语 عربي.txt'])(
    'accepts %s',
    (name) => {
      expect(fileNameProblem(name)).toBeNull();
    },
  );

  it('refuses a right-to-left override, naming the character', () => {
    expect(fileNameProblem('举报材料\u202Efdp.exe')).toBe(
      '文件名“举报材料�fdp.exe”含有控制字符或文字方向控制符（U+202E），可能用于伪装文件类型，请重命名后再上传',
    );
  });

  it.each([
    ['\u202A'],
    ['\u202B'],
    ['\u202C'],
    ['\u202D'],
    ['\u2066'],
    ['\u2067'],
    ['\u2068'],
    ['\u2069'],
    ['\u0000'],
    ['\n'],
    ['\r'],
    ['\t'],
    ['\u007F'],
    ['\u0085'],
  ])('refuses %j', (char) => {
    expect(fileNameProblem(`a${char}b.pdf`)).toContain('控制字符');
  });
});
