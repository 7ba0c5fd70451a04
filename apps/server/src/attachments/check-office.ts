import { NotAZipError, readZipEntry, zipEntries } from '@procura/collide';
import type { TFileKind } from '@procura/domain/attachments/file-kinds';

/**
 * An Office Open XML file is a zip whose `[Content_Types].xml` declares its main part: for a .docx
 * the WordprocessingML document, for an .xlsx the SpreadsheetML workbook. Any zip with a folder
 * called word/ passed the byte sniffing; this reads the declaration (never more than 1 MB
 * inflated, so no zip bomb) and checks that the declared part is in the archive. A macro-enabled
 * document renamed to .docx declares another type and is refused too.
 */
const mainParts: Partial<Record<TFileKind, { type: string; label: string }>> = {
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    label: 'Word 文档',
  },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    label: 'Excel 表格',
  },
};

const maxContentTypesBytes = 1 << 20;

const attribute = (element: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(element)
    ?.slice(1)
    .find((v) => v !== undefined);

/** Why an .docx/.xlsx upload is not what it claims (Chinese, naming the file), or null. */
export function officeFileProblem(fileName: string, kind: TFileKind, bytes: Uint8Array): string | null {
  const main = mainParts[kind];
  if (!main) return null;
  const refuse = (reason: string) =>
    `文件“${fileName}”不是有效的${main.label}：${reason}（文件可能已损坏、被改名或含有宏）`;
  let entries: ReturnType<typeof zipEntries>;
  try {
    entries = zipEntries({ bytes });
  } catch (error) {
    if (error instanceof NotAZipError) return refuse('无法读取其 zip 目录');
    throw error;
  }
  const declaration = entries.find((entry) => entry.name === '[Content_Types].xml');
  if (!declaration) return refuse('缺少 [Content_Types].xml');
  let xml: string;
  try {
    xml = readZipEntry({ bytes }, declaration, maxContentTypesBytes).toString('utf8');
  } catch (error) {
    if (error instanceof NotAZipError) return refuse('[Content_Types].xml 无法读取');
    throw error;
  }
  const declared = [...xml.matchAll(/<Override\b[^>]*>/g)]
    .filter((match) => attribute(match[0], 'ContentType') === main.type)
    .map((match) => (attribute(match[0], 'PartName') ?? '').replace(/^\//, ''));
  if (declared.length === 0) return refuse(`[Content_Types].xml 未声明${main.label}的正文部件`);
  const names = new Set(entries.map((entry) => entry.name));
  if (!declared.some((part) => names.has(part))) return refuse(`缺少声明的正文部件 ${declared[0]}`);
  return null;
}
