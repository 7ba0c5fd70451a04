import { describe, expect, it } from 'vitest';
import { acceptedExtensions, checkAttachment, maxAttachmentBytes } from './file-kinds.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part)));

const pdf = bytes('%PDF-1.7\n%...');
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF');
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const docx = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml');
const xlsx = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml');
const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);

describe('checkAttachment', () => {
  it.each([
    ['举报信.pdf', pdf, 'pdf'],
    ['现场照片.JPG', jpeg, 'jpeg'],
    ['现场照片.jpeg', jpeg, 'jpeg'],
    ['截图.png', png, 'png'],
    ['回复函.docx', docx, 'docx'],
    ['名单.xlsx', xlsx, 'xlsx'],
    ['旧版回复函.doc', ole, 'doc'],
    ['旧版名单.xls', ole, 'xls'],
    ['说明.txt', bytes('整改情况说明：已全部追回。'), 'txt'],
  ])('accepts %s as %s', (name, content, kind) => {
    expect(checkAttachment(name, content)).toMatchObject({ ok: true, kind });
  });

  it('refuses a type that is not on the list, naming the file and the allowed types', () => {
    const result = checkAttachment('setup.exe', bytes('MZ\x90\x00'));
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^文件“setup.exe”的类型不允许上传；允许的类型：PDF、JPEG 图片/),
    });
  });

  it('refuses a file whose content does not match its name', () => {
    expect(checkAttachment('举报材料.pdf', bytes('MZ\x90\x00\x03'))).toEqual({
      ok: false,
      message: '文件“举报材料.pdf”的内容不是PDF（扩展名与文件内容不符，文件可能已损坏或被改名）',
    });
    // A spreadsheet renamed to .docx is still not a Word document.
    expect(checkAttachment('回复函.docx', xlsx)).toMatchObject({ ok: false });
    expect(checkAttachment('图片.png', jpeg)).toMatchObject({ ok: false });
    // A binary file named .txt.
    expect(checkAttachment('说明.txt', bytes([0x41, 0, 0x42]))).toMatchObject({ ok: false });
    // GBK text is not UTF-8: it would show as mojibake, so it is refused with the reason.
    expect(checkAttachment('说明.txt', new Uint8Array([0xd5, 0xfb, 0xb8, 0xc4]))).toMatchObject({
      ok: false,
    });
  });

  it('refuses empty and oversized files', () => {
    expect(checkAttachment('空.pdf', new Uint8Array())).toEqual({
      ok: false,
      message: '文件“空.pdf”是空文件',
    });
    const big = new Uint8Array(maxAttachmentBytes + 1);
    big.set(pdf);
    expect(checkAttachment('卷宗.pdf', big)).toEqual({
      ok: false,
      message: '文件“卷宗.pdf”大小 20.0 MB，超过上限 20 MB',
    });
    const limit = new Uint8Array(maxAttachmentBytes);
    limit.set(pdf);
    expect(checkAttachment('卷宗.pdf', limit)).toMatchObject({ ok: true });
  });

  it('refuses a file without an extension', () => {
    expect(checkAttachment('README', bytes('hello'))).toMatchObject({ ok: false });
  });

  it('lists the accepted extensions for a file picker', () => {
    expect(acceptedExtensions.split(',')).toEqual(
      expect.arrayContaining(['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx', '.doc', '.xls', '.txt']),
    );
  });
});
