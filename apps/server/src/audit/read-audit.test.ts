import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, reachFixtures } from '../testing/reach-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';

interface Entry {
  action: string;
  actorName: string;
  targetType: string | null;
  targetId: string | null;
  detail: { ids?: number[] } & Record<string, unknown>;
}

/** Every read that returns personal data of a minor, a sealed record or a model's hits leaves an audit entry. */
describe.each(testEngines())('reads of personal data are audited (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = reachFixtures(() => t, cookies);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'deputy', 'clerk6', 'head6', 'prosecutor6', 'analyst']) {
      cookies[user] = await t.login(user);
    }
  });
  afterAll(() => t?.close());

  /** The entries of one action written since `after` (an audit id). */
  async function entries(action: string, after: number): Promise<Entry[]> {
    const list = (await f.as('chief', 'GET', `/api/audit?action=${action}&pageSize=100`)).json<{
      items: (Entry & { id: number })[];
    }>();
    return list.items.filter((e) => e.id > after);
  }
  async function lastAuditId(): Promise<number> {
    const list = (await f.as('chief', 'GET', '/api/audit?pageSize=1')).json<{ items: { id: number }[] }>();
    return list.items[0]?.id ?? 0;
  }

  it('the letter list names the letters shown; opening one is audited too', async () => {
    const schools = (await f.as('clerk6', 'GET', '/api/partner-schools')).json<{
      items: { mailboxPath: string }[];
    }>();
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/public/mailbox/${schools.items[0]!.mailboxPath.split('/').pop()}/letters`,
      payload: { body: '我的同桌总被高年级同学欺负', contact: '13800000000' },
      remoteAddress: '10.7.0.1',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const before = await lastAuditId();
    const letters = (await f.as('clerk6', 'GET', '/api/mailbox/letters')).json<{ items: { id: number }[] }>();
    const [listed] = await entries('mailbox.list', before);
    expect(listed).toMatchObject({ actorName: '吴悦（演示）', targetType: 'letter' });
    expect(listed!.detail.ids).toEqual(letters.items.map((l) => l.id));
    const opened = await f.as('clerk6', 'GET', `/api/mailbox/letters/${letters.items[0]!.id}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect((await entries('mailbox.read', before)).map((e) => e.targetId)).toEqual([
      String(letters.items[0]!.id),
    ]);
  });

  it('the sealed register and a sealed case, even masked, are audited', async () => {
    const sealed = await f.sealedClueAndCase('陶小杰', 31);
    const before = await lastAuditId();
    const register = await f.as('chief', 'GET', '/api/juvenile/sealed');
    expect(register.statusCode).toBe(200);
    const [listed] = await entries('juvenile.sealedList', before);
    expect(listed).toMatchObject({ actorName: '林正（演示）', targetType: 'case' });
    expect(listed!.detail.ids).toContain(sealed.caseId);
    // Outside the juvenile department the register is empty: nothing was read, nothing written.
    await f.as('deputy', 'GET', '/api/juvenile/sealed');
    expect(await entries('juvenile.sealedList', before)).toHaveLength(1);

    // The case list shows the sealed case, masked, to the chief: audited; a page without one is not.
    const page = await f.as('chief', 'GET', '/api/juvenile/cases?sealed=true&pageSize=100');
    expect(page.json<{ items: { id: number }[] }>().items.map((c) => c.id)).toContain(sealed.caseId);
    const afterRegister = await entries('juvenile.sealedList', before);
    expect(afterRegister).toHaveLength(2);
    for (const entry of afterRegister) expect(entry.detail.ids).toContain(sealed.caseId);
    await f.as('chief', 'GET', '/api/juvenile/cases?sealed=false&pageSize=100');
    expect(await entries('juvenile.sealedList', before)).toHaveLength(2);

    const masked = await f.as('clerk6', 'GET', `/api/juvenile/cases/${sealed.caseId}`);
    expect(masked.json<{ minors: { name: string }[] }>().minors[0]!.name).toBe('陶**');
    expect(await entries('juvenile.sealedView', before)).toMatchObject([
      { actorName: '吴悦（演示）', targetType: 'case', targetId: String(sealed.caseId) },
    ]);
  });

  it('follow-up plans: the list names the plans shown, a plan page is audited', async () => {
    const created = await f.as('prosecutor6', 'POST', '/api/juvenile/follow-ups', {
      subject: 'unsupervised',
      minorName: '彭小宇',
      goal: '返校复学',
      startedOn: daysFromToday(0),
      visitDueDates: [daysFromToday(30)],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const before = await lastAuditId();
    await f.as('head6', 'GET', '/api/juvenile/follow-ups');
    const [listed] = await entries('juvenile.followUpList', before);
    expect(listed!.detail.ids).toContain(id);
    await f.as('head6', 'GET', `/api/juvenile/follow-ups/${id}`);
    expect((await entries('juvenile.followUpView', before)).map((e) => e.targetId)).toEqual([String(id)]);
  });
});
