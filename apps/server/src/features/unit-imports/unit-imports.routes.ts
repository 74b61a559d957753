import { type UnitImportOut, unitImportOut, unitImportQuery } from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { registerUpload, UPLOAD_BODY_LIMIT, uploadedFile } from '../../http/upload';
import { importUnits } from './import-units';
import { unitImportTemplate } from './unit-import-template';

export const unitImportRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerUpload(app);

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
      bodyLimit: UPLOAD_BODY_LIMIT,
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
      const file = await uploadedFile(request, 'don-vi');
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
