import { testEngines } from '@procura/db/testing';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { reachFixtures } from '../testing/reach-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testNow } from '../testing/test-clock.ts';
import type { TBreakdown, TCockpit, TFigure } from './schema.ts';

const year = Number(testNow.toISOString().slice(0, 4));
const thisYear = `from=${year}-01-01&to=${year + 1}-01-01`;

describe.each(testEngines())('cockpit (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const departments = new Map<string, number>();
  const fixtures = reachFixtures(() => t, cookies);
  const suggestions = suggestionFixtures(() => t, cookies);
  const as = (user: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  const cockpit = async (user: string, query = thisYear) => {
    const response = await as(user, `/api/cockpit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TCockpit>();
  };
  const figureOf = (c: TCockpit, id: string): TFigure =>
    c.sections.flatMap((s) => s.figures).find((f) => f.metricId === id)!;
  const breakdownOf = (c: TCockpit, id: string): TBreakdown => c.breakdowns.find((b) => b.id === id)!;
  /** The number of rows the list a figure links to holds, through the list API as the user. */
  const listTotal = async (user: string, list: { path: string; query: Record<string, string> } | null) => {
    // Every list a figure links to pages with page/pageSize and answers its total.
    expect(list).not.toBeNull();
    // The follow-up plans answer an array, unpaged.
    const unpaged = list!.path === '/api/juvenile/follow-ups';
    const response = await as(
      user,
      `${list!.path}?${new URLSearchParams({ ...list!.query, ...(unpaged ? {} : { pageSize: '1' }) })}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return unpaged ? response.json<unknown[]>().length : response.json<{ total: number }>().total;
  };

  async function openCase(user: string, body: Record<string, unknown>): Promise<number> {
    const opened = await as(user, '/api/cases', 'POST', body);
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json<TCaseDetail>().id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'deputy', 'head5', 'head6', 'clerk6', 'prosecutor6', 'prosecutor1'])
      cookies[user] = await t.login(user);
    for (const d of (await as('chief', '/api/departments')).json<{ id: number; name: string }[]>())
      departments.set(d.name, d.id);

    // 第五检察部 (公益诉讼): two clues, three cases (one filed in court), one suggestion issued.
    for (const title of ['某河道排污线索', '某餐馆食品安全线索']) {
      const clue = await as('head5', '/api/clues', 'POST', {
        source: 'selfDiscovered',
        title,
        description: title,
        pilField: title.includes('食品') ? 'foodDrugSafety' : 'ecology',
      });
      expect(clue.statusCode, clue.body).toBe(201);
    }
    const river = await suggestions.openCase('某河道污染行政公益诉讼案');
    const wetland = await openCase('head5', {
      type: 'adminPublicInterest',
      title: '某湿地保护行政公益诉讼案',
      pilField: 'ecology',
    });
    const food = await openCase('head5', {
      type: 'civilPublicInterest',
      title: '某餐馆食品安全民事公益诉讼案',
      pilField: 'foodDrugSafety',
    });
    const filed = await as('head5', `/api/cases/${food}/events`, 'POST', {
      kind: 'suitFiled',
      note: '向法院提起诉讼',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    await suggestions.issued(river);
    // 第四检察部: one clue and one supported-prosecution case.
    const clue4 = await as('deputy', '/api/clues', 'POST', {
      source: 'publicReport',
      title: '某公司拖欠工资线索',
      description: '十七名工人被拖欠工资',
      departmentId: departments.get('第四检察部'),
    });
    expect(clue4.statusCode, clue4.body).toBe(201);
    const wages = await openCase('deputy', {
      type: 'supportedSuit',
      title: '张某等十七人追索劳动报酬支持起诉案',
      departmentId: departments.get('第四检察部'),
    });
    // One 第五 case opened a year earlier: the same period last year (同比).
    const lastYear = await openCase('head5', {
      type: 'adminPublicInterest',
      title: '去年的国有财产保护案',
      pilField: 'stateProperty',
    });
    await t.database.db.execute(
      sql`update cases set opened_at = opened_at - interval '1 year' where id = ${lastYear}`,
    );
    // A sealed juvenile case of 第六检察部.
    const sealed = await fixtures.sealedClueAndCase('王小明', 1);
    // Deadlines due this year: kept, kept late, still open past due, and one due next month.
    // (a copy of the suggestion's reply limit, with its statutory basis, on another case and day)
    const deadline = (caseId: number, dueOn: string, completedOn: string | null) =>
      t.database.db.execute(sql`insert into deadlines
        (case_id, limit_id, name, start_on, due_on, state, basis, explanation, completed_on)
        select ${caseId}, limit_id, name, ${`${year}-01-02`}, ${dueOn}, 'running', basis, explanation,
          ${completedOn}
        from deadlines order by id limit 1`);
    await deadline(wetland, `${year}-03-10`, `${year}-03-08`); // met
    await deadline(wetland, `${year}-05-01`, `${year}-05-10`); // completed late: overdue
    await deadline(wetland, `${year}-10-01`, null); // open and past due: overdue
    await deadline(wetland, `${year}-12-20`, null); // not yet due: neither
    await deadline(wages, `${year}-06-01`, `${year}-06-01`); // met, on the day
    await deadline(sealed.caseId, `${year}-07-01`, null); // sealed: counted, never listed
    // 司法救助 on the wages case: two payments this year (to one worker twice), one last year.
    const aid = (caseId: number, idNumber: string, paidOn: string, paidFen: number) =>
      t.database.db.execute(sql`insert into judicial_aids
        (case_id, applicant_name, applicant_id_number, applied_on, category, decision, decided_on,
         approved_fen, paid_on, paid_fen, created_by)
        values (${caseId}, '张某', ${idNumber}, ${paidOn}, 'victimInjured', 'granted', ${paidOn},
          ${paidFen}, ${paidOn}, ${paidFen}, (select id from users order by id limit 1))`);
    await aid(wages, '110101199001011234', `${year}-04-01`, 100_000);
    await aid(wages, '110101199001011234', `${year}-08-01`, 50_000);
    await aid(wetland, '110101198001011235', `${year - 1}-08-01`, 70_000);
    // 校园信箱: this year two letters on bullying (one a suspected flood, not released) and one on
    // family; one on bullying last year.
    await t.database.db.execute(sql`insert into partner_schools (name, kind, mailbox_token)
      values ('驾驶舱测试小学', 'primary', 'cockpit-test-token')`);
    const letter = (topic: string, at: string, suspected: boolean) =>
      t.database.db.execute(sql`insert into mailbox_letters
        (school_id, topic, topic_source, body, pickup_code_hash, suspected, created_at)
        values ((select id from partner_schools where name = '驾驶舱测试小学'), ${topic}, 'student',
          '测试来信', ${`test-${topic}-${at}`}, ${suspected},
          ${`${at}T10:00:00+08:00`}::timestamptz)`);
    await letter('bullying', `${year}-03-01`, false);
    await letter('bullying', `${year}-03-02`, true);
    await letter('family', `${year}-09-01`, false);
    await letter('bullying', `${year - 1}-09-01`, false);
    // 跟踪帮教 of 第六检察部: back at school this year, employed this year, training this year
    // (not counted), back at school last year.
    const followUp = (outcome: string, closedOn: string) =>
      t.database.db.execute(sql`insert into juvenile_follow_ups
        (department_id, subject, minor_name, goal, started_on, outcome, closed_at, created_by)
        values (${departments.get('第六检察部')}, 'unsupervised', '李某', '帮教', ${`${year - 1}-01-05`},
          ${outcome}, ${`${closedOn}T10:00:00+08:00`}::timestamptz, (select id from users order by id limit 1))`);
    await followUp('backToSchool', `${year}-02-01`);
    await followUp('employed', `${year}-07-01`);
    await followUp('training', `${year}-07-02`);
    await followUp('backToSchool', `${year - 1}-07-01`);
    // 法治宣传: two events of 第六 this year (120 and 45 people), one last year (30).
    const outreach = (heldOn: string, people: number) =>
      t.database.db.execute(sql`insert into outreach_events
        (kind, title, held_on, place, audience, participant_count, department_id, created_by)
        values ('lawToSchool', '法治进校园', ${heldOn}, '某中学', '七年级学生', ${people},
          ${departments.get('第六检察部')}, (select id from users order by id limit 1))`);
    await outreach(`${year}-04-01`, 120);
    await outreach(`${year}-10-01`, 45);
    await outreach(`${year - 1}-10-01`, 30);
    // 督促监护令 in the sealed juvenile case: one this year, one last year.
    await t.database.db.execute(sql`insert into juvenile_minors (case_id, role, name, gender, created_by)
      values (${sealed.caseId}, 'suspect', '王小明', 'male', (select id from users order by id limit 1))`);
    const order = (issuedOn: string) =>
      t.database.db.execute(sql`insert into juvenile_guardianship_orders (case_id, minor_id, issued_on, created_by)
        values (${sealed.caseId}, (select id from juvenile_minors where case_id = ${sealed.caseId} limit 1),
          ${issuedOn}, (select id from users order by id limit 1))`);
    await order(`${year}-05-01`);
    await order(`${year - 1}-05-01`);
  });
  afterAll(() => t?.close());

  it('the chief sees the whole procuratorate, and three figures recount through their lists', async () => {
    const c = await cockpit('chief');
    expect(c.scope).toEqual({ departmentId: null, label: '全院' });
    const clues = figureOf(c, 'cluesReceived');
    const cases = figureOf(c, 'casesOpened');
    const suits = figureOf(c, 'suitsFiled');
    const issued = figureOf(c, 'suggestionsIssued');
    expect(clues.value).toBe(4); // 2 of 第五, 1 of 第四, the juvenile one
    expect(cases.value).toBe(5); // 3 of 第五 this year, 1 of 第四, the juvenile one
    expect(cases.previous).toBe(1);
    expect(suits.value).toBe(1);
    expect(issued.value).toBe(1);
    // The sealed juvenile case is counted, but no list outside 第六检察部 shows it.
    expect(cases.hidden).toBe(1);
    expect(cases.note).toContain('封存');
    expect(await listTotal('chief', cases.list)).toBe(cases.value! - cases.hidden);
    expect(await listTotal('chief', clues.list)).toBe(clues.value! - clues.hidden);
    expect(await listTotal('chief', suits.list)).toBe(suits.value);
    expect(await listTotal('chief', issued.list)).toBe(issued.value);
    // A bar of the per-department chart: 第五检察部 this month.
    const byDepartment = breakdownOf(c, 'casesByDepartment');
    const fifth = byDepartment.items.find((i) => i.key === String(departments.get('第五检察部')))!;
    expect(fifth.value).toBe(3);
    expect(await listTotal('chief', fifth.list)).toBe(3);
    // PIL cases by field.
    const byField = breakdownOf(c, 'pilByField');
    expect(byField.items.map((i) => [i.label, i.value, i.previous])).toEqual(
      expect.arrayContaining([
        ['生态环境和资源保护', 2, 0], // the river case and the suggestion fixture's case
        ['食品药品安全', 1, 0],
        ['国有财产保护', 0, 1],
      ]),
    );
    for (const item of byField.items.filter((i) => i.value > 0))
      expect(await listTotal('chief', item.list)).toBe(item.value);
    // 按期办结 / 逾期 open the deadlines they count.
    const met = figureOf(c, 'deadlinesMet');
    const overdue = figureOf(c, 'deadlinesOverdue');
    expect(met.value).toBeGreaterThanOrEqual(2);
    expect(overdue.value).toBeGreaterThanOrEqual(3);
    expect(overdue.hidden).toBe(1);
    expect(await listTotal('chief', met.list)).toBe(met.value! - met.hidden);
    expect(await listTotal('chief', overdue.list)).toBe(overdue.value! - overdue.hidden);
    // 司法救助 opens the cases whose paid aid it sums.
    const aidPaid = figureOf(c, 'aidPaid');
    const aidPeople = figureOf(c, 'aidPeople');
    expect([aidPaid.value, aidPaid.previous, aidPeople.value]).toEqual([150_000, 70_000, 1]);
    expect(await listTotal('chief', aidPaid.list)).toBe(1);
    expect(await listTotal('chief', aidPeople.list)).toBe(1);
    // 校园信箱来信 and each topic's bar open the letters they count.
    const letters = figureOf(c, 'lettersReceived');
    expect([letters.value, letters.previous]).toEqual([2, 1]);
    expect(await listTotal('chief', letters.list)).toBe(2);
    const byTopic = breakdownOf(c, 'lettersByTopic').items.filter((i) => i.value > 0);
    expect(byTopic.map((i) => [i.label, i.value])).toEqual(
      expect.arrayContaining([
        ['校园欺凌', 1],
        ['家庭与监护', 1],
      ]),
    );
    for (const item of byTopic) expect(await listTotal('chief', item.list)).toBe(item.value);
    // 帮教后复学就业 opens the plans it counts.
    const returned = figureOf(c, 'followUpsReturned');
    expect([returned.value, returned.previous]).toEqual([2, 1]);
    expect(await listTotal('chief', returned.list)).toBe(2);
    // 法治宣传受众 opens the events whose participants it sums.
    const audience = figureOf(c, 'outreachAudience');
    expect([audience.value, audience.previous]).toEqual([165, 30]);
    expect(await listTotal('chief', audience.list)).toBe(2);
    const events = await as('chief', `${audience.list!.path}?${new URLSearchParams(audience.list!.query)}`);
    expect(events.json<{ participants: number }>().participants).toBe(audience.value);
    // 督促监护令 opens the cases the orders were issued in: the sealed one not outside 第六.
    const orders = figureOf(c, 'guardianshipOrders');
    expect([orders.value, orders.previous, orders.hidden]).toEqual([1, 1, 1]);
    expect(await listTotal('chief', orders.list)).toBe(0);
    // The juvenile department lists what it counts, sealed records included.
    const juvenile = figureOf(await cockpit('deputy'), 'juvenileCases');
    expect(juvenile.value).toBe(1);
  });

  it('a department head sees only their own department', async () => {
    const c = await cockpit('head5');
    const fifth = departments.get('第五检察部')!;
    expect(c.scope).toEqual({ departmentId: fifth, label: '第五检察部' });
    expect(figureOf(c, 'cluesReceived').value).toBe(2);
    expect(figureOf(c, 'casesOpened').value).toBe(3);
    expect(figureOf(c, 'casesOpened').previous).toBe(1);
    expect(figureOf(c, 'juvenileCases').value).toBe(0);
    // Figures of the whole procuratorate (model runs) are not shown to a head.
    expect(figureOf(c, 'modelRuns').value).toBeNull();
    // No other department's cases in any chart, and every list is narrowed to the department.
    expect(breakdownOf(c, 'casesByType').items.map((i) => i.key)).not.toContain('supportedSuit');
    expect(breakdownOf(c, 'casesByDepartment').items.every((i) => i.key === String(fifth))).toBe(true);
    expect(await listTotal('head5', figureOf(c, 'casesOpened').list)).toBe(3);
    expect(figureOf(c, 'casesOpened').list!.query.departmentId).toBe(String(fifth));
    for (const id of ['deadlinesMet', 'deadlinesOverdue']) {
      const figure = figureOf(c, id);
      expect(figure.value).toBeGreaterThan(0);
      expect(await listTotal('head5', figure.list)).toBe(figure.value);
    }
    expect(figureOf(c, 'aidPaid').value).toBe(0);
    expect(await listTotal('head5', figureOf(c, 'aidPaid').list)).toBe(0);
    // The chief's list narrowed to 第五检察部 holds the same deadlines as the head's figure.
    const chiefOverdue = figureOf(await cockpit('chief'), 'deadlinesOverdue').list!;
    expect(
      await listTotal('chief', {
        ...chiefOverdue,
        query: { ...chiefOverdue.query, departmentId: String(fifth) },
      }),
    ).toBe(figureOf(c, 'deadlinesOverdue').value);
    // The juvenile head counts its sealed case and lists it.
    const juvenile = figureOf(await cockpit('head6'), 'juvenileCases');
    expect(juvenile.value).toBe(1);
    expect(juvenile.hidden).toBe(0);
    expect(await listTotal('head6', juvenile.list)).toBe(1);
    const head6 = await cockpit('head6');
    const orders = figureOf(head6, 'guardianshipOrders');
    expect([orders.value, orders.hidden]).toEqual([1, 0]);
    expect(await listTotal('head6', orders.list)).toBe(1);
    const returned = figureOf(head6, 'followUpsReturned');
    expect(returned.value).toBe(2);
    expect(await listTotal('head6', returned.list)).toBe(2);
    expect(figureOf(c, 'followUpsReturned').value).toBe(0);
    expect(await listTotal('head5', figureOf(c, 'followUpsReturned').list)).toBe(0);
    expect(figureOf(c, 'outreachAudience').value).toBe(0);
    expect(await listTotal('head5', figureOf(c, 'outreachAudience').list)).toBe(0);
  });

  it('another period changes the figures; a prosecutor may not open the cockpit', async () => {
    const c = await cockpit('chief', `from=${year - 1}-01-01&to=${year}-01-01`);
    expect(figureOf(c, 'casesOpened').value).toBe(1);
    expect(figureOf(c, 'casesOpened').previous).toBe(0);
    expect((await as('prosecutor1', `/api/cockpit?${thisYear}`)).statusCode).toBe(403);
    const reversed = await as('chief', `/api/cockpit?from=${year}-02-01&to=${year}-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ message: string }>().message).toContain('结束日期应晚于开始日期');
  });

  it('the statistical table per department holds the cockpit figures', async () => {
    const response = await as('chief', `/api/cockpit/statistics?${thisYear}&by=department`);
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const casesColumn = header.indexOf('立案（件）') + 1;
    expect(casesColumn).toBeGreaterThan(0);
    const rows = new Map<string, number>();
    sheet.eachRow((row, index) => {
      if (index > 1) rows.set(String(row.getCell(1).value), Number(row.getCell(casesColumn).value));
    });
    expect(rows.get('第五检察部')).toBe(3);
    expect(rows.get('第四检察部')).toBe(1);
    // A head's table holds their department only.
    const head = await as('head5', `/api/cockpit/statistics?${thisYear}&by=handler`);
    expect(head.statusCode, head.body).toBe(200);
  });
});
