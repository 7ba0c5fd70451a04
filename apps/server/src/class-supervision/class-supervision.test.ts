import { createHash } from 'node:crypto';
import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSuggestion } from '../suggestions/schema.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TAdviserList, TGroup, TInvitedCase } from './schema.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe.each(testEngines())('类案监督 and 检行协作 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let serial = 0;

  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  async function departmentName(line: 'civilAdministrative' | 'publicInterest'): Promise<string> {
    const [row] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, line))
      .limit(1);
    return row!.name;
  }

  async function openCase(user: string, title: string, type = 'adminViolation'): Promise<number> {
    const pilField = type.endsWith('PublicInterest') ? { pilField: 'ecology' } : {};
    const opened = await as(user, 'POST', '/api/cases', { type, title, ...pilField });
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json<{ id: number }>().id;
  }

  async function registerClue(user: string, title: string): Promise<number> {
    const created = await as(user, 'POST', '/api/clues', {
      source: 'criminalTransfer',
      title,
      description: `${title}：刑事案件办理中发现的行政违法线索`,
      // 'other' is of the public-interest department, whose clues name their field.
      ...(user === 'other' ? { pilField: 'other' } : {}),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ clue: { id: number } }>().clue.id;
  }

  /** A seconded officer's account, password changed, signed in. */
  async function invitedAccount(name: string): Promise<{ id: number; key: string }> {
    serial += 1;
    const username = `officer${serial}`;
    const created = await as('admin', 'POST', '/api/users', {
      username,
      displayName: name,
      role: 'invitedAssistant',
      departmentId: null,
      password: 'Initial2026pw',
    });
    expect(created.statusCode, created.body).toBe(201);
    const cookie = await t.login(username, 'Initial2026pw');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Initial2026pw', newPassword: 'Seconded2026pw' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    cookies[username] = await t.login(username, 'Seconded2026pw');
    return { id: created.json<{ id: number }>().id, key: username };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const civil = await departmentName('civilAdministrative');
    const other = await departmentName('publicInterest');
    cookies.own = await loginAs(t, 'prosecutor', civil);
    cookies.assistant = await loginAs(t, 'assistant', civil);
    cookies.head = await loginAs(t, 'departmentHead', civil);
    cookies.other = await loginAs(t, 'prosecutor', other);
    cookies.chief = await loginAs(t, 'chief');
    cookies.admin = await loginAs(t, 'admin');
  });
  afterAll(() => t?.close());

  describe('类案监督', () => {
    it('groups three sites, drafts one 社会治理类检察建议 citing them all, and tracks each site', async () => {
      const hospital = await openCase('own', '某医院消防通道堵塞案');
      const mall = await openCase('own', '某商场飞线充电案');
      const compound = await registerClue('own', '某老旧小区电动车飞线充电');

      const created = await as('own', 'POST', '/api/class-cases', {
        title: '辖区人员密集场所消防安全隐患类案',
        problem: '医院、商场、老旧小区存在电动自行车飞线充电、消防通道堵塞等消防安全隐患。',
        members: [
          { caseId: hospital, siteName: '成华区某医院', siteKind: 'hospital' },
          { caseId: mall, siteName: '某购物中心', siteKind: 'mall' },
          { clueId: compound, siteName: '建设路某小区', siteKind: 'oldCompound' },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const group = created.json<TGroup>();
      expect(group.members.map((m) => [m.siteName, m.siteKindLabel, m.rectificationLabel])).toEqual([
        ['成华区某医院', '医院', '未整改'],
        ['某购物中心', '商场', '未整改'],
        ['建设路某小区', '老旧小区', '未整改'],
      ]);
      expect(group.suggestion).toBeNull();

      const drafted = await as('own', 'POST', `/api/class-cases/${group.id}/suggestion`, {
        addressee: '成都市成华区某街道办事处',
        requests: '开展辖区人员密集场所消防安全专项整治。',
        legalBasis: '《人民检察院检察建议工作规定》（待核实）',
      });
      expect(drafted.statusCode, drafted.body).toBe(200);
      const withSuggestion = drafted.json<TGroup>();
      expect(withSuggestion.suggestion).toMatchObject({
        kindLabel: '社会治理检察建议',
        addressee: '成都市成华区某街道办事处',
        stateLabel: '草稿',
        caseId: hospital,
      });

      // The suggestion is an ordinary one of the suggestions module: same page, same workflow.
      const suggestion = await as('own', 'GET', `/api/suggestions/${withSuggestion.suggestion!.id}`);
      expect(suggestion.statusCode, suggestion.body).toBe(200);
      const facts = suggestion.json<TSuggestion>().facts;
      for (const site of ['成华区某医院', '某购物中心', '建设路某小区']) expect(facts).toContain(site);
      expect(facts).toContain('某老旧小区电动车飞线充电');

      const again = await as('own', 'POST', `/api/class-cases/${group.id}/suggestion`, {
        addressee: '另一单位',
      });
      expect(again.statusCode, again.body).toBe(409);

      const submitted = await as('own', 'POST', `/api/suggestions/${withSuggestion.suggestion!.id}/submit`);
      expect(submitted.statusCode, submitted.body).toBeLessThan(300);
      const afterSubmit = await as('assistant', 'GET', `/api/class-cases/${group.id}`);
      expect(afterSubmit.json<TGroup>().suggestion?.stateLabel).toBe('待审批');

      const [first, second] = group.members;
      const done = await as(
        'assistant',
        'PUT',
        `/api/class-cases/${group.id}/members/${first!.id}/rectification`,
        {
          status: 'done',
          on: '2026-11-20',
          note: '已拆除飞线，增设充电桩',
        },
      );
      expect(done.statusCode, done.body).toBe(200);
      const going = await as(
        'own',
        'PUT',
        `/api/class-cases/${group.id}/members/${second!.id}/rectification`,
        {
          status: 'inProgress',
          note: '已制定整改方案',
        },
      );
      expect(going.statusCode, going.body).toBe(200);
      const shown = going.json<TGroup>();
      expect(shown.members.map((m) => [m.rectificationLabel, m.rectifiedOn, m.rectificationNote])).toEqual([
        ['已整改', '2026-11-20', '已拆除飞线，增设充电桩'],
        ['整改中', null, '已制定整改方案'],
        ['未整改', null, null],
      ]);
      expect(shown.rectifiedSites).toBe(1);

      const list = await as('own', 'GET', '/api/class-cases');
      const listed = list.json<{ items: TGroup[] }>().items.find((g) => g.id === group.id);
      expect(listed).toMatchObject({ sites: 3, rectifiedSites: 1 });
    });

    it('refuses a case out of reach as missing, a finished date in the future, and a group of one', async () => {
      const theirs = await openCase('other', '他部门案件', 'adminPublicInterest');
      const mine = await openCase('own', '本部门案件');
      const outOfReach = await as('own', 'POST', '/api/class-cases', {
        title: '越权类案',
        problem: '问题',
        members: [
          { caseId: mine, siteName: '甲', siteKind: 'mall' },
          { caseId: theirs, siteName: '乙', siteKind: 'mall' },
        ],
      });
      expect(outOfReach.statusCode, outOfReach.body).toBe(404);
      expect(outOfReach.json<{ message: string }>().message).toBe('案件不存在');
      // Another department's clue answers exactly as a clue nobody has.
      const theirClue = await registerClue('other', '他部门线索');
      const withClue = (clueId: number) =>
        as('own', 'POST', '/api/class-cases', {
          title: '越权类案',
          problem: '问题',
          members: [
            { caseId: mine, siteName: '甲', siteKind: 'mall' },
            { clueId, siteName: '乙', siteKind: 'mall' },
          ],
        });
      const foreignClue = await withClue(theirClue);
      const noClue = await withClue(2147483000);
      expect(foreignClue.statusCode).toBe(404);
      expect(foreignClue.json()).toEqual(noClue.json());

      const single = await as('own', 'POST', '/api/class-cases', {
        title: '单件',
        problem: '问题',
        members: [{ caseId: mine, siteName: '甲', siteKind: 'mall' }],
      });
      expect(single.statusCode).toBe(400);
      expect(single.body).toContain('类案至少包含两件案件或线索');

      const second = await openCase('own', '本部门案件二');
      const group = (
        await as('own', 'POST', '/api/class-cases', {
          title: '本部门类案',
          problem: '问题',
          members: [
            { caseId: mine, siteName: '甲', siteKind: 'mall' },
            { caseId: second, siteName: '乙', siteKind: 'hospital' },
          ],
        })
      ).json<TGroup>();
      // One more site later: a clue of the department; the same case twice is refused.
      const laterClue = await registerClue('own', '某农贸市场飞线充电');
      const grown = await as('own', 'POST', `/api/class-cases/${group.id}/members`, {
        clueId: laterClue,
        siteName: '某农贸市场',
        siteKind: 'market',
      });
      expect(grown.statusCode, grown.body).toBe(200);
      expect(grown.json<TGroup>().members.map((m) => m.siteName)).toEqual(['甲', '乙', '某农贸市场']);
      const twice = await as('own', 'POST', `/api/class-cases/${group.id}/members`, {
        caseId: mine,
        siteName: '甲',
        siteKind: 'mall',
      });
      expect(twice.statusCode).toBe(409);
      const foreignMember = await as('own', 'POST', `/api/class-cases/${group.id}/members`, {
        caseId: theirs,
        siteName: '丙',
        siteKind: 'mall',
      });
      expect(foreignMember.statusCode).toBe(404);

      const future = await as(
        'own',
        'PUT',
        `/api/class-cases/${group.id}/members/${group.members[0]!.id}/rectification`,
        {
          status: 'done',
          on: '2100-01-01',
        },
      );
      expect(future.statusCode).toBe(400);
      expect(future.json<{ message: string }>().message).toContain('晚于今天');

      // Another department's prosecutor does not reach the group: as if it did not exist.
      const foreign = await as('other', 'GET', `/api/class-cases/${group.id}`);
      expect(foreign.statusCode).toBe(404);
      const foreignList = await as('other', 'GET', '/api/class-cases');
      expect(foreignList.json<{ items: TGroup[] }>().items.map((g) => g.id)).not.toContain(group.id);
      const foreignWrite = await as(
        'other',
        'PUT',
        `/api/class-cases/${group.id}/members/${group.members[0]!.id}/rectification`,
        {
          status: 'inProgress',
        },
      );
      expect(foreignWrite.statusCode).toBe(404);
    });
  });

  describe('检行协作: 特邀检察官助理', () => {
    it('sees only the cases it was added to, read only, every read audited, until removed', async () => {
      const officer = await invitedAccount('市场监管局借调人员');
      const advised = await openCase('own', '某市场主体违法经营行政违法监督案');
      const notAdvised = await openCase('own', '同部门另一案件');

      const added = await as('own', 'POST', `/api/cases/${advised}/advisers`, { userId: officer.id });
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json<TAdviserList>().items.map((a) => a.name)).toEqual(['市场监管局借调人员']);

      // The officer is told, with a link to the case's read-only page.
      const told = await as(officer.key, 'GET', '/api/notifications');
      expect(told.json<{ items: { text: string; link: string | null }[] }>().items[0]).toMatchObject({
        text: expect.stringContaining('某市场主体违法经营行政违法监督案'),
        link: `/invited/cases/${advised}`,
      });

      const list = await as(officer.key, 'GET', '/api/invited/cases');
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json<{ items: { id: number }[] }>().items.map((c) => c.id)).toEqual([advised]);

      const detail = await as(officer.key, 'GET', `/api/invited/cases/${advised}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const shown = detail.json<TInvitedCase>();
      expect(shown.case.title).toBe('某市场主体违法经营行政违法监督案');
      expect(shown.timeline.map((e) => e.label)).toContain('立案');

      // Its documents download through the officer's own route; another case's do not.
      const archive = async (caseId: number, name: string) => {
        const content = Buffer.from(`${name} 内容`);
        const [row] = await t.database.db
          .insert(schema.caseDocuments)
          .values({
            caseId,
            name,
            mime: 'application/pdf',
            size: content.length,
            sha256: createHash('sha256').update(content).digest('hex'),
            content,
            createdBy: officer.id,
          })
          .returning({ id: schema.caseDocuments.id });
        return row!.id;
      };
      const ownDocument = await archive(advised, '调查核实报告.pdf');
      const otherDocument = await archive(notAdvised, '另案文书.pdf');
      const withDocs = (await as(officer.key, 'GET', `/api/invited/cases/${advised}`)).json<TInvitedCase>();
      expect(withDocs.documents.map((d) => d.name)).toEqual(['调查核实报告.pdf']);
      const downloaded = await as(officer.key, 'GET', withDocs.documents[0]!.url);
      expect(downloaded.statusCode).toBe(200);
      expect(downloaded.body).toBe('调查核实报告.pdf 内容');
      const smuggled = await as(
        officer.key,
        'GET',
        `/api/invited/cases/${advised}/documents/${otherDocument}`,
      );
      const nothing = await as(officer.key, 'GET', `/api/invited/cases/${advised}/documents/2147483000`);
      expect(smuggled.statusCode).toBe(404);
      expect(smuggled.json()).toEqual(nothing.json());
      expect((await as(officer.key, 'GET', `/api/case-documents/${ownDocument}`)).statusCode).toBe(403);

      // A case it was not added to answers exactly as a missing one.
      const other = await as(officer.key, 'GET', `/api/invited/cases/${notAdvised}`);
      const missing = await as(officer.key, 'GET', '/api/invited/cases/2147483000');
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual(missing.json());

      // Every ordinary case, clue, suggestion and model route refuses the role.
      for (const url of [
        '/api/cases',
        `/api/cases/${advised}`,
        `/api/cases/${notAdvised}`,
        '/api/clues',
        '/api/suggestions',
        '/api/class-cases',
        '/api/models',
        '/api/deadlines',
        `/api/cases/${advised}/advisers`,
      ]) {
        const response = await as(officer.key, 'GET', url);
        expect(response.statusCode, url).toBe(403);
      }
      const write = await as(officer.key, 'POST', `/api/cases/${advised}/events`, {});
      expect(write.statusCode).toBe(403);

      const reads = await t.database.db
        .select({
          action: schema.auditLog.action,
          targetId: schema.auditLog.targetId,
          detail: schema.auditLog.detail,
        })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.actorId, officer.id)))
        .orderBy(desc(schema.auditLog.id));
      // Two views of its case (one before, one after the documents were archived) and one download.
      expect(reads.filter((r) => r.action === 'invitedCase.view').map((r) => r.targetId)).toEqual([
        String(advised),
        String(advised),
      ]);
      expect(reads.filter((r) => r.action === 'invitedCase.download').map((r) => r.targetId)).toEqual([
        String(ownDocument),
      ]);
      expect(reads.find((r) => r.action === 'invitedCase.list')?.detail).toMatchObject({ ids: [advised] });

      // Removed: the case is gone from its list and its page answers as missing.
      const removed = await as('head', 'DELETE', `/api/cases/${advised}/advisers/${officer.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json<TAdviserList>().items).toEqual([]);
      const after = await as(officer.key, 'GET', `/api/invited/cases/${advised}`);
      expect(after.statusCode).toBe(404);
      expect((await as(officer.key, 'GET', withDocs.documents[0]!.url)).statusCode).toBe(404);
      const afterList = await as(officer.key, 'GET', '/api/invited/cases');
      expect(afterList.json<{ items: unknown[] }>().items).toEqual([]);
      const toldRemoved = await as(officer.key, 'GET', '/api/notifications');
      expect(toldRemoved.json<{ items: { text: string }[] }>().items[0]!.text).toContain('不能再查阅该案');
    });

    it('only a decider of the case’s department adds an adviser, and only an invited account', async () => {
      const officer = await invitedAccount('税务局借调人员');
      const theCase = await openCase('own', '某企业欠税行政违法监督案');

      const byOther = await as('other', 'POST', `/api/cases/${theCase}/advisers`, { userId: officer.id });
      expect(byOther.statusCode).toBe(404);
      const byAssistant = await as('assistant', 'POST', `/api/cases/${theCase}/advisers`, {
        userId: officer.id,
      });
      expect(byAssistant.statusCode).toBe(403);

      const [clerk] = await t.database.db
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(eq(schema.users.role, 'clerk'))
        .limit(1);
      const notInvited = await as('own', 'POST', `/api/cases/${theCase}/advisers`, { userId: clerk!.id });
      expect(notInvited.statusCode).toBe(404);
      expect(notInvited.json<{ message: string }>().message).toBe('特邀检察官助理账号不存在');

      const added = await as('own', 'POST', `/api/cases/${theCase}/advisers`, { userId: officer.id });
      expect(added.statusCode, added.body).toBe(200);
      const twice = await as('own', 'POST', `/api/cases/${theCase}/advisers`, { userId: officer.id });
      expect(twice.statusCode).toBe(409);

      // The other department's officer list never shows this case; another officer sees nothing.
      const stranger = await invitedAccount('另一借调人员');
      const none = await as(stranger.key, 'GET', '/api/invited/cases');
      expect(none.json<{ items: unknown[] }>().items).toEqual([]);
      const peek = await as(stranger.key, 'GET', `/api/invited/cases/${theCase}`);
      expect(peek.statusCode).toBe(404);

      const audit = await t.database.db
        .select({ action: schema.auditLog.action })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.targetType, 'case'), eq(schema.auditLog.targetId, String(theCase))));
      expect(audit.map((a) => a.action)).toContain('caseAdviser.add');
    });
  });
});
