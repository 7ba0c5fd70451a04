import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMe } from '../auth/schema.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe.each(testEngines())('a case of another line of work (%s)', (kind) => {
  let t: TestApp;
  let cookie: string;
  let department: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const [row] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, 'publicInterest'))
      .limit(1);
    department = row!.name;
    cookie = await loginAs(t, 'departmentHead', department);
  });
  afterAll(() => t?.close());

  it('the head knows her line of work, so the page can leave out what her department cannot do', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json<TMe>();
    expect(me.department).toMatchObject({ name: department, line: 'publicInterest' });
  });

  it('a 公益 head opening a juvenile case is told plainly which department opens it', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie },
      payload: { type: 'juvenileVictim', title: '某小学学生被侵害案' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toBe(
      `侵害未成年人犯罪案件由未成年人检察部门办理，${department}（公益诉讼检察）不能立此类案件`,
    );
  });
});
