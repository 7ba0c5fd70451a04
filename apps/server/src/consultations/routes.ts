import { audited } from '../audit/audit-read.ts';
import { reachCase } from '../hearings/load.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { addConsultation, loadConsultations, recordCheck, requirePilCase } from './consultations.ts';
import { ZCaseParams, ZCheckBody, ZConsultationBody, ZConsultationParams, ZConsultations } from './schema.ts';

const tags = ['consultations'];

/** 诉前磋商 and 圆桌会议 on a public-interest case. */
export async function consultationRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/cases/:id/consultations',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '公益诉讼案件的诉前磋商和圆桌会议（含整改期限、是否逾期和跟进核查）',
        params: ZCaseParams,
        response: { 200: ZConsultations },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const theCase = requirePilCase(await reachCase(database.db, request.params.id, user));
      return audited(database, loadConsultations(database.db, theCase.id), (result) =>
        result.consultations.length === 0
          ? null
          : {
              ...callerOf(request),
              action: 'consultation.view',
              targetType: 'case',
              targetId: theCase.id,
              detail: { consultationIds: result.consultations.map((c) => c.id) },
            },
      );
    },
  );

  app.post(
    '/api/cases/:id/consultations',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记诉前磋商（参加单位、达成意见、整改期限）或圆桌会议（参加单位、议题、纪要）',
        params: ZCaseParams,
        body: ZConsultationBody,
        response: { 200: ZConsultations },
      },
    },
    (request) =>
      addConsultation(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.put(
    '/api/consultations/:id/check',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '跟进核查磋商约定的整改（核查日期、结果）',
        params: ZConsultationParams,
        body: ZCheckBody,
        response: { 200: ZConsultations },
      },
    },
    (request) =>
      recordCheck(database, { consultationId: request.params.id, input: request.body, ...callerOf(request) }),
  );
}
