import { letterTopicIds, letterTopics } from '@procura/domain/mailbox/topics';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audited, auditRead } from '../audit/audit-read.ts';
import { getPublicInfo } from '../bootstrap/public-info.ts';
import { DomainError } from '../errors.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { answerLetter } from './answer-letter.ts';
import { letterStatistics } from './letter-statistics.ts';
import { letterToClue } from './letter-to-clue.ts';
import { listLetters } from './list-letters.ts';
import { mailboxQrSvg } from './mailbox-qr.ts';
import { markLetterRead, openLetter, releaseLetter } from './open-letter.ts';
import { pickUpLetter } from './pick-up-letter.ts';
import {
  ZAnswerBody,
  ZCreateSchoolBody,
  ZLetter,
  ZLetterList,
  ZLetterQuery,
  ZLetterStatistics,
  ZLetterToClueBody,
  ZLetterToClueResult,
  ZPartnerSchool,
  ZPartnerSchoolList,
  ZPickedUpLetter,
  ZPickupBody,
  ZPublicSchool,
  ZStatisticsQuery,
  ZSubmitLetterBody,
  ZSubmitLetterResult,
  ZTokenParams,
  ZUpdateSchoolBody,
} from './schema.ts';
import { createSchool, listSchools, renewMailboxLink, schoolByToken, updateSchool } from './schools.ts';
import { SenderMemory } from './sender-memory.ts';
import { submitLetter } from './submit-letter.ts';

/**
 * Per client address, in this process's memory (the address is never stored with a letter).
 * A school's Wi-Fi puts many students behind one address, so the letter limit is per address
 * loose; a school has no cap that a flood could fill, only a storage ceiling that letters looking
 * genuine stay well below (submit-letter.ts).
 */
export const mailboxRateLimits = {
  submit: { max: 10, timeWindow: '10 minutes' },
  pickup: { max: 20, timeWindow: '1 minute' },
  school: { max: 60, timeWindow: '1 minute' },
} as const;

/** Letters are text only: a form with files is refused before its body is read. */
async function refuseFiles(request: FastifyRequest): Promise<void> {
  const type = request.headers['content-type'] ?? '';
  if (/^multipart\//i.test(type) || /^(image|video|audio|application\/octet-stream)/i.test(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '校园信箱不接收附件、图片或文件，只能填写文字内容');
  }
}

const publicTags = ['mailbox (public)'];
const tags = ['mailbox'];

