import { type Person, randomPeople } from './people.ts';
import { between, pickFrom, seededRandom } from './random.ts';

const day = 86_400_000;
const isoOf = (days: number) => new Date(days * day).toISOString().slice(0, 10);
const daysOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / day;
const start = daysOf('2015-01-01');
const end = daysOf('2024-12-31');

export interface Spell extends Person {
  admitted: string;
  /** null: still in prison */
  released: string | null;
}

export interface Payment extends Person {
  paidDate: string;
  fen: number;
  /** set on rows the generator spoils on purpose: the engine must reject them */
  spoiled?: 'date' | 'id' | 'amount';
}

/**
 * Prison spells (one to three per prisoner, some still open) and a payment generator where about
 * a fifth of payments go to prisoners and some fall exactly on admission, release and the day after.
 */
export function prisonerSubsidyScenario(options: { seed: number; spells: number; payments: number }) {
  const random = seededRandom(options.seed);
  const prisonerCount = Math.max(1, Math.round(options.spells / 1.6));
  const people = randomPeople(random, prisonerCount + Math.max(10, Math.round(options.payments / 12)));
  const prisoners = people.slice(0, prisonerCount);
  const spells: Spell[] = [];
  const spellsOf = new Map<string, Spell[]>();
  for (let i = 0; spells.length < options.spells && i < options.spells * 50; i++) {
    const person = prisoners[i % prisoners.length]!;
    const own = spellsOf.get(person.idNumber) ?? [];
    const previous = own[own.length - 1];
    if (previous && previous.released === null) continue;
    const from = previous
      ? daysOf(previous.released!) + between(random, 30, 900)
      : between(random, start, end - 400);
    if (from > end) continue;
    const length = between(random, 30, 1500);
    const released = from + length > end || random() < 0.1 ? null : isoOf(from + length);
    const spell = { ...person, admitted: isoOf(from), released };
    spells.push(spell);
    own.push(spell);
    spellsOf.set(person.idNumber, own);
  }
  function* payments(): Generator<Payment> {
    const paymentRandom = seededRandom(options.seed + 1);
    for (let i = 0; i < options.payments; i++) {
      const roll = paymentRandom();
      let payment: Payment;
      if (roll < 0.2 && spells.length > 0) {
        const spell = pickFrom(paymentRandom, spells);
        const edge = paymentRandom();
        const admitted = daysOf(spell.admitted);
        const released = spell.released ? daysOf(spell.released) : end;
        const date =
          edge < 0.1
            ? admitted
            : edge < 0.2
              ? released
              : edge < 0.3
                ? released + 1
                : edge < 0.4
                  ? admitted - 1
                  : between(paymentRandom, admitted - 200, released + 200);
        payment = { idNumber: spell.idNumber, name: spell.name, paidDate: isoOf(date), fen: 0 };
      } else {
        const person = pickFrom(paymentRandom, people);
        payment = { ...person, paidDate: isoOf(between(paymentRandom, start, end)), fen: 0 };
      }
      payment.fen = pickFrom(paymentRandom, [68000, 68000, 52000, 120050, 34000, 1000000, 12345]);
      const spoil = paymentRandom();
      if (spoil < 0.002) payment.spoiled = 'date';
      else if (spoil < 0.004) payment.spoiled = 'id';
      else if (spoil < 0.005) payment.spoiled = 'amount';
      yield payment;
    }
  }
  return { spells, payments };
}

export interface Death extends Person {
  deathDate: string;
}
export interface Pension extends Person {
  payMonth: string;
  fen: number;
  spoiled?: 'month' | 'id';
}

/** Pensioners paid monthly 2021–2024; a tenth died, and some were paid for months after. */
export function deceasedPensionScenario(options: { seed: number; pensioners: number }) {
  const random = seededRandom(options.seed);
  const people = randomPeople(random, options.pensioners);
  const deaths: Death[] = [];
  const pensions: Pension[] = [];
  for (const person of people) {
    const died = random() < 0.15;
    const deathDays = between(random, daysOf('2021-06-01'), daysOf('2024-06-30'));
    const deathMonth = isoOf(deathDays).slice(0, 7);
    if (died) deaths.push({ ...person, deathDate: isoOf(deathDays) });
    const overrun = died ? pickFrom(random, [0, 0, 1, 2, 6]) : 0;
    for (let y = 2021; y <= 2024; y++) {
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        if (died && month > deathMonth) {
          const after = (y - Number(deathMonth.slice(0, 4))) * 12 + m - Number(deathMonth.slice(5, 7));
          if (after > overrun) continue;
        }
        const pension: Pension = {
          ...person,
          payMonth: month,
          fen: 300000 + (person.idNumber.charCodeAt(16) % 7) * 1000,
        };
        const spoil = random();
        if (spoil < 0.002) pension.spoiled = 'month';
        else if (spoil < 0.003) pension.spoiled = 'id';
        pensions.push(pension);
      }
    }
  }
  return { deaths, pensions };
}
