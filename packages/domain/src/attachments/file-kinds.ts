import type * as states from '../states.ts';
import { fileNameProblem } from './file-name.ts';

/**
 * Which files may be attached to a clue or a reply, recognised from their bytes: a name ending in
 * .pdf says nothing about what is inside, and an executable renamed to 举报材料.pdf must not be
 * stored as evidence and later opened by a colleague.
 */
export const maxAttachmentBytes = 20 * 1024 * 1024;

export const fileKinds = {
  pdf: { label: 'PDF', mime: 'application/pdf', extensions: ['pdf'] },
  jpeg: { label: 'JPEG 图片', mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { label: 'PNG 图片', mime: 'image/png', extensions: ['png'] },
  docx: {
    label: 'Word 文档',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    label: 'Excel 表格',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  doc: { label: 'Word 97-2003 文档', mime: 'application/msword', extensions: ['doc'] },
  xls: { label: 'Excel 97-2003 表格', mime: 'application/vnd.ms-excel', extensions: ['xls'] },
  txt: { label: '纯文本', mime: 'text/plain; charset=utf-8', extensions: ['txt'] },
} as const satisfies Record<(typeof states.fileKindIds)[number], unknown>;

export type TFileKind = keyof typeof fileKinds;

/** For a file picker's `accept`. */
export const acceptedExtensions = Object.values(fileKinds)
  .flatMap((kind) => kind.extensions.map((extension) => `.${extension}`))
  .join(',');

export type TFileCheck = { ok: true; kind: TFileKind; mime: string } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

const zip = [0x50, 0x4b, 0x03, 0x04];
const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The container the bytes are, before the name decides between siblings (docx vs xlsx, doc vs xls). */
function container(bytes: Uint8Array): 'pdf' | 'jpeg' | 'png' | 'zip' | 'ole' | 'text' | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, zip)) return 'zip';
  if (startsWith(bytes, ole)) return 'ole';
  if (isUtf8Text(bytes)) return 'text';
  return null;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Office Open XML files are zips whose part names say which application they belong to. */
function zipHolds(bytes: Uint8Array, part: string): boolean {
  const needle = new TextEncoder().encode(part);
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const allowedList = Object.values(fileKinds)
  .map((kind) => kind.label)
  .join('、');

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Decides whether a file may be attached, with a message naming the file when it may not. */
export function checkAttachment(fileName: string, bytes: Uint8Array): TFileCheck {
  const badName = fileNameProblem(fileName);
  if (badName) return { ok: false, message: badName };
  const name = `文件“${fileName}”`;
  if (bytes.length === 0) return { ok: false, message: `${name}是空文件` };
  if (bytes.length > maxAttachmentBytes) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return { ok: false, message: `${name}大小 ${mb} MB，超过上限 ${maxAttachmentBytes / 1024 / 1024} MB` };
  }
  const extension = extensionOf(fileName);
  const claimed = (Object.keys(fileKinds) as TFileKind[]).find((kind) =>
    (fileKinds[kind].extensions as readonly string[]).includes(extension),
  );
  if (!claimed) return { ok: false, message: `${name}的类型不允许上传；允许的类型：${allowedList}` };
  const found = container(bytes);
  const matches =
    (found === 'pdf' && claimed === 'pdf') ||
    (found === 'jpeg' && claimed === 'jpeg') ||
    (found === 'png' && claimed === 'png') ||
    (found === 'zip' && claimed === 'docx' && zipHolds(bytes, 'word/')) ||
    (found === 'zip' && claimed === 'xlsx' && zipHolds(bytes, 'xl/')) ||
    (found === 'ole' && (claimed === 'doc' || claimed === 'xls')) ||
    (found === 'text' && claimed === 'txt');
  if (!matches) {
    return {
      ok: false,
      message: `${name}的内容不是${fileKinds[claimed].label}（扩展名与文件内容不符，文件可能已损坏或被改名）`,
    };
  }
  return { ok: true, kind: claimed, mime: fileKinds[claimed].mime };
}
