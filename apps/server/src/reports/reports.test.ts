import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import type { TCockpit, TFigure } from '../cockpit/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testNow } from '../testing/test-clock.ts';
import type { TReport } from './schema.ts';

const year = Number(testNow.toISOString().slice(0, 4));
const period = { from: `${year}-01-01`, to: `${year + 1}-01-01` };

/** The body text of a .docx (tags removed) and its images. */
async function unzipDocx(bytes: Buffer): Promise<{ text: string; pngs: Buffer[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  const media = zip.file(/^word\/media\/.+\.png$/);
  return { text, pngs: await Promise.all(media.map((f) => f.async('nodebuffer'))) };
}

describe.each(testEngines())('reports (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const departments = new Map<string, number>();
  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  const cockpit = async (user: string) => {
    const response = await as(user, 'GET', `/api/cockpit?from=${period.from}&to=${period.to}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TCockpit>();
  };
  const figureOf = (c: TCockpit, id: string): TFigure =>
    c.sections.flatMap((s) => s.figures).find((f) => f.metricId === id)!;
  const create = async (user: string, body: Record<string, unknown>) => {
    const response = await as(user, 'POST', '/api/reports', { ...period, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TReport>();
  };
  const docx = async (user: string, id: number) => {
    const response = await as(user, 'GET', `/api/reports/${id}/docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    return unzipDocx(response.rawPayload);
  };
  async function openCase(user: string, body: Record<string, unknown>): Promise<number> {
    const opened = await as(user, 'POST', '/api/cases', body);
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json<TCaseDetail>().id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'deputy', 'head4', 'head5', 'prosecutor1'])
      cookies[user] = await t.login(user);
    for (const d of (await as('chief', 'GET', '/api/departments')).json<{ id: number; name: string }[]>())
      departments.set(d.name, d.id);
    const clue = await as('head5', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '某河道排污线索',
      description: '某河道排污',
      pilField: 'ecology',
    });
    expect(clue.statusCode, clue.body).toBe(201);
    await openCase('head5', {
      type: 'adminPublicInterest',
      title: '某湿地保护行政公益诉讼案',
      pilField: 'ecology',
    });
    await openCase('head5', {
      type: 'civilPublicInterest',
      title: '某餐馆食品安全民事公益诉讼案',
      pilField: 'foodDrugSafety',
    });
    await openCase('deputy', {
      type: 'supportedSuit',
      title: '张某等追索劳动报酬支持起诉案',
      departmentId: departments.get('第四检察部'),
    });
  });
  afterAll(() => t?.close());

  it("prints the cockpit's own figures with 同比, the tables and the charts as PNG images", async () => {
    const c = await cockpit('chief');
    const cases = figureOf(c, 'casesOpened');
    const clues = figureOf(c, 'cluesReceived');
    expect(cases.value).toBeGreaterThanOrEqual(3);
    const report = await create('chief', { kind: 'workReport' });
    expect(report.scopeLabel).toBe('全院');
    expect(report.title).toBe(`${year}年1月1日至${year}年12月31日工作报告`);
    const overview = report.sections.find((s) => s.id === 'overview')!;
    expect(overview.generated).toContain(`立案${cases.value}件`);
    expect(overview.generated).toContain(`受理线索${clues.value}件`);
    expect(report.sections.map((s) => s.title)).toEqual([
      '总体情况',
      '公益诉讼检察',
      '民事支持起诉',
      '司法救助',
      '大数据法律监督模型',
      '未成年人检察',
      '期限管理',
    ]);

    const { text, pngs } = await docx('chief', report.id);
    expect(text).toContain(report.title);
    expect(text).toContain(`立案${cases.value}件`);
    expect(text).toContain(`去年同期${cases.previous}件`);
    expect(text).toContain('项目本期去年同期同比'); // the figure table's header row
    expect(text).toContain('图1：各条线立案（本期与去年同期）');
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    for (const png of pngs) expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it("keeps the chief's edited text when the figures are generated again, and prints it", async () => {
    const report = await create('chief', { kind: 'workReport' });
    const edited = '本院坚持以办案为中心，公益诉讼检察工作稳中有进。\n第二段由检察长补充。';
    const put = await as('chief', 'PUT', `/api/reports/${report.id}/sections`, {
      sections: [{ id: 'publicInterest', text: edited }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<TReport>().sections.find((s) => s.id === 'publicInterest')!.edited).toBe(edited);

    // A new case: the generated text changes, the edit stays.
    await openCase('head5', { type: 'adminPublicInterest', title: '某古树名木保护案', pilField: 'ecology' });
    const cases = figureOf(await cockpit('chief'), 'casesOpened');
    const again = await as('chief', 'POST', `/api/reports/${report.id}/regenerate`);
    expect(again.statusCode, again.body).toBe(200);
    const regenerated = again.json<TReport>();
    expect(regenerated.sections.find((s) => s.id === 'overview')!.generated).toContain(
      `立案${cases.value}件`,
    );
    expect(regenerated.sections.find((s) => s.id === 'publicInterest')!.edited).toBe(edited);

    const { text } = await docx('chief', report.id);
    expect(text).toContain('本院坚持以办案为中心，公益诉讼检察工作稳中有进。');
    expect(text).toContain('第二段由检察长补充。');
    expect(text).toContain(`立案${cases.value}件`);

    // An empty text returns the section to the generated one; an unknown section is refused.
    const cleared = await as('chief', 'PUT', `/api/reports/${report.id}/sections`, {
      sections: [{ id: 'publicInterest', text: '' }],
    });
    expect(cleared.json<TReport>().sections.find((s) => s.id === 'publicInterest')!.edited).toBeNull();
    const unknown = await as('chief', 'PUT', `/api/reports/${report.id}/sections`, {
      sections: [{ id: 'nosuch', text: '文字' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ message: string }>().message).toContain('报告中没有');

    const audit = await t.database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, String(report.id)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['report.create', 'report.edit', 'report.regenerate', 'report.export']),
    );
  });

  it("a department head's report covers their department only, and is out of other heads' reach", async () => {
    const mine = figureOf(await cockpit('head5'), 'casesOpened');
    const all = figureOf(await cockpit('chief'), 'casesOpened');
    expect(mine.value).toBeLessThan(all.value!);
    const report = await create('head5', { kind: 'workReport' });
    expect(report.departmentId).toBe(departments.get('第五检察部'));
    expect(report.title).toContain('第五检察部');
    const { text } = await docx('head5', report.id);
    expect(text).toContain(`立案${mine.value}件`);
    expect(text).not.toContain(`立案${all.value}件`);
    // Whole-procuratorate figures (model runs) are not shown to a head.
    expect(text).not.toContain('模型运行');

    const chiefs = await create('chief', { kind: 'workReport' });
    const headList = (await as('head5', 'GET', '/api/reports')).json<{ items: TReport[] }>().items;
    expect(headList.map((r) => r.id)).toContain(report.id);
    expect(headList.map((r) => r.id)).not.toContain(chiefs.id);
    const chiefList = (await as('chief', 'GET', '/api/reports')).json<{ items: TReport[] }>().items;
    expect(chiefList.map((r) => r.id)).toEqual(expect.arrayContaining([report.id, chiefs.id]));

    // Another head: the report answers exactly like a missing one, for every route.
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/docx'],
      ['POST', '/regenerate'],
    ] as const) {
      const other = await as('head4', method, `/api/reports/${report.id}${suffix}`);
      const missing = await as('head4', method, `/api/reports/999999${suffix}`);
      expect(other.statusCode).toBe(404);
      expect(other.body).toBe(missing.body);
    }
    const edit = await as('head4', 'PUT', `/api/reports/${chiefs.id}/sections`, {
      sections: [{ id: 'overview', text: '改' }],
    });
    expect(edit.statusCode).toBe(404);
    expect((await as('prosecutor1', 'GET', '/api/reports')).statusCode).toBe(403);
  });

  it('a 类案分析 on one 公益诉讼 field and a 白皮书 on one line of work', async () => {
    const byField = (await cockpit('chief')).breakdowns.find((b) => b.id === 'pilByField')!;
    const ecology = byField.items.find((i) => i.key === 'ecology')!;
    const analysis = await create('chief', { kind: 'caseAnalysis', subject: 'ecology' });
    expect(analysis.title).toContain('生态环境和资源保护领域公益诉讼类案分析');
    expect(analysis.sections.map((s) => s.title)).toEqual([
      '基本情况',
      '发现的主要问题',
      '原因分析',
      '对策建议',
    ]);
    const { text, pngs } = await docx('chief', analysis.id);
    expect(text).toContain(`生态环境和资源保护领域公益诉讼立案${ecology.value}件`);
    expect(pngs.length).toBe(1);

    const paper = await create('chief', { kind: 'whitePaper', subject: 'publicInterest' });
    expect(paper.title).toContain('公益诉讼检察白皮书');
    const refused = await as('chief', 'POST', '/api/reports', { ...period, kind: 'whitePaper' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('白皮书应选择一条业务线');
    const ids = [analysis.id, paper.id];
    const rows = await t.database.db
      .select({ id: schema.reports.id })
      .from(schema.reports)
      .where(inArray(schema.reports.id, ids));
    expect(rows).toHaveLength(2);
  });
});
