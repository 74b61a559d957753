import { type UnitImportOut, unitImportOut, unitImportQuery } from '@dx/contracts';
import { AppError, said, validationError, worded } from '@dx/domain';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { DEFAULT_READ_LIMITS } from '../../lib/xlsx-reader';
import { importUnits } from './import-units';
import { unitImportTemplate } from './unit-import-template';

const FILE_BYTES = DEFAULT_READ_LIMITS.maxFileBytes;

/** The one file of the multipart upload, read within the file limit (as the record imports read theirs). */
async function uploadedFile(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  const part = await request.file({ limits: { fileSize: FILE_BYTES, files: 1, fields: 0 } });
  if (!part)
    throw validationError(said('file.missing'), [{ path: ['body', 'file'], ...worded('file.chooseSheet') }]);
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  if (part.file.truncated)
    throw new AppError('IMPORT.TOO_LARGE', said('file.tooLarge', { mb: FILE_BYTES / 1024 / 1024 }), {
      limit: 'fileBytes',
    });
  const fileName =
    part.filename
      .normalize('NFC')
      .replace(/^.*[\\/]/, '')
      .slice(0, 255) || 'don-vi';
  return { fileName, content: Buffer.concat(chunks) };
}

export const unitImportRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: FILE_BYTES, files: 1, fields: 0, parts: 1 } });

  app.get(
    '/unit-imports/template.xlsx',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Mẫu Excel nhập danh sách đơn vị (mã, tên, loại, đơn vị cấp trên) kèm hướng dẫn',
      },
    },
    async (request, reply) => {
      // Signed-in users only, like every other template (the answer names no data, but the API is not public).
      contextOf(request);
      const t = await unitImportTemplate();
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${t.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(t.bytes);
    },
  );

  app.post(
    '/unit-imports/file',
    {
      bodyLimit: FILE_BYTES + 64 * 1024,
      schema: {
        tags: ['org-units'],
        summary:
          'Nhập danh sách đơn vị của một tỉnh từ tệp Excel/CSV (mẫu của hệ thống hoặc danh mục của Tổng cục Thống kê), gửi dạng multipart (trường "file"): chạy thử (confirm=false) rồi xác nhận với ngày hiệu lực — tất cả hoặc không',
        consumes: ['multipart/form-data'],
        querystring: unitImportQuery,
        response: { 200: unitImportOut, ...errorResponses },
      },
    },
    async (request) => {
      const file = await uploadedFile(request);
      const report = await importUnits({
        ctx: contextOf(request),
        provinceId: request.query.provinceId,
        fileName: file.fileName,
        content: file.content,
        confirm: request.query.confirm === 'true',
        effectiveDate: request.query.effectiveDate,
      });
      return report satisfies UnitImportOut;
    },
  );
};
