import { listNotificationsForUnits } from '@dx/db';
import { targetRule } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeUnit, contextOf } from '../../http/context';
import { errorResponses, recordVersion } from '../../http/schemas';
import { defineTarget } from './define-target';
import { evaluatePlanTargets } from './evaluate-plan-targets';
import { getTargetDefinition } from './get-target-definition';
import { getUnitStanding } from './get-unit-standing';
import { sendTargetReminders } from './send-target-reminders';
import {
  notificationOut,
  presentDefinition,
  presentEvaluation,
  presentNotification,
  targetDefinitionOut,
  targetEvaluationOut,
} from './targets.presenter';

export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:planId/targets/evaluation',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Tiến độ các chỉ tiêu của kế hoạch, tính trực tiếp từ hồ sơ (kèm phân tích và đơn vị chưa đạt)',
        params: z.object({ planId: z.uuid() }),
        response: {
          200: z.object({ planId: z.string(), today: z.string(), targets: z.array(targetEvaluationOut) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { plan, evaluations } = await evaluatePlanTargets({ ctx, planId: request.params.planId });
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
        querystring: z.object({ unitId: z.uuid() }),
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
          'Đôn đốc các đơn vị chưa đạt chỉ tiêu (thông báo trong hệ thống và e-mail nếu đã cấu hình SMTP)',
        params: z.object({ planId: z.uuid(), planTargetId: z.uuid() }),
        body: z.object({
          unitIds: z.array(z.uuid('Đơn vị không hợp lệ')).min(1, 'Chọn ít nhất một đơn vị').max(1000),
          message: z.string().trim().max(4000).optional(),
        }),
        response: {
          200: z.object({
            notified: z.number(),
            emailed: z.number(),
            emailFailed: z.number(),
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
        response: { 200: z.object({ items: z.array(notificationOut) }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await authorizeUnit(ctx, 'record.read', request.params.unitId);
      const rows = await listNotificationsForUnits(ctx.db, [request.params.unitId]);
      return { items: rows.map(presentNotification) };
    },
  );
};
