import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { docxMime } from '../suggestions/archive-suggestion-document.ts';
import { attachment } from '../suggestions/get-case-document.ts';
import { createReport } from './create-report.ts';
import { downloadReport } from './download-report.ts';
import { editSections } from './edit-sections.ts';
import { listReports } from './list-reports.ts';
import { reachReport, toReport } from './load-report.ts';
import { regenerateReport } from './regenerate-report.ts';
import { ZReport, ZReportCreate, ZReportList, ZSectionsEdit } from './schema.ts';

const tags = ['reports'];

/** 工作报告 / 白皮书 / 类案分析: drafts from the cockpit's figures, edited by the chief, downloaded as .docx. */
export async function reportRoutes(app: App, { database }: RouteDeps) {
  const { db } = database;

  app.get(
    '/api/reports',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: '报告列表（检察长、副检察长看全院，部门负责人看本部门的）',
        response: { 200: ZReportList },
      },
    },
    (request) => listReports(db, currentUser(request)),
  );

  app.post(
    '/api/reports',
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: '生成报告草稿：工作报告、白皮书（一条业务线）或类案分析（一个公益诉讼领域），数字同驾驶舱',
        body: ZReportCreate,
        response: { 201: ZReport },
      },
    },
    async (request, reply) => {
      const report = await createReport(db, { input: request.body, ...callerOf(request) });
      return reply.code(201).send(report);
    },
  );

  app.get(
    '/api/reports/:id',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '报告草稿及各节文字', params: ZIdParams, response: { 200: ZReport } },
    },
    async (request) => toReport(db, await reachReport(db, currentUser(request), request.params.id)),
  );

  app.put(
    '/api/reports/:id/sections',
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: '修改各节文字（留空恢复为生成的文字）；重新生成数字时保留修改',
        params: ZIdParams,
        body: ZSectionsEdit,
        response: { 200: ZReport },
      },
    },
    (request) => editSections(db, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.post(
    '/api/reports/:id/regenerate',
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: '按当前数据重新生成各节文字，已修改的文字保留',
        params: ZIdParams,
        response: { 200: ZReport },
      },
    },
    (request) => regenerateReport(db, { id: request.params.id, ...callerOf(request) }),
  );

  app.get(
    '/api/reports/:id/docx',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '下载报告（.docx，公文格式，含数字、同比、表格和图表）', params: ZIdParams },
    },
    async (request, reply) => {
      const { fileName, content } = await downloadReport(db, { id: request.params.id, ...callerOf(request) });
      return reply
        .header('content-type', docxMime)
        .header('content-disposition', attachment(fileName))
        .send(content);
    },
  );
}
