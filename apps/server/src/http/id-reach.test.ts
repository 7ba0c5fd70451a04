import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, reachFixtures } from '../testing/reach-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';

/**
 * Every route that takes a record id in its body or query answers an id out of the caller's reach
 * (another department's record, a sealed one, another department's staff) exactly as an id
 * nobody has: same status, same body but for the id itself, no title and no name. The routes are
 * read from the OpenAPI document, so a new route with an …Id field fails here until it is walked
 * or its field is listed below with the reason it names nothing secret.
 */

/** Id fields that name no record of anyone's reach, with why. */
const notRecords: Record<string, string> = {
  departmentId: 'departments are a directory every user lists (GET /api/departments)',
  schoolId: 'partner schools are a directory (mailbox links and posters are public)',
  organisationId: 'outside organisations are a directory every caseworker lists (GET /api/organisations)',
  organisationIds: 'outside organisations are a directory every caseworker lists (GET /api/organisations)',
  modelId: 'the built-in model catalogue, the same for everyone',
  targetId: 'the audit log: its readers (chief, admin) see every entry',
  hitIds: 'model hits belong to no department: whoever reads hits reads them all',
  objectIds:
    'protected objects (文物保护单位, 保护地) are a directory every caseworker lists (GET /api/protected-objects)',
  agreementId:
    "a 会签文件 is its department's: citing another department's on one's own case answers the same 404 as a missing one (consultations/agreements.test.ts)",
  findingIds:
    'checked against the findings of the patrol in the path (walked as that patrol): a finding of another patrol or none answers the same 404 (patrols/patrols.test.ts)',
  applicantIds:
    'checked against the applicants of the case in the path (walked as that case): an id of another case or none answers the same 400, naming nobody (supported-prosecution/steps.test.ts)',
};

type Ids = { case: number[]; clue: number[]; suggestion: number[]; user: number[]; minor: number[] };
type Ctx = {
  /** Ids out of reach of head5 (第五检察部) and of the juvenile department (第六检察部), per kind. */
  out: { head5: Ids; juvenile: Ids };
  ownClue: number;
  ownCase: number;
  head5: number;
  juvenileCase: number;
  letter: number;
  /** A 刑检移送 clue of head5's, and a 行违 case of 第四检察部 assigned to head5. */
  criminalClue: number;
  violationCase: number;
  /** A 类案 of head5's department (its own case and clue). */
  classCase: number;
  /** A 网络巡查 of head5's department with one finding not yet a clue. */
  patrol: number;
  patrolFinding: number;
};
type Kind = keyof Ids;

interface Walk {
  caller: string;
  kind: Kind;
  request: (id: number, c: Ctx) => Pick<InjectOptions, 'method' | 'url' | 'payload'>;
  /** A binary answer (.xlsx): the status and type are compared, not the bytes. */
  binary?: boolean;
}

const draft = {
  kind: 'preLitigation',
  addressee: '成都市成华区农业农村局',
  facts: '本院在履行职责中发现违规发放补助的情况。',
  legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
  requests: '依法追回违规发放的补助资金。',
};
const get = (url: string) => () => ({ method: 'GET' as const, url });

