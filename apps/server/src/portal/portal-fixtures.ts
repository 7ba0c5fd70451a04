import { expect } from 'vitest';
import type { TSuggestion } from '../suggestions/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import type { TestApp } from '../testing/test-app.ts';
import type { TOrganisationList } from './schema.ts';

/**
 * Test helpers for the portal: an organisation with one signed-in account of role 外部单位, and an
 * issued suggestion addressed to it (on a 第五检察部 case of head5's).
 */
export function portalFixtures(t: () => TestApp, cookies: Record<string, string>, prefix: string) {
  const f = suggestionFixtures(t, cookies);
  let serial = 0;

  async function account(): Promise<string> {
    serial += 1;
    const username = `${prefix}${serial}`;
    const created = await f.as('admin', 'POST', '/api/users', {
      username,
      displayName: `外部单位账号${prefix}${serial}`,
      role: 'organisation',
      departmentId: null,
      password: 'Initial2026pw',
    });
    expect(created.statusCode, created.body).toBe(201);
    const cookie = await t().login(username, 'Initial2026pw');
    const changed = await t().app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Initial2026pw', newPassword: 'Organ2026pwNew' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    cookies[username] = await t().login(username, 'Organ2026pwNew');
    return username;
  }

  /** An organisation with one account: its id and the account's username. */
  async function organisation(name: string): Promise<{ id: number; user: string }> {
    const user = await account();
    const created = await f.as('admin', 'POST', '/api/organisations', {
      name,
      kind: 'administrative',
      usernames: [user],
    });
    expect(created.statusCode, created.body).toBe(201);
    return { id: created.json<TOrganisationList>().items.find((o) => o.name === name)!.id, user };
  }

  async function addressed(
    organisationId: number,
    extra: Record<string, unknown> = {},
    caseId?: number,
  ): Promise<TSuggestion> {
    const suggestion = await f.issued(
      caseId ?? (await f.openCase(`门户回复案${prefix}${organisationId}`)),
      extra,
    );
    const linked = await f.as('head5', 'PUT', `/api/suggestions/${suggestion.id}/organisation`, {
      organisationId,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    return suggestion;
  }

  /** Signs the account in again (after the test clock moved past the session's life). */
  async function relogin(username: string) {
    cookies[username] = await t().login(username, 'Organ2026pwNew');
  }

  return { ...f, account, organisation, addressed, relogin };
}
