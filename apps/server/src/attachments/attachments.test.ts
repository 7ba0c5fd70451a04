import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipOfTexts } from '@procura/collide/testing/zip-bomb';
import { backupDatabase, restoreDatabase } from '@procura/db';
import { createTestDatabase, testEngines } from '@procura/db/testing';
import { maxAttachmentBytes } from '@procura/domain/attachments/file-kinds';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClueDetail } from '../clues/schema.ts';
import type { TSuggestion } from '../suggestions/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TAttachment } from './schema.ts';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('举报材料：某街道办虚报冒领低保补贴。')]);
const dir = mkdtempSync(join(tmpdir(), 'procura-attachments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe.each(testEngines())('attachments (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);

  const upload = (user: string, url: string, name: string, bytes: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `${url}?name=${encodeURIComponent(name)}`,
      headers: { cookie: cookies[user]!, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  const get = (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
  const auditActions = async () =>
    (await get('chief', '/api/audit?pageSize=200')).json<{ items: { action: string; detail: unknown }[] }>()
      .items;

  /** A clue of prosecutor1's department of the test's own; `withFile`: 举报信.pdf already on it. */
  async function newClue({ withFile = false } = {}): Promise<number> {
    const registered = await f.as('prosecutor1', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '群众举报低保补贴被冒领',
      description: '举报人反映某街道办为服刑人员违规发放低保补贴',
      parties: [],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const id = registered.json<{ clue: TClueDetail }>().clue.id;
    if (withFile) {
      const stored = await upload('prosecutor1', `/api/clues/${id}/attachments`, '举报信.pdf', pdf);
      expect(stored.statusCode, stored.body).toBe(201);
    }
    return id;
  }
  const departmentId = async (name: string) =>
    (await get('chief', '/api/departments'))
      .json<{ id: number; name: string }[]>()
      .find((d) => d.name === name)!.id;

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const user of ['chief', 'head5', 'prosecutor1', 'analyst']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('stores a clue file whole, lists it on the clue and gives the same bytes back', async () => {
    const clueId = await newClue();
    const response = await upload('prosecutor1', `/api/clues/${clueId}/attachments`, '举报信.pdf', pdf);
    expect(response.statusCode, response.body).toBe(201);
    const stored = response.json<TAttachment>();
    expect(stored).toMatchObject({
      fileName: '举报信.pdf',
      kind: 'pdf',
      mime: 'application/pdf',
      size: pdf.length,
    });

    const clue = (await get('prosecutor1', `/api/clues/${clueId}`)).json<TClueDetail>();
    expect(clue.attachments.map((a) => a.fileName)).toEqual(['举报信.pdf']);
    expect(clue.attachments[0]!.uploadedBy.name).toBeTruthy();

    const download = await get('prosecutor1', `/api/clues/${clueId}/attachments/${stored.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(String(download.headers['content-disposition'])).toContain(encodeURIComponent('举报信.pdf'));
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const actions = (await auditActions()).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['attachment.upload', 'attachment.download']));
  });

  it('refuses a file whose bytes are not what its name says, and stores nothing', async () => {
    const clueId = await newClue({ withFile: true });
    const response = await upload('prosecutor1', `/api/clues/${clueId}/attachments`, '照片.pdf', png);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION',
      message: '文件“照片.pdf”的内容不是PDF（扩展名与文件内容不符，文件可能已损坏或被改名）',
      fileName: '照片.pdf',
    });
    const exe = await upload(
      'prosecutor1',
      `/api/clues/${clueId}/attachments`,
      '工具.exe',
      Buffer.from('MZ..'),
    );
    expect(exe.json().message).toMatch(/^文件“工具.exe”的类型不允许上传/);
    const clue = (await get('prosecutor1', `/api/clues/${clueId}`)).json<TClueDetail>();
    expect(clue.attachments).toHaveLength(1);
  });

  it('takes a real .docx, and refuses a zip that only looks like one', async () => {
    const registered = await f.as('prosecutor1', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '整改材料核查',
      description: '被建议单位提交的整改材料',
      parties: [],
    });
    const clueId = registered.json<{ clue: TClueDetail }>().clue.id;
    const real = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('整改报告')] }] }),
    );
    const stored = await upload('prosecutor1', `/api/clues/${clueId}/attachments`, '整改报告.docx', real);
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json<TAttachment>()).toMatchObject({ kind: 'docx' });

    const types = (main: string, part = '/word/document.xml') =>
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="${main}"/></Types>`;
    const wordMain = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
    const fakes: [string, Buffer, string][] = [
      ['缺少声明.docx', zipOfTexts({ 'word/document.xml': '<w:document/>' }), '缺少 [Content_Types].xml'],
      [
        '启用宏.docx',
        zipOfTexts({
          '[Content_Types].xml': types('application/vnd.ms-word.document.macroEnabled.main+xml'),
          'word/document.xml': '<w:document/>',
        }),
        '[Content_Types].xml 未声明Word 文档的正文部件',
      ],
      [
        '缺正文.docx',
        zipOfTexts({ '[Content_Types].xml': types(wordMain), 'word/other.xml': '<x/>' }),
        '缺少声明的正文部件 word/document.xml',
      ],
      [
        '损坏.docx',
        Buffer.from('PK\x03\x04....[Content_Types].xml....word/document.xml'),
        '无法读取其 zip 目录',
      ],
    ];
    for (const [name, bytes, reason] of fakes) {
      const response = await upload('prosecutor1', `/api/clues/${clueId}/attachments`, name, bytes);
      expect(response.statusCode, name).toBe(400);
      expect(response.json().message).toBe(
        `文件“${name}”不是有效的Word 文档：${reason}（文件可能已损坏、被改名或含有宏）`,
      );
    }
    const clue = (await get('prosecutor1', `/api/clues/${clueId}`)).json<TClueDetail>();
    expect(clue.attachments.map((a) => a.fileName)).toEqual(['整改报告.docx']);
  });

  it('refuses a file name with a direction override or control characters, and stores nothing', async () => {
    const clueId = await newClue({ withFile: true });
    // 举报材料\u202Efdp.exe shows as 举报材料exe.pdf
    const disguised = await upload(
      'prosecutor1',
      `/api/clues/${clueId}/attachments`,
      '举报材料\u202Efdp.exe',
      pdf,
    );
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().message).toBe(
      '文件名“举报材料�fdp.exe”含有控制字符或文字方向控制符（U+202E），可能用于伪装文件类型，请重命名后再上传',
    );
    for (const name of ['举报\u2067材料.pdf', '举报\u0000.pdf', '举报\u0007材料.pdf']) {
      const response = await upload('prosecutor1', `/api/clues/${clueId}/attachments`, name, pdf);
      expect(response.statusCode).toBe(400);
      // a NUL is refused before the route, by the guard every route has (http/nul-bytes.ts)
      expect(response.json().message).toContain(
        name.includes('\u0000') ? '含有不允许的控制字符（NUL）' : '含有控制字符或文字方向控制符',
      );
    }
    expect((await get('prosecutor1', `/api/clues/${clueId}`)).json<TClueDetail>().attachments).toHaveLength(
      1,
    );
  });

  it('refuses a file over the size limit, naming the file, and stores nothing', async () => {
    const clueId = await newClue({ withFile: true });
    const big = Buffer.alloc(maxAttachmentBytes + 1);
    pdf.copy(big);
    const response = await upload('prosecutor1', `/api/clues/${clueId}/attachments`, '全部卷宗.pdf', big);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('文件“全部卷宗.pdf”大小 20.0 MB，超过上限 20 MB');
    const huge = Buffer.alloc(maxAttachmentBytes + 1024);
    const tooBig = await upload('prosecutor1', `/api/clues/${clueId}/attachments`, '更大.pdf', huge);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toBe('请求体过大（上限 20 MB）');
    expect((await get('prosecutor1', `/api/clues/${clueId}`)).json<TClueDetail>().attachments).toHaveLength(
      1,
    );
  });

  it('explains how to send a file when the body is JSON', async () => {
    const clueId = await newClue();
    const response = await f.as('prosecutor1', 'POST', `/api/clues/${clueId}/attachments?name=a.pdf`, {
      content: 'x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().message).toContain('application/octet-stream');
  });

  it('hides a clue file from another department as if the clue did not exist', async () => {
    const clueId = await newClue({ withFile: true });
    const clue = (await get('prosecutor1', `/api/clues/${clueId}`)).json<TClueDetail>();
    const id = clue.attachments[0]!.id;
    const read = await get('head5', `/api/clues/${clueId}/attachments/${id}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().message).toBe('附件不存在');
    const write = await upload('head5', `/api/clues/${clueId}/attachments`, '补充.pdf', pdf);
    expect(write.statusCode).toBe(404);
    // The chief reaches every department.
    expect((await get('chief', `/api/clues/${clueId}/attachments/${id}`)).statusCode).toBe(200);
  });

  it('the material travels with a transferred clue', async () => {
    const clueId = await newClue({ withFile: true });
    const decided = await f.as('prosecutor1', 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'transfer',
      transfer: {
        toDepartmentId: await departmentId('第五检察部'),
        reason: '属公益诉讼检察职能',
        pilField: 'ecology',
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const receivedId = decided.json<TClueDetail>().transfers[0]!.receivedClueId!;
    const received = (await get('head5', `/api/clues/${receivedId}`)).json<TClueDetail>();
    expect(received.attachments.map((a) => a.fileName)).toEqual(['举报信.pdf']);
    const copy = await get('head5', `/api/clues/${receivedId}/attachments/${received.attachments[0]!.id}`);
    expect(copy.rawPayload.equals(pdf)).toBe(true);
  });

  it('takes reply files only once the suggestion is delivered, and shows them on it', async () => {
    const caseId = await f.openCase('附件测试公益诉讼案');
    const issued = await f.issued(caseId);
    const early = await upload('head5', `/api/suggestions/${issued.id}/attachments`, '回复函.pdf', pdf);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('检察建议当前为「已签发」，送达之后才能上传回复附件');

    await f.step(issued.id, 'delivery', 'head5', {
      deliveredOn: '2026-08-01',
      lateEntryReason: '纸质检察建议事后录入',
    });
    await f.step(issued.id, 'reply', 'head5', {
      repliedOn: '2026-09-20',
      content: '已全部追回',
      lateEntryReason: '纸质检察建议事后录入',
    });
    const response = await upload('head5', `/api/suggestions/${issued.id}/attachments`, '整改照片.png', png);
    expect(response.statusCode, response.body).toBe(201);

    const suggestion = (await get('head5', `/api/suggestions/${issued.id}`)).json<TSuggestion>();
    expect(suggestion.replyAttachments.map((a) => [a.fileName, a.kind])).toEqual([['整改照片.png', 'png']]);
    const listed = (await get('head5', `/api/suggestions?pageSize=50`)).json<{ items: TSuggestion[] }>();
    expect(listed.items.find((s) => s.id === issued.id)?.replyAttachments).toHaveLength(1);
    const other = await get(
      'prosecutor1',
      `/api/suggestions/${issued.id}/attachments/${suggestion.replyAttachments[0]!.id}`,
    );
    expect(other.statusCode).toBe(404);
  });

  it('files survive backup and restore byte for byte', async () => {
    await newClue({ withFile: true });
    const file = join(dir, `${kind}.procura.gz`);
    await backupDatabase(t.database, file);
    const target = await createTestDatabase(kind);
    try {
      await restoreDatabase(target, file);
      const query =
        "select id, file_name, sha256, encode(sha256(content), 'hex') as actual, size from attachments order by id";
      const restored = await target.query<{ file_name: string; sha256: string; actual: string }>(query);
      // This test's own file among them; with the other tests', every row equals the source's.
      expect(restored.map((row) => row.file_name)).toContain('举报信.pdf');
      for (const row of restored) expect(row.actual).toBe(row.sha256);
      expect(restored).toEqual(await t.database.query(query));
    } finally {
      await target.close();
    }
  });
});
