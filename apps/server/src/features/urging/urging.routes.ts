import {
  issuedUrgingOut,
  issueUrgingInput,
  urgingListOut,
  urgingParams,
  urgingPlanParams,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { issueUrging } from './issue-urging';
import { getUrgingDocument, listUrgings } from './list-urgings';
import { presentUrging } from './urging.presenter';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Công văn đôn đốc (issue 19): issued from a who-is-behind list, listed per plan, downloaded as DOCX. */
export const urgingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/plans/:planId/urgings',
    {
      schema: {
        tags: ['urging'],
        summary:
          'Ban hành công văn đôn đốc các đơn vị chậm (số theo năm; gửi trong hệ thống, thư điện tử, Zalo, SMS)',
        params: urgingPlanParams,
        body: issueUrgingInput,
        response: { 201: issuedUrgingOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const out = await issueUrging({
        ctx: contextOf(request),
        planId: request.params.planId,
        source: b.source,
        sourceId: b.sourceId ?? null,
        unitIds: b.unitIds,
        asOf: b.asOf,
      });
      return reply.code(201).send({ urging: presentUrging(out.urging), email: out.email });
    },
  );

  app.get(
    '/plans/:planId/urgings',
    {
      schema: {
        tags: ['urging'],
        summary: 'Các công văn đôn đốc của kế hoạch, mới nhất trước',
        params: urgingPlanParams,
        response: { 200: urgingListOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listUrgings({ ctx: contextOf(request), planId: request.params.planId })).map(
        presentUrging,
      ),
    }),
  );

  app.get(
    '/urgings/:urgingId/document.docx',
    {
      schema: {
        tags: ['urging'],
        summary: 'Tải công văn đôn đốc (.docx, thể thức Nghị định 30/2020)',
        params: urgingParams,
        response: { 200: z.unknown().describe('Tệp DOCX'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = await getUrgingDocument({ ctx: contextOf(request), urgingId: request.params.urgingId });
      return reply
        .header('content-type', docxType)
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(out.bytes);
    },
  );
};
