import { nationalOverviewOut, nationalOverviewQuery } from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { getNationalOverview } from './get-national-overview';

/** The Ministry's view (issue 13): every province side by side, read-only. */
export const nationalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/national/overview',
    {
      schema: {
        tags: ['national'],
        summary:
          'Toàn quốc: kế hoạch của năm, giá trị và tình trạng các chỉ tiêu, mức đầy đủ báo cáo định kỳ của từng tỉnh',
        querystring: nationalOverviewQuery,
        response: { 200: nationalOverviewOut, ...errorResponses },
      },
    },
    async (request) =>
      getNationalOverview({ ctx: contextOf(request), year: request.query.year, asOf: request.query.asOf }),
  );
};
