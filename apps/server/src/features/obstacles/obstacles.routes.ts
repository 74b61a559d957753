import { isoDate, OBSTACLE_KINDS, OBSTACLE_STATUSES, raiseObstacleInput } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses, pagination, recordVersion } from '../../http/schemas';
import { actOnObstacle } from './act-on-obstacle';
import { getObstacle } from './get-obstacle';
import { listObstacles } from './list-obstacles';
import { obstacleDetailOut, obstacleOut } from './obstacles.presenter';
import { raiseObstacle } from './raise-obstacle';

const params = z.object({ obstacleId: z.uuid('Mã khó khăn, kiến nghị không hợp lệ') });
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
const detail = { 200: obstacleDetailOut, ...errorResponses };

/** The steps, each its own route so the authorization matrix says who may take it. */
const STEPS = {
  forward: {
    summary: 'Sở tổng hợp, chuyển lãnh đạo UBND (có thể gộp kèm các kiến nghị trùng)',
    body: z.object({
      version: recordVersion,
      note: z.string().trim().max(5000).default(''),
      dueDate: isoDate.nullable().optional(),
      attachIds: z.array(z.uuid()).max(100).default([]),
    }),
  },
  merge: {
    summary: 'Sở gộp kiến nghị trùng vào một kiến nghị khác',
    body: z.object({ version: recordVersion, intoId: z.uuid('Mã kiến nghị không hợp lệ') }),
  },
  decline: {
    summary: 'Sở không chuyển (nêu lý do; đơn vị nêu được thông báo)',
    body: z.object({ version: recordVersion, reason: text(5, 5000, 'Nêu lý do (ít nhất 5 ký tự)') }),
  },
  direct: {
    summary: 'Lãnh đạo UBND chỉ đạo: nội dung, đơn vị xử lý, hạn xử lý',
    body: z.object({
      version: recordVersion,
      direction: text(5, 10_000, 'Nhập nội dung chỉ đạo (ít nhất 5 ký tự)'),
      ownerUnitId: z.uuid('Mã đơn vị không hợp lệ'),
      dueDate: isoDate,
    }),
  },
  answer: {
    summary: 'Đơn vị được giao trả lời, báo cáo kết quả xử lý',
    body: z.object({
      version: recordVersion,
      answer: text(5, 10_000, 'Nhập nội dung trả lời (ít nhất 5 ký tự)'),
    }),
  },
} as const;

/** HTTP routes of the obstacles and proposals register (thin: validate → authorize → one use case → present). */
export const obstacleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/obstacles',
    {
      schema: {
        tags: ['obstacles'],
        summary:
          'Sổ theo dõi khó khăn, kiến nghị: lọc theo tình trạng, quá hạn, đơn vị; số quá hạn (huy hiệu)',
        querystring: z.object({
          provinceId: z.uuid().optional(),
          unitId: z.uuid().optional(),
          status: z.enum(OBSTACLE_STATUSES).optional(),
          kind: z.enum(OBSTACLE_KINDS).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          reportId: z.uuid().optional(),
          q: z.string().trim().max(200).optional(),
          ...pagination,
        }),
        response: {
          200: z.object({
            items: z.array(obstacleOut),
            total: z.number().int(),
            overdueCount: z.number().int(),
            openCount: z.number().int(),
            today: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { overdue, ...filter } = request.query;
      return listObstacles({ ctx: contextOf(request), filter: { ...filter, overdue: overdue === 'true' } });
    },
  );

  app.post(
    '/obstacles',
    {
      schema: {
        tags: ['obstacles'],
        summary: 'Đơn vị nêu khó khăn, vướng mắc hoặc kiến nghị (trực tiếp hoặc từ báo cáo kỳ)',
        body: raiseObstacleInput,
        response: { 201: obstacleDetailOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await raiseObstacle({ ctx: contextOf(request), input: request.body })),
  );

  app.get(
    '/obstacles/:obstacleId',
    {
      schema: {
        tags: ['obstacles'],
        summary: 'Một khó khăn, kiến nghị: diễn biến, chỉ đạo, trả lời, các bước người dùng được làm',
        params,
        response: detail,
      },
    },
    async (request) => getObstacle({ ctx: contextOf(request), obstacleId: request.params.obstacleId }),
  );

  for (const [type, step] of Object.entries(STEPS) as [
    keyof typeof STEPS,
    (typeof STEPS)[keyof typeof STEPS],
  ][]) {
    app.post(
      `/obstacles/:obstacleId/${type}`,
      { schema: { tags: ['obstacles'], summary: step.summary, params, body: step.body, response: detail } },
      async (request) => {
        const { version, attachIds, ...rest } = request.body as {
          version: number;
          attachIds?: string[];
        } & Record<string, unknown>;
        return actOnObstacle({
          ctx: contextOf(request),
          obstacleId: request.params.obstacleId,
          expectedVersion: version,
          action: { type, ...rest } as Parameters<typeof actOnObstacle>[0]['action'],
          attachIds,
        });
      },
    );
  }
};
