import { confirmPlanImportBody, planImportBody, planImportOut, planImportParams } from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { confirmPlanImport } from './confirm-plan-import';
import { getPlanImportDraft } from './get-plan-import';
import { importPlanDocument } from './import-plan-document';
import { presentPlanImport } from './plan-imports.presenter';

const importParams = planImportParams;

export const planImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/plans/imports',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Nhập văn bản kế hoạch (DOCX, PDF có lớp chữ, hoặc dán văn bản, kể cả văn bản OCR) thành bản nháp để rà soát',
        body: planImportBody,
        response: { 201: planImportOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await importPlanDocument({ ctx: contextOf(request), input: request.body });
      return reply.status(201).send(presentPlanImport(row));
    },
  );

  app.get(
    '/plans/imports/:importId',
    {
      schema: {
        tags: ['plans'],
        summary: 'Bản nháp kế hoạch nhập từ văn bản: từng mục với đoạn văn nguồn và độ tin cậy',
        params: importParams,
        response: { 200: planImportOut, ...errorResponses },
      },
    },
    async (request) =>
      presentPlanImport(
        await getPlanImportDraft({ ctx: contextOf(request), importId: request.params.importId }),
      ),
  );

  app.post(
    '/plans/imports/:importId/confirm',
    {
      schema: {
        tags: ['plans'],
        summary: 'Xác nhận bản nháp (kèm các sửa đổi của người dùng): tạo kế hoạch',
        params: importParams,
        body: confirmPlanImportBody,
        // The plan itself is read with GET /api/plans/:planId; the import answers with its new state.
        response: { 201: planImportOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { row, appendixTasks } = await confirmPlanImport({
        ctx: contextOf(request),
        importId: request.params.importId,
        document: request.body.document,
      });
      return reply.status(201).send({ ...presentPlanImport(row), appendixTasks });
    },
  );
};
