import {
  obstacleDetailOut,
  obstacleListOut,
  obstacleParams,
  obstacleStepBodies,
  obstaclesQuery,
  raiseObstacleBody,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { actOnObstacle } from './act-on-obstacle';
import { getObstacle } from './get-obstacle';
import { listObstacles } from './list-obstacles';
import { raiseObstacle } from './raise-obstacle';

const detail = { 200: obstacleDetailOut, ...errorResponses };

/** The steps, each its own route so the authorization matrix says who may take it. */
const STEPS = {
  forward: {
    summary: 'Sở tổng hợp, chuyển lãnh đạo UBND (có thể gộp kèm các kiến nghị trùng)',
    body: obstacleStepBodies.forward,
  },
  merge: { summary: 'Sở gộp kiến nghị trùng vào một kiến nghị khác', body: obstacleStepBodies.merge },
  decline: {
    summary: 'Sở không chuyển (nêu lý do; đơn vị nêu được thông báo)',
    body: obstacleStepBodies.decline,
  },
  direct: {
    summary: 'Lãnh đạo UBND chỉ đạo: nội dung, đơn vị xử lý, hạn xử lý',
    body: obstacleStepBodies.direct,
  },
  answer: { summary: 'Đơn vị được giao trả lời, báo cáo kết quả xử lý', body: obstacleStepBodies.answer },
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
        querystring: obstaclesQuery,
        response: { 200: obstacleListOut, ...errorResponses },
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
        body: raiseObstacleBody,
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
        params: obstacleParams,
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
      {
        schema: {
          tags: ['obstacles'],
          summary: step.summary,
          params: obstacleParams,
          body: step.body,
          response: detail,
        },
      },
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
