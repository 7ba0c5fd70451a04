import { testEngines } from '@procura/db/testing';
import { can, type TRouteAccess } from '@procura/domain/policy';
import { roles, type TRole } from '@procura/domain/roles';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../bootstrap/demo.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { App } from './app-types.ts';

interface ErrorBody {
  code: string;
  message: string;
}

type Caller = TRole | 'anonymous';
const callers: Caller[] = ['anonymous', ...roles];

/** One demo account per role. */
const demoUserOf: Record<TRole, string> = {
  chief: 'chief',
  deputyChief: 'deputy',
  departmentHead: 'head5',
  prosecutor: 'prosecutor1',
  assistant: 'assistant5',
  clerk: 'clerk6',
  analyst: 'analyst',
  admin: 'admin',
  school: 'school1',
  invitedAssistant: 'invited1',
  organisation: 'org1',
  personnel: 'personnel1',
};

const initialPassword = 'Initial2026pw';

interface RouteCase {
  access: TRouteAccess;
  /** The request an allowed caller would send; `target` is a throw-away user's id. */
  request: (target: number, serial: number) => Pick<InjectOptions, 'url' | 'payload'>;
  /** Logging out ends the session: that route gets a session of its own. */
  freshSession?: boolean;
}

/**
 * Every /api route the app registers, with the access it must declare. A route added to the app
 * without a line here fails 'covers every registered route'.
 */
