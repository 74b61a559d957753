import { MAX_IMPORT_CHARS } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { confirmPlanImport } from './confirm-plan-import';
import { getPlanImportDraft } from './get-plan-import';
import { importPlanDocument } from './import-plan-document';
import { planImportOut, presentPlanImport } from './plan-imports.presenter';

const importParams = z.object({ importId: z.uuid('Mã bản nháp không hợp lệ') });

export const planImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/plans/imports',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Nhập văn bản kế hoạch (DOCX, PDF có lớp chữ, hoặc dán văn bản, kể cả văn bản OCR) thành bản nháp để rà soát',
        body: z
          .object({
            provinceId: z.uuid('Chọn tỉnh, thành phố'),
            fileName: z.string().trim().max(255).optional(),
            text: z.string().max(MAX_IMPORT_CHARS, `Văn bản dài quá ${MAX_IMPORT_CHARS} ký tự`).optional(),
            /** The file's bytes in base64 (DOCX, PDF or UTF-8 text). */
            contentBase64: z.base64('Nội dung tệp phải mã hóa base64').max(7_000_000).optional(),
          })
          .superRefine((b, ctx) => {
            if ((b.text === undefined) === (b.contentBase64 === undefined)) {
              ctx.addIssue({
                code: 'custom',
                path: ['text'],
                message: 'Gửi văn bản (text) hoặc tệp (contentBase64), một trong hai',
              });
            }
          }),
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
        // The document is checked by the create-plan rules in the use case, with `body.document.…` paths.
        body: z.object({ document: z.record(z.string(), z.unknown(), 'Gửi kế hoạch đã rà soát (document)') }),
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
