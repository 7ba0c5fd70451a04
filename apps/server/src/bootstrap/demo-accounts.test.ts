import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { roleLabels } from '@procura/domain/roles';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMe, TPublicInfo } from '../auth/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe.each(testEngines())('demo accounts on the login page (%s)', (kind) => {
  let t: TestApp;
  let info: TPublicInfo;

  beforeAll(async () => {
    t = await createTestApp(kind);
    info = (await t.app.inject({ method: 'GET', url: '/api/public/info' })).json<TPublicInfo>();
  });
  afterAll(() => t?.close());

  const casework = ['departmentHead', 'prosecutor', 'assistant', 'clerk'].map(
    (role) => roleLabels[role as keyof typeof roleLabels],
  );

  it('every casework department has a head, a 检察官, an assistant and a clerk to try', async () => {
    const departments = await t.database.db
      .select({ name: schema.departments.name, line: schema.departments.line })
      .from(schema.departments);
    const caseworkDepartments = departments.filter((d) =>
      ['criminal', 'civilAdministrative', 'publicInterest', 'juvenile'].includes(d.line),
    );
    expect(caseworkDepartments.length).toBeGreaterThanOrEqual(4);
    for (const department of caseworkDepartments) {
      const shown = info.demoAccounts.filter((a) => a.department === department.name).map((a) => a.roleLabel);
      // One account per role, none missing (no 检察官 in 第四、第五检察部 before).
      expect(shown.sort(), department.name).toEqual([...casework].sort());
    }
  });

  it('lists one account per role and department, grouped by department, and each one signs in', async () => {
    const pairs = info.demoAccounts.map((a) => `${a.department}/${a.roleLabel}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const order = info.demoAccounts.map((a) => a.department ?? '');
    const firstSeen = [...new Set(order)];
    // A department's accounts are together: it never reappears after another one.
    expect(order.map((d) => firstSeen.indexOf(d))).toEqual(
      [...order.map((d) => firstSeen.indexOf(d))].sort((a, b) => a - b),
    );
    for (const account of info.demoAccounts) {
      const cookie = await t.login(account.username, account.password);
      const me = (
        await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
      ).json<TMe>();
      expect(me.roleLabel, account.username).toBe(account.roleLabel);
      expect(me.department?.name ?? null, account.username).toBe(account.department);
    }
  });

  it('does not offer a demo account that is disabled', async () => {
    const [first] = info.demoAccounts;
    await t.database.db
      .update(schema.users)
      .set({ disabled: true })
      .where(eq(schema.users.username, first!.username));
    const again = (await t.app.inject({ method: 'GET', url: '/api/public/info' })).json<TPublicInfo>();
    expect(again.demoAccounts.map((a) => a.username)).not.toContain(first!.username);
    expect(again.demoAccounts).toHaveLength(info.demoAccounts.length - 1);
  });
});
