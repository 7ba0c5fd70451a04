import { messyAmount, messyDate, messyIdNumber, messyMonth, messyName } from './messy.ts';
import { seededRandom } from './random.ts';
import type { Death, Payment, Pension, Spell } from './scenarios.ts';

/** Clean CSV lines (ISO dates, plain ids, yuan) for the hand-written SQL baseline. */
export function* cleanPaymentLines(payments: Iterable<Payment>): Generator<string> {
  yield 'id_number,name,paid_date,amount';
  for (const p of payments) {
    if (p.spoiled) continue;
    yield `${p.idNumber},${p.name},${p.paidDate},${(p.fen / 100).toFixed(2)}`;
  }
}

export function* cleanSpellLines(spells: Spell[]): Generator<string> {
  yield 'id_number,name,admitted,released';
  for (const s of spells) yield `${s.idNumber},${s.name},${s.admitted},${s.released ?? ''}`;
}

/** Messy lines as government spreadsheets export them, with the spoiled rows spoiled. */
export function* messyPaymentLines(payments: Iterable<Payment>, seed = 7): Generator<string> {
  const random = seededRandom(seed);
  yield '序号,公民身份号码,姓名,发放日期,发放金额（元）,补助类型';
  let n = 0;
  for (const p of payments) {
    const id = p.spoiled === 'id' ? p.idNumber.slice(0, 12) : messyIdNumber(random, p.idNumber);
    const date = p.spoiled === 'date' ? '2022-13-45' : messyDate(random, p.paidDate);
    const amount = p.spoiled === 'amount' ? '-680' : messyAmount(random, p.fen);
    yield `${++n},${id},${messyName(random, p.name)},${date},${amount},${random() < 0.5 ? '低保' : '临时救助'}`;
  }
}

export function* messySpellLines(spells: Spell[], seed = 8): Generator<string> {
  const random = seededRandom(seed);
  yield '罪犯姓名,身份证号码,入监日期,刑满释放日期';
  for (const s of spells) {
    const released = s.released === null ? '' : messyDate(random, s.released);
    yield `${messyName(random, s.name)},${messyIdNumber(random, s.idNumber)},${messyDate(random, s.admitted)},${released}`;
  }
}

export function* messyPensionLines(pensions: Pension[], seed = 9): Generator<string> {
  const random = seededRandom(seed);
  yield '社会保障号码,姓名,待遇所属期,养老金金额';
  for (const p of pensions) {
    const id = p.spoiled === 'id' ? `${p.idNumber.slice(0, 17)}Y` : messyIdNumber(random, p.idNumber);
    const month = p.spoiled === 'month' ? '2022年13月' : messyMonth(random, p.payMonth);
    yield `${id},${messyName(random, p.name)},${month},${messyAmount(random, p.fen)}`;
  }
}

export function* messyDeathLines(deaths: Death[], seed = 10): Generator<string> {
  const random = seededRandom(seed);
  yield '姓名,公民身份号码,死亡日期';
  for (const d of deaths)
    yield `${messyName(random, d.name)},${messyIdNumber(random, d.idNumber)},${messyDate(random, d.deathDate)}`;
}
