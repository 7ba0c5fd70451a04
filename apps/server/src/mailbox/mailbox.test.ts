import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClueList } from '../clues/schema.ts';
import type { TNotificationList } from '../notifications/schema.ts';
import { createTestApp, type TestApp, testPublicUrl } from '../testing/test-app.ts';
import { testClock, testNow } from '../testing/test-clock.ts';
import { mailboxRateLimits } from './routes.ts';
import type {
  TLetter,
  TLetterList,
  TLetterStatistics,
  TPartnerSchool,
  TPartnerSchoolList,
  TPickedUpLetter,
} from './schema.ts';
import { mailboxCeiling } from './submit-letter.ts';

describe.each(testEngines())('campus mailbox (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const token: Record<string, string> = {};
  let addressSerial = 0;
  /** Each test writes from its own address, so only the rate-limit test meets the per-address limit. */
  const nextAddress = () => `10.9.${Math.floor(addressSerial / 250)}.${(addressSerial++ % 250) + 1}`;

  const as = (
    user: string,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: Record<string, unknown>,
  ) => t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const write = (school: string, payload: Record<string, unknown>, remoteAddress = nextAddress()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/public/mailbox/${token[school]}/letters`,
      payload,
      remoteAddress,
    });
  const pickUp = (code: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/mailbox/pickup',
      payload: { code },
      remoteAddress: nextAddress(),
    });

  /** A partner school of the test's own, with its mailbox link: tests never share a school. */
  async function newSchool(name: string, schoolKind = 'primary'): Promise<TPartnerSchool> {
    const created = await as('chief', 'POST', '/api/partner-schools', { name, kind: schoolKind });
    expect(created.statusCode, created.body).toBe(201);
    const school = created.json<TPartnerSchool>();
    token[school.name] = school.mailboxPath.split('/').pop()!;
    return school;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'clerk6', 'prosecutor1', 'school1', 'admin'])
      cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('a student writes without an account, gets a pickup code once and reads the answer with it later', async () => {
    const school = await newSchool('成华区取件测试小学');
    const info = await t.app.inject({
      method: 'GET',
      url: `/api/public/mailbox/${token[school.name]}`,
    });
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({
      name: '成华区取件测试小学',
      procuratorate: '成都市成华区人民检察院',
    });

    const sent = await write(school.name, {
      body: '请问未满十六岁可以去奶茶店打工吗？',
      grade: '六年级',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { pickupCode } = sent.json<{ pickupCode: string }>();
    expect(pickupCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const before = await pickUp(pickupCode.toLowerCase().replaceAll('-', ' '));
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json<TPickedUpLetter>()).toMatchObject({ answer: null, topicLabel: '法律咨询' });

    const letters = (
      await as('clerk6', 'GET', `/api/mailbox/letters?status=new&schoolId=${school.id}`)
    ).json<TLetterList>();
    const letter = letters.items.find((l) => l.body.includes('奶茶店'))!;
    expect(letter).toMatchObject({
      anonymous: true,
      urgent: false,
      grade: '六年级',
      topicSource: 'keywords',
    });
    // Looking at a letter changes nothing; marking it read is a POST of its own.
    const looked = (await as('clerk6', 'GET', `/api/mailbox/letters/${letter.id}`)).json<TLetter>();
    expect(looked.status).toBe('new');
    const opened = (await as('clerk6', 'POST', `/api/mailbox/letters/${letter.id}/read`)).json<TLetter>();
    expect(opened.status).toBe('read');
    const readAudit = (await as('chief', 'GET', '/api/audit?action=mailbox.read')).json<{
      items: { targetId: string }[];
    }>();
    expect(readAudit.items.filter((e) => e.targetId === String(letter.id))).toHaveLength(1);
    const answered = await as('clerk6', 'POST', `/api/mailbox/letters/${letter.id}/answer`, {
      answer: '同学你好：根据劳动法，禁止用人单位招用未满十六周岁的未成年人。',
    });
    expect(answered.statusCode, answered.body).toBe(200);

    const after = (await pickUp(pickupCode)).json<TPickedUpLetter>();
    expect(after.answer).toContain('禁止用人单位招用未满十六周岁');
    expect(after.school).toBe('成华区取件测试小学');
  });

  it('refuses a wrong pickup code with the same Chinese message as a malformed one', async () => {
    const wrong = await pickUp('ABCD-EFGH-JKMN-PQRS');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json<{ message: string }>().message).toContain('取件码不正确');
    const malformed = await pickUp('123');
    expect(malformed.json()).toEqual(wrong.json());
  });

  it('keeps HTML as the text the student typed and drops invisible control characters', async () => {
    // (a NUL character is refused before any route sees it, like on every route: http/nul-bytes.ts)
    const school = await newSchool('成华区转义测试中学', 'middle');
    const body = '<script>alert("x")</script><b>老师</b>我想问\u202e\u200b一个问题';
    const sent = await write(school.name, { body, contact: '<img src=x onerror=alert(1)>' });
    expect(sent.statusCode, sent.body).toBe(201);
    const picked = (await pickUp(sent.json<{ pickupCode: string }>().pickupCode)).json<TPickedUpLetter>();
    expect(picked.body).toBe('<script>alert("x")</script><b>老师</b>我想问一个问题');
    const letters = (
      await as('clerk6', 'GET', `/api/mailbox/letters?schoolId=${school.id}`)
    ).json<TLetterList>();
    expect(letters.items.find((l) => l.body.startsWith('<script>'))?.contact).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('refuses attachments and anything but the letter fields, in Chinese', async () => {
    const school = await newSchool('成华区附件测试中学', 'middle');
    const boundary = '----procura';
    const multipart = await t.app.inject({
      method: 'POST',
      url: `/api/public/mailbox/${token[school.name]}/letters`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nxx\r\n--${boundary}--\r\n`,
      remoteAddress: nextAddress(),
    });
    expect(multipart.statusCode).toBe(415);
    expect(multipart.json<{ message: string }>().message).toBe(
      '校园信箱不接收附件、图片或文件，只能填写文字内容',
    );

    const extraField = await write(school.name, {
      body: '我想问一个问题',
      attachment: 'data:image/png;base64,AAAA',
    });
    expect(extraField.statusCode).toBe(400);
    const tooLong = await write(school.name, { body: '长'.repeat(2001) });
    expect(tooLong.json<{ message: string }>().message).toContain('来信内容最多 2000 个字');
    const unknownSchool = await t.app.inject({
      method: 'GET',
      url: '/api/public/mailbox/nosuchschooltoken123',
    });
    expect(unknownSchool.statusCode).toBe(404);
    expect(unknownSchool.json<{ message: string }>().message).toContain('信箱链接无效');
    // A link cut short, padded, mistyped or too long answers exactly like an unknown one.
    for (const malformed of [
      'abc',
      token[school.name]!.slice(0, 10),
      `${'x'.repeat(80)}`,
      '%E4%BF%A1%E7%AE%B1',
    ]) {
      for (const method of ['GET', 'POST'] as const) {
        const answer = await t.app.inject({
          method,
          url: `/api/public/mailbox/${malformed}${method === 'POST' ? '/letters' : ''}`,
          remoteAddress: nextAddress(),
          ...(method === 'POST' ? { payload: { body: '我想问一个问题' } } : {}),
        });
        expect(answer.statusCode, `${method} ${malformed}`).toBe(404);
        expect(answer.json(), `${method} ${malformed}`).toEqual(unknownSchool.json());
      }
    }
  });

  it(`limits one address to ${mailboxRateLimits.submit.max} letters in 10 minutes with a Chinese 429`, async () => {
    const school = await newSchool('成华区限频测试幼儿园');
    const address = '10.200.0.1';
    for (let i = 0; i < mailboxRateLimits.submit.max; i++) {
      expect((await write(school.name, { body: `第${i}封：食堂的饭菜问题` }, address)).statusCode).toBe(201);
    }
    const limited = await write(school.name, { body: '再写一封：食堂的饭菜问题' }, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
  });

  it('a flood of 60 letters from 6 addresses never refuses a genuine student: stored, marked, folded', async () => {
    // The scenario: a leaked link and a script. Before, the 60 letters filled the
    // school's hourly cap and the genuine letter from a new address got 429.
    const created = await as('chief', 'POST', '/api/partner-schools', {
      name: '成华区刷信测试小学',
      kind: 'primary',
    });
    expect(created.statusCode, created.body).toBe(201);
    const school = created.json<TPartnerSchool>();
    token[school.name] = school.mailboxPath.split('/').pop()!;
    const floodNotices = async (user: string) =>
      (await as(user, 'GET', '/api/notifications'))
        .json<TNotificationList>()
        .items.filter((n) => n.kind === 'mailbox.flood' && n.text.includes(school.name));
    const urgentNotices = async () =>
      (await as('clerk6', 'GET', '/api/notifications'))
        .json<TNotificationList>()
        .items.filter((n) => n.kind === 'mailbox.urgent' && n.text.includes(school.name));

    const unreadBefore = (await as('clerk6', 'GET', '/api/mailbox/letters')).json<TLetterList>().unread;
    const addresses = ['10.66.0.1', '10.66.0.2', '10.66.0.3', '10.66.0.4', '10.66.0.5', '10.66.0.6'];
    for (let i = 0; i < 60; i++) {
      const junk = await write(school.name, { body: `第${i}封：我要自杀，垃圾垃圾垃圾` }, addresses[i % 6]);
      expect(junk.statusCode, junk.body).toBe(201);
    }
    const genuine = await write(
      school.name,
      { body: '老师您好，班上有几个同学天天欺负我，还抢我的零花钱，我不敢告诉爸妈。', grade: '四年级' },
      '10.66.1.77',
    );
    expect(genuine.statusCode, genuine.body).toBe(201);

    // The genuine letter is among the letters; the flood is apart, under 疑似刷信.
    const letters = (
      await as('clerk6', 'GET', `/api/mailbox/letters?schoolId=${school.id}&suspected=false`)
    ).json<TLetterList>();
    expect(letters.items.map((l) => l.body)).toEqual([
      '老师您好，班上有几个同学天天欺负我，还抢我的零花钱，我不敢告诉爸妈。',
    ]);
    expect(letters.items[0]).toMatchObject({ suspected: false, suspectedReason: null, urgent: true });
    const suspected = (
      await as('clerk6', 'GET', `/api/mailbox/letters?schoolId=${school.id}&suspected=true&pageSize=100`)
    ).json<TLetterList>();
    expect(suspected.total).toBe(60);
    expect(suspected.items.every((l) => l.suspected && l.body.includes('垃圾'))).toBe(true);
    expect(suspected.items[0]!.suspectedReason).toContain('内容重复');
    // The unread badge counts the student's letter, not the flood.
    expect(letters.unread).toBe(unreadBefore + 1);

    // One urgent notice per staff member for the school, with the count, instead of 61.
    const urgent = await urgentNotices();
    expect(urgent).toHaveLength(1);
    expect(urgent[0]!.text).toContain('5 分钟内收到 61 封紧急来信');
    expect(urgent[0]!.text).toContain('暴力/欺凌');
    expect(urgent[0]!.readAt).toBeNull();
    // The admin (and the juvenile staff) are told of the flood once, not per letter.
    expect(await floodNotices('admin')).toHaveLength(1);
    expect(await floodNotices('clerk6')).toHaveLength(1);
    expect(await floodNotices('prosecutor1')).toHaveLength(0);
    expect((await floodNotices('admin'))[0]!.text).toContain('疑似刷信');

    // A prosecutor judges one suspected letter genuine: it joins the letters, and stays there.
    const one = suspected.items[0]!;
    expect((await as('prosecutor1', 'POST', `/api/mailbox/letters/${one.id}/release`)).statusCode).toBe(404);
    const released = await as('clerk6', 'POST', `/api/mailbox/letters/${one.id}/release`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json<TLetter>()).toMatchObject({ suspected: false, releasedAt: expect.any(String) });
    expect(released.json<TLetter>().suspectedReason).toContain('内容重复');
    const after = (
      await as('clerk6', 'GET', `/api/mailbox/letters?schoolId=${school.id}&suspected=false`)
    ).json<TLetterList>();
    expect(after.total).toBe(2);
    const more = await write(school.name, { body: `第99封：我要自杀，垃圾垃圾垃圾` }, '10.66.2.1');
    expect(more.statusCode).toBe(201);
    expect(
      (
        await as('clerk6', 'GET', `/api/mailbox/letters?schoolId=${school.id}&suspected=true&pageSize=100`)
      ).json<TLetterList>().total,
    ).toBe(60);
    const audit = (await as('chief', 'GET', '/api/audit?action=mailbox.release')).json<{
      items: { targetId: string }[];
    }>();
    expect(audit.items.map((e) => e.targetId)).toEqual([String(one.id)]);
    // Still one word to the admin: the episode goes on.
    expect(await floodNotices('admin')).toHaveLength(1);
  });

  it(`refuses suspected letters beyond ${mailboxCeiling.suspected.letters} a day per school, but not genuine ones`, async () => {
    const created = await as('chief', 'POST', '/api/partner-schools', {
      name: '成华区容量测试中学',
      kind: 'middle',
    });
    const school = created.json<TPartnerSchool>();
    token[school.name] = school.mailboxPath.split('/').pop()!;
    // The day's letters so far, stored directly: the ceiling counts what is stored, however it came.
    await t.database.db.insert(schema.mailboxLetters).values(
      Array.from({ length: mailboxCeiling.suspected.letters - 1 }, (_, i) => ({
        schoolId: school.id,
        topic: 'other' as const,
        topicSource: 'keywords' as const,
        body: `早些时候的来信 ${i}`,
        pickupCodeHash: `ceiling-test-${kind}-${i}`,
        createdAt: new Date(testNow.getTime() - 3 * 3_600_000),
      })),
    );
    const address = '10.67.0.1';
    const questions = [
      '食堂的饭菜很贵',
      '周末补课合法吗',
      '宿舍晚上太吵了',
      '体育课总被占用',
      '图书馆能延长开放吗',
    ];
    for (const body of questions.slice(0, 4)) {
      expect((await write(school.name, { body }, address)).statusCode).toBe(201);
    }
    // The fifth from one address is suspected and over the ceiling for suspected letters.
    const refused = await write(school.name, { body: questions[4]! }, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<{ message: string }>().message).toContain('本校信箱今天收到的来信过多');
    const genuine = await write(school.name, { body: '老师，放学路上总有人跟着我，我很害怕。' }, '10.67.0.2');
    expect(genuine.statusCode, genuine.body).toBe(201);
  });

  it('an urgent letter notifies the juvenile department at once and becomes one of its clues', async () => {
    const school = await newSchool('成华区紧急来信测试小学');
    const sent = await write(school.name, {
      body: '班上有几个同学天天欺负我，还勒索我的零花钱，我有时候真的不想活了',
      contact: '五年级二班 小明',
    });
    expect(sent.statusCode).toBe(201);

    const bell = (await as('clerk6', 'GET', '/api/notifications?unread=true')).json<TNotificationList>();
    const notice = bell.items.find((n) => n.kind === 'mailbox.urgent' && n.text.includes(school.name))!;
    // Separate categories, each with the words that matched.
    expect(notice.text).toContain('涉及暴力/欺凌（“欺负”“勒索”）、自伤自杀（“不想活”）');
    const other = (
      await as('prosecutor1', 'GET', '/api/notifications?unread=true')
    ).json<TNotificationList>();
    expect(other.items.some((n) => n.kind === 'mailbox.urgent')).toBe(false);

    const letterId = Number(notice.link!.split('/').pop());
    const letter = (await as('clerk6', 'GET', `/api/mailbox/letters/${letterId}`)).json<TLetter>();
    expect(letter).toMatchObject({ urgent: true, anonymous: false, topic: 'bullying' });
    expect(letter.urgentCategories).toEqual([
      { category: 'violence', label: '暴力/欺凌', words: ['欺负', '勒索'] },
      { category: 'selfHarm', label: '自伤自杀', words: ['不想活'] },
    ]);

    const converted = await as('clerk6', 'POST', `/api/mailbox/letters/${letterId}/clue`, {});
    expect(converted.statusCode, converted.body).toBe(201);
    const { clueId } = converted.json<{ clueId: number }>();
    const clues = (await as('clerk6', 'GET', '/api/clues?q=校园信箱')).json<TClueList>();
    const clue = clues.items.find((c) => c.id === clueId)!;
    expect(clue).toMatchObject({ sourceLabel: '12309/群众举报', department: { name: '第六检察部' } });
    expect(clue.title).toContain('（紧急）');
    expect(clue.description).toContain('勒索我的零花钱');

    const twice = await as('clerk6', 'POST', `/api/mailbox/letters/${letterId}/clue`, {});
    expect(twice.statusCode).toBe(409);
    const audit = (await as('chief', 'GET', '/api/audit?action=mailbox.toClue')).json<{
      items: { targetId: string }[];
    }>();
    expect(audit.items.map((e) => e.targetId)).toContain(String(letterId));
  });

  it('a letter saying 打我 is labelled 暴力/欺凌, not 性侵害', async () => {
    const school = await newSchool('成华区打我测试中学');
    const sent = await write(school.name, { body: '放学后那几个人总是打我，我不敢回家' });
    expect(sent.statusCode, sent.body).toBe(201);
    const list = (
      await as('clerk6', 'GET', '/api/mailbox/letters?urgent=true&pageSize=100')
    ).json<TLetterList>();
    const letter = list.items.find((l) => l.body.includes('总是打我'))!;
    expect(letter.urgentReason).toBe('暴力/欺凌（“打我”）');
    expect(letter.urgentCategories).toEqual([{ category: 'violence', label: '暴力/欺凌', words: ['打我'] }]);
  });

  it('counts letters per school and topic for prevention work', async () => {
    const school = await newSchool('成华区统计测试小学');
    for (const body of ['请问未满十六岁可以去奶茶店打工吗？', '班上有几个同学天天欺负我，我不敢上学']) {
      expect((await write(school.name, { body })).statusCode).toBe(201);
    }
    const stats = (await as('clerk6', 'GET', '/api/mailbox/statistics')).json<TLetterStatistics>();
    const primary = stats.schools.find((s) => s.name === school.name)!;
    expect(primary).toMatchObject({ total: 2, urgent: 1, byTopic: { legalQuestion: 1, bullying: 1 } });
    expect(stats.topics.map((topic) => topic.label)).toContain('校园欺凌');
    const tomorrowOnly = await as('clerk6', 'GET', '/api/mailbox/statistics?from=2100-01-01');
    expect(tomorrowOnly.json<TLetterStatistics>().schools.every((s) => s.total === 0)).toBe(true);
  });

  it('keeps letters within the juvenile department and the chief', async () => {
    const school = await newSchool('成华区权限测试小学');
    expect((await write(school.name, { body: '老师，我想问一个关于上学的问题' })).statusCode).toBe(201);
    const letters = (await as('prosecutor1', 'GET', '/api/mailbox/letters')).json<TLetterList>();
    expect(letters).toEqual({ items: [], total: 0, unread: 0 });
    expect((await as('prosecutor1', 'GET', '/api/partner-schools')).json<TPartnerSchoolList>().items).toEqual(
      [],
    );
    expect(
      (await as('prosecutor1', 'GET', '/api/mailbox/statistics')).json<TLetterStatistics>().schools,
    ).toEqual([]);
    const someLetter = (
      await as('chief', 'GET', `/api/mailbox/letters?schoolId=${school.id}`)
    ).json<TLetterList>().items[0]!;
    const hidden = await as('prosecutor1', 'GET', `/api/mailbox/letters/${someLetter.id}`);
    expect(hidden.statusCode).toBe(404);
    const answer = await as('prosecutor1', 'POST', `/api/mailbox/letters/${someLetter.id}/answer`, {
      answer: '越权答复',
    });
    expect(answer.statusCode).toBe(404);
    const create = await as('prosecutor1', 'POST', '/api/partner-schools', {
      name: '某某小学',
      kind: 'primary',
    });
    expect(create.json<{ message: string }>().message).toBe('对接学校由未成年人检察部门办理');
    for (const url of ['/api/mailbox/letters', '/api/partner-schools', '/api/mailbox/statistics']) {
      expect((await as('school1', 'GET', url)).statusCode).toBe(403);
    }
    // The chief reads every school's letters, the juvenile department's own included.
    const all = (await as('chief', 'GET', '/api/mailbox/letters?pageSize=100')).json<TLetterList>();
    expect(all.items.map((l) => l.id)).toContain(someLetter.id);
  });

  it('prints a QR code of the school link and can replace a leaked link', async () => {
    const school = await newSchool('成华区二维码测试中学', 'middle');
    const qr = (await as('chief', 'GET', `/api/partner-schools/${school.id}/mailbox-qr`)).json<{
      svg: string;
      url: string;
    }>();
    expect(qr.svg).toMatch(/^<svg/);
    expect(qr.url).toBe(`${testPublicUrl}${school.mailboxPath}`);
    // A forged Host (or forwarded host) never puts another site on the poster.
    const spoofed = await t.app.inject({
      method: 'GET',
      url: `/api/partner-schools/${school.id}/mailbox-qr`,
      headers: {
        cookie: cookies.chief!,
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
      },
    });
    expect(spoofed.statusCode, spoofed.body).toBe(200);
    expect(spoofed.json<{ url: string }>().url).toBe(qr.url);
    expect(spoofed.json<{ svg: string }>().svg).toBe(qr.svg);
    const renewed = await as('chief', 'POST', `/api/partner-schools/${school.id}/mailbox-link`);
    expect(renewed.json<{ mailboxPath: string }>().mailboxPath).not.toBe(school.mailboxPath);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/public/mailbox/${school.mailboxPath.split('/').pop()}`,
    });
    expect(old.statusCode).toBe(404);
  });
});

describe('campus mailbox QR code without PROCURA_PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { publicUrl: null });
  });
  afterAll(() => t?.close());

  it('answers 503 in Chinese instead of trusting the Host header', async () => {
    const cookie = await t.login('chief');
    const schools = (
      await t.app.inject({ method: 'GET', url: '/api/partner-schools', headers: { cookie } })
    ).json<TPartnerSchoolList>();
    const qr = await t.app.inject({
      method: 'GET',
      url: `/api/partner-schools/${schools.items[0]!.id}/mailbox-qr`,
      headers: { cookie, host: 'evil.example' },
    });
    expect(qr.statusCode).toBe(503);
    expect(qr.json<{ message: string }>().message).toContain('PROCURA_PUBLIC_URL');
    expect(qr.body).not.toContain('evil.example');
  });
});