export async function mailboxRoutes(app: App, { database, config }: RouteDeps) {
  const senders = new SenderMemory();
  app.get(
    '/api/public/mailbox/:token',
    {
      config: { access: 'public', rateLimit: mailboxRateLimits.school },
      schema: {
        tags: publicTags,
        summary: '校园信箱：学校名称与可选主题（无需登录）',
        params: ZTokenParams,
        response: { 200: ZPublicSchool },
      },
    },
    async (request) => {
      const school = await schoolByToken(database.db, request.params.token);
      const info = await getPublicInfo(database.db, config.demo);
      return {
        name: school.name,
        procuratorate: info.procuratorate.name,
        topics: letterTopicIds.map((id) => ({ id, label: letterTopics[id].label })),
      };
    },
  );

  app.post(
    '/api/public/mailbox/:token/letters',
    {
      config: { access: 'public', rateLimit: mailboxRateLimits.submit },
      onRequest: refuseFiles,
      schema: {
        tags: publicTags,
        summary: '校园信箱：写信（可匿名；返回只显示一次的取件码）',
        params: ZTokenParams,
        body: ZSubmitLetterBody,
        response: { 201: ZSubmitLetterResult },
      },
    },
    async (request, reply) => {
      const result = await submitLetter(database, {
        token: request.params.token,
        input: request.body,
        address: request.ip,
        senders,
      });
      return reply.status(201).header('cache-control', 'no-store').send(result);
    },
  );

  app.post(
    '/api/public/mailbox/pickup',
    {
      config: { access: 'public', rateLimit: mailboxRateLimits.pickup },
      onRequest: refuseFiles,
      schema: {
        tags: publicTags,
        summary: '校园信箱：凭取件码查看答复',
        body: ZPickupBody,
        response: { 200: ZPickedUpLetter },
      },
    },
    async (request, reply) => {
      const letter = await pickUpLetter(database.db, request.body.code);
      return reply.header('cache-control', 'no-store').send(letter);
    },
  );

  app.get(
    '/api/mailbox/letters',
    {
      config: { access: 'mailbox.read' },
      schema: {
        tags,
        summary: '校园信箱来信（紧急在前）',
        querystring: ZLetterQuery,
        response: { 200: ZLetterList },
      },
    },
    (request) =>
      audited(database, listLetters(database.db, request.query, currentUser(request)), (list) => ({
        ...callerOf(request),
        action: 'mailbox.list',
        targetType: 'letter',
        ids: list.items.map((l) => l.id),
      })),
  );

  app.get(
    '/api/mailbox/statistics',
    {
      config: { access: 'mailbox.read' },
      schema: {
        tags,
        summary: '各校来信主题统计',
        querystring: ZStatisticsQuery,
        response: { 200: ZLetterStatistics },
      },
    },
    (request) => letterStatistics(database.db, request.query, currentUser(request)),
  );

  app.get(
    '/api/mailbox/letters/:id',
    {
      config: { access: 'mailbox.read' },
      schema: {
        tags,
        summary: '来信详情',
        params: ZIdParams,
        response: { 200: ZLetter },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const letter = await openLetter(database.db, { id: request.params.id, user: caller.user });
      // Every look at a letter (its text, the student's contact) is audited, not only the first.
      await auditRead(database, {
        ...caller,
        action: 'mailbox.read',
        targetType: 'mailboxLetter',
        targetId: letter.id,
      });
      return letter;
    },
  );

  app.post(
    '/api/mailbox/letters/:id/read',
    {
      config: { access: 'mailbox.read' },
      schema: {
        tags,
        summary: '标记来信已读（团队由此看到有人在处理）',
        params: ZIdParams,
        response: { 200: ZLetter },
      },
    },
    (request) => markLetterRead(database, { id: request.params.id, ...callerOf(request) }),
  );

  app.post(
    '/api/mailbox/letters/:id/release',
    {
      config: { access: 'mailbox.answer' },
      schema: {
        tags,
        summary: '解除疑似刷信标记（确认为正常来信）',
        params: ZIdParams,
        response: { 200: ZLetter },
      },
    },
    (request) => releaseLetter(database, { id: request.params.id, ...callerOf(request) }),
  );

  app.post(
    '/api/mailbox/letters/:id/answer',
    {
      config: { access: 'mailbox.answer' },
      schema: {
        tags,
        summary: '答复来信（学生凭取件码查看）',
        params: ZIdParams,
        body: ZAnswerBody,
        response: { 200: ZLetter },
      },
    },
    (request) =>
      answerLetter(database, {
        id: request.params.id,
        answer: request.body.answer,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/mailbox/letters/:id/clue',
    {
      config: { access: 'mailbox.toClue' },
      schema: {
        tags,
        summary: '来信转为线索（本院未检部门，来源 12309/群众举报）',
        params: ZIdParams,
        body: ZLetterToClueBody,
        response: { 201: ZLetterToClueResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await letterToClue(database, {
          id: request.params.id,
          input: request.body,
          ...callerOf(request),
        }),
      ),
  );

  app.get(
    '/api/partner-schools',
    {
      config: { access: 'mailbox.read' },
      schema: { tags, summary: '对接学校（信箱链接、学校账号）', response: { 200: ZPartnerSchoolList } },
    },
    (request) => listSchools(database.db, currentUser(request)),
  );

  app.post(
    '/api/partner-schools',
    {
      config: { access: 'school.manage' },
      schema: { tags, summary: '新增对接学校', body: ZCreateSchoolBody, response: { 201: ZPartnerSchool } },
    },
    async (request, reply) =>
      reply.status(201).send(await createSchool(database, { input: request.body, ...callerOf(request) })),
  );

  app.patch(
    '/api/partner-schools/:id',
    {
      config: { access: 'school.manage' },
      schema: {
        tags,
        summary: '修改对接学校（名称、信箱开关、学校账号）',
        params: ZIdParams,
        body: ZUpdateSchoolBody,
        response: { 200: ZPartnerSchool },
      },
    },
    (request) =>
      updateSchool(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/partner-schools/:id/mailbox-link',
    {
      config: { access: 'school.manage' },
      schema: {
        tags,
        summary: '更换信箱链接（旧链接和二维码随即失效）',
        params: ZIdParams,
        response: { 200: ZPartnerSchool },
      },
    },
    (request) => renewMailboxLink(database, { id: request.params.id, ...callerOf(request) }),
  );

  app.get(
    '/api/partner-schools/:id/mailbox-qr',
    {
      config: { access: 'mailbox.read' },
      schema: {
        tags,
        summary: '信箱二维码（SVG，供打印张贴）',
        params: ZIdParams,
        response: { 200: z.object({ svg: z.string(), url: z.string() }) },
      },
    },
    (request) =>
      mailboxQrSvg(database.db, {
        id: request.params.id,
        publicUrl: config.publicUrl,
        user: currentUser(request),
      }),
  );
}
