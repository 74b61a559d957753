import { homeOut, homeQuery } from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { getHome } from './get-home';

/** The home page of a role (issue 19): what needs the caller today, each item a count and a link. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        summary: 'Trang chủ theo vai trò: việc cần làm hôm nay, mỗi mục một con số và một đường dẫn',
        querystring: homeQuery,
        response: { 200: homeOut, ...errorResponses },
      },
    },
    async (request) => getHome({ ctx: contextOf(request), provinceId: request.query.provinceId }),
  );
};
