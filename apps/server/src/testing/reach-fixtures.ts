import { chinaYear } from '@procura/domain/china-time';
import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';
import { testDay, testNow } from './test-clock.ts';

/** Builds a valid id number from the first 17 digits (the check character computed). */
export function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** The id number of someone who is a minor on the test clock's day (born 12 years before it). */
export function minorIdNumber(serial: number): string {
  const year = chinaYear(testNow) - 12;
  return withCheck(`510108${year}0315${String(100 + serial).slice(-3)}`);
}

/** A day relative to the test clock's today, as YYYY-MM-DD: the app must run on `testClock`. */
export function daysFromToday(days: number): string {
  return testDay(days);
}

type Method = 'GET' | 'POST' | 'PATCH';

/**
 * Records out of someone's reach, built through the API as users would: a clue of 第四检察部 naming
 * a minor, and a clue of the juvenile department (第六检察部) opened into a juvenile case and
 * sealed. Needs the demo users deputy, clerk6, head6, prosecutor6 logged in as `cookies`, and an
 * app on `testClock`.
 */
export function reachFixtures(t: () => TestApp, cookies: Record<string, string>) {
  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    t().app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  async function departmentId(name: string): Promise<number> {
    const list = (await as('deputy', 'GET', '/api/departments')).json<{ id: number; name: string }[]>();
    return list.find((d) => d.name === name)!.id;
  }

  /** A clue of another department (第四检察部) whose title names a minor. */
  async function otherDepartmentClue(name: string, serial: number): Promise<{ id: number; title: string }> {
    const title = `${name}被欺凌线索`;
    const registered = await as('deputy', 'POST', '/api/clues', {
      source: 'publicReport',
      title,
      description: `${name}在校外被欺凌`,
      departmentId: await departmentId('第四检察部'),
      parties: [{ kind: 'person', name, idNumber: minorIdNumber(serial) }],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    return { id: registered.json<{ clue: { id: number } }>().clue.id, title };
  }

  /** A case of another department (第四检察部). */
  async function otherDepartmentCase(title: string): Promise<number> {
    const opened = await as('deputy', 'POST', '/api/cases', {
      type: 'nonLitigationEnforcement',
      title,
      departmentId: await departmentId('第四检察部'),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json<{ id: number }>().id;
  }

  /** A juvenile clue opened into a juvenile suspect case, then sealed; its titles name the minor. */
  async function sealedClueAndCase(
    name: string,
    serial: number,
  ): Promise<{ clueId: number; caseId: number; title: string; idNumber: string }> {
    const idNumber = minorIdNumber(serial);
    const title = `${name}盗窃线索`;
    const registered = await as('clerk6', 'POST', '/api/clues', {
      source: 'publicReport',
      title,
      description: `${name}盗窃电动车`,
      parties: [{ kind: 'person', name, idNumber }],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const clueId = registered.json<{ clue: { id: number } }>().clue.id;
    const opened = await as('head6', 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'open',
      caseType: 'juvenileSuspect',
      title: `${name}盗窃电动车案`,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const clue = await as('clerk6', 'GET', `/api/clues/${clueId}`);
    const caseId = clue.json<{ case: { id: number } }>().case.id;
    const minor = await as('prosecutor6', 'POST', `/api/juvenile/cases/${caseId}/minors`, {
      role: 'suspect',
      name,
      gender: 'male',
      idNumber,
      guardianName: '王大山',
      guardianRelation: '父亲',
    });
    expect(minor.statusCode, minor.body).toBe(200);
    const sealed = await as('prosecutor6', 'POST', `/api/juvenile/cases/${caseId}/sealing`, {
      basis: 'sentence',
      ageAtOffence: 16,
      sentenceMonths: 8,
      sealedOn: daysFromToday(-1),
    });
    expect(sealed.statusCode, sealed.body).toBe(200);
    return { clueId, caseId, title, idNumber };
  }

  return { as, departmentId, otherDepartmentClue, otherDepartmentCase, sealedClueAndCase };
}
