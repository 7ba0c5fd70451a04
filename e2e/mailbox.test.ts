import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import { loginThroughPage, logout, screenshot, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('mailbox');

/** A student's phone: no session, a narrow screen. */
async function studentPage(): Promise<Page> {
  const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 420, height: 860 } });
  return context.newPage();
}

async function staffPage(username: string): Promise<Page> {
  const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await loginThroughPage(page, e2e.server.url, username, demoPassword);
  return page;
}

async function writeLetter(
  page: Page,
  link: string,
  letter: { body: string; contact?: string },
  shot?: string,
): Promise<string> {
  await page.goto(link);
  await expect.poll(() => page.getByTestId('mailbox-school').textContent()).toBe('成华区演示实验小学');
  await page.getByTestId('letter-body').fill(letter.body);
  if (letter.contact) {
    await page.getByTestId('letter-named').click();
    await page.getByTestId('letter-contact').fill(letter.contact);
  }
  if (shot) await screenshot(page, shot);
  await page.getByTestId('letter-submit').click();
  const code = page.getByTestId('pickup-code');
  await expect.poll(() => code.count()).toBe(1);
  return (await code.textContent())!.trim();
}

describe('校园信箱 in the browser', () => {
  let link: string;

  it('the juvenile department prints a school’s QR poster, whose link a student opens without an account', async () => {
    const page = await staffPage('clerk6');
    await page.getByTestId('side-menu').getByText('校园信箱', { exact: true }).click();
    await page.getByText('对接学校与二维码').click();
    await page
      .getByRole('row', { name: /成华区演示实验小学/ })
      .getByText('二维码海报')
      .click();
    await expect
      .poll(() =>
        page
          .getByTestId('poster-qr')
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBeGreaterThan(0);
    link = (await page.getByTestId('poster-url').textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${e2e.server.url}/campus-mailbox/[A-Za-z0-9_-]{22}$`));
    await settledScreenshot(page, 'mailbox-01-poster');
    await page.context().close();
  });

  it('a student writes a letter, gets a pickup code, and later reads the prosecutor’s answer with it', async () => {
    const student = await studentPage();
    const code = await writeLetter(student, link, {
      body: '<b>老师好</b>：我今年十五岁，暑假可以去奶茶店打工吗？',
    });
    expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    await screenshot(student, 'mailbox-02-pickup-code');

    await student.goto(`${e2e.server.url}/campus-mailbox/pickup`);
    await student.getByTestId('pickup-input').fill(code);
    await student.getByTestId('pickup-submit').click();
    await expect.poll(() => student.getByTestId('pickup-pending').count()).toBe(1);
    // The HTML the student typed comes back as the text typed, not as markup.
    expect(await student.getByTestId('pickup-body').textContent()).toBe(
      '<b>老师好</b>：我今年十五岁，暑假可以去奶茶店打工吗？',
    );
    expect(await student.getByTestId('pickup-body').locator('b').count()).toBe(0);

    await student.getByTestId('pickup-input').fill('ABCD-EFGH-JKMN-PQRS');
    await student.getByTestId('pickup-submit').click();
    await expect.poll(() => student.getByTestId('pickup-error').textContent()).toContain('取件码不正确');

    const clerk = await staffPage('clerk6');
    await clerk.getByTestId('side-menu').getByText('校园信箱', { exact: true }).click();
    await expect.poll(() => clerk.getByTestId('letters-table').textContent()).toContain('奶茶店');
    await settledScreenshot(clerk, 'mailbox-03-letters');
    await clerk
      .getByTestId('letters-table')
      .getByText(/奶茶店/)
      .click();
    await clerk
      .getByTestId('letter-answer')
      .fill(
        '同学你好：劳动法禁止用人单位招用未满十六周岁的未成年人。暑假可以参加学校组织的社会实践，不要去打工。',
      );
    await clerk.getByTestId('letter-answer-submit').click();
    await expect.poll(() => clerk.getByText(/答复；再次提交将替换原答复/).count()).toBe(1);
    await settledScreenshot(clerk, 'mailbox-04-answered');
    await clerk.context().close();

    await student.getByTestId('pickup-input').fill(code.toLowerCase());
    await student.getByTestId('pickup-submit').click();
    await expect
      .poll(() => student.getByTestId('pickup-answer').textContent())
      .toContain('禁止用人单位招用未满十六周岁');
    await screenshot(student, 'mailbox-05-answer-read');
    await student.context().close();
  });

  it('an urgent letter rings the juvenile department’s bell and becomes a clue in the clue list', async () => {
    const student = await studentPage();
    await writeLetter(
      student,
      link,
      { body: '班上几个同学天天欺负我，还逼我交零花钱，我有时候真的不想活了。', contact: '五年级二班 小明' },
      'mailbox-06a-write-urgent',
    );
    await student.context().close();

    const clerk = await staffPage('clerk6');
    await expect.poll(() => clerk.getByTestId('notification-unread').textContent()).toContain('1');
    await clerk.getByTestId('notification-bell').click();
    const notice = clerk.getByTestId('notification-list').getByText(/紧急来信/);
    await expect.poll(() => notice.textContent()).toContain('自伤自杀');
    await screenshot(clerk, 'mailbox-06-bell');
    await notice.click();
    await clerk.waitForURL((url) => /^\/mailbox\/letters\/\d+$/.test(url.pathname));
    await expect.poll(() => clerk.getByTestId('letter-urgent').textContent()).toContain('暴力/欺凌');
    await settledScreenshot(clerk, 'mailbox-07-urgent-letter');
    await clerk.getByTestId('letter-to-clue').click();
    await clerk.locator('.ant-popconfirm').getByRole('button', { name: '转为线索' }).click();
    await clerk.waitForURL((url) => /^\/clues\/\d+$/.test(url.pathname));
    const clueId = new URL(clerk.url()).pathname.split('/').pop();

    await clerk.getByTestId('side-menu').getByText('线索', { exact: true }).click();
    const clueLink = clerk.getByTestId(`clue-link-${clueId}`);
    await expect.poll(() => clueLink.textContent()).toContain('校园信箱来信：校园欺凌（紧急）');
    expect(await clerk.getByRole('row', { name: /校园信箱来信/ }).textContent()).toContain('12309/群众举报');
    await settledScreenshot(clerk, 'mailbox-08-clue-list');
    await logout(clerk);
    await clerk.context().close();
  });

  it('shows each school’s letter topics as a chart, and records the lesson given on the topic', async () => {
    const clerk = await staffPage('clerk6');
    await clerk.goto(`${e2e.server.url}/mailbox/statistics`);
    await expect.poll(() => clerk.getByTestId('topic-chart').locator('canvas').count()).toBe(1);
    await settledScreenshot(clerk, 'mailbox-09-statistics');

    await clerk.getByTestId('side-menu').getByText('法治宣传活动', { exact: true }).click();
    await clerk.getByTestId('outreach-create').click();
    await clerk.getByTestId('outreach-title').fill('法治进校园：向校园欺凌说不');
    await clerk.getByTestId('outreach-place').fill('成华区演示实验小学报告厅');
    await clerk.getByTestId('outreach-audience').fill('五、六年级学生');
    await clerk.getByTestId('outreach-count').fill('320');
    await clerk.getByTestId('outreach-materials').fill('防欺凌课件\n《未成年人保护法》宣传册 300 份');
    await clerk.getByTestId('outreach-submit').click();
    await expect
      .poll(() => clerk.getByTestId('outreach-table').textContent())
      .toContain('法治进校园：向校园欺凌说不');
    expect(await clerk.getByText('共 1 次活动，参加 320 人次').count()).toBe(1);
    await settledScreenshot(clerk, 'mailbox-10-outreach');
    await clerk.context().close();
  });

  it('a flood lands under 疑似刷信, apart from the letters, and a letter judged genuine is released', async () => {
    const cookie = await loginCookie(e2e.server.url, 'clerk6', demoPassword);
    const schools = (await (
      await fetch(`${e2e.server.url}/api/partner-schools`, { headers: { cookie } })
    ).json()) as { items: { name: string; mailboxPath: string }[] };
    const token = schools.items
      .find((s) => s.name === '成华区演示中学')!
      .mailboxPath.split('/')
      .pop();
    for (let i = 0; i < 5; i++) {
      const sent = await fetch(`${e2e.server.url}/api/public/mailbox/${token}/letters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: `第${i}封：刷信刷信刷信，垃圾内容` }),
      });
      expect(sent.status).toBe(201);
    }

    const clerk = await staffPage('clerk6');
    await clerk.getByTestId('side-menu').getByText('校园信箱', { exact: true }).click();
    await expect.poll(() => clerk.getByTestId('letters-table').textContent()).toContain('奶茶店');
    expect(await clerk.getByTestId('letters-table').textContent()).not.toContain('刷信刷信');
    await clerk.getByTestId('letters-suspected-tab').click();
    await expect.poll(() => clerk.getByTestId('letters-table').textContent()).toContain('第4封：刷信刷信');
    expect(await clerk.getByTestId('letters-table').textContent()).toContain('疑似刷信：');
    await settledScreenshot(clerk, 'mailbox-11-suspected');
    await clerk
      .getByTestId('letters-table')
      .getByText(/第0封：刷信刷信/)
      .click();
    // Showing the letter marks it read (a POST); the warning offers the release.
    await expect.poll(() => clerk.getByTestId('letter-status').textContent()).toBe('已读');
    await expect.poll(() => clerk.getByTestId('letter-suspected').textContent()).toContain('内容重复');
    await clerk.getByTestId('letter-release').click();
    await expect.poll(() => clerk.getByTestId('letter-suspected').count()).toBe(0);
    await clerk.getByText('返回来信列表').click();
    await expect.poll(() => clerk.getByTestId('letters-table').textContent()).toContain('第0封：刷信刷信');
    await clerk.context().close();
  });
});
