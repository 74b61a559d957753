import { countUnreadNotifications, listNotificationsForUnits, SUBJECT_STATES } from '@dx/db';
import { isoDate, ORG_UNIT_KINDS, targetRule } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses, recordVersion } from '../../http/schemas';
import { authorizeUnit } from '../../use-case/context';
import { defineTarget } from './define-target';
import { evaluatePlanTargets } from './evaluate-plan-targets';
import { getTargetDefinition } from './get-target-definition';
import { getTargetTrends } from './get-target-trends';
import { getUnitStanding } from './get-unit-standing';
import { getTargetSubjects } from './list-target-subjects';
import { markUnitNotificationsRead } from './mark-notifications-read';
import { sendTargetReminders } from './send-target-reminders';
import {
  notificationOut,
  presentDefinition,
  presentEvaluation,
  presentNotification,
  presentSubject,
  subjectOut,
  targetDefinitionOut,
  targetEvaluationOut,
} from './targets.presenter';

/** `?asOf=YYYY-MM-DD`: the figures as they stood at the close of that day (issue 11); omitted = now. */
const asOfQuery = z.object({ asOf: isoDate.optional() });

export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:planId/targets/evaluation',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Tiến độ các chỉ tiêu của kế hoạch, tính trực tiếp từ hồ sơ (kèm phân tích và đơn vị chưa đạt)',
        params: z.object({ planId: z.uuid() }),
        querystring: asOfQuery,
        response: {
          200: z.object({ planId: z.string(), today: z.string(), targets: z.array(targetEvaluationOut) }),
          ...errorResponses,
        },
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
        params: z.object({ planId: z.uuid() }),
        querystring: asOfQuery.extend({ unitId: z.uuid() }),
        response: {
          200: z.object({ planId: z.string(), unitId: z.string(), targets: z.array(targetEvaluationOut) }),
          ...errorResponses,
        },
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
        params: z.object({ planId: z.uuid(), planTargetId: z.uuid() }),
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
        params: z.object({ planId: z.uuid(), planTargetId: z.uuid() }),
        body: z.object({ version: recordVersion.nullable(), rule: targetRule }),
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
        params: z.object({ planId: z.uuid(), planTargetId: z.uuid() }),
        body: z.object({
          unitIds: z.array(z.uuid('Đơn vị không hợp lệ')).min(1, 'Chọn ít nhất một đơn vị').max(1000),
          message: z.string().trim().max(4000).optional(),
        }),
        response: {
          200: z.object({
            notified: z.number(),
            emailQueued: z.number(),
            emailNoRecipient: z.number(),
            emailStatus: z.string(),
          }),
          ...errorResponses,
        },
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
        params: z.object({ unitId: z.uuid() }),
        response: {
          200: z.object({ items: z.array(notificationOut), unread: z.number() }),
          ...errorResponses,
        },
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
        params: z.object({ unitId: z.uuid(), notificationId: z.uuid() }),
        response: { 200: z.object({ marked: z.number() }), ...errorResponses },
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
        params: z.object({ unitId: z.uuid() }),
        response: { 200: z.object({ marked: z.number() }), ...errorResponses },
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
        params: z.object({ planId: z.uuid() }),
        querystring: asOfQuery,
        response: {
          200: z.object({
            planId: z.string(),
            today: z.string(),
            targets: z.array(
              z.object({
                planTargetId: z.string(),
                points: z.array(
                  z.object({
                    date: z.string(),
                    value: z.number().nullable(),
                    due: z.number(),
                    achieved: z.number(),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
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
        params: z.object({ planId: z.uuid(), planTargetId: z.uuid() }),
        querystring: asOfQuery.extend({
          state: z.enum(SUBJECT_STATES).default('behind'),
          unitId: z.uuid().optional(),
          /** A district's id, or "city" for the city-level cell. */
          district: z.union([z.literal('city'), z.uuid()]).optional(),
          /** A unit kind, or "none" for owners of unknown kind. */
          unitKind: z.union([z.enum(ORG_UNIT_KINDS), z.literal('none')]).optional(),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            planTargetId: z.string(),
            state: z.string(),
            total: z.number(),
            offset: z.number(),
            limit: z.number(),
            items: z.array(subjectOut),
          }),
          ...errorResponses,
        },
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
