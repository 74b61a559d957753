import { auditPageOut, auditQuery } from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { listAuditEntries } from './list-audit-entries';

/** Read-only: the product has no route that edits or deletes audit entries (a trigger refuses it too). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác (mới nhất trước)',
        querystring: auditQuery,
        response: { 200: auditPageOut, ...errorResponses },
      },
    },
    async (request) => {
      const items = await listAuditEntries({ ctx: contextOf(request), filter: request.query });
      return {
        items,
        nextBeforeId: items.length === request.query.limit ? (items.at(-1)?.id ?? null) : null,
      };
    },
  );
};
