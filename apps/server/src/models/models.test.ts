import { existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir, writeCsv, writeXlsx } from '@procura/collide/testing/files';
import { zipBombXlsx } from '@procura/collide/testing/zip-bomb';
import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TClueDetail, TClueList } from '../clues/schema.ts';
import type { TNotificationList } from '../notifications/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { interruptedReason, runQueueOf } from './run-queue.ts';
import { runDueSchedules } from './scheduler.ts';
import type { THitList, TModelDetail, TRun, TSchedule, TUploadResult } from './schema.ts';
import { paymentRows, people, prisonerRows } from './test-files.ts';

const files = tempDir('models-test-');
const dataDir = tempDir('models-data-');
const dataDirBefore = process.env.PROCURA_DATA_DIR;
process.env.PROCURA_DATA_DIR = dataDir;
afterAll(() => {
  if (dataDirBefore === undefined) delete process.env.PROCURA_DATA_DIR;
  else process.env.PROCURA_DATA_DIR = dataDirBefore;
});

describe.each(testEngines())('big-data models (%s)', (kind) => {
  type Session = { t: TestApp; cookies: Record<string, string> };
  let shared: Session;
  let own: Session | undefined;
  let t: TestApp;
  let cookies: Record<string, string> = {};
  const departments = new Map<string, number>();

  const as = (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  const upload = async (user: string, kindId: string, fileName: string, path: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/datasets?kind=${encodeURIComponent(kindId)}&fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie: cookies[user]!, 'content-type': 'application/octet-stream' },
      payload: await readFile(path),
    });

  const finished = async (runId: number): Promise<TRun> => {
    await runQueueOf(t.database).idle();
    const run = (await as('analyst', 'GET', `/api/model-runs/${runId}`)).json<TRun>();
    expect(['succeeded', 'failed'], JSON.stringify(run)).toContain(run.status);
    return run;
  };

  const start = async (): Promise<Session> => {
    const app = await createTestApp(kind);
    const logins: Record<string, string> = {};
    for (const user of ['chief', 'head5', 'prosecutor1', 'analyst', 'admin'])
      logins[user] = await app.login(user);
    return { t: app, cookies: logins };
  };
  const use = (session: Session) => {
    t = session.t;
    cookies = session.cookies;
  };
  /**
   * An app of its own for this test: what a run calls "new", the model page's counts, the
   * hitsReady notices, the schedule's "newest data sets" and whether a file was seen before are
   * model-wide, so a test asserting them must not share a database with the others.
   */
  const ownApp = async () => {
    own = await start();
    use(own);
  };

  beforeAll(async () => {
    shared = await start();
    use(shared);
    const list = (await as('chief', 'GET', '/api/departments')).json<{ id: number; name: string }[]>();
    for (const d of list) departments.set(d.name, d.id);
  });
  afterEach(async () => {
    if (own) await own.t.close();
    own = undefined;
    use(shared);
  });
  afterAll(() => shared?.t.close());

  const auditCount = async (action: string) =>
    (await t.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action))).length;

  /** The analyst uploads 补助金发放2022.csv (GBK, paymentRows). */
  const uploadPayments = async () => {
    const path = writeCsv(join(files, `payments-${kind}.csv`), paymentRows(), 'gbk');
    const response = await upload('analyst', 'payments', '补助金发放2022.csv', path);
    expect([200, 201], response.body).toContain(response.statusCode);
    return response.json<TUploadResult>().dataset;
  };
  /** The analyst uploads 服刑人员.xlsx (prisonerRows). */
  const uploadPrisoners = async () => {
    const path = await writeXlsx(join(files, `prisoners-${kind}.xlsx`), prisonerRows());
    const response = await upload('analyst', 'prisoners', '服刑人员.xlsx', path);
    expect([200, 201], response.body).toContain(response.statusCode);
    return response.json<TUploadResult>().dataset;
  };
  /** prisoner-subsidy on those two files, run to the end: hits 张伟 and 王芳. */
  const subsidyRun = async (): Promise<TRun> => {
    const datasets = { payments: (await uploadPayments()).id, prisoners: (await uploadPrisoners()).id };
    const response = await as('analyst', 'POST', '/api/model-runs', {
      modelId: 'prisoner-subsidy',
      datasets,
    });
    expect(response.statusCode, response.body).toBe(202);
    return finished(response.json<TRun>().id);
  };
  /** A newer month's files (赵强 added) and prisoner-subsidy run on them. */
  const newerRun = async (): Promise<TRun> => {
    const newer = paymentRows([[people.zhao.id, people.zhao.name, '2022-08-01', '680', '低保']]);
    const prisoners = [...prisonerRows(), [people.zhao.id, people.zhao.name, '2022-07-01', '2024-07-01']];
    const p1 = writeCsv(join(files, `payments-newer-${kind}.csv`), newer, 'utf8bom');
    const p2 = writeCsv(join(files, `prisoners-newer-${kind}.csv`), prisoners);
    const payments = (await upload('analyst', 'payments', '补助金发放2022-08.csv', p1)).json<TUploadResult>();
    const spells = (await upload('analyst', 'prisoners', '服刑人员2022-08.csv', p2)).json<TUploadResult>();
    const started = await as('analyst', 'POST', '/api/model-runs', {
      modelId: 'prisoner-subsidy',
      datasets: { payments: payments.dataset.id, prisoners: spells.dataset.id },
    });
    return finished(started.json<TRun>().id);
  };
  const hitsOf = async (runId: number) =>
    (await as('analyst', 'GET', `/api/model-runs/${runId}/hits`)).json<THitList>();
  /** The run's hit on 张伟 turned into a clue for 第五检察部. */
  const zhangClue = async (runId: number) => {
    const zhang = (await hitsOf(runId)).items.find((h) => h.name === '张伟')!;
    const response = await as('analyst', 'POST', '/api/model-hits/clues', {
      hitIds: [zhang.id],
      departmentId: departments.get('第五检察部'),
      pilField: 'pensionSubsistenceFunds',
    });
    expect(response.statusCode, response.body).toBe(201);
    return {
      zhang,
      clueId: response.json<{ items: { hitId: number; clueId: number }[] }>().items[0]!.clueId,
    };
  };

  it('imports a GBK payments CSV into a Parquet snapshot, listing the row it could not clean', async () => {
    await ownApp();
    const path = writeCsv(join(files, `payments-${kind}.csv`), paymentRows(), 'gbk');
    const response = await upload('analyst', 'payments', '补助金发放2022.csv', path);
    expect(response.statusCode, response.body).toBe(201);
    const { dataset, reused } = response.json<TUploadResult>();
    expect(reused).toBe(false);
    expect(dataset).toMatchObject({
      kind: 'payments',
      fileName: '补助金发放2022.csv',
      rowsRead: 5,
      rowsCleaned: 4,
      rowsRejected: 1,
    });
    expect(dataset.uploadedBy.name).toBe('孙晓（演示）');
    expect(dataset.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(dataset.rejects).toHaveLength(1);
    expect(dataset.rejects[0]).toMatchObject({ file: '补助金发放2022.csv', row: 6, column: '发放日期' });
    expect(dataset.rejects[0]!.reason).toMatch(/[\u4e00-\u9fa5]/);
    // Its page shows the rejected values (id numbers, names): each view is audited.
    expect((await as('chief', 'GET', `/api/datasets/${dataset.id}`)).statusCode).toBe(200);
    const views = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'dataset.view'));
    expect(views.map((v) => [v.actorName, v.targetId])).toEqual([['林正（演示）', String(dataset.id)]]);
    const [row] = await t.database.db
      .select()
      .from(schema.collideDatasets)
      .where(eq(schema.collideDatasets.id, dataset.id));
    expect(existsSync(join(dataDir, row!.snapshot))).toBe(true);
    expect(row!.snapshot).toContain(dataset.contentHash);
  });

  it('the same bytes again are the same data set', async () => {
    const paymentsId = (await uploadPayments()).id;
    const path = writeCsv(join(files, `payments-again-${kind}.csv`), paymentRows(), 'gbk');
    const response = await upload('analyst', 'payments', '再次上传.csv', path);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TUploadResult>()).toMatchObject({ reused: true, dataset: { id: paymentsId } });
  });

  it('refuses a file without a required column, naming the file and column, and records nothing', async () => {
    await uploadPayments();
    const uploadsBefore = await auditCount('dataset.upload');
    const before = (await as('analyst', 'GET', '/api/datasets')).json<{ items: unknown[] }>().items.length;
    const path = writeCsv(join(files, `no-date-${kind}.csv`), [
      ['身份证号码', '姓名', '金额'],
      [people.zhang.id, '张伟', '680'],
    ]);
    const response = await upload('analyst', 'payments', '缺列.csv', path);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/缺列\.csv.*发放日期|发放日期.*缺列\.csv/);
    const unknownKind = await upload('analyst', 'salaries', 'x.csv', path);
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json<{ message: string }>().message).toContain('未知的数据集类型');
    const wrongType = await upload('analyst', 'payments', '名单.pdf', path);
    expect(wrongType.json<{ message: string }>().message).toContain('不支持的文件类型 .pdf');
    const disguised = await upload('analyst', 'payments', '名单\u202Efdp.csv', path);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json<{ message: string }>().message).toBe(
      '文件名“名单�fdp.csv”含有控制字符或文字方向控制符（U+202E），可能用于伪装文件类型，请重命名后再上传',
    );
    // A data set goes through the same bounded spreadsheet reader as every other import.
    const bomb = join(files, `bomb-${kind}.xlsx`);
    writeFileSync(bomb, await zipBombXlsx({ inflatedBytes: 200 << 20 }));
    const bombed = await upload('analyst', 'payments', '发放明细.xlsx', bomb);
    expect(bombed.statusCode).toBe(400);
    expect(bombed.json<{ message: string }>().message).toMatch(
      /^文件 发放明细\.xlsx 中的 xl\/worksheets\/sheet1\.xml 压缩比异常/,
    );
    const after = (await as('analyst', 'GET', '/api/datasets')).json<{ items: unknown[] }>().items.length;
    expect(after).toBe(before);
    expect(await auditCount('dataset.upload')).toBe(uploadsBefore);
  });

  it('takes files over the 1 MB JSON limit, and refuses one over the upload limit, naming it', async () => {
    const path = writeCsv(join(files, `big-${kind}.csv`), [
      ['身份证号码', '发放日期', '金额'],
      ...Array.from({ length: 60_000 }, (_, i) => [people.zhang.id, '2022-03-05', String(100 + (i % 900))]),
    ]);
    const big = await upload('analyst', 'payments', '很大.csv', path);
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json<TUploadResult>().dataset).toMatchObject({ rowsRead: 60_000, rowsRejected: 0 });
    process.env.PROCURA_DATASET_MAX_MB = '1';
    try {
      const response = await upload('analyst', 'payments', '很大.csv', path);
      expect(response.statusCode).toBe(413);
      expect(response.json<{ message: string }>().message).toBe(
        '文件 很大.csv 超过上传上限 1 MB，请按月份或地区拆分后分别上传',
      );
    } finally {
      delete process.env.PROCURA_DATASET_MAX_MB;
    }
  });

  it('imports the prison spells from .xlsx; only analysts upload', async () => {
    await ownApp();
    const path = await writeXlsx(join(files, `prisoners-${kind}.xlsx`), prisonerRows());
    const denied = await upload('prosecutor1', 'prisoners', '服刑人员.xlsx', path);
    expect(denied.statusCode).toBe(403);
    const response = await upload('analyst', 'prisoners', '服刑人员.xlsx', path);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<TUploadResult>().dataset).toMatchObject({ rowsRead: 3, rowsRejected: 0 });
  });

  it('runs prisoner-subsidy in the background to completion, with explained hits and evidence', async () => {
    await ownApp();
    const response = await as('analyst', 'POST', '/api/model-runs', {
      modelId: 'prisoner-subsidy',
      datasets: { payments: (await uploadPayments()).id, prisoners: (await uploadPrisoners()).id },
    });
    expect(response.statusCode, response.body).toBe(202);
    const queued = response.json<TRun>();
    expect(['queued', 'running']).toContain(queued.status);
    const runId = queued.id;
    const run = await finished(runId);
    expect(run).toMatchObject({
      status: 'succeeded',
      stage: 'done',
      percent: 100,
      hitCount: 2,
      newHitCount: 2,
      amountFen: 186_000,
    });
    expect(run.inputs.map((i) => i.fileName)).toEqual(['补助金发放2022.csv', '服刑人员.xlsx']);
    // The analyst who started it is told the new hits wait for review; nobody else is.
    const told = (await as('analyst', 'GET', '/api/notifications?unread=true')).json<TNotificationList>();
    expect(told.items.filter((n) => n.kind === 'hitsReady')).toEqual([
      expect.objectContaining({
        text: expect.stringContaining('2 条新命中待审查'),
        link: `/models/runs/${runId}`,
      }),
    ]);
    const chiefTold = (await as('chief', 'GET', '/api/notifications')).json<TNotificationList>();
    expect(chiefTold.items.filter((n) => n.kind === 'hitsReady')).toEqual([]);
    const hits = (await as('analyst', 'GET', `/api/model-runs/${runId}/hits`)).json<THitList>();
    expect(hits.items.map((h) => [h.name, h.count, h.amountFen])).toEqual([
      ['张伟', 2, 136_000],
      ['王芳', 1, 50_000],
    ]);
    const zhang = hits.items[0]!;
    // Reading people hit by a model is audited: one entry naming the hits shown.
    const hitReads = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'hit.list'));
    expect(hitReads.at(-1)).toMatchObject({
      actorName: '孙晓（演示）',
      targetType: 'modelRun',
      targetId: String(runId),
      detail: { ids: hits.items.map((h) => h.id) },
    });
    expect(zhang.explanation).toContain('张伟');
    expect(zhang.explanation).toContain('1,360.00');
    expect(zhang.evidence).toContainEqual(expect.objectContaining({ file: '补助金发放2022.csv', row: 2 }));
    expect(zhang.evidence).toContainEqual(expect.objectContaining({ file: '服刑人员.xlsx', row: 2 }));
    expect(hits.items.every((h) => h.isNew && h.status === 'pending')).toBe(true);
  });

  it('one prison list serves both prison models: prisoner-pension runs on the same data set', async () => {
    const prisonersId = (await uploadPrisoners()).id;
    const path = writeCsv(join(files, `pensions-${kind}.csv`), [
      ['社会保障号码', '姓名', '发放年月', '养老金金额'],
      [people.zhang.id, people.zhang.name, '2022年3月', '2,000'],
      [people.li.id, people.li.name, '202208', '1500'],
    ]);
    const pensions = (await upload('analyst', 'pensions', '养老金2022.csv', path)).json<TUploadResult>();
    const started = await as('analyst', 'POST', '/api/model-runs', {
      modelId: 'prisoner-pension',
      datasets: { pensions: pensions.dataset.id, prisoners: prisonersId },
    });
    expect(started.statusCode, started.body).toBe(202);
    const run = await finished(started.json<TRun>().id);
    expect(run).toMatchObject({ status: 'succeeded', hitCount: 1, amountFen: 200_000 });
  });

  it('refuses a data set of the wrong kind for an input', async () => {
    const prisonersId = (await uploadPrisoners()).id;
    const response = await as('analyst', 'POST', '/api/model-runs', {
      modelId: 'prisoner-subsidy',
      datasets: { payments: prisonersId, prisoners: prisonersId },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toContain('不是「补(救)助金发放名单」');
  });

  it('hits hold personal data: the chief reads them, a prosecutor does not', async () => {
    await ownApp();
    const runId = (await subsidyRun()).id;
    expect((await as('chief', 'GET', `/api/model-runs/${runId}/hits`)).statusCode).toBe(200);
    expect((await as('prosecutor1', 'GET', `/api/model-runs/${runId}/hits`)).statusCode).toBe(403);
    expect((await as('admin', 'GET', `/api/model-runs/${runId}`)).statusCode).toBe(403);
    const detail = (await as('prosecutor1', 'GET', '/api/models/prisoner-subsidy')).json<TModelDetail>();
    expect(detail.stats.runs).toBe(1);
    expect(detail.clues).toEqual([]);
  });

  it('reviews: dismissing needs a reason; confirming is recorded', async () => {
    const runId = (await subsidyRun()).id;
    const hits = await hitsOf(runId);
    const wang = hits.items.find((h) => h.name === '王芳')!;
    const noReason = await as('analyst', 'POST', '/api/model-hits/review', {
      action: 'dismiss',
      hitIds: [wang.id],
    });
    expect(noReason.statusCode).toBe(400);
    const dismissed = await as('analyst', 'POST', '/api/model-hits/review', {
      action: 'dismiss',
      hitIds: [wang.id],
      reason: '经核实为同名同号录入错误',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const confirmed = await as('analyst', 'POST', '/api/model-hits/review', {
      action: 'confirm',
      hitIds: [wang.id],
    });
    expect(confirmed.json()).toEqual({ updated: 1 });
    const after = (
      await as('analyst', 'GET', `/api/model-runs/${runId}/hits?status=confirmed`)
    ).json<THitList>();
    expect(after.items.map((h) => [h.name, h.statusLabel, h.reviewedBy?.name])).toEqual([
      ['王芳', '已确认', '孙晓（演示）'],
    ]);
  });

  it('turns a hit into a 大数据模型 clue for 第五检察部, which finds it in its clue list', async () => {
    const runId = (await subsidyRun()).id;
    const toClueBefore = await auditCount('hit.toClue');
    const { zhang, clueId } = await zhangClue(runId);

    const list = (await as('head5', 'GET', '/api/clues')).json<TClueList>();
    const clue = list.items.find((c) => c.id === clueId)!;
    expect(clue).toMatchObject({ sourceLabel: '大数据模型', department: { name: '第五检察部' } });
    expect(clue.description).toContain(zhang.explanation);
    expect(clue.description).toContain('补助金发放2022.csv」第 2 行');
    expect(clue.description).toContain(`第 ${runId} 次运行`);
    expect(clue.parties).toContainEqual({ kind: 'person', name: '张伟', idNumber: people.zhang.id });

    const again = (await as('analyst', 'GET', `/api/model-runs/${runId}/hits`)).json<THitList>();
    expect(again.items.find((h) => h.id === zhang.id)).toMatchObject({
      status: 'clue',
      clue: { id: clueId },
    });
    const twice = await as('analyst', 'POST', '/api/model-hits/clues', {
      hitIds: [zhang.id],
      departmentId: departments.get('第五检察部'),
      pilField: 'pensionSubsistenceFunds',
    });
    expect(twice.statusCode).toBe(409);
    expect(await auditCount('hit.toClue')).toBe(toClueBefore + 1);
  });

  it('the model page counts the clue and the money its case recovered', async () => {
    await ownApp();
    const { clueId } = await zhangClue((await subsidyRun()).id);
    const opened = await as('head5', 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'open',
      caseType: 'adminPublicInterest',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const caseId = opened.json<TClueDetail>().case!.id;
    const outcome = await as('head5', 'POST', `/api/cases/${caseId}/outcomes`, {
      kind: 'subsidiesRecovered',
      amountFen: 136_000,
    });
    expect(outcome.statusCode, outcome.body).toBeLessThan(300);
    const detail = (await as('chief', 'GET', '/api/models/prisoner-subsidy')).json<TModelDetail>();
    expect(detail.stats).toMatchObject({ runs: 1, hits: 2, clues: 1, recoveredFen: 136_000 });
    expect(detail.clues[0]).toMatchObject({ id: clueId, department: '第五检察部', recoveredFen: 136_000 });
    expect(detail.legalBasis.join('')).toContain('人民检察院组织法');
  });

  it('two analysts turning the same hit at once make one clue, and the other is told', async () => {
    const hits = await hitsOf((await subsidyRun()).id);
    const wang = hits.items.find((h) => h.name === '王芳')!;
    const modelClues = async () =>
      (await as('head5', 'GET', `/api/clues?q=${encodeURIComponent('王芳')}&pageSize=200`))
        .json<TClueList>()
        .items.filter((c) => c.sourceLabel === '大数据模型').length;
    const cluesBefore = await modelClues();
    const body = {
      hitIds: [wang.id],
      departmentId: departments.get('第五检察部'),
      pilField: 'pensionSubsistenceFunds',
    };
    const responses = await Promise.all([
      as('analyst', 'POST', '/api/model-hits/clues', body),
      as('analyst', 'POST', '/api/model-hits/clues', body),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await modelClues()).toBe(cluesBefore + 1);
  });

  it('a re-run on a newer file shows only what is new (定期体检)', async () => {
    await ownApp();
    await subsidyRun();
    const run = await newerRun();
    expect(run).toMatchObject({ status: 'succeeded', hitCount: 3, newHitCount: 1 });
    const told = (await as('analyst', 'GET', '/api/notifications')).json<TNotificationList>();
    expect(told.items.find((n) => n.kind === 'hitsReady')?.text).toContain('1 条新命中待审查（共 3 条）');
    const fresh = (
      await as('analyst', 'GET', `/api/model-runs/${run.id}/hits?onlyNew=true`)
    ).json<THitList>();
    expect(fresh).toMatchObject({ total: 3, newCount: 1 });
    expect(fresh.items.map((h) => h.name)).toEqual(['赵强']);
  });

  it('exports hits as .xlsx and audits the export', async () => {
    const runId = (await subsidyRun()).id;
    const exportsBefore = await auditCount('hit.export');
    const response = await as('analyst', 'GET', `/api/model-runs/${runId}/hits/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await auditCount('hit.export')).toBe(exportsBefore + 1);
  });

  it('a schedule starts a run on the newest data sets when due (injected clock)', async () => {
    await ownApp();
    await subsidyRun();
    await newerRun();
    const created = await as('analyst', 'POST', '/api/model-schedules', {
      modelId: 'prisoner-subsidy',
      repeat: 'monthly',
      every: 5,
    });
    expect(created.statusCode, created.body).toBe(201);
    const schedule = created.json<TSchedule>();
    expect(schedule.label).toBe('每月 5 日');
    const due = new Date(schedule.nextRunAt);
    // China time 02:00 on the 5th
    expect(new Date(due.getTime() + 8 * 3_600_000).toISOString()).toMatch(/-05T02:00:00/);

    expect(await runDueSchedules(t.database, new Date(due.getTime() - 60_000))).toEqual([]);
    const [queued] = await runDueSchedules(t.database, new Date(due.getTime() + 60_000));
    expect(queued).toBeDefined();
    expect(await runDueSchedules(t.database, new Date(due.getTime() + 120_000))).toEqual([]);
    const run = await finished(queued!);
    expect(run).toMatchObject({ status: 'succeeded', scheduleId: schedule.id, hitCount: 3, newHitCount: 0 });
    expect(run.inputs.map((i) => i.fileName)).toEqual(['补助金发放2022-08.csv', '服刑人员2022-08.csv']);
    const after = (await as('analyst', 'GET', '/api/model-schedules?modelId=prisoner-subsidy')).json<{
      items: TSchedule[];
    }>();
    const next = new Date(after.items[0]!.nextRunAt);
    expect(next.getTime() - due.getTime()).toBeGreaterThanOrEqual(28 * 86_400_000);

    const lonely = (
      await as('analyst', 'POST', '/api/model-schedules', {
        modelId: 'deceased-pension',
        repeat: 'days',
        every: 7,
      })
    ).json<TSchedule>();
    expect(await runDueSchedules(t.database, new Date(new Date(lonely.nextRunAt).getTime() + 1))).toEqual([]);
    const listed = (await as('analyst', 'GET', '/api/model-schedules?modelId=deceased-pension')).json<{
      items: TSchedule[];
    }>();
    expect(listed.items[0]!.lastError).toContain('尚无数据集');
  });

  it('a run left running by a dead server is marked failed with the reason on start-up', async () => {
    const [analyst] = await t.database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, 'analyst'));
    const [stale] = await t.database.db
      .insert(schema.collideRuns)
      .values({
        modelId: 'prisoner-subsidy',
        inputs: [],
        status: 'running',
        stage: 'match',
        startedBy: analyst!.id,
      })
      .returning();
    expect(await runQueueOf(t.database).recover()).toBe(1);
    const run = (await as('analyst', 'GET', `/api/model-runs/${stale!.id}`)).json<TRun>();
    expect(run).toMatchObject({ status: 'failed', statusLabel: '失败', error: interruptedReason });
  });

  it('withholds a hit that rests on a prison spell begun as a minor, and audits only the count', async () => {
    const young = { name: '刘小军', id: '510108200606010557' };
    const payments = writeCsv(join(files, `juvenile-payments-${kind}.csv`), [
      ['身份证号码', '姓名', '发放日期', '发放金额'],
      [young.id, young.name, '2024-03-05', '500'],
      [people.zhao.id, people.zhao.name, '2024-03-05', '700'],
    ]);
    const spells = writeCsv(join(files, `juvenile-spells-${kind}.csv`), [
      ['公民身份号码', '罪犯姓名', '入监日期', '出监日期'],
      [young.id, young.name, '2024-01-10', '2024-12-31'],
      [people.zhao.id, people.zhao.name, '2024-01-10', '2024-12-31'],
    ]);
    const paid = (await upload('analyst', 'payments', '2024发放.csv', payments)).json<TUploadResult>();
    const held = (await upload('analyst', 'prisoners', '2024服刑.csv', spells)).json<TUploadResult>();
    const started = await as('analyst', 'POST', '/api/model-runs', {
      modelId: 'prisoner-subsidy',
      datasets: { payments: paid.dataset.id, prisoners: held.dataset.id },
    });
    const run = await finished(started.json<TRun>().id);
    expect(run).toMatchObject({ status: 'succeeded', hitCount: 1, amountFen: 70_000 });
    const listed = (await as('analyst', 'GET', `/api/model-runs/${run.id}/hits`)).json<THitList>();
    expect(listed.items.map((h) => h.name)).toEqual([people.zhao.name]);
    const audit = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'model.juvenileRecordsWithheld'));
    expect(audit.map((a) => a.detail)).toEqual([{ modelId: 'prisoner-subsidy', withheld: 1 }]);
    expect(JSON.stringify(audit)).not.toContain(young.name);
  });
});
