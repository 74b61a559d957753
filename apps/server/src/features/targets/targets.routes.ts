import {
  defineTargetBody,
  markedOut,
  notificationListOut,
  notificationParams,
  planEvaluationOut,
  planTargetParams,
  reminderResultOut,
  targetDefinitionOut,
  targetPlanParams,
  targetRemindersBody,
  targetSubjectPageOut,
  targetSubjectsExportQuery,
  targetSubjectsQuery,
  targetsAsOfQuery,
  targetTrendOut,
  unitNotificationsParams,
  unitStandingOut,
  unitStandingQuery,
} from '@dx/contracts';
import { countUnreadNotifications, listNotificationsForUnits } from '@dx/db';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { authorizeUnit } from '../../use-case/context';
import { defineTarget } from './define-target';
import { evaluatePlanTargets } from './evaluate-plan-targets';
import {
  type ExportedFile,
  exportDashboardPdf,
  exportDashboardXlsx,
  exportTargetSubjectsXlsx,
} from './export-dashboard';
import { getTargetDefinition } from './get-target-definition';
import { getTargetTrends } from './get-target-trends';
import { getUnitStanding } from './get-unit-standing';
import { getTargetSubjects } from './list-target-subjects';
import { markUnitNotificationsRead } from './mark-notifications-read';
import { sendTargetReminders } from './send-target-reminders';
import {
  presentDefinition,
  presentEvaluation,
  presentNotification,
  presentSubject,
} from './targets.presenter';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A file download: never cached by a shared cache (the figures are the province's). */
const sendFile = (reply: FastifyReply, type: string, out: ExportedFile) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${out.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(out.bytes);

export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:planId/targets/export.xlsx',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Tải bảng theo dõi chỉ tiêu (.xlsx): kết quả, cách tính, phân tích theo quận, huyện và theo loại đơn vị, tại ngày chọn',
        params: targetPlanParams,
        querystring: targetsAsOfQuery,
        response: { 200: z.unknown().describe('Tệp XLSX'), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        XLSX,
        await exportDashboardXlsx({
          ctx: contextOf(request),
          planId: request.params.planId,
          asOf: request.query.asOf,
        }),
      ),
  );

  app.get(
    '/plans/:planId/targets/export.pdf',
    {
      schema: {
        tags: ['targets'],
        summary: 'In bảng theo dõi chỉ tiêu (.pdf, thể thức báo cáo theo Nghị định 30/2020), tại ngày chọn',
        params: targetPlanParams,
        querystring: targetsAsOfQuery,
        response: { 200: z.unknown().describe('Tệp PDF'), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        'application/pdf',
        await exportDashboardPdf({
          ctx: contextOf(request),
          planId: request.params.planId,
          asOf: request.query.asOf,
        }),
      ),
  );

  app.get(
    '/plans/:planId/targets/:planTargetId/subjects.xlsx',
    {
      schema: {
        tags: ['targets'],
        summary: 'Tải toàn bộ danh sách đối tượng của một chỉ tiêu (mặc định: chưa đạt) kèm căn cứ (.xlsx)',
        params: planTargetParams,
        querystring: targetSubjectsExportQuery,
        response: { 200: z.unknown().describe('Tệp XLSX'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      return sendFile(
        reply,
        XLSX,
        await exportTargetSubjectsXlsx({
          ctx: contextOf(request),
          ...request.params,
          state: q.state,
          filter: {
            unitId: q.unitId,
            districtId: q.district === undefined ? undefined : q.district === 'city' ? null : q.district,
            unitKind: q.unitKind === undefined ? undefined : q.unitKind === 'none' ? null : q.unitKind,
          },
          asOf: q.asOf,
        }),
      );
    },
  );

  app.get(
    '/plans/:planId/targets/evaluation',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Tiến độ các chỉ tiêu của kế hoạch, tính trực tiếp từ hồ sơ (kèm phân tích và đơn vị chưa đạt)',
        params: targetPlanParams,
        querystring: targetsAsOfQuery,
        response: { 200: planEvaluationOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { plan, evaluations } = await evaluatePlanTargets({
        ctx,
        planId: request.params.planId,
        asOf: request.query.asOf,
      });
      return { planId: plan.id, today: ctx.now.toISOString(), targets: evaluations.map(presentEvaluation) };
    },
  );

  app.get(
    '/plans/:planId/targets/standing',
    {
      schema: {
        tags: ['targets'],
        summary: 'Kết quả của một đơn vị theo từng chỉ tiêu (việc còn phải làm)',
        params: targetPlanParams,
        querystring: unitStandingQuery,
        response: { 200: unitStandingOut, ...errorResponses },
      },
    },
    async (request) => {
      const r = await getUnitStanding({
        ctx: contextOf(request),
        planId: request.params.planId,
        unitId: request.query.unitId,
        asOf: request.query.asOf,
      });
      return { planId: r.plan.id, unitId: r.unitId, targets: r.evaluations.map(presentEvaluation) };
    },
  );

  app.get(
    '/plans/:planId/targets/:planTargetId/definition',
    {
      schema: {
        tags: ['targets'],
        summary: 'Cách tính một chỉ tiêu (đối tượng, điều kiện, kỳ, thời điểm) và công thức bằng lời',
        params: planTargetParams,
        response: { 200: targetDefinitionOut, ...errorResponses },
      },
    },
    async (request) =>
      presentDefinition(await getTargetDefinition({ ctx: contextOf(request), ...request.params })),
  );

  app.put(
    '/plans/:planId/targets/:planTargetId/definition',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Định nghĩa cách tính một chỉ tiêu (mục tiêu sửa cùng kế hoạch); version null khi định nghĩa lần đầu',
        params: planTargetParams,
        body: defineTargetBody,
        response: { 200: targetDefinitionOut, ...errorResponses },
      },
    },
    async (request) =>
      presentDefinition(
        await defineTarget({
          ctx: contextOf(request),
          ...request.params,
          expectedVersion: request.body.version,
          rule: request.body.rule,
        }),
      ),
  );

  app.post(
    '/plans/:planId/targets/:planTargetId/reminders',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Đôn đốc các đơn vị chưa đạt chỉ tiêu (thông báo trong hệ thống; e-mail gửi qua hàng đợi nếu đã cấu hình SMTP)',
        params: planTargetParams,
        body: targetRemindersBody,
        response: { 200: reminderResultOut, ...errorResponses },
      },
    },
    async (request) =>
      sendTargetReminders({
        ctx: contextOf(request),
        ...request.params,
        unitIds: request.body.unitIds,
        message: request.body.message,
      }),
  );

  app.get(
    '/units/:unitId/notifications',
    {
      schema: {
        tags: ['targets'],
        summary: 'Thông báo, nhắc việc gửi tới đơn vị',
        params: unitNotificationsParams,
        response: { 200: notificationListOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await authorizeUnit(ctx, 'notification.read', request.params.unitId);
      const rows = await listNotificationsForUnits(ctx.db, [request.params.unitId]);
      const unread = await countUnreadNotifications(ctx.db, [request.params.unitId]);
      return { items: rows.map(presentNotification), unread };
    },
  );

  app.post(
    '/units/:unitId/notifications/:notificationId/read',
    {
      schema: {
        tags: ['targets'],
        summary: 'Đánh dấu đã đọc một thông báo của đơn vị',
        params: notificationParams,
        response: { 200: markedOut, ...errorResponses },
      },
    },
    async (request) =>
      markUnitNotificationsRead({
        ctx: contextOf(request),
        unitId: request.params.unitId,
        notificationId: request.params.notificationId,
      }),
  );

  app.post(
    '/units/:unitId/notifications/read-all',
    {
      schema: {
        tags: ['targets'],
        summary: 'Đánh dấu đã đọc mọi thông báo của đơn vị',
        params: unitNotificationsParams,
        response: { 200: markedOut, ...errorResponses },
      },
    },
    async (request) =>
      markUnitNotificationsRead({
        ctx: contextOf(request),
        unitId: request.params.unitId,
        notificationId: null,
      }),
  );

  app.get(
    '/plans/:planId/targets/trend',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Diễn biến giá trị các chỉ tiêu trong kỳ: giá trị cuối mỗi tháng đã qua và hiện tại, tính trực tiếp từ hồ sơ',
        params: targetPlanParams,
        querystring: targetsAsOfQuery,
        response: { 200: targetTrendOut, ...errorResponses },
      },
    },
    async (request) => {
      const r = await getTargetTrends({
        ctx: contextOf(request),
        planId: request.params.planId,
        asOf: request.query.asOf,
      });
      return { planId: r.plan.id, today: r.today, targets: r.trends };
    },
  );

  app.get(
    '/plans/:planId/targets/:planTargetId/subjects',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Danh sách đối tượng sau một con số của chỉ tiêu (cả chỉ tiêu, một ô phân tích hoặc một đơn vị), kèm hồ sơ làm căn cứ',
        params: planTargetParams,
        querystring: targetSubjectsQuery,
        response: { 200: targetSubjectPageOut, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const r = await getTargetSubjects({
        ctx: contextOf(request),
        ...request.params,
        filter: {
          state: q.state,
          unitId: q.unitId,
          districtId: q.district === undefined ? undefined : q.district === 'city' ? null : q.district,
          unitKind: q.unitKind === undefined ? undefined : q.unitKind === 'none' ? null : q.unitKind,
        },
        page: { offset: q.offset, limit: q.limit },
        asOf: q.asOf,
      });
      return {
        planTargetId: request.params.planTargetId,
        state: q.state,
        total: r.total,
        offset: q.offset,
        limit: q.limit,
        items: r.items.map((s) => presentSubject(s, r.subjectType)),
      };
    },
  );
};
