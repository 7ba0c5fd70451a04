import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe.each(testEngines())('handler directory (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const handlersAs = async (username: string) => {
    const response = await t.app.inject({
      url: '/api/handlers',
      headers: { cookie: await t.login(username) },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ displayName: string; department: { name: string } }[]>();
  };

  it('shows a caseworker the possible 承办人 of their department only: no assistants, admins or analysts', async () => {
    const handlers = await handlersAs('head5');
    expect(new Set(handlers.map((h) => h.department.name))).toEqual(new Set(['第五检察部']));
    // 赵磊 is an assistant of the same department: reassignment would refuse him, so he is not offered.
    expect(handlers.map((h) => h.displayName)).toContain('陈敏（演示）');
    expect(handlers.map((h) => h.displayName)).not.toContain('赵磊（演示）');
  });

  it('shows the chief the prosecutors of every department', async () => {
    const names = (await handlersAs('chief')).map((h) => h.displayName);
    expect(names).toContain('李华（演示）');
    expect(names).toContain('陈敏（演示）');
    for (const notAHandler of ['吴悦（演示）', '赵磊（演示）', '系统管理员（演示）', '孙晓（演示）']) {
      expect(names).not.toContain(notAHandler);
    }
  });
});
