import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Builds zip archives for tests, byte by byte: a real .xlsx skeleton around a sheet that inflates
 * to any size from a repeated row (a zip bomb of a few hundred KB), optionally with a central
 * directory that lies about the sheet's size. Nothing big is ever held in memory or committed.
 */
interface Part {
  name: string;
  method: 0 | 8;
  crc: number;
  compressed: Buffer;
  size: number;
  /** what the directory claims, when it lies */
  claimedSize?: number;
}

function smallPart(name: string, text: string): Part {
  const data = Buffer.from(text);
  return { name, method: 8, crc: crc32(data), compressed: deflateRawSync(data), size: data.length };
}

/** Deflates `head`, then `repeat` times `chunk`, then `tail`, streaming: never the whole text in memory. */
async function repeatedPart(name: string, head: string, chunk: string, repeat: number, tail: string) {
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunkBytes = Buffer.from(chunk);
  let crc = 0;
  let size = 0;
  const write = async (data: Buffer) => {
    crc = crc32(data, crc);
    size += data.length;
    if (!deflate.write(data)) await new Promise<void>((resolve) => deflate.once('drain', () => resolve()));
  };
  await write(Buffer.from(head));
  for (let i = 0; i < repeat; i++) await write(chunkBytes);
  await write(Buffer.from(tail));
  deflate.end();
  await ended;
  return { name, method: 8 as const, crc, compressed: Buffer.concat(out), size };
}

/** A zip of the parts (no zip64: every part stays under 4 GB). */
export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const size = part.claimedSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + part.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A zip of small text files, deflated, named as given. */
export const zipOfTexts = (files: Record<string, string>): Buffer =>
  zipOf(Object.entries(files).map(([name, text]) => smallPart(name, text)));

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/**
 * An .xlsx whose one sheet inflates to about `inflatedBytes` of XML, the same row of three inline
 * cells (姓名, 身份证号, 岗位 padded with spaces, which deflate packs tightest) over and over: 200 MB fit
 * in about 300 KB. With `claimedBytes` the zip directory claims the sheet is that small.
 */
export async function zipBombXlsx(options: {
  inflatedBytes: number;
  claimedBytes?: number;
}): Promise<Buffer> {
  const row = `<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>510108198503120012</t></is></c><c r="C2" t="inlineStr"><is><t>体育教师${' '.repeat(4000)}</t></is></c></row>`;
  // 1 MB of identical rows per chunk: deflate repeats it for a few hundred bytes.
  const chunk = row.repeat(Math.ceil((1 << 20) / Buffer.byteLength(row)));
  const repeat = Math.max(1, Math.round(options.inflatedBytes / Buffer.byteLength(chunk)));
  const sheet = await repeatedPart(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    chunk,
    repeat,
    '</sheetData></worksheet>',
  );
  return zipOf([
    smallPart('[Content_Types].xml', contentTypes),
    smallPart('_rels/.rels', rootRels),
    smallPart('xl/workbook.xml', workbook),
    smallPart('xl/_rels/workbook.xml.rels', workbookRels),
    { ...sheet, claimedSize: options.claimedBytes },
  ]);
}
