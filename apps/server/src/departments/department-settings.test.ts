import { testEngines } from '@procura/db/testing';
import { chinaDate, chinaYear } from '@procura/domain/china-time';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClueDetail } from '../clues/schema.ts';
import type { TDeadlineList } from '../deadlines/schema.ts';
import { chineseDate } from '../documents/official-document.ts';
import type { TSuggestion } from '../suggestions/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testNow } from '../testing/test-clock.ts';
import type { TDepartment } from './schema.ts';

async function documentText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe.each(testEngines())('部门设置: clue assessment and 文号代字; the 检察建议书 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  const message = (response: { json: <T>() => T }) => response.json<{ message: string }>().message;
  let first: TDepartment;
  let fifth: TDepartment;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['admin', 'head5', 'prosecutor1', 'chief']) cookies[user] = await t.login(user);
    const departments = (await f.as('admin', 'GET', '/api/departments')).json<TDepartment[]>();
    first = departments.find((d) => d.name === '第一检察部')!;
    fifth = departments.find((d) => d.name === '第五检察部')!;
  });
  afterAll(() => t?.close());

  const settings = (id: number, payload: unknown, user = 'admin') =>
    f.as(user, 'PATCH', `/api/departments/${id}/settings`, payload);

  it('a registered clue has its 承办人 and the department’s assessment period with its due date', async () => {
    const register = async () => {
      const response = await f.as('prosecutor1', 'POST', '/api/clues', {
        source: 'selfDiscovered',
        title: '某单位违规发放补贴线索',
        description: '办案中发现某单位违规发放补贴',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ clue: TClueDetail }>().clue;
    };
    // No period set: none is guessed.
    expect((await settings(first.id, { clueAssessmentDays: null })).statusCode).toBe(200);
    const unset = await register();
    expect(unset.handler?.name).toBe('李华（演示）');
    expect(unset.statusLabel).toBe('评估中');
    expect(unset.assessmentDueOn).toBeNull();

    expect((await settings(first.id, { clueAssessmentDays: 15 }, 'head5')).statusCode).toBe(403);
    const bad = await settings(first.id, { clueAssessmentDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(message(bad)).toBe('字段 clueAssessmentDays：线索评估期限至少 1 天');
    const set = await settings(first.id, { clueAssessmentDays: 15 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<TDepartment>().clueAssessmentDays).toBe(15);

    const clue = await register();
    const deadlines = (
      await f.as('prosecutor1', 'GET', `/api/deadlines?clueId=${clue.id}`)
    ).json<TDeadlineList>();
    expect(deadlines.items).toHaveLength(1);
    const [assessment] = deadlines.items;
    expect(assessment!.limitId).toBe('clueAssessment');
    expect(assessment!.explanation).toContain(`${chinaDate(testNow)} 收到线索 + 15 日`);
    expect(clue.assessmentDueOn).toBe(assessment!.due);
    expect(clue.assessmentDueOn! > chinaDate(testNow)).toBe(true);

    const audit = (await f.as('chief', 'GET', `/api/audit?targetType=department&targetId=${first.id}`)).json<{
      items: { action: string; detail: Record<string, unknown> }[];
    }>();
    expect(audit.items[0]).toMatchObject({
      action: 'department.settings',
      detail: { from: { clueAssessmentDays: null }, to: { clueAssessmentDays: 15 } },
    });
  });

  it('the 检察建议书 opens with how the case came and when it was opened, and ends with contact and 抄送', async () => {
    const caseId = await f.openCase('某湿地违法占用案');
    const issued = await f.issued(caseId, {
      facts: '你局辖区内湿地被违法占用，至今未依法查处。',
      contactName: '李检察官',
      contactPhone: '028-84321234',
      copyTo: '成都市成华区人民政府',
    });
    expect(issued).toMatchObject({ contactName: '李检察官', contactPhone: '028-84321234' });
    const text = await documentText((await f.as('head5', 'GET', issued.documents.at(-1)!.url)).rawPayload);
    const today = chineseDate(chinaDate(testNow));
    expect(text).toContain(`本院在履行职责中发现某湿地违法占用案线索，于${today}立案调查。现查明：`);
    expect(text.indexOf('本院在履行职责中发现')).toBeLessThan(text.indexOf('你局辖区内湿地被违法占用'));
    expect(text).toContain('（联系人：李检察官，联系电话：028-84321234）');
    expect(text).toContain('抄送：成都市成华区人民政府。');

    // Without a contact name the case's handler is the contact; without 抄送 there is no 抄送 line.
    const plain = await f.issued(await f.openCase('某河道污染案'));
    const plainText = await documentText(
      (await f.as('head5', 'GET', plain.documents.at(-1)!.url)).rawPayload,
    );
    expect(plainText).toMatch(/（联系人：\S+）/);
    expect(plainText).not.toContain('抄送');

    const badPhone = await f.as('head5', 'PATCH', `/api/suggestions/${(await f.draft(caseId)).id}`, {
      contactPhone: '请拨打<script>',
    });
    expect(badPhone.statusCode).toBe(400);
  });

  it('the 文号代字 is a department setting: changing it changes the next 文号', async () => {
    const year = chinaYear(testNow);
    expect(fifth.suggestionDocCode).toBe('公益建');
    const before = await f.issued(await f.openCase('代字设置前测试案'));
    expect(before.docNumber).toMatch(new RegExp(`^成华检公益建〔${year}〕\\d+号$`));

    const refused = await settings(fifth.id, { suggestionDocCode: 'GY建' });
    expect(refused.statusCode).toBe(400);
    expect(message(refused)).toContain('文号代字只能由汉字和括号组成');
    const changed = await settings(fifth.id, { suggestionDocCode: '行公建' });
    expect(changed.json<TDepartment>().suggestionDocCode).toBe('行公建');

    const after = await f.issued(await f.openCase('代字设置后测试案'));
    expect(after.docNumber).toBe(`成华检行公建〔${year}〕1号`);
    const text = await documentText((await f.as('head5', 'GET', after.documents.at(-1)!.url)).rawPayload);
    expect(text).toContain(`成华检行公建〔${year}〕1号`);
    // The suggestion issued before keeps its number.
    expect((await f.as('head5', 'GET', `/api/suggestions/${before.id}`)).json<TSuggestion>().docNumber).toBe(
      before.docNumber,
    );
    // Cleared, the line's default applies again.
    const cleared = await settings(fifth.id, { suggestionDocCode: null });
    expect(cleared.json<TDepartment>().suggestionDocCode).toBe('公益建');
  });
});