const routeTable: Record<string, RouteCase> = {
  'GET /api/health': { access: 'public', request: () => ({ url: '/api/health' }) },
  'GET /api/public/info': { access: 'public', request: () => ({ url: '/api/public/info' }) },
  'POST /api/auth/login': {
    access: 'public',
    request: () => ({ url: '/api/auth/login', payload: { username: 'analyst', password: demoPassword } }),
  },
  'POST /api/auth/logout': {
    access: 'authenticated',
    request: () => ({ url: '/api/auth/logout' }),
    freshSession: true,
  },
  'GET /api/auth/me': { access: 'authenticated', request: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    access: 'authenticated',
    // Right current password, too weak a new one: reaches the handler without changing anything.
    request: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: demoPassword, newPassword: 'short' },
    }),
  },
  'GET /api/departments': { access: 'department.list', request: () => ({ url: '/api/departments' }) },
  'PATCH /api/departments/:id/settings': {
    access: 'department.settings',
    // A missing department (404): the demo departments keep their settings.
    request: () => ({ url: '/api/departments/999999/settings', payload: { clueAssessmentDays: 30 } }),
  },
  'GET /api/users': { access: 'user.list', request: () => ({ url: '/api/users' }) },
  'GET /api/users/:id': { access: 'user.list', request: (target) => ({ url: `/api/users/${target}` }) },
  'POST /api/users': {
    access: 'user.create',
    request: (_target, serial) => ({
      url: '/api/users',
      payload: {
        username: `matrix${serial}`,
        displayName: '矩阵测试',
        role: 'clerk',
        departmentId: null,
        password: initialPassword,
      },
    }),
  },
  'PATCH /api/users/:id': {
    access: 'user.update',
    request: (target, serial) => ({ url: `/api/users/${target}`, payload: { displayName: `改名${serial}` } }),
  },
  'POST /api/users/:id/reset-password': {
    access: 'user.resetPassword',
    request: (target) => ({
      url: `/api/users/${target}/reset-password`,
      payload: { password: 'Matrix2026reset' },
    }),
  },
  'GET /api/account-requests': {
    access: 'accountRequest.read',
    request: () => ({ url: '/api/account-requests' }),
  },
  'POST /api/account-requests/:id/decision': {
    access: 'accountRequest.decide',
    request: () => ({ url: '/api/account-requests/999999/decision', payload: { approve: false } }),
  },
  'GET /api/audit': { access: 'audit.list', request: () => ({ url: '/api/audit' }) },
  'GET /api/audit/verify': { access: 'audit.verify', request: () => ({ url: '/api/audit/verify' }) },
  // Clues and cases: a record id nobody has (404) or an empty body (400) reaches the handler or
  // its validation without changing anything, which is all an allowed caller needs to show.
  'GET /api/handlers': { access: 'clue.read', request: () => ({ url: '/api/handlers' }) },
  'GET /api/clues': { access: 'clue.read', request: () => ({ url: '/api/clues' }) },
  'GET /api/clues/sent': { access: 'clue.read', request: () => ({ url: '/api/clues/sent' }) },
  'GET /api/clues/export': { access: 'clue.read', request: () => ({ url: '/api/clues/export' }) },
  'GET /api/clues/:id': { access: 'clue.read', request: () => ({ url: '/api/clues/999999' }) },
  'POST /api/clues': {
    access: 'clue.create',
    request: (_target, serial) => ({
      url: '/api/clues',
      payload: { source: 'publicReport', title: `矩阵线索${serial}`, description: '权限矩阵测试登记的线索' },
    }),
  },
  'POST /api/clues/:id/decision': {
    access: 'clue.decide',
    request: () => ({
      url: '/api/clues/999999/decision',
      payload: { decision: 'decline', reason: '矩阵测试' },
    }),
  },
  'POST /api/clue-transfers/:id/feedback': {
    access: 'clue.transfer',
    request: () => ({ url: '/api/clue-transfers/999999/feedback', payload: { feedback: '矩阵测试' } }),
  },
  'GET /api/cases': { access: 'case.read', request: () => ({ url: '/api/cases' }) },
  'GET /api/cases/export': { access: 'case.read', request: () => ({ url: '/api/cases/export' }) },
  'GET /api/cases/:id': { access: 'case.read', request: () => ({ url: '/api/cases/999999' }) },
  'POST /api/cases': { access: 'case.create', request: () => ({ url: '/api/cases', payload: {} }) },
  'POST /api/cases/:id/transitions': {
    access: 'case.transition',
    request: () => ({ url: '/api/cases/999999/transitions', payload: {} }),
  },
  'POST /api/cases/:id/events': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/events', payload: {} }),
  },
  'POST /api/cases/:id/outcomes': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/outcomes', payload: {} }),
  },
  'GET /api/cases/:id/supported-prosecution': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/supported-prosecution' }),
  },
  'PUT /api/cases/:id/supported-prosecution': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/supported-prosecution', payload: {} }),
  },
  'PUT /api/cases/:id/pil-field': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/pil-field', payload: { pilField: 'ecology' } }),
  },
  'PUT /api/clues/:id/pil-field': {
    access: 'clue.create',
    request: () => ({ url: '/api/clues/999999/pil-field', payload: { pilField: 'ecology' } }),
  },
  'GET /api/public-interest/field-counts': {
    access: 'case.read',
    request: () => ({ url: '/api/public-interest/field-counts' }),
  },
  'GET /api/protected-objects': { access: 'case.read', request: () => ({ url: '/api/protected-objects' }) },
  'POST /api/protected-objects': {
    access: 'case.update',
    request: () => ({ url: '/api/protected-objects', payload: { name: 'x', kind: 'other' } }),
  },
  'GET /api/protected-objects/:id': {
    access: 'case.read',
    request: () => ({ url: '/api/protected-objects/999999' }),
  },
  'GET /api/cases/:id/protected-objects': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/protected-objects' }),
  },
  'PUT /api/cases/:id/protected-objects': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/protected-objects', payload: { objectIds: [] } }),
  },
  'GET /api/clues/:id/criminal-origin': {
    access: 'clue.read',
    request: () => ({ url: '/api/clues/999999/criminal-origin' }),
  },
  'PUT /api/clues/:id/criminal-origin': {
    access: 'clue.decide',
    request: () => ({ url: '/api/clues/999999/criminal-origin', payload: {} }),
  },
  'GET /api/admin-violation/criminal-clue-funnel': {
    access: 'clue.read',
    request: () => ({ url: '/api/admin-violation/criminal-clue-funnel' }),
  },
  'GET /api/cases/:id/admin-violation': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/admin-violation' }),
  },
  'PUT /api/cases/:id/admin-violation': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/admin-violation', payload: {} }),
  },
  'PUT /api/cases/:id/admin-violation/follow-up': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/admin-violation/follow-up', payload: {} }),
  },
  'POST /api/cases/:id/applicants': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/applicants', payload: {} }),
  },
  'POST /api/cases/:id/applicants/import': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/applicants/import', payload: {} }),
  },
  'PATCH /api/cases/:id/applicants/:applicantId': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/applicants/1', payload: {} }),
  },
  'POST /api/cases/:id/applicants/:applicantId/recovery': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/applicants/1/recovery', payload: {} }),
  },
  'POST /api/cases/:id/supported-prosecution/steps': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/supported-prosecution/steps', payload: {} }),
  },
  'GET /api/cases/:id/supported-prosecution/opinion.docx': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/supported-prosecution/opinion.docx' }),
  },
  // 公开听证, 听证员库, 行政争议实质性化解 (apps/server/src/hearings).
  'GET /api/hearing-officers': {
    access: 'hearingOfficer.read',
    request: () => ({ url: '/api/hearing-officers' }),
  },
  'POST /api/hearing-officers': {
    access: 'hearingOfficer.manage',
    request: () => ({ url: '/api/hearing-officers', payload: {} }),
  },
  'PATCH /api/hearing-officers/:id': {
    access: 'hearingOfficer.manage',
    request: () => ({ url: '/api/hearing-officers/999999', payload: {} }),
  },
  'GET /api/cases/:id/hearings': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/hearings' }),
  },
  'POST /api/cases/:id/hearings': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/hearings', payload: {} }),
  },
  'GET /api/hearings/published': {
    access: 'hearing.readPublished',
    request: () => ({ url: '/api/hearings/published' }),
  },
  'GET /api/hearings/:id': {
    access: 'case.read',
    request: () => ({ url: '/api/hearings/999999' }),
  },
  'PATCH /api/hearings/:id': {
    access: 'case.update',
    request: () => ({ url: '/api/hearings/999999', payload: {} }),
  },
  'POST /api/hearings/:id/draw': {
    access: 'case.update',
    request: () => ({ url: '/api/hearings/999999/draw', payload: {} }),
  },
  'POST /api/hearings/:id/officers/:officerId': {
    access: 'case.update',
    request: () => ({ url: '/api/hearings/999999/officers/1', payload: {} }),
  },
  'PUT /api/hearings/:id/officers/:officerId/opinion': {
    access: 'case.update',
    request: () => ({ url: '/api/hearings/999999/officers/1/opinion', payload: {} }),
  },
  'POST /api/hearings/:id/notices': {
    access: 'case.update',
    request: () => ({ url: '/api/hearings/999999/notices', payload: {} }),
  },
  'POST /api/hearings/:id/minutes-document': {
    access: 'case.update',
    request: () => ({ url: '/api/hearings/999999/minutes-document' }),
  },
  'POST /api/hearings/:id/publish': {
    access: 'case.update',
    request: () => ({ url: '/api/hearings/999999/publish' }),
  },
  'GET /api/cases/:id/admin-dispute': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/admin-dispute' }),
  },
  'PUT /api/cases/:id/admin-dispute': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/admin-dispute', payload: {} }),
  },
  'POST /api/cases/:id/admin-dispute/meetings': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/admin-dispute/meetings', payload: {} }),
  },
  'POST /api/cases/:id/admin-dispute/outcome': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/admin-dispute/outcome', payload: {} }),
  },
  'GET /api/admin-disputes/statistics': {
    access: 'dispute.statistics',
    request: () => ({ url: '/api/admin-disputes/statistics' }),
  },
  // 网络巡查: missing ids (404) or empty bodies (400).
  'GET /api/patrols': { access: 'patrol.read', request: () => ({ url: '/api/patrols' }) },
  'GET /api/patrols/:id': { access: 'patrol.read', request: () => ({ url: '/api/patrols/999999' }) },
  'POST /api/patrols': { access: 'patrol.write', request: () => ({ url: '/api/patrols', payload: {} }) },
  'POST /api/patrols/:id/findings': {
    access: 'patrol.write',
    request: () => ({ url: '/api/patrols/999999/findings', payload: {} }),
  },
  'POST /api/patrols/:id/clues': {
    access: 'patrol.makeClues',
    request: () => ({ url: '/api/patrols/999999/clues', payload: {} }),
  },
  'POST /api/patrol-findings/:id/attachments': {
    access: 'patrol.write',
    request: () => ({
      url: '/api/patrol-findings/999999/attachments?name=a.pdf',
      payload: Buffer.from('%PDF-1.7'),
    }),
  },
  'GET /api/patrol-findings/:id/attachments/:attachmentId': {
    access: 'patrol.read',
    request: () => ({ url: '/api/patrol-findings/999999/attachments/1' }),
  },
  // 队伍建设 (assessment): missing ids (404) or empty bodies (400).
  'GET /api/assessment/periods': {
    access: 'assessment.read',
    request: () => ({ url: '/api/assessment/periods' }),
  },
  'POST /api/assessment/periods': {
    access: 'assessment.manage',
    request: () => ({ url: '/api/assessment/periods', payload: {} }),
  },
  'GET /api/assessment/periods/:id': {
    access: 'assessment.read',
    request: () => ({ url: '/api/assessment/periods/999999' }),
  },
  'PUT /api/assessment/periods/:id/scheme': {
    access: 'assessment.manage',
    request: () => ({ url: '/api/assessment/periods/999999/scheme', payload: {} }),
  },
  'POST /api/assessment/periods/:id/close': {
    access: 'assessment.manage',
    request: () => ({ url: '/api/assessment/periods/999999/close' }),
  },
  'GET /api/assessment/people': {
    access: 'assessment.read',
    request: () => ({ url: '/api/assessment/people' }),
  },
  'GET /api/assessment/entries': {
    access: 'assessment.read',
    request: () => ({ url: '/api/assessment/entries' }),
  },
  'POST /api/assessment/entries': {
    access: 'assessment.propose',
    request: () => ({ url: '/api/assessment/entries', payload: {} }),
  },
  'POST /api/assessment/entries/refresh': {
    access: 'assessment.review',
    request: () => ({ url: '/api/assessment/entries/refresh' }),
  },
  'GET /api/assessment/entries/:id': {
    access: 'assessment.read',
    request: () => ({ url: '/api/assessment/entries/999999' }),
  },
  'POST /api/assessment/entries/:id/review': {
    access: 'assessment.review',
    request: () => ({ url: '/api/assessment/entries/999999/review', payload: { approve: true } }),
  },
  'POST /api/assessment/entries/:id/decision': {
    access: 'assessment.approve',
    request: () => ({ url: '/api/assessment/entries/999999/decision', payload: { approve: true } }),
  },
  'POST /api/assessment/entries/:id/appeal': {
    access: 'assessment.appeal',
    request: () => ({ url: '/api/assessment/entries/999999/appeal', payload: { reason: '理由' } }),
  },
  'POST /api/assessment/entries/:id/appeal/decision': {
    access: 'assessment.approve',
    request: () => ({
      url: '/api/assessment/entries/999999/appeal/decision',
      payload: { revoke: false, decision: '维持' },
    }),
  },
  'GET /api/assessment/study-sessions': {
    access: 'assessment.read',
    request: () => ({ url: '/api/assessment/study-sessions?periodId=999999' }),
  },
  'POST /api/assessment/study-sessions': {
    access: 'assessment.study',
    request: () => ({ url: '/api/assessment/study-sessions', payload: {} }),
  },
  'POST /api/assessment-entries/:id/attachments': {
    access: 'assessment.propose',
    request: () => ({
      url: '/api/assessment-entries/999999/attachments?name=a.pdf',
      payload: Buffer.from('%PDF-1.7'),
    }),
  },
  'GET /api/assessment-entries/:id/attachments/:attachmentId': {
    access: 'assessment.read',
    request: () => ({ url: '/api/assessment-entries/999999/attachments/1' }),
  },
  // 类案监督 and 检行协作: missing ids (404) or empty bodies (400).
  'GET /api/class-cases': { access: 'classCase.read', request: () => ({ url: '/api/class-cases' }) },
  'GET /api/class-cases/:id': {
    access: 'classCase.read',
    request: () => ({ url: '/api/class-cases/999999' }),
  },
  'POST /api/class-cases': {
    access: 'classCase.write',
    request: () => ({ url: '/api/class-cases', payload: {} }),
  },
  'POST /api/class-cases/:id/members': {
    access: 'classCase.write',
    request: () => ({ url: '/api/class-cases/999999/members', payload: {} }),
  },
  'POST /api/class-cases/:id/suggestion': {
    access: 'classCase.write',
    request: () => ({ url: '/api/class-cases/999999/suggestion', payload: { addressee: '矩阵街道办事处' } }),
  },
  'PUT /api/class-cases/:id/members/:memberId/rectification': {
    access: 'classCase.write',
    request: () => ({
      url: '/api/class-cases/999999/members/1/rectification',
      payload: { status: 'inProgress' },
    }),
  },
  'GET /api/cases/:id/advisers': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/advisers' }),
  },
  'POST /api/cases/:id/advisers': {
    access: 'caseAdviser.manage',
    request: () => ({ url: '/api/cases/999999/advisers', payload: { userId: 1 } }),
  },
  'DELETE /api/cases/:id/advisers/:userId': {
    access: 'caseAdviser.manage',
    request: () => ({ url: '/api/cases/999999/advisers/1' }),
  },
  'GET /api/invited-assistants': {
    access: 'caseAdviser.manage',
    request: () => ({ url: '/api/invited-assistants' }),
  },
  'GET /api/organisations': { access: 'organisation.list', request: () => ({ url: '/api/organisations' }) },
  'POST /api/organisations': {
    access: 'organisation.manage',
    // An unknown account to bind: refused after the access check, nothing created.
    request: (_t, serial) => ({
      url: '/api/organisations',
      payload: { name: `矩阵单位${serial}`, kind: 'other', usernames: ['no-such-account'] },
    }),
  },
  'PUT /api/suggestions/:id/organisation': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/organisation', payload: { organisationId: 1 } }),
  },
  'GET /api/portal/suggestions': {
    access: 'portal.read',
    request: () => ({ url: '/api/portal/suggestions' }),
  },
  'GET /api/portal/suggestions/:id': {
    access: 'portal.read',
    request: () => ({ url: '/api/portal/suggestions/999999' }),
  },
  'POST /api/portal/suggestions/:id/reply': {
    access: 'portal.reply',
    request: () => ({ url: '/api/portal/suggestions/999999/reply', payload: { content: '已整改' } }),
  },
  'POST /api/portal/suggestions/:id/attachments': {
    access: 'portal.reply',
    request: () => ({
      url: '/api/portal/suggestions/999999/attachments?name=a.pdf',
      payload: Buffer.from('%PDF-1.7'),
    }),
  },
  'GET /api/portal/clues': { access: 'portalClue.read', request: () => ({ url: '/api/portal/clues' }) },
  'POST /api/portal/clues': {
    access: 'portalClue.send',
    // No field of work: refused after the access check, nothing sent.
    request: () => ({
      url: '/api/portal/clues',
      payload: { title: '矩阵线索', description: '矩阵测试线索事实内容' },
    }),
  },
  'GET /api/portal/clues/:id': {
    access: 'portalClue.read',
    request: () => ({ url: '/api/portal/clues/999999' }),
  },
  'POST /api/portal/clues/:id/attachments': {
    access: 'portalClue.send',
    request: () => ({
      url: '/api/portal/clues/999999/attachments?name=a.pdf',
      payload: Buffer.from('%PDF-1.7'),
    }),
  },
  'GET /api/clues/:id/portal': { access: 'clue.read', request: () => ({ url: '/api/clues/999999/portal' }) },
  'POST /api/clues/:id/portal-feedback': {
    access: 'clue.decide',
    request: () => ({ url: '/api/clues/999999/portal-feedback', payload: { text: '矩阵反馈' } }),
  },
  'POST /api/portal/suggestions/:id/extension': {
    access: 'portal.reply',
    request: () => ({
      url: '/api/portal/suggestions/999999/extension',
      payload: { reason: '需协调', proposedDueOn: '2027-03-01' },
    }),
  },
  'GET /api/portal/suggestions/:id/attachments/:attachmentId': {
    access: 'portal.read',
    request: () => ({ url: '/api/portal/suggestions/999999/attachments/1' }),
  },
  'GET /api/portal/consultations': {
    access: 'portal.read',
    request: () => ({ url: '/api/portal/consultations' }),
  },
  'GET /api/portal/consultations/:id': {
    access: 'portal.read',
    request: () => ({ url: '/api/portal/consultations/999999' }),
  },
  'GET /api/suggestions/:id/extension-requests': {
    access: 'suggestion.read',
    request: () => ({ url: '/api/suggestions/999999/extension-requests' }),
  },
  'POST /api/suggestion-extensions/:id/decision': {
    access: 'suggestion.write',
    request: () => ({
      url: '/api/suggestion-extensions/999999/decision',
      payload: { grant: false, note: '不同意' },
    }),
  },
  'GET /api/consultations/:id/organisations': {
    access: 'case.read',
    request: () => ({ url: '/api/consultations/999999/organisations' }),
  },
  'PUT /api/consultations/:id/organisations': {
    access: 'case.update',
    request: () => ({ url: '/api/consultations/999999/organisations', payload: { organisationIds: [] } }),
  },
  'POST /api/organisations/:id/accounts': {
    access: 'organisation.manage',
    request: () => ({ url: '/api/organisations/999999/accounts', payload: { username: 'no-such-account' } }),
  },
  'DELETE /api/organisations/:id/accounts/:userId': {
    access: 'organisation.manage',
    request: () => ({ url: '/api/organisations/999999/accounts/999999' }),
  },
  'GET /api/assessment/indicators': {
    access: 'assessment.profile',
    request: () => ({ url: '/api/assessment/indicators' }),
  },
  'GET /api/assessment/profiles': {
    access: 'assessment.profile',
    request: () => ({ url: '/api/assessment/profiles' }),
  },
  'GET /api/assessment/profiles/:userId': {
    access: 'assessment.profile',
    request: () => ({ url: '/api/assessment/profiles/999999' }),
  },
  'GET /api/assessment/profiles/:userId/appraisal-form': {
    access: 'assessment.profile',
    request: () => ({ url: '/api/assessment/profiles/999999/appraisal-form' }),
  },
  'GET /api/assessment/results': {
    access: 'assessment.results',
    request: () => ({ url: '/api/assessment/results' }),
  },
  'GET /api/assessment/results/export': {
    access: 'assessment.results',
    request: () => ({ url: '/api/assessment/results/export?kind=grades' }),
  },
  'PUT /api/assessment/targets': {
    access: 'assessment.target',
    request: () => ({
      url: '/api/assessment/targets',
      payload: { year: 2026, indicatorKey: 'casesHandled', target: 9 },
    }),
  },
  'GET /api/assessment/snapshots': {
    access: 'assessment.recalculate',
    request: () => ({ url: '/api/assessment/snapshots' }),
  },
  'POST /api/assessment/snapshots': {
    access: 'assessment.recalculate',
    request: () => ({ url: '/api/assessment/snapshots', payload: { year: 2026 } }),
  },
  'GET /api/assessment/snapshots/:id/diff': {
    access: 'assessment.recalculate',
    request: () => ({ url: '/api/assessment/snapshots/999999/diff' }),
  },
  'GET /api/invited/cases': { access: 'invitedCase.read', request: () => ({ url: '/api/invited/cases' }) },
  'GET /api/invited/cases/:id': {
    access: 'invitedCase.read',
    request: () => ({ url: '/api/invited/cases/999999' }),
  },
  'GET /api/invited/cases/:id/documents/:documentId': {
    access: 'invitedCase.read',
    request: () => ({ url: '/api/invited/cases/999999/documents/1' }),
  },
  'GET /api/cases/:id/judicial-aid': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/judicial-aid' }),
  },
  'POST /api/cases/:id/judicial-aid': {
    access: 'judicialAid.write',
    request: () => ({ url: '/api/cases/999999/judicial-aid', payload: {} }),
  },
  'PATCH /api/cases/:id/judicial-aid/:aidId': {
    access: 'judicialAid.write',
    request: () => ({ url: '/api/cases/999999/judicial-aid/1', payload: {} }),
  },
  'POST /api/cases/:id/judicial-aid/:aidId/decision': {
    access: 'judicialAid.decide',
    request: () => ({ url: '/api/cases/999999/judicial-aid/1/decision', payload: {} }),
  },
  'POST /api/cases/:id/judicial-aid/:aidId/payment': {
    access: 'judicialAid.write',
    request: () => ({ url: '/api/cases/999999/judicial-aid/1/payment', payload: {} }),
  },
  'GET /api/cases/:id/judicial-aid/:aidId/decision.docx': {
    access: 'judicialAid.write',
    request: () => ({ url: '/api/cases/999999/judicial-aid/1/decision.docx' }),
  },
  'GET /api/judicial-aid/summary': {
    access: 'judicialAid.summary',
    request: () => ({ url: '/api/judicial-aid/summary?from=2026-01-01&to=2026-12-31' }),
  },
  // 检察长驾驶舱 and 统计报表.
  'GET /api/cockpit': {
    access: 'cockpit.read',
    request: () => ({ url: '/api/cockpit?from=2026-01-01&to=2026-02-01' }),
  },
  'GET /api/cockpit/metrics': { access: 'cockpit.read', request: () => ({ url: '/api/cockpit/metrics' }) },
  'GET /api/cockpit/statistics': {
    access: 'cockpit.read',
    request: () => ({ url: '/api/cockpit/statistics?from=2026-01-01&to=2026-02-01&by=line' }),
  },
  // 工作报告 / 白皮书 / 类案分析: empty bodies (400) or missing ids (404).
  'GET /api/reports': { access: 'report.read', request: () => ({ url: '/api/reports' }) },
  'POST /api/reports': { access: 'report.write', request: () => ({ url: '/api/reports', payload: {} }) },
  'GET /api/reports/:id': { access: 'report.read', request: () => ({ url: '/api/reports/999999' }) },
  'PUT /api/reports/:id/sections': {
    access: 'report.write',
    request: () => ({
      url: '/api/reports/999999/sections',
      payload: { sections: [{ id: 'overview', text: '文字' }] },
    }),
  },
  'POST /api/reports/:id/regenerate': {
    access: 'report.write',
    request: () => ({ url: '/api/reports/999999/regenerate' }),
  },
  'GET /api/reports/:id/docx': {
    access: 'report.read',
    request: () => ({ url: '/api/reports/999999/docx' }),
  },
  // 诉前磋商、圆桌会议、会签文件: missing ids (404) or empty bodies (400).
  'GET /api/cases/:id/consultations': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/consultations' }),
  },
  'POST /api/cases/:id/consultations': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/consultations', payload: {} }),
  },
  'PUT /api/consultations/:id/check': {
    access: 'case.update',
    request: () => ({ url: '/api/consultations/999999/check', payload: {} }),
  },
  'GET /api/cooperation-agreements': {
    access: 'case.read',
    request: () => ({ url: '/api/cooperation-agreements' }),
  },
  'POST /api/cooperation-agreements': {
    access: 'case.update',
    request: () => ({ url: '/api/cooperation-agreements', payload: {} }),
  },
  'GET /api/cooperation-agreements/:id': {
    access: 'case.read',
    request: () => ({ url: '/api/cooperation-agreements/999999' }),
  },
  'POST /api/cooperation-agreements/:id/meetings': {
    access: 'case.update',
    request: () => ({ url: '/api/cooperation-agreements/999999/meetings', payload: {} }),
  },
  'GET /api/cases/:id/cooperation-agreement': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/cooperation-agreement' }),
  },
  'PUT /api/cases/:id/cooperation-agreement': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/cooperation-agreement', payload: {} }),
  },
  'PATCH /api/protected-objects/:id': {
    access: 'case.update',
    request: () => ({ url: '/api/protected-objects/999999', payload: { name: '不存在的对象' } }),
  },
  'DELETE /api/cases/:id/protected-objects/:objectId': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/protected-objects/1' }),
  },
  'GET /api/clues/:id/cooperation-agreement': {
    access: 'clue.read',
    request: () => ({ url: '/api/clues/999999/cooperation-agreement' }),
  },
  'PUT /api/clues/:id/cooperation-agreement': {
    access: 'clue.create',
    request: () => ({ url: '/api/clues/999999/cooperation-agreement', payload: {} }),
  },
  'POST /api/cooperation-agreements/:id/attachments': {
    access: 'case.update',
    request: () => ({
      url: '/api/cooperation-agreements/999999/attachments?name=a.pdf',
      payload: Buffer.from('%PDF-1.7'),
    }),
  },
  'GET /api/cooperation-agreements/:id/attachments/:attachmentId': {
    access: 'case.read',
    request: () => ({ url: '/api/cooperation-agreements/999999/attachments/1' }),
  },
  'GET /api/cases/:id/blacklist-referrals': {
    access: 'case.read',
    request: () => ({ url: '/api/cases/999999/blacklist-referrals' }),
  },
  'POST /api/cases/:id/blacklist-referrals': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/blacklist-referrals', payload: {} }),
  },
  // No confirmed entries in the test database: 400 shows the caller got past access control.
  'POST /api/blacklist-referrals/dataset': {
    access: 'dataset.upload',
    request: () => ({ url: '/api/blacklist-referrals/dataset' }),
  },
  'PUT /api/blacklist-referrals/:id/confirmation': {
    access: 'case.update',
    request: () => ({ url: '/api/blacklist-referrals/999999/confirmation', payload: {} }),
  },
  // Suggestions, deadlines, calendar, reassignment, notifications: as above, a missing id (404) or
  // an empty body (400) shows the caller got past access control.
  'GET /api/suggestions': { access: 'suggestion.read', request: () => ({ url: '/api/suggestions' }) },
  'GET /api/suggestions/export': {
    access: 'suggestion.read',
    request: () => ({ url: '/api/suggestions/export' }),
  },
  'POST /api/clues/:id/attachments': {
    access: 'clue.create',
    request: () => ({ url: '/api/clues/999999/attachments?name=a.pdf', payload: Buffer.from('%PDF-1.7') }),
  },
  'GET /api/clues/:id/attachments/:attachmentId': {
    access: 'clue.read',
    request: () => ({ url: '/api/clues/999999/attachments/1' }),
  },
  'POST /api/suggestions/:id/attachments': {
    access: 'suggestion.write',
    request: () => ({
      url: '/api/suggestions/999999/attachments?name=a.pdf',
      payload: Buffer.from('%PDF-1.7'),
    }),
  },
  'GET /api/suggestions/:id/attachments/:attachmentId': {
    access: 'suggestion.read',
    request: () => ({ url: '/api/suggestions/999999/attachments/1' }),
  },
  'GET /api/suggestions/:id': {
    access: 'suggestion.read',
    request: () => ({ url: '/api/suggestions/999999' }),
  },
  'POST /api/suggestions': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions', payload: {} }),
  },
  'PATCH /api/suggestions/:id': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999', payload: {} }),
  },
  'POST /api/suggestions/:id/submit': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/submit' }),
  },
  'POST /api/suggestions/:id/approve': {
    access: 'suggestion.approve',
    request: () => ({ url: '/api/suggestions/999999/approve', payload: {} }),
  },
  'POST /api/suggestions/:id/return': {
    access: 'suggestion.approve',
    request: () => ({ url: '/api/suggestions/999999/return', payload: { reason: '事实部分需补充' } }),
  },
  'POST /api/suggestions/:id/issue': {
    access: 'suggestion.issue',
    request: () => ({ url: '/api/suggestions/999999/issue' }),
  },
  'POST /api/suggestions/:id/document': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/document' }),
  },
  'POST /api/suggestions/:id/delivery': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/delivery', payload: {} }),
  },
  'POST /api/suggestions/:id/reply': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/reply', payload: {} }),
  },
  'POST /api/suggestions/:id/rectification': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/rectification', payload: {} }),
  },
  'GET /api/case-documents/:id': {
    access: 'case.read',
    request: () => ({ url: '/api/case-documents/999999' }),
  },
  'GET /api/deadlines': { access: 'deadline.read', request: () => ({ url: '/api/deadlines' }) },
  'GET /api/deadlines/mine': { access: 'deadline.read', request: () => ({ url: '/api/deadlines/mine' }) },
  'GET /api/deadlines/board': { access: 'deadline.board', request: () => ({ url: '/api/deadlines/board' }) },
  'GET /api/deadlines/board/overview': {
    access: 'deadline.overview',
    request: () => ({ url: '/api/deadlines/board/overview' }),
  },
  'GET /api/deadlines/:id': { access: 'deadline.read', request: () => ({ url: '/api/deadlines/999999' }) },
  'POST /api/deadlines/:id/pause': {
    access: 'deadline.pause',
    request: () => ({ url: '/api/deadlines/999999/pause', payload: {} }),
  },
  'POST /api/deadlines/:id/resume': {
    access: 'deadline.pause',
    request: () => ({ url: '/api/deadlines/999999/resume', payload: {} }),
  },
  'GET /api/calendar/:year': { access: 'calendar.manage', request: () => ({ url: '/api/calendar/2026' }) },
  'POST /api/calendar/:year/seed': {
    access: 'calendar.manage',
    request: () => ({ url: '/api/calendar/2026/seed' }),
  },
  'PUT /api/calendar/days/:date': {
    access: 'calendar.manage',
    request: () => ({ url: '/api/calendar/days/2026-03-03', payload: {} }),
  },
  'DELETE /api/calendar/days/:date': {
    access: 'calendar.manage',
    request: () => ({ url: '/api/calendar/days/2026-03-03' }),
  },
  'POST /api/calendar/:year/import': {
    access: 'calendar.manage',
    request: () => ({ url: '/api/calendar/2026/import', payload: {} }),
  },
  'POST /api/reassignments': {
    access: 'record.reassign',
    request: () => ({ url: '/api/reassignments', payload: {} }),
  },
  'GET /api/juvenile/cases': { access: 'juvenile.read', request: () => ({ url: '/api/juvenile/cases' }) },
  'GET /api/juvenile/cases/:id': {
    access: 'juvenile.read',
    request: () => ({ url: '/api/juvenile/cases/999999' }),
  },
  'POST /api/juvenile/cases/:id/minors': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/cases/999999/minors', payload: {} }),
  },
  'POST /api/juvenile/cases/:id/records': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/cases/999999/records', payload: {} }),
  },
  'PATCH /api/juvenile/records/:id': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/records/999999', payload: { data: {} } }),
  },
  'POST /api/juvenile/cases/:id/inquiry-requests': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/cases/999999/inquiry-requests', payload: {} }),
  },
  'POST /api/juvenile/inquiry-requests/:id/decision': {
    access: 'juvenile.approve',
    request: () => ({ url: '/api/juvenile/inquiry-requests/999999/decision', payload: { approve: true } }),
  },
  'GET /api/juvenile/sessions': {
    access: 'juvenile.read',
    request: () => ({ url: '/api/juvenile/sessions?from=2026-03-01&to=2026-03-31' }),
  },
  'POST /api/juvenile/cases/:id/sessions': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/cases/999999/sessions', payload: {} }),
  },
  'POST /api/juvenile/sessions/:id/cancel': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/sessions/999999/cancel' }),
  },
  'POST /api/juvenile/cases/:id/guardianship-orders': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/cases/999999/guardianship-orders', payload: {} }),
  },
  'POST /api/juvenile/guardianship-orders/:id/document': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/guardianship-orders/999999/document' }),
  },
  'POST /api/juvenile/guardianship-orders/:id/attendance': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/guardianship-orders/999999/attendance', payload: {} }),
  },
  'POST /api/juvenile/guardianship-orders/:id/evaluation': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/guardianship-orders/999999/evaluation', payload: {} }),
  },
  'GET /api/juvenile/follow-ups': {
    access: 'juvenile.read',
    request: () => ({ url: '/api/juvenile/follow-ups' }),
  },
  'POST /api/juvenile/follow-ups': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/follow-ups', payload: {} }),
  },
  'GET /api/juvenile/follow-ups/:id': {
    access: 'juvenile.read',
    request: () => ({ url: '/api/juvenile/follow-ups/999999' }),
  },
  'POST /api/juvenile/follow-ups/:id/visits': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/follow-ups/999999/visits', payload: {} }),
  },
  'POST /api/juvenile/follow-ups/:id/visits/:visitId': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/follow-ups/999999/visits/999999', payload: {} }),
  },
  'POST /api/juvenile/follow-ups/:id/close': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/follow-ups/999999/close', payload: {} }),
  },
  'POST /api/juvenile/follow-ups/:id/referrals': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/follow-ups/999999/referrals', payload: {} }),
  },
  'POST /api/juvenile/follow-ups/:id/referrals/:referralId/feedback': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/follow-ups/999999/referrals/999999/feedback', payload: {} }),
  },
  'POST /api/juvenile/cases/:id/sealing': {
    access: 'juvenile.seal',
    request: () => ({ url: '/api/juvenile/cases/999999/sealing', payload: {} }),
  },
  'GET /api/juvenile/sealed': { access: 'juvenile.read', request: () => ({ url: '/api/juvenile/sealed' }) },
  'POST /api/juvenile/sealings/:id/queries': {
    access: 'juvenile.write',
    request: () => ({ url: '/api/juvenile/sealings/999999/queries', payload: {} }),
  },
  'POST /api/juvenile/seal-queries/:id/decision': {
    access: 'juvenile.approve',
    request: () => ({ url: '/api/juvenile/seal-queries/999999/decision', payload: { approve: true } }),
  },
  // Prevention (校园信箱, 入职查询, 法治宣传): public mailbox routes with an unknown link or code (404),
  // staff routes with a missing id (404) or an empty body (400).
  'GET /api/public/mailbox/:token': {
    access: 'public',
    request: () => ({ url: '/api/public/mailbox/no-such-school-link-000' }),
  },
  'POST /api/public/mailbox/:token/letters': {
    access: 'public',
    request: () => ({
      url: '/api/public/mailbox/no-such-school-link-000/letters',
      payload: { body: '矩阵测试来信' },
    }),
  },
  'POST /api/public/mailbox/pickup': {
    access: 'public',
    request: () => ({ url: '/api/public/mailbox/pickup', payload: { code: 'ABCD-EFGH-JKMN-PQRS' } }),
  },
  'GET /api/mailbox/letters': { access: 'mailbox.read', request: () => ({ url: '/api/mailbox/letters' }) },
  'GET /api/mailbox/statistics': {
    access: 'mailbox.read',
    request: () => ({ url: '/api/mailbox/statistics' }),
  },
  'GET /api/mailbox/letters/:id': {
    access: 'mailbox.read',
    request: () => ({ url: '/api/mailbox/letters/999999' }),
  },
  'POST /api/mailbox/letters/:id/read': {
    access: 'mailbox.read',
    request: () => ({ url: '/api/mailbox/letters/999999/read' }),
  },
  'POST /api/mailbox/letters/:id/release': {
    access: 'mailbox.answer',
    request: () => ({ url: '/api/mailbox/letters/999999/release' }),
  },
  'POST /api/mailbox/letters/:id/answer': {
    access: 'mailbox.answer',
    request: () => ({ url: '/api/mailbox/letters/999999/answer', payload: { answer: '矩阵测试' } }),
  },
  'POST /api/mailbox/letters/:id/clue': {
    access: 'mailbox.toClue',
    request: () => ({ url: '/api/mailbox/letters/999999/clue', payload: {} }),
  },
  'GET /api/partner-schools': { access: 'mailbox.read', request: () => ({ url: '/api/partner-schools' }) },
  'POST /api/partner-schools': {
    access: 'school.manage',
    request: () => ({ url: '/api/partner-schools', payload: {} }),
  },
  'PATCH /api/partner-schools/:id': {
    access: 'school.manage',
    request: () => ({ url: '/api/partner-schools/999999', payload: { mailboxOpen: true } }),
  },
  'POST /api/partner-schools/:id/mailbox-link': {
    access: 'school.manage',
    request: () => ({ url: '/api/partner-schools/999999/mailbox-link' }),
  },
  'GET /api/partner-schools/:id/mailbox-qr': {
    access: 'mailbox.read',
    request: () => ({ url: '/api/partner-schools/999999/mailbox-qr' }),
  },
  'POST /api/employment-checks': {
    access: 'employmentCheck.submit',
    request: () => ({ url: '/api/employment-checks', payload: {} }),
  },
  'GET /api/employment-checks': {
    access: 'employmentCheck.read',
    request: () => ({ url: '/api/employment-checks' }),
  },
  'GET /api/employment-checks/:id': {
    access: 'employmentCheck.read',
    request: () => ({ url: '/api/employment-checks/999999' }),
  },
  'GET /api/employment-checks/:id/result.:format': {
    access: 'employmentCheck.read',
    request: () => ({ url: '/api/employment-checks/999999/result.xlsx' }),
  },
  'POST /api/offence-record-sets': {
    access: 'offenceRecords.load',
    request: () => ({ url: '/api/offence-record-sets', payload: {} }),
  },
  'GET /api/offence-record-sets': {
    access: 'offenceRecords.load',
    request: () => ({ url: '/api/offence-record-sets' }),
  },
  'GET /api/outreach-events': { access: 'outreach.read', request: () => ({ url: '/api/outreach-events' }) },
  'GET /api/outreach-events/export': {
    access: 'outreach.read',
    request: () => ({ url: '/api/outreach-events/export' }),
  },
  'POST /api/outreach-events': {
    access: 'outreach.write',
    request: () => ({ url: '/api/outreach-events', payload: {} }),
  },
  'PATCH /api/outreach-events/:id': {
    access: 'outreach.write',
    request: () => ({ url: '/api/outreach-events/999999', payload: {} }),
  },
  'GET /api/notifications': { access: 'authenticated', request: () => ({ url: '/api/notifications' }) },
  'GET /api/workbench': { access: 'authenticated', request: () => ({ url: '/api/workbench' }) },
  'POST /api/notifications/:id/read': {
    access: 'authenticated',
    request: () => ({ url: '/api/notifications/999999/read' }),
  },
  // Big-data models: unknown ids (404) and an unknown data set kind (400) change nothing.
  'GET /api/models': { access: 'model.read', request: () => ({ url: '/api/models' }) },
  'GET /api/models/:id': { access: 'model.read', request: () => ({ url: '/api/models/prisoner-subsidy' }) },
  'GET /api/datasets': { access: 'dataset.read', request: () => ({ url: '/api/datasets' }) },
  'GET /api/datasets/:id': { access: 'dataset.read', request: () => ({ url: '/api/datasets/999999' }) },
  'POST /api/datasets': {
    access: 'dataset.upload',
    request: () => ({
      url: '/api/datasets?kind=nosuchkind&fileName=a.csv',
      payload: Buffer.from('身份证号\n'),
    }),
  },
  'GET /api/model-runs': { access: 'model.read', request: () => ({ url: '/api/model-runs' }) },
  'GET /api/model-runs/:id': { access: 'model.read', request: () => ({ url: '/api/model-runs/999999' }) },
  'POST /api/model-runs': {
    access: 'model.run',
    request: () => ({ url: '/api/model-runs', payload: { modelId: 'prisoner-subsidy', datasets: {} } }),
  },
  'GET /api/model-hits': { access: 'hit.read', request: () => ({ url: '/api/model-hits?status=pending' }) },
  'GET /api/model-runs/:id/hits': {
    access: 'hit.read',
    request: () => ({ url: '/api/model-runs/999999/hits' }),
  },
  'GET /api/model-runs/:id/hits/export': {
    access: 'hit.read',
    request: () => ({ url: '/api/model-runs/999999/hits/export' }),
  },
  'POST /api/model-hits/review': {
    access: 'hit.review',
    request: () => ({ url: '/api/model-hits/review', payload: { action: 'confirm', hitIds: [999999] } }),
  },
  'POST /api/model-hits/clues': {
    access: 'hit.review',
    request: () => ({ url: '/api/model-hits/clues', payload: { hitIds: [999999], departmentId: 1 } }),
  },
  'GET /api/model-schedules': { access: 'model.read', request: () => ({ url: '/api/model-schedules' }) },
  'POST /api/model-schedules': {
    access: 'model.run',
    request: () => ({
      url: '/api/model-schedules',
      payload: { modelId: 'nosuchmodel', repeat: 'days', every: 7 },
    }),
  },
  'PATCH /api/model-schedules/:id': {
    access: 'model.run',
    request: () => ({ url: '/api/model-schedules/999999', payload: { enabled: false } }),
  },
};

