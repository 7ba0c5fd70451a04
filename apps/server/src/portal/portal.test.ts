import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import type { TSuggestion } from '../suggestions/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay } from '../testing/test-clock.ts';
import type { TOrganisationList, TPortalSuggestionDetail, TPortalSuggestionList } from './schema.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.each(testEngines())('外部单位门户 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  let serial = 0;

  /** An account of role 外部单位 created by the admin, password changed, signed in. */
  async function organisationAccount(): Promise<string> {
    serial += 1;
    const username = `outside${serial}`;
    const created = await f.as('admin', 'POST', '/api/users', {
      username,
      displayName: `外部单位账号${serial}`,
      role: 'organisation',
      departmentId: null,
      password: 'Initial2026pw',
    });
    expect(created.statusCode, created.body).toBe(201);
    const cookie = await t.login(username, 'Initial2026pw');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Initial2026pw', newPassword: 'Organ2026pwNew' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    cookies[username] = await t.login(username, 'Organ2026pwNew');
    return username;
  }

  async function organisation(name: string, username: string): Promise<number> {
    const created = await f.as('admin', 'POST', '/api/organisations', {
      name,
      kind: 'administrative',
      usernames: [username],
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<TOrganisationList>().items.find((o) => o.name === name)!.id;
  }

  async function addressed(
    organisationId: number,
    extra: Record<string, unknown> = {},
  ): Promise<TSuggestion> {
    const caseId = await f.openCase(`门户送达案${serial}-${organisationId}`);
    const suggestion = await f.issued(caseId, extra);
    const linked = await f.as('head5', 'PUT', `/api/suggestions/${suggestion.id}/organisation`, {
      organisationId,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    return suggestion;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'head5', 'admin']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('first opening is the delivery: the reply deadline starts that day, shown with its calculation', async () => {
    const user = await organisationAccount();
    const orgId = await organisation('成华区市场监督管理局（门户测试）', user);
    const suggestion = await addressed(orgId);

    // The case page shows whom it is addressed to, and that it is not yet opened.
    const addressedTo = (await f.as('head5', 'GET', `/api/suggestions/${suggestion.id}`)).json<TSuggestion>();
    expect(addressedTo.portalRecipient).toEqual({
      organisation: { id: orgId, name: '成华区市场监督管理局（门户测试）' },
      readAt: null,
    });

    const listed = await f.as(user, 'GET', '/api/portal/suggestions');
    expect(listed.statusCode, listed.body).toBe(200);
    const before = listed.json<TPortalSuggestionList>().items.find((s) => s.id === suggestion.id)!;
    expect(before.readAt).toBeNull();
    expect(before.deadline).toBeNull();

    const opened = await f.as(user, 'GET', `/api/portal/suggestions/${suggestion.id}`);
    expect(opened.statusCode, opened.body).toBe(200);
    const seen = opened.json<TPortalSuggestionDetail>();
    expect(seen.state).toBe('delivered');
    expect(seen.deliveredOn).toBe(testDay(0));
    expect(seen.readAt).not.toBeNull();
    expect(seen.deadline?.startOn).toBe(testDay(0));
    expect(seen.deadline?.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seen.deadline?.explanation).not.toBe('');
    expect(seen.requests).toContain('追回');

    // The prosecutor sees the same delivery and the same deadline.
    const inside = await f.as('head5', 'GET', `/api/suggestions/${suggestion.id}`);
    expect(inside.json<TSuggestion>().deliveredOn).toBe(testDay(0));
    expect(inside.json<TSuggestion>().replyDue).toBe(seen.deadline?.dueOn);
    expect(inside.json<TSuggestion>().portalRecipient?.readAt).toBe(seen.readAt);
    // Once opened it cannot be readdressed (the Chinese message the page shows).
    const readdress = await f.as('head5', 'PUT', `/api/suggestions/${suggestion.id}/organisation`, {
      organisationId: orgId,
    });
    expect(readdress.statusCode).toBe(409);
    expect(readdress.json().message).toContain('已在门户签收');

    // Opening again changes nothing: the delivery date and the deadline stay.
    const again = await f.as(user, 'GET', `/api/portal/suggestions/${suggestion.id}`);
    expect(again.json<TPortalSuggestionDetail>().deadline).toEqual(seen.deadline);
    const started = await t.database.db
      .select()
      .from(schema.deadlines)
      .where(eq(schema.deadlines.suggestionId, suggestion.id));
    expect(started.filter((d) => d.startOn === testDay(0))).toHaveLength(1);

    const audit = await t.database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.targetType, 'suggestion'),
          eq(schema.auditLog.targetId, String(suggestion.id)),
        ),
      );
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('portal.suggestion.receive');
    expect(actions).toContain('portal.suggestion.view');
    expect(actions).toContain('suggestion.addressOrganisation');
  });

  it('replies online; the prosecutor reads the reply in the suggestion', async () => {
    const user = await organisationAccount();
    const orgId = await organisation('成华区教育局（门户测试）', user);
    const suggestion = await addressed(orgId);
    await f.as(user, 'GET', `/api/portal/suggestions/${suggestion.id}`);
    const photo = await t.app.inject({
      method: 'POST',
      url: `/api/portal/suggestions/${suggestion.id}/attachments?name=${encodeURIComponent('整改照片.pdf')}`,
      headers: { cookie: cookies[user]!, 'content-type': 'application/octet-stream' },
      payload: pdf,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const replied = await f.as(user, 'POST', `/api/portal/suggestions/${suggestion.id}/reply`, {
      content: '已对涉事单位立案查处，整改完毕。',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json<TPortalSuggestionDetail>().state).toBe('replied');
    expect(replied.json<TPortalSuggestionDetail>().deadline?.completedOn).toBe(testDay(0));

    const inside = (await f.as('head5', 'GET', `/api/suggestions/${suggestion.id}`)).json<TSuggestion>();
    expect(inside.state).toBe('replied');
    expect(inside.replyContent).toBe('已对涉事单位立案查处，整改完毕。');
    expect(inside.replyAttachments.map((a) => a.fileName)).toEqual(['整改照片.pdf']);

    const twice = await f.as(user, 'POST', `/api/portal/suggestions/${suggestion.id}/reply`, {
      content: '再次回复',
    });
    expect(twice.statusCode).toBe(409);
    const [entry] = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'portal.suggestion.reply'),
          eq(schema.auditLog.targetId, String(suggestion.id)),
        ),
      );
    expect(entry).toBeDefined();
  });

  it("another organisation's suggestion answers 404 on every portal route, exactly like a missing id", async () => {
    const mine = await organisationAccount();
    const theirs = await organisationAccount();
    const myOrg = await organisation('成华区人力资源和社会保障局（门户测试）', mine);
    const theirOrg = await organisation('成华区民政局（门户测试）', theirs);
    const theirSuggestion = await addressed(theirOrg);
    await addressed(myOrg);
    // A draft addressed to my organisation stays internal until issued.
    const draft = await f.draft(await f.openCase('门户未签发案'));
    expect(
      (await f.as('head5', 'PUT', `/api/suggestions/${draft.id}/organisation`, { organisationId: myOrg }))
        .statusCode,
    ).toBe(200);

    const list = (await f.as(mine, 'GET', '/api/portal/suggestions')).json<TPortalSuggestionList>();
    expect(list.items.map((s) => s.id)).not.toContain(theirSuggestion.id);
    expect(list.items.map((s) => s.id)).not.toContain(draft.id);
    expect(list.items).toHaveLength(1);

    const send = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      url.includes('/attachments')
        ? t.app.inject({
            method,
            url,
            headers: { cookie: cookies[mine]!, 'content-type': 'application/octet-stream' },
            payload: pdf,
          })
        : f.as(mine, method, url, payload);
    for (const [method, path, payload] of [
      ['GET', '', undefined],
      ['POST', '/reply', { content: '越权回复' }],
      ['POST', '/attachments?name=a.pdf', undefined],
    ] as const) {
      for (const id of [theirSuggestion.id, draft.id]) {
        const out = await send(method, `/api/portal/suggestions/${id}${path}`, payload);
        const missing = await send(method, `/api/portal/suggestions/2147483000${path}`, payload);
        expect(out.statusCode, `${method} ${path} ${id}`).toBe(404);
        expect(out.json()).toEqual(missing.json());
      }
    }
    // Their suggestion was not delivered by my attempt.
    const still = (await f.as('head5', 'GET', `/api/suggestions/${theirSuggestion.id}`)).json<TSuggestion>();
    expect(still.state).toBe('issued');

    // Internal routes refuse an organisation's account outright.
    for (const url of [`/api/suggestions/${theirSuggestion.id}`, '/api/cases', '/api/clues']) {
      expect((await f.as(mine, 'GET', url)).statusCode, url).toBe(403);
    }
  });

  it('binds an account to one organisation only, and only accounts of role 外部单位', async () => {
    const user = await organisationAccount();
    await organisation('成华区司法局（门户测试）', user);
    const again = await f.as('admin', 'POST', '/api/organisations', {
      name: '成华区法院（门户测试）',
      kind: 'court',
      usernames: [user],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toContain('已绑定');
    const staff = await f.as('admin', 'POST', '/api/organisations', {
      name: '成华区法院（门户测试）',
      kind: 'court',
      usernames: ['head5'],
    });
    expect(staff.statusCode).toBe(400);
    expect(staff.json<{ message: string }>().message).toContain('不是外部单位账号');
  });
});

describe.each(testEngines())('外部单位门户: 国庆 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);

  beforeAll(async () => {
    // Opened on 1 August: two months end on 1 October, inside the 国庆 holiday.
    t = await createTestApp(kind, { clock: fixedClock('2026-08-01T10:00:00+08:00') });
    for (const user of ['chief', 'head5', 'admin']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('a reply deadline ending in the 国庆 holiday moves to the first working day, and says so', async () => {
    const created = await f.as('admin', 'POST', '/api/users', {
      username: 'holidayorgan',
      displayName: '国庆测试单位账号',
      role: 'organisation',
      departmentId: null,
      password: 'Initial2026pw',
    });
    expect(created.statusCode, created.body).toBe(201);
    const first = await t.login('holidayorgan', 'Initial2026pw');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'Initial2026pw', newPassword: 'Holiday2026pwNew' },
    });
    cookies.organ = await t.login('holidayorgan', 'Holiday2026pwNew');
    const org = await f.as('admin', 'POST', '/api/organisations', {
      name: '国庆测试单位',
      kind: 'civilAffairs',
      usernames: ['holidayorgan'],
    });
    const organisationId = org.json<TOrganisationList>().items.find((o) => o.name === '国庆测试单位')!.id;
    const suggestion = await f.issued(await f.openCase('国庆送达案'));
    await f.as('head5', 'PUT', `/api/suggestions/${suggestion.id}/organisation`, { organisationId });

    const opened = (
      await f.as('organ', 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>();
    expect(opened.deliveredOn).toBe('2026-08-01');
    expect(opened.deadline?.dueOn).toBe('2026-10-08');
    expect(opened.deadline?.steps.join('\n')).toContain('国庆节');
  });
});
