import {
  copyMappingBody,
  copyMappingOut,
  createPlanBody,
  planListOut,
  planOut,
  planParams,
  planRevisionDetailOut,
  planRevisionListOut,
  planRevisionParams,
  plansQuery,
  updatePlanBody,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { createPlan } from './create-plan';
import { exportPlan } from './export-plan';
import { getPlan } from './get-plan';
import { getPlanRevisionDetail, listPlanRevisions } from './list-plan-revisions';
import { listPlans } from './list-plans';
import { presentPlan, presentPlanSummary, presentRevision } from './plans.presenter';
import { planCopyMapping } from './province-copy';
import { updatePlan } from './update-plan';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Danh sách kế hoạch (của một tỉnh, hoặc mọi tỉnh trong phạm vi)',
        querystring: plansQuery,
        response: { 200: planListOut, ...errorResponses },
      },
    },
    async (request) => {
      const plans = await listPlans({ ctx: contextOf(request), provinceId: request.query.provinceId });
      return { items: plans.map(presentPlanSummary) };
    },
  );

  app.get(
    '/plans/:planId',
    {
      schema: {
        tags: ['plans'],
        summary: 'Toàn bộ kế hoạch dưới dạng dữ liệu có cấu trúc',
        params: planParams,
        response: { 200: planOut, ...errorResponses },
      },
    },
    async (request) => presentPlan(await getPlan({ ctx: contextOf(request), planId: request.params.planId })),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Tạo kế hoạch mới (trống hoặc sao chép từ kế hoạch khác)',
        body: createPlanBody,
        response: { 201: planOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const stored = await createPlan({ ctx: contextOf(request), input: request.body });
      return reply.status(201).send(presentPlan(stored));
    },
  );

  app.post(
    '/plans/copy-mapping',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Trước khi sao chép kế hoạch sang tỉnh khác: đơn vị, nhóm đơn vị tương ứng và những gì cần chọn',
        body: copyMappingBody,
        response: { 200: copyMappingOut, ...errorResponses },
      },
    },
    async (request) => {
      const m = await planCopyMapping(contextOf(request), request.body);
      return { units: m.units, groups: m.groups, targetGroups: m.targetGroups };
    },
  );

  app.patch(
    '/plans/:planId',
    {
      schema: {
        tags: ['plans'],
        summary: 'Sửa các phần của kế hoạch (mỗi phần gửi lên thay phần cũ); 409 nếu phiên bản đã cũ',
        params: planParams,
        body: updatePlanBody,
        response: { 200: planOut, ...errorResponses },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      const stored = await updatePlan({
        ctx: contextOf(request),
        planId: request.params.planId,
        expectedVersion: version,
        patch,
      });
      return presentPlan(stored);
    },
  );

  app.get(
    '/plans/:planId/revisions',
    {
      schema: {
        tags: ['plans'],
        summary: 'Lịch sử thay đổi của kế hoạch',
        params: planParams,
        response: { 200: planRevisionListOut, ...errorResponses },
      },
    },
    async (request) => {
      const revisions = await listPlanRevisions({ ctx: contextOf(request), planId: request.params.planId });
      return { items: revisions.map(presentRevision) };
    },
  );

  app.get(
    '/plans/:planId/revisions/:revisionId',
    {
      schema: {
        tags: ['plans'],
        summary: 'Một phiên bản: kế hoạch trước và sau lần sửa',
        params: planRevisionParams,
        response: { 200: planRevisionDetailOut, ...errorResponses },
      },
    },
    async (request) => {
      const r = await getPlanRevisionDetail({ ctx: contextOf(request), ...request.params });
      return { ...presentRevision(r), before: r.before, after: r.after };
    },
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/plans/:planId/export.${format}`,
      {
        schema: {
          tags: ['plans'],
          summary: `Tải kế hoạch dạng ${format.toUpperCase()} theo thể thức Nghị định 30/2020/NĐ-CP`,
          params: planParams,
          response: { 200: z.unknown().describe(`Tệp ${format.toUpperCase()}`), ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = await exportPlan({ ctx: contextOf(request), planId: request.params.planId, format });
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('cache-control', 'private, no-store')
          .send(file.bytes);
      },
    );
  }
};