/** "METHOD /openapi/path field" → how to walk it. */
const walks: Record<string, Walk> = {
  'GET /api/suggestions caseId': {
    caller: 'head5',
    kind: 'case',
    request: (id) => get(`/api/suggestions?caseId=${id}`)(),
  },
  'GET /api/suggestions/export caseId': {
    caller: 'head5',
    kind: 'case',
    binary: true,
    request: (id) => get(`/api/suggestions/export?caseId=${id}`)(),
  },
  'POST /api/suggestions caseId': {
    caller: 'head5',
    kind: 'case',
    request: (id) => ({ method: 'POST', url: '/api/suggestions', payload: { caseId: id, ...draft } }),
  },
  'GET /api/deadlines caseId': {
    caller: 'head5',
    kind: 'case',
    request: (id) => get(`/api/deadlines?caseId=${id}`)(),
  },
  'GET /api/deadlines clueId': {
    caller: 'head5',
    kind: 'clue',
    request: (id) => get(`/api/deadlines?clueId=${id}`)(),
  },
  'GET /api/deadlines suggestionId': {
    caller: 'head5',
    kind: 'suggestion',
    request: (id) => get(`/api/deadlines?suggestionId=${id}`)(),
  },
  'POST /api/reassignments clueIds': {
    caller: 'head5',
    kind: 'clue',
    request: (id, c) => ({
      method: 'POST',
      url: '/api/reassignments',
      payload: { clueIds: [id], toHandlerId: c.head5, reason: '试探改派' },
    }),
  },
  'POST /api/reassignments caseIds': {
    caller: 'head5',
    kind: 'case',
    request: (id, c) => ({
      method: 'POST',
      url: '/api/reassignments',
      payload: { caseIds: [id], toHandlerId: c.head5, reason: '试探改派' },
    }),
  },
  'POST /api/class-cases/{id}/members caseId': {
    caller: 'head5',
    kind: 'case',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/class-cases/${c.classCase}/members`,
      payload: { caseId: id, siteName: '试探场所', siteKind: 'other' },
    }),
  },
  'POST /api/class-cases/{id}/members clueId': {
    caller: 'head5',
    kind: 'clue',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/class-cases/${c.classCase}/members`,
      payload: { clueId: id, siteName: '试探场所', siteKind: 'other' },
    }),
  },
  'POST /api/cases/{id}/advisers userId': {
    caller: 'head5',
    kind: 'user',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/cases/${c.ownCase}/advisers`,
      payload: { userId: id },
    }),
  },
  'POST /api/reassignments toHandlerId': {
    caller: 'head5',
    kind: 'user',
    request: (id, c) => ({
      method: 'POST',
      url: '/api/reassignments',
      payload: { caseIds: [c.ownCase], toHandlerId: id, reason: '试探改派' },
    }),
  },
  'POST /api/juvenile/follow-ups caseId': {
    caller: 'prosecutor6',
    kind: 'case',
    request: (id) => ({
      method: 'POST',
      url: '/api/juvenile/follow-ups',
      payload: {
        subject: 'caseInvolved',
        minorName: '试探',
        goal: '试探',
        startedOn: daysFromToday(0),
        caseId: id,
        visitDueDates: [daysFromToday(30)],
      },
    }),
  },
  'POST /api/juvenile/follow-ups handlerId': {
    caller: 'prosecutor6',
    kind: 'user',
    request: (id) => ({
      method: 'POST',
      url: '/api/juvenile/follow-ups',
      payload: {
        subject: 'unsupervised',
        minorName: '试探',
        goal: '试探',
        startedOn: daysFromToday(0),
        handlerId: id,
        visitDueDates: [daysFromToday(30)],
      },
    }),
  },
  'POST /api/juvenile/cases/{id}/records minorId': {
    caller: 'prosecutor6',
    kind: 'minor',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/juvenile/cases/${c.juvenileCase}/records`,
      payload: {
        kind: 'socialInvestigation',
        minorId: id,
        data: { investigator: '区司法局', reportedOn: daysFromToday(-1), summary: '试探' },
      },
    }),
  },
  'POST /api/juvenile/cases/{id}/inquiry-requests minorId': {
    caller: 'prosecutor6',
    kind: 'minor',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/juvenile/cases/${c.juvenileCase}/inquiry-requests`,
      payload: { minorId: id, reason: '试探' },
    }),
  },
  'POST /api/juvenile/cases/{id}/sessions minorId': {
    caller: 'prosecutor6',
    kind: 'minor',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/juvenile/cases/${c.juvenileCase}/sessions`,
      payload: {
        minorId: id,
        room: 'inquiryRoom',
        startsAt: `${daysFromToday(40)}T09:00:00+08:00`,
        endsAt: `${daysFromToday(40)}T10:00:00+08:00`,
        functions: ['inquiry'],
        attendees: ['检察官'],
      },
    }),
  },
  'POST /api/juvenile/cases/{id}/guardianship-orders minorId': {
    caller: 'prosecutor6',
    kind: 'minor',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/juvenile/cases/${c.juvenileCase}/guardianship-orders`,
      payload: { minorId: id },
    }),
  },
  'POST /api/cases/{id}/judicial-aid minorId': {
    caller: 'prosecutor6',
    kind: 'minor',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/cases/${c.juvenileCase}/judicial-aid`,
      payload: {
        applicantName: '试探',
        applicantIdNumber: '510108198001012015',
        minorId: id,
        appliedOn: daysFromToday(-1),
        category: 'juvenile',
      },
    }),
  },
  'POST /api/clues/{id}/decision handlerId': {
    caller: 'head5',
    kind: 'user',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/clues/${c.ownClue}/decision`,
      payload: { decision: 'open', caseType: 'adminPublicInterest', title: '试探立案', handlerId: id },
    }),
  },
  'POST /api/patrols/{id}/clues handlerId': {
    caller: 'head5',
    kind: 'user',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/patrols/${c.patrol}/clues`,
      payload: { findingIds: [c.patrolFinding], handlerId: id },
    }),
  },
  'POST /api/clues handlerId': {
    caller: 'head5',
    kind: 'user',
    request: (id) => ({
      method: 'POST',
      url: '/api/clues',
      payload: {
        source: 'publicReport',
        title: '试探线索',
        description: '试探承办人',
        pilField: 'other',
        handlerId: id,
      },
    }),
  },
  'POST /api/cases handlerId': {
    caller: 'head5',
    kind: 'user',
    request: (id) => ({
      method: 'POST',
      url: '/api/cases',
      payload: { type: 'adminPublicInterest', pilField: 'ecology', title: '试探案件', handlerId: id },
    }),
  },
  'POST /api/mailbox/letters/{id}/clue handlerId': {
    caller: 'clerk6',
    kind: 'user',
    request: (id, c) => ({
      method: 'POST',
      url: `/api/mailbox/letters/${c.letter}/clue`,
      payload: { handlerId: id },
    }),
  },
  'GET /api/clues handlerId': {
    caller: 'head5',
    kind: 'user',
    request: (id) => get(`/api/clues?handlerId=${id}`)(),
  },
  'GET /api/clues/export handlerId': {
    caller: 'head5',
    kind: 'user',
    binary: true,
    request: (id) => get(`/api/clues/export?handlerId=${id}`)(),
  },
  'PUT /api/clues/{id}/criminal-origin criminalCaseId': {
    caller: 'head5',
    kind: 'case',
    request: (id, c) => ({
      method: 'PUT',
      url: `/api/clues/${c.criminalClue}/criminal-origin`,
      payload: { kind: 'foundInCriminalCase', criminalCaseId: id },
    }),
  },
  'PUT /api/cases/{id}/admin-violation suggestionId': {
    caller: 'head5',
    kind: 'suggestion',
    request: (id, c) => ({
      method: 'PUT',
      url: `/api/cases/${c.violationCase}/admin-violation`,
      payload: { organ: '某行政机关', actKind: 'penalty', violation: '试探违法情形', suggestionId: id },
    }),
  },
  'GET /api/cases handlerId': {
    caller: 'head5',
    kind: 'user',
    request: (id) => get(`/api/cases?handlerId=${id}`)(),
  },
  'GET /api/cases/export handlerId': {
    caller: 'head5',
    kind: 'user',
    binary: true,
    request: (id) => get(`/api/cases/export?handlerId=${id}`)(),
  },
};