const methodOf = (route: string) => route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * "METHOD /path" for every /api route, read from Fastify's route tree (HEAD twins and the
 * OpenAPI pages under /api/docs left out).
 */
function registeredApiRoutes(app: App): string[] {
  const found: string[] = [];
  const pathAtDepth: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth > 0 ? pathAtDepth[depth - 1]! : '') + match[2]!;
    pathAtDepth[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) {
      if (method === 'HEAD' || !path.startsWith('/api') || path.startsWith('/api/docs')) continue;
      found.push(`${method} ${path}`);
    }
  }
  return found.sort();
}

/** What the policy says should happen to this caller on a route with this access. */
function expectedOutcome(access: TRouteAccess, caller: Caller): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (access === 'authenticated') return 'allowed';
  return can(caller, access) ? 'allowed' : 'FORBIDDEN';
}

async function createUser(t: TestApp, adminCookie: string, username: string, role: TRole): Promise<number> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: adminCookie },
    payload: { username, displayName: '测试用户', role, departmentId: null, password: initialPassword },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

describe.each(testEngines())('access control on every /api route (%s)', (kind) => {
  let t: TestApp;
  let target: number;
  let serial = 0;
  const cookies = new Map<TRole, string>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const role of roles) cookies.set(role, await t.login(demoUserOf[role]));
    target = await createUser(t, cookies.get('admin')!, 'matrix.target', 'clerk');
  });
  afterAll(() => t.close());

  async function call(route: string, caller: Caller) {
    const routeCase = routeTable[route]!;
    let cookie: string | undefined;
    if (caller !== 'anonymous') {
      cookie = routeCase.freshSession ? await t.login(demoUserOf[caller]) : cookies.get(caller);
    }
    serial += 1;
    return t.app.inject({
      method: methodOf(route),
      ...routeCase.request(target, serial),
      headers: cookie ? { cookie } : {},
    });
  }

  it('covers every registered route', () => {
    const registered = registeredApiRoutes(t.app);
    expect(registered).toContain('GET /api/health');
    expect(registered).toEqual(Object.keys(routeTable).sort());
  });

  describe.each(Object.keys(routeTable))('%s', (route) => {
    const { access } = routeTable[route]!;
    it.each(callers)(`as %s follows the policy for "${access}"`, async (caller) => {
      const response = await call(route, caller);
      const outcome = expectedOutcome(access, caller);
      if (outcome === 'allowed') {
        expect([401, 403], response.body).not.toContain(response.statusCode);
        expect(response.statusCode, response.body).toBeLessThan(500);
      } else {
        expect(response.statusCode, response.body).toBe(outcome === 'FORBIDDEN' ? 403 : 401);
        expect(response.json<ErrorBody>().code).toBe(outcome);
      }
    });
  });

  it('refuses a forged session cookie', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'procura_session=forged-token' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json<ErrorBody>().code).toBe('UNAUTHENTICATED');
  });

  it('a user who must change the initial password may only see themself and change it', async () => {
    // Created by an admin, so mustChangePassword is set; an admin role, so only that flag refuses.
    await createUser(t, cookies.get('admin')!, 'matrix.newadmin', 'admin');
    const cookie = await t.login('matrix.newadmin', initialPassword);
    const actionRoutes = Object.keys(routeTable).filter((route) => {
      const { access } = routeTable[route]!;
      return access !== 'public' && access !== 'authenticated';
    });
    expect(actionRoutes.length).toBeGreaterThan(5);
    for (const route of actionRoutes) {
      serial += 1;
      const response = await t.app.inject({
        method: methodOf(route),
        ...routeTable[route]!.request(target, serial),
        headers: { cookie },
      });
      expect(response.statusCode, route).toBe(403);
      expect(response.json<ErrorBody>().code, route).toBe('PASSWORD_CHANGE_REQUIRED');
    }

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(true);

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: initialPassword, newPassword: 'Changed2026pw' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(users.statusCode).toBe(200);
  });

  // Access is checked in a preHandler hook, i.e. after Fastify validated the request: a caller
  // without a session (or without the right) is told what is wrong with the body instead of
  // "please log in"/"forbidden". See the report: the hook should run on onRequest.
  it('refuses a caller before looking at the request body or parameters', async () => {
    const anonymousBody = await t.app.inject({ method: 'POST', url: '/api/users', payload: {} });
    expect(anonymousBody.statusCode, anonymousBody.body).toBe(401);

    const anonymousParams = await t.app.inject({ method: 'GET', url: '/api/users/not-a-number' });
    expect(anonymousParams.statusCode, anonymousParams.body).toBe(401);

    const clerkBody = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.get('clerk')! },
      payload: { isAdmin: true },
    });
    expect(clerkBody.statusCode, clerkBody.body).toBe(403);
  });
});
