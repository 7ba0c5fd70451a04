import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDatabase, restoreDatabase } from '@procura/db';
import { createTestDatabase, testEngines } from '@procura/db/testing';
import { chinaYear } from '@procura/domain/china-time';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import type { TDeadlineList } from '../deadlines/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testNow } from '../testing/test-clock.ts';
import type { TSuggestion, TSuggestionList } from './schema.ts';
import { suggestionFixtures } from './suggestion-fixtures.ts';

const year = chinaYear(testNow);
const dir = mkdtempSync(join(tmpdir(), 'procura-suggestions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe.each(testEngines())('procuratorial suggestions (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  const message = (response: { json: <T>() => T }) => response.json<{ message: string }>().message;
  /** The highest 成华检公益建〔year〕N号 issued so far (0 if none): the next issue is N + 1. */
  const lastSeq = async () => {
    const prefix = `成华检公益建〔${year}〕`;
    const list = (
      await f.as('chief', 'GET', `/api/suggestions?q=${encodeURIComponent(prefix)}&pageSize=200`)
    ).json<TSuggestionList>();
    expect(list.total).toBeLessThanOrEqual(200);
    const seqs = list.items.map((s) => /〕(\d+)号$/.exec(s.docNumber ?? '')?.[1]).filter(Boolean);
    return Math.max(0, ...seqs.map(Number));
  };
  /** A suggestion issued on a case of its own, as the approver and the handler would take it. */
  const issuedOnOwnCase = async (extra: Record<string, unknown> = {}) => {
    const caseId = await f.openCase();
    return { caseId, issued: await f.issued(caseId, extra) };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'deputy', 'head5', 'prosecutor1', 'assistant5', 'admin']) {
      cookies[user] = await t.login(user);
    }
  });
  afterAll(() => t?.close());

  it('walks the seed: draft, approval, issue with 文号 and an archived .docx that opens', async () => {
    const caseId = await f.openCase();
    const drafted = await f.draft(caseId);
    expect(drafted.state).toBe('draft');
    const early = await f.as('head5', 'POST', `/api/suggestions/${drafted.id}/issue`);
    expect(early.statusCode).toBe(409);
    expect(message(early)).toContain('只有「已审批」的检察建议才能签发');
    const submitted = await f.step(drafted.id, 'submit');
    expect(submitted.stateLabel).toBe('待审批');
    // An assistant may draft but not approve.
    const assistant = await f.as('assistant5', 'POST', `/api/suggestions/${drafted.id}/approve`, {});
    expect(assistant.statusCode).toBe(403);
    const approved = await f.step(drafted.id, 'approve', 'deputy', { note: '同意制发' });
    expect(approved.approvals).toHaveLength(1);
    const before = await lastSeq();
    const first = await f.step(drafted.id, 'issue');
    expect(first.state).toBe('issued');
    expect(first.docNumber).toBe(`成华检公益建〔${year}〕${before + 1}号`);
    expect(first.documents).toHaveLength(1);

    const download = await f.as('head5', 'GET', first.documents[0]!.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`检察建议书 ${first.docNumber}.docx`)}`,
    );
    const text = await documentXml(download.rawPayload);
    expect(text).toContain('检察建议书');
    expect(text).toContain(first.docNumber);
    expect(text).toContain('成都市成华区农业农村局：');
    expect(text).toContain('两个月内依法履行职责');
    expect(text).toContain('第二十一条第二款');
    expect(text).toContain('成都市成华区人民检察院');
    expect(text).toMatch(/二〇二\S年\S+月\S+日/);

    const detail = (await f.as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds).toContain('suggestionIssued');
    expect(detail.timeline.filter((e) => e.data.suggestionId === drafted.id).length).toBeGreaterThanOrEqual(
      4,
    );
  });

  it('refuses to print a 检察建议书 with an empty required field, naming it', async () => {
    const drafted = await f.draft(await f.openCase(), { facts: '' });
    const printed = await f.as('head5', 'POST', `/api/suggestions/${drafted.id}/document`);
    expect(printed.statusCode).toBe(400);
    expect(message(printed)).toBe('「事实」未填写，不能生成检察建议书');
    const submitted = await f.as('head5', 'POST', `/api/suggestions/${drafted.id}/submit`);
    expect(message(submitted)).toContain('「事实」');
    const patched = await f.as('head5', 'PATCH', `/api/suggestions/${drafted.id}`, { facts: '补充的事实。' });
    expect(patched.statusCode).toBe(200);
    const preview = await f.step(drafted.id, 'document');
    expect(preview.documents[0]!.name).toContain('未签发稿');
  });

  it('delivery starts the reply deadline; reply and rectification close it', async () => {
    const { caseId, issued: first } = await issuedOnOwnCase();
    const delivered = await f.step(first.id, 'delivery', 'head5', {
      deliveredOn: '2026-08-01',
      lateEntryReason: '纸质检察建议事后录入',
    });
    expect(delivered.replyDue).toBe('2026-10-08');
    const deadlines = (
      await f.as('head5', 'GET', `/api/deadlines?suggestionId=${first.id}`)
    ).json<TDeadlineList>();
    const [reply, decision] = deadlines.items;
    expect(reply!.limitId).toBe('preLitigationSuggestionReply');
    expect(reply!.explanation).toBe('2026-08-01 送达 + 两个月 = 2026-10-01，国庆节假期顺延至 2026-10-08');
    expect(reply!.basis.citation).toContain('第二十一条第二款');
    expect(decision!.limitId).toBe('suitDecisionAfterReply');
    expect(decision!.start).toBe('2026-10-08');
    expect(decision!.due).toBe('2026-12-08');
    const replied = await f.step(first.id, 'reply', 'head5', {
      repliedOn: '2026-09-20',
      content: '已追回补助资金并建立比对机制。',
      lateEntryReason: '纸质检察建议事后录入',
    });
    expect(replied.replyStatus).toBe('done');
    const closed = await f.step(first.id, 'rectification', 'head5', {
      result: 'fullyRectified',
      followUp: 'none',
      note: '经现场核查整改到位',
    });
    expect(closed.state).toBe('closed');
    expect(closed.rectificationLabel).toBe('整改到位');
    const detail = (await f.as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    for (const kindOfEvent of ['suggestionDelivered', 'replyReceived', 'rectificationChecked']) {
      expect(detail.timeline.map((e) => e.kind)).toContain(kindOfEvent);
    }
    const audit = (
      await f.as('chief', 'GET', `/api/audit?targetType=suggestion&targetId=${first.id}&pageSize=50`)
    ).json<{ items: { action: string }[] }>();
    expect(audit.items.map((a) => a.action).sort()).toEqual(
      [
        'suggestion.approve',
        'suggestion.deliver',
        'suggestion.draft',
        'suggestion.issue',
        'suggestion.rectification',
        'suggestion.reply',
        'suggestion.submit',
      ].sort(),
    );
  });

  it('urgent: the reply is due 15 days after delivery', async () => {
    const urgent = (await issuedOnOwnCase({ urgent: true })).issued;
    const delivered = await f.step(urgent.id, 'delivery', 'head5', {
      deliveredOn: '2026-09-16',
      lateEntryReason: '纸质检察建议事后录入',
    });
    expect(delivered.replyDue).toBe('2026-10-08');
    const [reply] = (
      await f.as('head5', 'GET', `/api/deadlines?suggestionId=${urgent.id}`)
    ).json<TDeadlineList>().items;
    expect(reply!.explanation).toContain('+ 15 日');
    expect(reply!.urgent).toBe(true);
  });

  it('20 concurrent issues get 20 distinct consecutive numbers', async () => {
    const caseId = await f.openCase();
    const ready = await Promise.all(Array.from({ length: 20 }, () => f.approved(caseId)));
    const before = await lastSeq();
    const responses = await Promise.all(
      ready.map((s) => f.as('head5', 'POST', `/api/suggestions/${s.id}/issue`)),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(200);
    const seqs = responses
      .map((r) => Number(/〕(\d+)号$/.exec(r.json<TSuggestion>().docNumber!)![1]))
      .sort((a, b) => a - b);
    const firstSeq = seqs[0]!;
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => firstSeq + i));
    expect(firstSeq).toBe(before + 1);
  });

  it('a prosecutor of another department neither lists nor opens the suggestion', async () => {
    const first = (await issuedOnOwnCase()).issued;
    const list = (await f.as('prosecutor1', 'GET', '/api/suggestions')).json<TSuggestionList>();
    expect(list.total).toBe(0);
    const one = await f.as('prosecutor1', 'GET', `/api/suggestions/${first.id}`);
    expect(one.statusCode).toBe(404);
    const file = await f.as('prosecutor1', 'GET', first.documents[0]!.url);
    expect(file.statusCode).toBe(404);
    const chief = await f.as('chief', 'GET', `/api/suggestions/${first.id}`);
    expect(chief.statusCode).toBe(200);
  });

  it('the approver returns a draft with a reason; the handler is told, edits and resubmits', async () => {
    const other = await f.openCase('退回测试公益诉讼案');
    const drafted = await f.draft(other);
    await f.step(drafted.id, 'submit');
    const noReason = await f.as('head5', 'POST', `/api/suggestions/${drafted.id}/return`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(message(noReason)).toBe('字段 reason：请填写退回理由');
    const byProsecutor = await f.as('prosecutor1', 'POST', `/api/suggestions/${drafted.id}/return`, {
      reason: '补充事实',
    });
    expect(byProsecutor.statusCode).toBe(403);

    const returned = await f.step(drafted.id, 'return', 'chief', { reason: '事实部分需补充涉案金额' });
    expect(returned.state).toBe('draft');
    expect(returned.approvals.at(-1)).toMatchObject({ decision: 'returned', note: '事实部分需补充涉案金额' });
    // Only a suggestion awaiting approval can be returned.
    const again = await f.as('chief', 'POST', `/api/suggestions/${drafted.id}/return`, { reason: '再退' });
    expect(again.statusCode).toBe(409);
    expect(message(again)).toBe('检察建议当前为「草稿」，只有「待审批」的检察建议才能退回');

    const told = (await f.as('head5', 'GET', '/api/notifications')).json<{ items: { text: string }[] }>();
    expect(told.items.some((n) => n.text.includes('事实部分需补充涉案金额'))).toBe(true);

    await f.as('head5', 'PATCH', `/api/suggestions/${drafted.id}`, {
      facts: `${drafted.facts}涉案金额 119 万元。`,
    });
    await f.step(drafted.id, 'submit');
    const approved = await f.step(drafted.id, 'approve', 'chief', { note: '同意' });
    expect(approved.approvals.map((a) => a.decision)).toEqual(['returned', 'approved']);
    const timeline = (await f.as('head5', 'GET', `/api/cases/${other}`)).json<TCaseDetail>();
    expect(JSON.stringify(timeline)).toContain('退回修改：事实部分需补充涉案金额');
  });

  it('the case page lists the documents archived on it', async () => {
    const { caseId, issued: first } = await issuedOnOwnCase();
    const detail = (await f.as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(detail.documents.length).toBeGreaterThan(0);
    expect(detail.documents[0]!.name).toBe(`检察建议书 ${first.docNumber}.docx`);
    const file = await f.as('head5', 'GET', detail.documents[0]!.url);
    expect(file.statusCode).toBe(200);
  });

  it('lists the suggestions of one case', async () => {
    const other = await f.openCase('按案件筛选测试案');
    const mine = await f.draft(other);
    const list = (await f.as('head5', 'GET', `/api/suggestions?caseId=${other}`)).json<TSuggestionList>();
    expect(list.items.map((s) => s.id)).toEqual([mine.id]);
    const none = (
      await f.as('prosecutor1', 'GET', `/api/suggestions?caseId=${other}`)
    ).json<TSuggestionList>();
    expect(none.total).toBe(0);
  });

  it('lists with filters and exports .xlsx with Chinese headers', async () => {
    // An addressee only this test uses: one suggestion taken to the end, five left as drafts.
    const addressee = '成都市成华区筛选测试局';
    const q = encodeURIComponent(addressee);
    const { caseId, issued: first } = await issuedOnOwnCase({ addressee });
    await f.step(first.id, 'delivery', 'head5', {
      deliveredOn: '2026-08-01',
      lateEntryReason: '纸质检察建议事后录入',
    });
    await f.step(first.id, 'reply', 'head5', {
      repliedOn: '2026-09-20',
      content: '已整改。',
      lateEntryReason: '纸质检察建议事后录入',
    });
    await f.step(first.id, 'rectification', 'head5', { result: 'fullyRectified', followUp: 'none' });
    for (let i = 0; i < 5; i++) await f.draft(caseId, { addressee });

    const closed = (
      await f.as('head5', 'GET', `/api/suggestions?state=closed&q=${q}`)
    ).json<TSuggestionList>();
    expect(closed.items.map((s) => s.id)).toEqual([first.id]);
    const text = (await f.as('head5', 'GET', `/api/suggestions?q=${q}&pageSize=5`)).json<TSuggestionList>();
    expect(text.items).toHaveLength(5);
    expect(text.total).toBe(6);
    const exported = await f.as('head5', 'GET', `/api/suggestions/export?state=closed&q=${q}`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('文号');
    expect(sheet.getRow(1).getCell(12).value).toBe('回复期限');
    expect(sheet.getRow(2).getCell(1).value).toBe(first.docNumber);
    expect(sheet.rowCount).toBe(2);
  });

  it('the archived .docx survives backup and restore byte for byte', async () => {
    const { caseId } = await issuedOnOwnCase();
    await f.issued(caseId, { urgent: true });
    const file = join(dir, `${kind}.procura.gz`);
    await backupDatabase(t.database, file);
    const target = await createTestDatabase(kind);
    try {
      await restoreDatabase(target, file);
      const query =
        "select id, sha256, encode(sha256(content), 'hex') as actual, size, length(content) as length from case_documents order by id";
      const restored = await target.query<{ sha256: string; actual: string; size: number; length: number }>(
        query,
      );
      expect(restored.length).toBeGreaterThanOrEqual(2);
      for (const row of restored) {
        expect(row.actual).toBe(row.sha256);
        expect(Number(row.length)).toBe(row.size);
      }
      expect(restored).toEqual(await t.database.query(query));
    } finally {
      await target.close();
    }
  });
});
