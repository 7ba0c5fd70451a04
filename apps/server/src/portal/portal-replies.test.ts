import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSuggestion } from '../suggestions/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { manualClock, testClock, testDay } from '../testing/test-clock.ts';
import { portalFixtures } from './portal-fixtures.ts';
import type {
  TConsultationOrganisations,
  TExtensionRequestList,
  TPortalConsultation,
  TPortalConsultationList,
} from './replies-schema.ts';
import type { TPortalSuggestionDetail, TPortalSuggestionList } from './schema.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function auditActions(t: TestApp, targetType: string, targetId: number) {
  const rows = await t.database.db
    .select({ action: schema.auditLog.action })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.targetType, targetType), eq(schema.auditLog.targetId, String(targetId))));
  return rows.map((r) => r.action);
}

async function notificationTexts(t: TestApp, cookie: string): Promise<string[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: { text: string }[] }>().items.map((n) => n.text);
}

describe.each(testEngines())('外部单位门户：延期、磋商、证据、脱敏 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = portalFixtures(() => t, cookies, 'reply');

  const upload = (user: string, id: number, name = '整改照片.pdf') =>
    t.app.inject({
      method: 'POST',
      url: `/api/portal/suggestions/${id}/attachments?name=${encodeURIComponent(name)}`,
      headers: { cookie: cookies[user]!, 'content-type': 'application/octet-stream' },
      payload: pdf,
    });

  /** A 磋商 on a new case of head5's, held yesterday, the action due in a month. */
  async function consultation(): Promise<number> {
    const caseId = await f.openCase('门户磋商案');
    const added = await f.as('head5', 'POST', `/api/cases/${caseId}/consultations`, {
      kind: 'consultation',
      heldOn: testDay(-1),
      bodies: ['成华区住房和城乡建设局', '成都市成华区人民检察院'],
      topic: '建筑工地扬尘治理',
      agreed: '住建局同意于一个月内完成辖区工地扬尘整治',
      actionDueOn: testDay(30),
    });
    expect(added.statusCode, added.body).toBe(200);
    return added.json<{ consultations: { id: number }[] }>().consultations.at(-1)!.id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'head5', 'admin']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('an extension request granted moves the reply deadline, says why, and both sides are told', async () => {
    const org = await f.organisation('成华区城市管理局（延期测试）');
    const suggestion = await f.addressed(org.id);
    const opened = (
      await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>();
    const due = opened.deadline!.dueOn!;

    const tooEarly = await f.as(org.user, 'POST', `/api/portal/suggestions/${suggestion.id}/extension`, {
      reason: '需要更多时间',
      proposedDueOn: due,
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json<{ message: string }>().message).toContain('应晚于现有回复期限');

    const asked = await f.as(org.user, 'POST', `/api/portal/suggestions/${suggestion.id}/extension`, {
      reason: '涉及多个街道，整改需协调市级部门',
      proposedDueOn: testDay(90),
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json<TPortalSuggestionDetail>().extensions.map((e) => e.stateLabel)).toEqual(['待审查']);
    const again = await f.as(org.user, 'POST', `/api/portal/suggestions/${suggestion.id}/extension`, {
      reason: '再申请',
      proposedDueOn: testDay(100),
    });
    expect(again.statusCode).toBe(409);
    expect(await notificationTexts(t, cookies.head5!)).toContainEqual(
      expect.stringContaining('成华区城市管理局（延期测试）申请将检察建议'),
    );

    const listed = (
      await f.as('head5', 'GET', `/api/suggestions/${suggestion.id}/extension-requests`)
    ).json<TExtensionRequestList>();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({
      organisation: '成华区城市管理局（延期测试）',
      reason: '涉及多个街道，整改需协调市级部门',
      previousDueOn: due,
      state: 'pending',
    });

    const decided = await f.as(
      'head5',
      'POST',
      `/api/suggestion-extensions/${listed.items[0]!.id}/decision`,
      {
        grant: true,
        note: '整改涉及面广，同意延期',
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const granted = decided.json<TExtensionRequestList>().items[0]!;
    expect(granted.state).toBe('granted');
    expect(granted.newDueOn! >= testDay(90)).toBe(true);

    // The prosecutor's suggestion and the organisation's portal show the same new day, with why.
    const inside = (await f.as('head5', 'GET', `/api/suggestions/${suggestion.id}`)).json<TSuggestion>();
    expect(inside.replyDue).toBe(granted.newDueOn);
    const seen = (
      await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>();
    expect(seen.deadline?.dueOn).toBe(granted.newDueOn);
    expect(seen.deadline?.steps.join('\n')).toContain('同意成华区城市管理局（延期测试）的延期申请');
    expect(seen.deadline?.steps.join('\n')).toContain('整改涉及面广，同意延期');
    expect(seen.extensions[0]).toMatchObject({
      stateLabel: '已同意延期',
      decisionNote: '整改涉及面广，同意延期',
    });
    expect(await notificationTexts(t, cookies[org.user]!)).toContainEqual(
      expect.stringContaining(`同意延期至 ${granted.newDueOn}`),
    );
    const twice = await f.as('head5', 'POST', `/api/suggestion-extensions/${granted.id}/decision`, {
      grant: false,
      note: '改变主意',
    });
    expect(twice.statusCode).toBe(409);
    const actions = await auditActions(t, 'suggestion', suggestion.id);
    expect(actions).toContain('portal.suggestion.requestExtension');
    expect(actions).toContain('suggestion.extension.grant');
  });

  it('a refused request leaves the deadline and tells the organisation why', async () => {
    const org = await f.organisation('成华区水务局（延期测试）');
    const suggestion = await f.addressed(org.id);
    const due = (
      await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>().deadline!.dueOn;
    await f.as(org.user, 'POST', `/api/portal/suggestions/${suggestion.id}/extension`, {
      reason: '人手不足',
      proposedDueOn: testDay(120),
    });
    const [request] = (
      await f.as('head5', 'GET', `/api/suggestions/${suggestion.id}/extension-requests`)
    ).json<TExtensionRequestList>().items;
    const noReason = await f.as('head5', 'POST', `/api/suggestion-extensions/${request!.id}/decision`, {
      grant: false,
      note: '',
    });
    expect(noReason.statusCode).toBe(400);
    const refused = await f.as('head5', 'POST', `/api/suggestion-extensions/${request!.id}/decision`, {
      grant: false,
      note: '理由不充分，请按期回复',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const seen = (
      await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>();
    expect(seen.deadline?.dueOn).toBe(due);
    expect(seen.extensions[0]).toMatchObject({
      stateLabel: '不同意延期',
      decisionNote: '理由不充分，请按期回复',
    });
  });

  it("the portal masks the names of the case's minors in the suggestion text", async () => {
    const org = await f.organisation('成华区教育局（脱敏测试）');
    const caseId = await f.openCase('门户脱敏案');
    const [head5] = await t.database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.username, 'head5'));
    await t.database.db
      .insert(schema.juvenileMinors)
      .values({ caseId, role: 'victim', name: '王小明', gender: 'male', createdBy: head5!.id });
    const suggestion = await f.addressed(
      org.id,
      { facts: '经查，某校外培训机构未落实安全管理，学生王小明在培训期间受伤。' },
      caseId,
    );
    const seen = (
      await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>();
    expect(seen.facts).toContain('学生王**在培训期间受伤');
    expect(seen.facts).not.toContain('王小明');
    // The prosecutor's own view keeps the text as written.
    const inside = (await f.as('head5', 'GET', `/api/suggestions/${suggestion.id}`)).json<TSuggestion>();
    expect(inside.facts).toContain('王小明');
  });

  it('evidence uploaded by the organisation is listed for it and the prosecutor; the evaluation shows once recorded', async () => {
    const org = await f.organisation('成华区市场监督管理局（证据测试）');
    const suggestion = await f.addressed(org.id);
    await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`);
    const stored = await upload(org.user, suggestion.id);
    expect(stored.statusCode, stored.body).toBe(201);
    const fileId = stored.json<{ id: number }>().id;
    await f.as(org.user, 'POST', `/api/portal/suggestions/${suggestion.id}/reply`, { content: '已整改完毕' });
    const seen = (
      await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>();
    expect(seen.attachments.map((a) => a.fileName)).toEqual(['整改照片.pdf']);
    expect(seen.rectificationLabel).toBeNull();
    const download = await f.as(
      org.user,
      'GET',
      `/api/portal/suggestions/${suggestion.id}/attachments/${fileId}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const inside = (await f.as('head5', 'GET', `/api/suggestions/${suggestion.id}`)).json<TSuggestion>();
    expect(inside.replyAttachments.map((a) => a.fileName)).toEqual(['整改照片.pdf']);
    const closed = await f.as('head5', 'POST', `/api/suggestions/${suggestion.id}/rectification`, {
      result: 'fullyRectified',
      followUp: 'none',
      note: '内部评估意见',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = (
      await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>();
    expect(after.stateLabel).toBe('已办结');
    expect(after.rectificationLabel).toBe('整改到位');
    expect(JSON.stringify(after)).not.toContain('内部评估意见');
  });

  it('a consultation linked to an organisation shows on its portal: date, agreement, action deadline', async () => {
    const org = await f.organisation('成华区住房和城乡建设局（磋商测试）');
    const consultationId = await consultation();
    const linked = await f.as('head5', 'PUT', `/api/consultations/${consultationId}/organisations`, {
      organisationIds: [org.id],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<TConsultationOrganisations>().organisations.map((o) => o.id)).toEqual([org.id]);

    const list = (await f.as(org.user, 'GET', '/api/portal/consultations')).json<TPortalConsultationList>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      heldOn: testDay(-1),
      agreed: '住建局同意于一个月内完成辖区工地扬尘整治',
      actionDueOn: testDay(30),
    });
    expect(Object.keys(list.items[0]!)).not.toContain('caseId');
    const one = await f.as(org.user, 'GET', `/api/portal/consultations/${consultationId}`);
    expect(one.json<TPortalConsultation>().id).toBe(consultationId);
    expect(await auditActions(t, 'consultation', consultationId)).toContain('portal.consultation.view');

    // Unlinked, it is gone from the portal.
    await f.as('head5', 'PUT', `/api/consultations/${consultationId}/organisations`, { organisationIds: [] });
    expect((await f.as(org.user, 'GET', `/api/portal/consultations/${consultationId}`)).statusCode).toBe(404);
  });

  it("every portal route answers organisation B's ids with the same 404 as a missing id", async () => {
    const a = await f.organisation('成华区甲局（越权测试）');
    const b = await f.organisation('成华区乙局（越权测试）');
    const theirs = await f.addressed(b.id);
    await f.as(b.user, 'GET', `/api/portal/suggestions/${theirs.id}`);
    const theirFile = (await upload(b.user, theirs.id)).json<{ id: number }>().id;
    await f.as(b.user, 'POST', `/api/portal/suggestions/${theirs.id}/extension`, {
      reason: '乙局的申请',
      proposedDueOn: testDay(90),
    });
    const theirConsultation = await consultation();
    await f.as('head5', 'PUT', `/api/consultations/${theirConsultation}/organisations`, {
      organisationIds: [b.id],
    });
    // A's own suggestion, opened, with a file: B's file under A's suggestion is out of reach too.
    const mine = await f.addressed(a.id);
    await f.as(a.user, 'GET', `/api/portal/suggestions/${mine.id}`);

    const missing = 2147483000;
    const routes: [string, 'GET' | 'POST', (id: number) => string, unknown?][] = [
      ['suggestion', 'GET', (id) => `/api/portal/suggestions/${id}`],
      ['reply', 'POST', (id) => `/api/portal/suggestions/${id}/reply`, { content: '越权回复' }],
      [
        'extension',
        'POST',
        (id) => `/api/portal/suggestions/${id}/extension`,
        { reason: '越权', proposedDueOn: testDay(200) },
      ],
      ['upload', 'POST', (id) => `/api/portal/suggestions/${id}/attachments?name=a.pdf`],
      ['download', 'GET', (id) => `/api/portal/suggestions/${id}/attachments/${theirFile}`],
      [
        'file of B under A',
        'GET',
        (id) => `/api/portal/suggestions/${mine.id}/attachments/${id === missing ? missing : theirFile}`,
      ],
      [
        'consultation',
        'GET',
        (id) => `/api/portal/consultations/${id === theirs.id ? theirConsultation : id}`,
      ],
    ];
    for (const [name, method, url, payload] of routes) {
      const send = (id: number) =>
        url(id).includes('/attachments?')
          ? t.app.inject({
              method,
              url: url(id),
              headers: { cookie: cookies[a.user]!, 'content-type': 'application/octet-stream' },
              payload: pdf,
            })
          : f.as(a.user, method, url(id), payload);
      const out = await send(theirs.id);
      const none = await send(missing);
      expect(out.statusCode, name).toBe(404);
      expect(none.statusCode, name).toBe(404);
      expect(out.json(), name).toEqual(none.json());
    }
    const list = (await f.as(a.user, 'GET', '/api/portal/suggestions')).json<TPortalSuggestionList>();
    expect(list.items.map((s) => s.id)).toEqual([mine.id]);
    const consultations = (
      await f.as(a.user, 'GET', '/api/portal/consultations')
    ).json<TPortalConsultationList>();
    expect(consultations.items).toEqual([]);
    // B's suggestion is as B left it: one pending request, one file, not replied.
    const inside = (await f.as('head5', 'GET', `/api/suggestions/${theirs.id}`)).json<TSuggestion>();
    expect(inside.state).toBe('delivered');
    expect(inside.replyAttachments).toHaveLength(1);
    const requests = await t.database.db
      .select()
      .from(schema.suggestionExtensionRequests)
      .where(inArray(schema.suggestionExtensionRequests.suggestionId, [theirs.id]));
    expect(requests).toHaveLength(1);
  });

  it('the admin binds and unbinds accounts; an unbound account sees nothing', async () => {
    const org = await f.organisation('成华区司法局（绑定测试）');
    const extra = await f.account();
    const bound = await f.as('admin', 'POST', `/api/organisations/${org.id}/accounts`, { username: extra });
    expect(bound.statusCode, bound.body).toBe(200);
    const suggestion = await f.addressed(org.id);
    const seen = (await f.as(extra, 'GET', '/api/portal/suggestions')).json<TPortalSuggestionList>();
    expect(seen.items.map((s) => s.id)).toEqual([suggestion.id]);
    const other = await f.organisation('成华区民政局（绑定测试）');
    const twice = await f.as('admin', 'POST', `/api/organisations/${other.id}/accounts`, { username: extra });
    expect(twice.statusCode).toBe(409);
    const staff = await f.as('admin', 'POST', `/api/organisations/${other.id}/accounts`, {
      username: 'head5',
    });
    expect(staff.statusCode).toBe(400);

    const [account] = await t.database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.username, extra));
    const unbound = await f.as('admin', 'DELETE', `/api/organisations/${org.id}/accounts/${account!.id}`);
    expect(unbound.statusCode, unbound.body).toBe(200);
    expect((await f.as(extra, 'GET', '/api/portal/suggestions')).json<TPortalSuggestionList>().items).toEqual(
      [],
    );
    expect((await f.as(extra, 'GET', `/api/portal/suggestions/${suggestion.id}`)).statusCode).toBe(404);
    expect(await auditActions(t, 'organisation', org.id)).toEqual(
      expect.arrayContaining(['organisation.bindAccount', 'organisation.unbindAccount']),
    );
  });
});

describe.each(testEngines())('外部单位门户：临近期限与已逾期 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = portalFixtures(() => t, cookies, 'warn');
  const time = manualClock();
  const day = 86_400_000;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: time.clock });
    for (const user of ['chief', 'head5', 'admin']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('warns 临近期限 within five working days of the reply deadline, then 已逾期, and neither once replied', async () => {
    const org = await f.organisation('成华区卫生健康局（期限测试）');
    const suggestion = await f.addressed(org.id);
    const opened = (
      await f.as(org.user, 'GET', `/api/portal/suggestions/${suggestion.id}`)
    ).json<TPortalSuggestionDetail>();
    expect(opened.warning).toBeNull();
    const dueOn = opened.deadline!.dueOn!;
    const warningOn = async () => {
      await f.relogin(org.user);
      const list = (await f.as(org.user, 'GET', '/api/portal/suggestions')).json<TPortalSuggestionList>();
      return list.items.find((s) => s.id === suggestion.id)!.warningLabel;
    };
    // Move the clock to the due day's noon (China), then a week before and a day after.
    const dueNoon = new Date(`${dueOn}T12:00:00+08:00`).getTime();
    time.advance(dueNoon - 14 * day - time.clock().getTime());
    expect(await warningOn()).toBeNull();
    time.advance(12 * day);
    expect(await warningOn()).toBe('临近期限');
    time.advance(3 * day);
    expect(await warningOn()).toBe('已逾期');
    const replied = await f.as(org.user, 'POST', `/api/portal/suggestions/${suggestion.id}/reply`, {
      content: '逾期回复：已整改',
    });
    expect(replied.json<TPortalSuggestionDetail>().warning).toBeNull();
  });
});
