/** 成华检公益立〔2026〕12号: procuratorate short name, 检, the type's code, year in 〔〕, sequence, 号. */
export interface CaseNumberParts {
  shortName: string;
  code: string;
  year: number;
  seq: number;
}

export function formatCaseNumber({ shortName, code, year, seq }: CaseNumberParts): string {
  if (!shortName.trim()) throw new Error('案号缺少院简称');
  if (!code.trim()) throw new Error('案号缺少案件类型代字');
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`案号年份无效：${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`案号序号无效：${seq}`);
  return `${shortName}检${code}〔${year}〕${seq}号`;
}

const pattern = /^(.+?)检(.+)〔(\d{4})〕([1-9]\d*)号$/;

/** The inverse of formatCaseNumber; null when the text is not a case number. */
export function parseCaseNumber(text: string): CaseNumberParts | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  return { shortName: match[1]!, code: match[2]!, year: Number(match[3]), seq: Number(match[4]) };
}