const missing = 99_999_999;

/** The id fields of every operation's query and JSON body in the OpenAPI document. */
function idFields(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): string[] {
  const found: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const body = propertiesOf(operation.requestBody?.content?.['application/json']?.schema);
      for (const field of new Set([...query, ...body])) {
        if (/(Id|Ids)$/.test(field)) found.push(`${method.toUpperCase()} ${path} ${field}`);
      }
    }
  }
  return found.sort();
}
interface OpenApiSchema {
  properties?: Record<string, unknown>;
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
}
interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}
function propertiesOf(schema: OpenApiSchema | undefined): string[] {
  if (!schema) return [];
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return [...Object.keys(schema.properties ?? {}), ...nested.flatMap(propertiesOf)];
}

describe.each(testEngines())('ids out of reach in bodies and queries (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = reachFixtures(() => t, cookies);
  let c: Ctx;
  /** Names and titles that must never come back to someone out of reach. */
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'deputy', 'head5', 'prosecutor1', 'clerk6', 'head6', 'prosecutor6']) {
      cookies[user] = await t.login(user);
    }
    const idOf = async (user: string) => (await f.as(user, 'GET', '/api/auth/me')).json<{ id: number }>().id;
    const sealed = await f.sealedClueAndCase('韩小军', 21);
    const other = await f.otherDepartmentClue('杨小兰', 22);
    const otherCaseTitle = '第四部的行政检察监督案';
    const otherCase = await f.otherDepartmentCase(otherCaseTitle);
    const suggestion = await f.as('deputy', 'POST', '/api/suggestions', { caseId: otherCase, ...draft });
    expect(suggestion.statusCode, suggestion.body).toBe(201);
    const own = await f.as('head5', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '本部门的案件',
    });
    expect(own.statusCode, own.body).toBe(201);
    const juvenile = await f.as('head6', 'POST', '/api/cases', {
      type: 'juvenileSuspect',
      title: '某未成年人盗窃案',
    });
    expect(juvenile.statusCode, juvenile.body).toBe(201);
    const sealedCase = await f.as('prosecutor6', 'GET', `/api/juvenile/cases/${sealed.caseId}`);
    const schools = (await f.as('clerk6', 'GET', '/api/partner-schools')).json<{
      items: { mailboxPath: string }[];
    }>();
    const letter = await t.app.inject({
      method: 'POST',
      url: `/api/public/mailbox/${schools.items[0]!.mailboxPath.split('/').pop()}/letters`,
      payload: { body: '有同学在校外被人欺负，怎么办？' },
      remoteAddress: '10.8.0.1',
    });
    expect(letter.statusCode, letter.body).toBe(201);
    const letters = (await f.as('clerk6', 'GET', '/api/mailbox/letters')).json<{ items: { id: number }[] }>();
    const ownClue = await f.as('head5', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '本部门的线索',
      pilField: 'other',
      description: '本部门登记的线索',
    });
    expect(ownClue.statusCode, ownClue.body).toBe(201);
    const patrol = await f.as('head5', 'POST', '/api/patrols', {
      kind: 'onlineFood',
      platform: '某外卖平台',
      patrolledBy: '公益诉讼检察部',
      patrolledOn: daysFromToday(-1),
      findings: [{ shopName: '某某小吃店', kind: 'unlicensed' }],
    });
    expect(patrol.statusCode, patrol.body).toBe(201);
    const criminalClue = await f.as('head5', 'POST', '/api/clues', {
      source: 'criminalTransfer',
      title: '刑检移送的线索',
      pilField: 'other',
      description: '刑事案件中发现的行政违法线索',
    });
    expect(criminalClue.statusCode, criminalClue.body).toBe(201);
    const violation = await f.as('deputy', 'POST', '/api/cases', {
      type: 'adminViolation',
      title: '交由第五部办理的行违案件',
      departmentId: await f.departmentId('第四检察部'),
    });
    expect(violation.statusCode, violation.body).toBe(201);
    const violationCase = violation.json<{ id: number }>().id;
    await t.database.db
      .update(schema.cases)
      .set({ handlerId: await idOf('head5') })
      .where(eq(schema.cases.id, violationCase));
    // prosecutor1 works in 第一检察部: out of reach of head5 and of the juvenile department.
    const prosecutor1 = await idOf('prosecutor1');
    const ownCase = own.json<{ id: number }>().id;
    const ownSecond = await f.as('head5', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '本部门的另一案件',
    });
    const classCase = await f.as('head5', 'POST', '/api/class-cases', {
      title: '本部门的类案',
      problem: '同类问题',
      members: [
        { caseId: ownCase, siteName: '甲场所', siteKind: 'mall' },
        { caseId: ownSecond.json<{ id: number }>().id, siteName: '乙场所', siteKind: 'hospital' },
      ],
    });
    expect(classCase.statusCode, classCase.body).toBe(201);
    const otherSuggestion = suggestion.json<{ id: number }>().id;
    c = {
      out: {
        head5: {
          case: [otherCase, sealed.caseId],
          clue: [other.id, sealed.clueId],
          suggestion: [otherSuggestion],
          user: [prosecutor1],
          minor: [],
        },
        juvenile: {
          case: [otherCase, ownCase],
          clue: [other.id],
          suggestion: [otherSuggestion],
          user: [prosecutor1],
          // A minor of another case than the one in the path.
          minor: [sealedCase.json<{ minors: { id: number }[] }>().minors[0]!.id],
        },
      },
      ownClue: ownClue.json<{ clue: { id: number } }>().clue.id,
      ownCase,
      head5: await idOf('head5'),
      juvenileCase: juvenile.json<{ id: number }>().id,
      letter: letters.items[0]!.id,
      criminalClue: criminalClue.json<{ clue: { id: number } }>().clue.id,
      violationCase,
      classCase: classCase.json<{ id: number }>().id,
      patrol: patrol.json<{ id: number }>().id,
      patrolFinding: patrol.json<{ findings: { id: number }[] }>().findings[0]!.id,
    };
    secrets.push('韩小军', '杨小兰', otherCaseTitle, '李华');
  });
  afterAll(() => t?.close());

  it('walks every id field of the OpenAPI document, or says why it names nothing secret', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const fields = idFields(doc);
    expect(fields.length).toBeGreaterThan(20);
    const unaccounted = fields.filter((key) => !walks[key] && !notRecords[key.split(' ')[2]!]);
    expect(unaccounted).toEqual([]);
    // And nothing walked that the document no longer has.
    expect(Object.keys(walks).filter((key) => !fields.includes(key))).toEqual([]);
  });

  const answer = async (walk: Walk, id: number) => {
    const response = await t.app.inject({
      ...walk.request(id, c),
      headers: { cookie: cookies[walk.caller]! },
    });
    const body = walk.binary
      ? String(response.headers['content-type'])
      : response.body.replace(new RegExp(`\\b${id}\\b`, 'g'), '<id>');
    return { status: response.statusCode, body };
  };

  it.each(Object.keys(walks))('%s', async (key) => {
    const walk = walks[key]!;
    const none = await answer(walk, missing);
    // The missing id reached the check that names it (or filtered a list): the walk is not
    // stopped by some other validation first.
    expect(none.status === 404 || none.status < 300 || none.body.includes('<id>'), none.body).toBe(true);
    const out = c.out[walk.caller === 'head5' ? 'head5' : 'juvenile'][walk.kind];
    expect(out.length).toBeGreaterThan(0);
    for (const id of out) {
      const got = await answer(walk, id);
      expect(got, `${key} with ${walk.kind} ${id}`).toEqual(none);
      for (const secret of secrets) expect(got.body).not.toContain(secret);
    }
  });
});
