import { testEngines } from '@procura/db/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { maxId } from './ids.ts';

/**
 * Every route of the OpenAPI document, fed what an attacker or a careless paste sends: a NUL
 * character in each string (path, query, body) and ids beyond PostgreSQL's integer. None may
 * answer 500; a NUL is always 400 with a Chinese message.
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

interface Probe {
  route: string;
  what: string;
  request: InjectOptions;
  /** 'nul': exactly 400 VALIDATION; 'id': 400 if the field is an id; else only "not 500". */
  kind: 'nul' | 'id';
  isId: boolean;
}

const tooLarge = [String(maxId + 1), '99999999999999999999', '1e400'];
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
const isIdName = (name: string) => /(^id$|Id$|Ids$)/.test(name);
const typesOf = (schema: JsonSchema | undefined): string[] => {
  if (!schema) return [];
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return [...own, ...(schema.anyOf ?? []).flatMap(typesOf)];
};
const isNumeric = (schema: JsonSchema | undefined) =>
  typesOf(schema).some((t) => t === 'number' || t === 'integer');

/** Every probe of one operation: one bad value at a time, everything else harmless. */
function probesOf(path: string, method: string, operation: Operation): Probe[] {
  const route = `${method.toUpperCase()} ${path}`;
  const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
  const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const urlWith = (bad: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(bad[name] ?? '1'));
  const probes: Probe[] = [];
  const base = { method: method.toUpperCase() as InjectOptions['method'] };

  for (const param of pathParams) {
    probes.push({
      route,
      what: `path ${param.name} with NUL`,
      kind: 'nul',
      isId: false,
      request: { ...base, url: urlWith({ [param.name]: 'a\u0000b' }) },
    });
    for (const value of tooLarge) {
      probes.push({
        route,
        what: `path ${param.name}=${value}`,
        kind: 'id',
        isId: isIdName(param.name) && isNumeric(param.schema),
        request: { ...base, url: urlWith({ [param.name]: value }) },
      });
    }
  }
  for (const param of queryParams) {
    probes.push({
      route,
      what: `query ${param.name} with NUL`,
      kind: 'nul',
      isId: false,
      request: { ...base, url: `${urlWith({})}?${param.name}=${encodeURIComponent('a\u0000b')}` },
    });
    if (isNumeric(param.schema)) {
      for (const value of tooLarge) {
        probes.push({
          route,
          what: `query ${param.name}=${value}`,
          kind: 'id',
          isId: isIdName(param.name),
          request: { ...base, url: `${urlWith({})}?${param.name}=${value}` },
        });
      }
    }
  }
  const json = operation.requestBody?.content['application/json']?.schema;
  for (const [name, schema] of Object.entries(json?.properties ?? {})) {
    const types = typesOf(schema);
    const nul = types.includes('array') ? ['a\u0000b'] : 'a\u0000b';
    probes.push({
      route,
      what: `body ${name} with NUL`,
      kind: 'nul',
      isId: false,
      request: { ...base, url: urlWith({}), payload: { [name]: nul } },
    });
    const numeric = isNumeric(schema);
    const numericItems = isNumeric(schema.items);
    if (numeric || numericItems) {
      const value = numeric ? maxId + 1 : [maxId + 1];
      probes.push({
        route,
        what: `body ${name}=${JSON.stringify(value)}`,
        kind: 'id',
        isId: isIdName(name),
        request: { ...base, url: urlWith({}), payload: { [name]: value } },
      });
    }
  }
  return probes;
}

describe.each(testEngines())('hostile input on every route (%s)', (kind) => {
  let t: TestApp;
  const probes: Probe[] = [];
  /** Sessions tried in turn until one is allowed on the route (access is checked before validation). */
  const sessions: string[] = [];
  const callerOf = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const username of ['chief', 'admin', 'analyst', 'school1', 'head5'])
      sessions.push(await t.login(username));
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApi>();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations))
        probes.push(...probesOf(path, method, operation));
    }
  });
  afterAll(() => t.close());

  async function send(probe: Probe): Promise<LightMyRequestResponse> {
    const first = callerOf.get(probe.route) ?? 0;
    let response: LightMyRequestResponse | undefined;
    for (let caller = first; caller < sessions.length; caller++) {
      response = await t.app.inject({ ...probe.request, headers: { cookie: sessions[caller]! } });
      if (response.statusCode !== 401 && response.statusCode !== 403) {
        callerOf.set(probe.route, caller);
        return response;
      }
    }
    return response!;
  }

  it('walks every route with parameters or a body', () => {
    const routes = new Set(probes.map((p) => p.route));
    expect(routes.size).toBeGreaterThan(80);
    for (const route of [
      'POST /api/clues',
      'GET /api/clues',
      'POST /api/auth/login',
      'GET /api/cases/{id}',
    ]) {
      expect(routes).toContain(route);
    }
  });

  it('never answers 500; a NUL is 400 with a Chinese message; an id beyond 2^31 − 1 is 400', async () => {
    const failures: string[] = [];
    for (const probe of probes) {
      const response = await send(probe);
      const label = `${probe.route} — ${probe.what}: ${response.statusCode} ${response.body.slice(0, 200)}`;
      if (response.statusCode >= 500) {
        failures.push(label);
        continue;
      }
      if (response.statusCode === 401 || response.statusCode === 403) continue; // no demo account may call it
      const expected400 = probe.kind === 'nul' || probe.isId;
      if (expected400) {
        const body = response.json<{ code?: string; message?: string }>();
        if (response.statusCode !== 400 || body.code !== 'VALIDATION' || !hasChinese(body.message ?? '')) {
          failures.push(label);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(probes.length).toBeGreaterThan(300);
  }, 300_000);
});
