import { describe, expect, it } from 'vitest';
import { assessLetter, type FloodLetter, floodRules, floodText, textSimilarity } from './flood.ts';

const start = new Date('2026-03-02T08:00:00+08:00');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

/** Letters as a script sends them: `senders` addresses in turn, numbered copies of one text. */
function scripted(count: number, senders: number, body = (i: number) => `第${i}封：学校食堂太差了！！`) {
  return Array.from(
    { length: count },
    (_, i): FloodLetter => ({ id: i + 1, at: at(i), sender: `s${i % senders}`, body: body(i) }),
  );
}

describe('campus mailbox flood rules', () => {
  it('folds texts so numbered copies of one letter compare equal', () => {
    expect(floodText('第 12 封：学校食堂太差了！！')).toBe(floodText('第3封:学校食堂太差了'));
    expect(textSimilarity(floodText('第1封：学校食堂太差了'), floodText('第2封：学校食堂太差了'))).toBe(1);
    expect(textSimilarity('班上同学欺负我', '请问暑假可以打工吗')).toBeLessThan(0.2);
  });

  it('suspects a sender from its fifth letter in ten minutes, and its earlier ones with it', () => {
    const earlier = [1, 2, 3, 4].map((i) => ({
      id: i,
      at: at(i * 60),
      sender: 'a',
      body: `问题${'甲乙丙丁'[i - 1]}各不相同${i}`,
    }));
    const fourth = assessLetter(earlier.slice(0, 3), { at: at(300), sender: 'a', body: '又一个不同的问题' });
    expect(fourth.reasons).toEqual([]);
    const fifth = assessLetter(earlier, { at: at(300), sender: 'a', body: '又一个不同的问题' });
    expect(fifth).toEqual({ reasons: ['sameAddress'], alsoSuspected: [1, 2, 3, 4] });
    // Letters older than the window do not count.
    const later = assessLetter(earlier, {
      at: at(60 + floodRules.windowMs / 1000),
      sender: 'a',
      body: '又一个问题',
    });
    expect(later.reasons).toEqual([]);
  });

  it('suspects the third copy of a text from different senders, and the copies before it', () => {
    const copies = scripted(2, 2);
    expect(
      assessLetter(copies.slice(0, 1), { at: at(10), sender: 'x', body: '第9封：学校食堂太差了' }).reasons,
    ).toEqual([]);
    expect(assessLetter(copies, { at: at(10), sender: 'x', body: '第9封：学校食堂太差了' })).toEqual({
      reasons: ['repeatedText'],
      alsoSuspected: [1, 2],
    });
  });

  it('in a burst suspects letters like the others, but not a genuine letter from a new sender', () => {
    const flood = scripted(
      60,
      6,
      (i) => `${'天地玄黄宇宙洪荒日月盈昃辰宿列张'.slice(i % 10, (i % 10) + 6)}垃圾信${i}`,
    );
    const genuine = assessLetter(flood, {
      at: at(61),
      sender: 'new',
      body: '老师您好，班上有同学天天欺负我，还抢我的零花钱，我不敢告诉爸妈。',
    });
    expect(genuine).toEqual({ reasons: [], alsoSuspected: [] });
    const junk = assessLetter(flood, { at: at(61), sender: 'new', body: '天地玄黄宇宙垃圾信' });
    expect(junk.reasons).toContain('burst');
  });

  it('leaves an unknown sender alone as to addresses and ignores letters from the future', () => {
    const unknown = [1, 2, 3, 4].map((i) => ({
      id: i,
      at: at(i),
      sender: null,
      body: `不同内容${'甲乙丙丁'[i - 1]}`,
    }));
    expect(assessLetter(unknown, { at: at(5), sender: null, body: '另外的内容' }).reasons).toEqual([]);
    const future = scripted(5, 1);
    expect(assessLetter(future, { at: at(-1), sender: 's0', body: '一封信' }).reasons).toEqual([]);
  });
});
