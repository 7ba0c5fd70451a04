import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TDeadlineOverview } from './schema.ts';

describe.each(testEngines())('the whole procuratorate’s deadline board (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies.chief = await loginAs(t, 'chief');
    cookies.deputy = await loginAs(t, 'deputyChief');
    cookies.head = await loginAs(t, 'departmentHead', '第五检察部');
  });
  afterAll(() => t?.close());

  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

  it('shows the chief and deputies every casework department side by side, not 检察长办公室', async () => {
    const opened = await as('head', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某街道违规发放补贴案',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseNumber = opened.json<TCaseDetail>().caseNumber;

    for (const who of ['chief', 'deputy']) {
      const response = await as(who, 'GET', '/api/deadlines/board/overview');
      expect(response.statusCode, response.body).toBe(200);
      const overview = response.json<TDeadlineOverview>();
      const names = overview.departments.map((d) => d.department.name);
      expect(names).toEqual(expect.arrayContaining(['第一检察部', '第四检察部', '第五检察部', '第六检察部']));
      expect(names).not.toContain('检察长办公室');
      const fifth = overview.departments.find((d) => d.department.name === '第五检察部')!;
      expect(fifth.counts.open + fifth.counts.dueSoon + fifth.counts.overdue).toBeGreaterThan(0);
      // The totals add up the departments, and the list names the new case.
      for (const status of ['open', 'dueSoon', 'overdue', 'paused', 'done'] as const) {
        expect(overview.counts[status]).toBe(
          overview.departments.reduce((sum, d) => sum + d.counts[status], 0),
        );
      }
      expect(overview.items.map((d) => d.record.label)).toContain(caseNumber);
    }
  });

  it('is for the chief and deputies: a head keeps the board of her department', async () => {
    const refused = await as('head', 'GET', '/api/deadlines/board/overview');
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toBe('无权执行此操作');
  });
});
