import { testEngines } from '@procura/db/testing';
import { type AuditContent, auditHash } from '@procura/domain/audit-chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { manualClock } from '../testing/test-clock.ts';
import type { TAuditList, TAuditVerifyResult } from './schema.ts';

const initialPassword = 'Initial2026pw';

describe.each(testEngines())('audit log (%s)', (kind) => {
  let t: TestApp;
  let adminCookie: string;
  let serial = 0;
  // The app's clock stands still until a test moves it on: time windows need no waiting.
  const time = manualClock();

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: time.clock });
    adminCookie = await t.login('admin');
  });
  afterAll(() => t.close());

  const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: adminCookie }, ...(payload ? { payload } : {}) });

  function createUser() {
    serial += 1;
    return asAdmin('POST', '/api/users', {
      username: `audited${serial}`,
      displayName: `审计${serial}`,
      role: 'clerk',
      departmentId: null,
      password: initialPassword,
    });
  }

  async function verify(): Promise<TAuditVerifyResult> {
    const response = await asAdmin('GET', '/api/audit/verify');
    expect(response.statusCode).toBe(200);
    return response.json<TAuditVerifyResult>();
  }

  async function list(query: string): Promise<TAuditList> {
    const response = await asAdmin('GET', `/api/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TAuditList>();
  }

  async function ids(): Promise<number[]> {
    const rows = await t.database.query<{ id: number }>('select id::int as id from audit_log order by id');
    return rows.map((row) => row.id);
  }

  /** Runs `edit` with the append-only trigger off, as a superuser tampering behind the app would. */
  async function withTriggerOff(edit: () => Promise<void>): Promise<void> {
    await t.database.query('alter table audit_log disable trigger audit_log_append_only');
    try {
      await edit();
    } finally {
      await t.database.query('alter table audit_log enable trigger audit_log_append_only');
    }
  }

  /** Id of a row inside the chain (neither first nor last), with a detail to tamper with. */
  async function middleRow(): Promise<number> {
    const [row] = await t.database.query<{ id: number }>(
      `select id::int as id from audit_log where action = 'user.create' order by id limit 1`,
    );
    expect(row!.id).toBeGreaterThan(1);
    expect(row!.id).toBeLessThan((await ids()).length);
    return row!.id;
  }

  it('verifies the whole chain after many different actions', async () => {
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await createUser());
    expect(created.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const id = created[0]!.json<{ id: number }>().id;
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'audited1', password: 'WrongPassword1' },
    });
    const chief = await t.login('chief');
    await asAdmin('PATCH', `/api/users/${id}`, { departmentId: 2, displayName: '审计改名', disabled: true });
    await asAdmin('POST', `/api/users/${id}/reset-password`, { password: 'Resetby2026admin' });
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: chief } });

    const all = await ids();
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(await verify()).toEqual({ ok: true, checked: all.length, broken: null });
  });

  it('the database refuses to update, delete or truncate audit rows', async () => {
    const before = await t.database.query('select * from audit_log order by id');
    await expect(t.database.query(`update audit_log set actor_name = 'x' where id = 1`)).rejects.toThrow(
      /只可追加/,
    );
    await expect(t.database.query('delete from audit_log where id = 2')).rejects.toThrow(/只可追加/);
    await expect(t.database.query('truncate audit_log')).rejects.toThrow(/只可追加/);
    expect(await t.database.query('select * from audit_log order by id')).toEqual(before);
    expect((await verify()).ok).toBe(true);
  });

  it.each([
    ['detail', `update audit_log set detail = detail || '{"role":"admin"}'::jsonb where id = $1`],
    ['actor name', `update audit_log set actor_name = '他人' where id = $1`],
    ['time', `update audit_log set at = at - interval '1 hour' where id = $1`],
  ])('names exactly the row whose %s was edited behind the trigger', async (_what, tamper) => {
    const id = await middleRow();
    const [original] = await t.database.query<{ detail: string; actor_name: string; at: string }>(
      'select detail::text as detail, actor_name, at::text as at from audit_log where id = $1',
      [id],
    );
    await withTriggerOff(() => t.database.query(tamper, [id]).then(() => undefined));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.broken?.id).toBe(id);
    expect(result.broken?.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(result.checked).toBe((await ids()).indexOf(id));

    await withTriggerOff(async () => {
      await t.database.query(
        'update audit_log set detail = $2::jsonb, actor_name = $3, at = $4::timestamptz where id = $1',
        [id, original!.detail, original!.actor_name, original!.at],
      );
    });
    expect((await verify()).ok).toBe(true);
  });

  it('a deleted middle row is reported at the row after it', async () => {
    const id = await middleRow();
    await t.database.query('create table audit_saved as select * from audit_log with no data');
    await t.database.query('insert into audit_saved select * from audit_log where id = $1', [id]);
    try {
      await withTriggerOff(() =>
        t.database.query('delete from audit_log where id = $1', [id]).then(() => undefined),
      );
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.broken?.id).toBe(id + 1);
      expect(result.broken?.reason).toContain('链接');
    } finally {
      await t.database.query('insert into audit_log select * from audit_saved');
      await t.database.query('drop table audit_saved');
    }
    expect((await verify()).ok).toBe(true);
  });

  it('parallel writers still produce one unbroken chain with consecutive ids', async () => {
    const before = (await ids()).length;
    const responses = await Promise.all([
      ...Array.from({ length: 20 }, () => createUser()),
      ...Array.from({ length: 5 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: `nobody${i}`, password: 'WrongPassword1' },
        }),
      ),
    ]);
    expect(responses.slice(0, 20).every((r) => r.statusCode === 201)).toBe(true);
    const all = await ids();
    expect(all).toHaveLength(before + 25);
    expect(all).toEqual(all.map((_, index) => index + 1));
    expect(await verify()).toEqual({ ok: true, checked: all.length, broken: null });
    const created = await list('action=user.create&pageSize=200');
    expect(new Set(created.items.map((item) => item.targetId)).size).toBe(created.total);
  });

  it('verifies a chain longer than one batch and names a break in a later batch', async () => {
    // Appended directly, chained exactly as the server chains them.
    const [last] = await t.database.query<{ id: number; hash: string }>(
      'select id::int as id, hash from audit_log order by id desc limit 1',
    );
    let prevHash = last!.hash;
    const rows: (AuditContent & { prevHash: string; hash: string })[] = [];
    for (let i = 1; i <= 2100; i++) {
      const entry: AuditContent = {
        id: last!.id + i,
        at: time.clock(),
        actorId: null,
        actorName: '批量',
        action: 'test.bulk',
        targetType: null,
        targetId: null,
        ip: null,
        detail: { n: i },
      };
      const hash = auditHash(prevHash, entry);
      rows.push({ ...entry, prevHash, hash });
      prevHash = hash;
    }
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await t.database.query(
        `insert into audit_log (id, at, actor_name, action, detail, prev_hash, hash)
         select * from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[])`,
        [
          chunk.map((r) => r.id),
          chunk.map((r) => r.at.toISOString()),
          chunk.map((r) => r.actorName),
          chunk.map((r) => r.action),
          chunk.map((r) => JSON.stringify(r.detail)),
          chunk.map((r) => r.prevHash),
          chunk.map((r) => r.hash),
        ],
      );
    }
    const total = (await ids()).length;
    expect(total).toBeGreaterThan(2100);
    expect(await verify()).toEqual({ ok: true, checked: total, broken: null });

    const victim = last!.id + 2050;
    await withTriggerOff(() =>
      t.database
        .query(`update audit_log set detail = '{"n":0}' where id = $1`, [victim])
        .then(() => undefined),
    );
    const result = await verify();
    expect(result).toMatchObject({ ok: false, broken: { id: victim } });
    expect(result.checked).toBe(victim - 1);
    await withTriggerOff(() =>
      t.database
        .query(`update audit_log set detail = '{"n":2050}' where id = $1`, [victim])
        .then(() => undefined),
    );
    expect((await verify()).ok).toBe(true);
  });

  describe('list filters', () => {
    it('filters by a substring of the actor name', async () => {
      const result = await list(`actor=${encodeURIComponent('管理员')}&pageSize=200`);
      expect(result.items.length).toBeGreaterThan(0);
      expect(result.items.every((item) => item.actorName.includes('管理员'))).toBe(true);
      const everyone = await list('pageSize=1');
      expect(result.total).toBeLessThan(everyone.total);
    });

    it('treats % and _ in the actor filter as plain characters', async () => {
      expect((await list(`actor=${encodeURIComponent('%')}`)).total).toBe(0);
      expect((await list('actor=_')).total).toBe(0);
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'per%cent_guy', password: 'WrongPassword1' },
      });
      const percent = await list(`actor=${encodeURIComponent('%')}`);
      expect(percent.items.map((item) => item.actorName)).toEqual(['per%cent_guy']);
      expect((await list('actor=t_g')).items.map((item) => item.actorName)).toEqual(['per%cent_guy']);
      expect((await list(`actor=${encodeURIComponent('r%c')}`)).total).toBe(1);
      expect((await list(`actor=${encodeURIComponent('p%t')}`)).total).toBe(0);
    });

    it('filters by action, newest first, with Chinese labels', async () => {
      const result = await list('action=user.create&pageSize=200');
      expect(result.total).toBeGreaterThanOrEqual(23);
      expect(result.items.every((item) => item.action === 'user.create')).toBe(true);
      expect(result.items.every((item) => item.actionLabel === '创建用户')).toBe(true);
      const itemIds = result.items.map((item) => item.id);
      expect(itemIds).toEqual([...itemIds].sort((a, b) => b - a));
    });

    it('filters by a time window', async () => {
      const from = time.advance(60_000).toISOString();
      time.advance(1_000);
      const first = (await createUser()).json<{ id: number }>().id;
      const second = (await createUser()).json<{ id: number }>().id;
      const to = time.advance(60_000).toISOString();
      time.advance(1_000);
      await createUser();

      const window = await list(`from=${from}&to=${to}`);
      expect(window.items.map((item) => item.action)).toEqual(['user.create', 'user.create']);
      expect(window.items.map((item) => item.targetId)).toEqual([String(second), String(first)]);
      const after = await list(`from=${to}`);
      expect(after.total).toBe(1);
      const before = await list(`to=${from}`);
      expect(before.total).toBe((await list('pageSize=1')).total - 3);
    });

    it('refuses a time that is not an ISO date', async () => {
      const response = await asAdmin('GET', '/api/audit?from=yesterday');
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toContain('from');
    });
  });
});
