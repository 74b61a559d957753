import { isoDate } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { listAuditEntries } from './list-audit-entries';

const entryOut = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  provinceId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

/** Read-only: the product has no route that edits or deletes audit entries (a trigger refuses it too). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác (mới nhất trước)',
        querystring: z.object({
          entityType: z.string().max(60).optional(),
          entityId: z.string().max(100).optional(),
          action: z.string().max(100).optional(),
          actorUserId: z.uuid().optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          beforeId: z.coerce.number().int().min(1).optional(),
        }),
        response: {
          200: z.object({ items: z.array(entryOut), nextBeforeId: z.number().nullable() }),
          ...errorResponses,
        },
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
