import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAttachment } from '../attachments/schema.ts';
import type { TClueDetail } from '../clues/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testNow } from '../testing/test-clock.ts';
import type { TNotificationList } from './schema.ts';

// A notice's 时间 and a file's 上传时间 are what the user reads as "when": they follow the app's
// clock like every other date, not the database's, so a test clock (and PROCURA_CLOCK in the
// browser tests) sees them at its own time.
describe.each(testEngines())('times stamped by the server clock (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['prosecutor1', 'head5']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('a transferred clue’s notice and its file carry the server clock’s time', async () => {
    const registered = await f.as('prosecutor1', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '某公司非法占用林地线索',
      description: '办理盗伐林木案中发现某公司非法占用林地，主管部门未依法查处。',
      parties: [],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const clueId = registered.json<{ clue: TClueDetail }>().clue.id;

    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/clues/${clueId}/attachments?name=${encodeURIComponent('现场照片.png')}`,
      headers: { cookie: cookies.prosecutor1!, 'content-type': 'application/octet-stream' },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json<TAttachment>().uploadedAt).toBe(testNow.toISOString());

    const departments = (await f.as('head5', 'GET', '/api/departments')).json<
      { id: number; name: string }[]
    >();
    const sent = await f.as('prosecutor1', 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'transfer',
      transfer: {
        toDepartmentId: departments.find((d) => d.name === '第五检察部')!.id,
        reason: '国有财产受损，属公益诉讼职能',
        pilField: 'stateProperty',
      },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const notices = (await f.as('head5', 'GET', '/api/notifications')).json<TNotificationList>();
    const notice = notices.items.find((n) => n.text.includes('某公司非法占用林地线索'));
    expect(notice?.createdAt).toBe(testNow.toISOString());
  });
});
