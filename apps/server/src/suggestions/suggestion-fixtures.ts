import { expect } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import type { TestApp } from '../testing/test-app.ts';
import type { TSuggestion } from './schema.ts';

/**
 * Test helpers: an adminPublicInterest case of 第五检察部 and a suggestion taken to a given step.
 * Tests using approved() or issued() log in the chief too.
 */
export function suggestionFixtures(t: () => TestApp, cookies: Record<string, string>) {
  const as = (
    user: string,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => t().app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  /**
   * A case in 立案调查 with its 调查终结报告 recorded (a 诉前检察建议 is issued only after it);
   * `{ report: false }` leaves the report out.
   */
  async function openCase(title = '某河道污染行政公益诉讼案', { report = true } = {}): Promise<number> {
    const opened = await as('head5', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json<TCaseDetail>().id;
    if (report) {
      const recorded = await as('head5', 'POST', `/api/cases/${id}/events`, {
        kind: 'investigationReport',
        note: '调查终结，建议提出诉前检察建议',
      });
      expect(recorded.statusCode, recorded.body).toBe(200);
    }
    return id;
  }

  const fullDraft = {
    kind: 'preLitigation',
    addressee: '成都市成华区农业农村局',
    facts: '本院在履行职责中发现，辖区内多名服刑人员在服刑期间违规领取农村低保补助。',
    legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
    requests: '一、依法追回违规发放的补助资金；\n二、建立服刑人员信息比对机制。',
  };

  async function draft(caseId: number, extra: Record<string, unknown> = {}): Promise<TSuggestion> {
    const response = await as('head5', 'POST', '/api/suggestions', { caseId, ...fullDraft, ...extra });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TSuggestion>();
  }

  async function step(id: number, path: string, user = 'head5', payload?: unknown): Promise<TSuggestion> {
    const response = await as(user, 'POST', `/api/suggestions/${id}/${path}`, payload);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TSuggestion>();
  }

  /** head5 drafts and submits; the chief approves (a head never approves her own draft). */
  async function approved(caseId: number, extra: Record<string, unknown> = {}): Promise<TSuggestion> {
    const drafted = await draft(caseId, extra);
    await step(drafted.id, 'submit');
    return step(drafted.id, 'approve', 'chief', { note: '同意' });
  }

  async function issued(caseId: number, extra: Record<string, unknown> = {}): Promise<TSuggestion> {
    return step((await approved(caseId, extra)).id, 'issue');
  }

  return { as, openCase, draft, step, approved, issued };
}
