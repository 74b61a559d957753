import {
  RECORD_OUTS,
  recordBodies,
  recordDeleteQuery,
  recordFileBody,
  recordFileOut,
  recordFileParams,
  recordImportBody,
  recordImportConfirmBody,
  recordImportFileQuery,
  recordImportOut,
  recordListOut,
  recordParams,
  recordsQuery,
  recordTemplateQuery,
  recordUpdateBody,
  unitPlanReviewBody,
} from '@dx/contracts';
import { RECORD_PATHS } from '@dx/contracts/paths';
import { getRecord, getRecordLinks, listRecordFiles } from '@dx/db';
import { type RecordType, recordReadPermission } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { registerUpload, UPLOAD_BODY_LIMIT, uploadedFile } from '../../http/upload';
import { authorizeUnit } from '../../use-case/context';
import { createRecord } from './create-record';
import { deleteRecord } from './delete-record';
import { confirmImport, importRecords } from './import-records';
import { importTemplate } from './import-template';
import { listRecords } from './list-records';
import { recordNotFound } from './record-access';
import { attachRecordFile, getRecordFile, ownerUnitOf, presentFile, removeRecordFile } from './record-files';
import { presentRecord } from './records.presenter';
import { reviewUnitPlan } from './review-unit-plan';
import { updateRecord } from './update-record';

export { RECORD_PATHS };

export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  // Imports arrive as multipart, streamed within the file limit, not as base64 inside JSON (issue 12).
  await registerUpload(app);
  for (const [type, path] of Object.entries(RECORD_PATHS) as [RecordType, string][]) {
    const input = recordBodies[type];
    const out = RECORD_OUTS[type];
    const tags = ['records'];

    app.get(
      `/${path}`,
      {
        schema: {
          tags,
          summary: `Danh sách hồ sơ (${type})`,
          querystring: recordsQuery,
          response: { 200: recordListOut(type), ...errorResponses },
        },
      },
      async (request) => {
        const { includeBelow, dx, ...query } = request.query;
        const r = await listRecords({
          ctx: contextOf(request),
          type,
          ...query,
          includeBelow: includeBelow === 'true',
          dx: dx === undefined ? undefined : dx === 'true',
        });
        return {
          items: r.items.map((row) => ({ ...presentRecord(type, row), unitName: row.unitName ?? null })),
          total: r.total,
        };
      },
    );

    app.get(
      `/${path}/:id`,
      {
        schema: {
          tags,
          summary: `Một hồ sơ (${type})`,
          params: recordParams,
          response: { 200: out, ...errorResponses },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const row = await getRecord(ctx.db, type, request.params.id);
        if (!row) throw recordNotFound(type, request.params.id);
        // A unit officer reads its own subtree's records; people's records (personal data) every role but the DX office
        // and administrators within its subtree only (docs/security.md "Scope of reading").
        await authorizeUnit(ctx, recordReadPermission(type), ownerUnitOf(type, row));
        const files = await listRecordFiles(ctx.db, type, row.id);
        return {
          ...presentRecord(type, row, await getRecordLinks(ctx.db, type, row.id)),
          files: files.map(presentFile),
        };
      },
    );

    app.post(
      `/${path}/:id/files`,
      {
        schema: {
          tags,
          summary: `Đính kèm tệp vào hồ sơ (${type}): PDF, Word, Excel, ảnh… tối đa 4 MB`,
          params: recordParams,
          body: recordFileBody,
          response: { 201: recordFileOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = await attachRecordFile({
          ctx: contextOf(request),
          type,
          recordId: request.params.id,
          fileName: request.body.fileName,
          content: Buffer.from(request.body.contentBase64, 'base64'),
        });
        return reply.status(201).send(presentFile(file));
      },
    );

    app.get(
      `/imports/${path}/template.xlsx`,
      {
        schema: {
          tags,
          summary: `Mẫu Excel nhập hồ sơ (${type}): trang nhập liệu, hướng dẫn, danh sách giá trị hợp lệ`,
          querystring: recordTemplateQuery,
        },
      },
      async (request, reply) => {
        const t = await importTemplate({
          ctx: contextOf(request),
          type,
          provinceId: request.query.provinceId,
        });
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${t.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(t.bytes);
      },
    );

    app.post(
      `/imports/${path}`,
      {
        schema: {
          tags,
          summary: `Nhập hồ sơ (${type}) từ Excel/CSV: chạy thử (confirm=false) rồi xác nhận lưu trong một giao dịch`,
          body: recordImportBody,
          response: { 200: recordImportOut, ...errorResponses },
        },
      },
      async (request) =>
        importRecords({
          ctx: contextOf(request),
          type,
          provinceId: request.body.provinceId,
          fileName: request.body.fileName,
          content: Buffer.from(request.body.contentBase64, 'base64'),
          confirm: request.body.confirm,
        }),
    );

    app.post(
      `/imports/${path}/file`,
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: `Nhập hồ sơ (${type}) từ tệp Excel/CSV gửi dạng multipart (trường "file"), tối đa 32 MB: chạy thử (confirm=false) rồi xác nhận`,
          consumes: ['multipart/form-data'],
          querystring: recordImportFileQuery,
          response: { 200: recordImportOut, ...errorResponses },
        },
      },
      async (request) => {
        const file = await uploadedFile(request, 'tep-nhap');
        return importRecords({
          ctx: contextOf(request),
          type,
          provinceId: request.query.provinceId,
          fileName: file.fileName,
          content: file.content,
          confirm: request.query.confirm === 'true',
        });
      },
    );

    app.post(
      `/imports/${path}/confirm`,
      {
        schema: {
          tags,
          summary: `Xác nhận lưu các dòng hợp lệ của lần chạy thử nhập hồ sơ (${type}) theo stageId, trong một giao dịch`,
          body: recordImportConfirmBody,
          response: { 200: recordImportOut, ...errorResponses },
        },
      },
      async (request) => confirmImport({ ctx: contextOf(request), type, stageId: request.body.stageId }),
    );

    app.post(
      `/${path}`,
      {
        schema: {
          tags,
          summary: `Nhập hồ sơ (${type})`,
          body: input,
          response: { 201: out, ...errorResponses },
        },
      },
      async (request, reply) => {
        const r = await createRecord({ ctx: contextOf(request), type, input: request.body as never });
        return reply.status(201).send(presentRecord(type, r.row, r.links));
      },
    );

    app.put(
      `/${path}/:id`,
      {
        schema: {
          tags,
          summary: `Sửa hồ sơ (${type}) theo phiên bản đã đọc`,
          params: recordParams,
          body: recordUpdateBody(type),
          response: { 200: out, ...errorResponses },
        },
      },
      async (request) => {
        const body = request.body as { version: number; record: unknown };
        const r = await updateRecord({
          ctx: contextOf(request),
          type,
          id: request.params.id,
          version: body.version,
          input: body.record as never,
        });
        return presentRecord(type, r.row, r.links);
      },
    );

    app.delete(
      `/${path}/:id`,
      {
        schema: {
          tags,
          summary: `Xoá hồ sơ (${type})`,
          params: recordParams,
          querystring: recordDeleteQuery,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await deleteRecord({
          ctx: contextOf(request),
          type,
          id: request.params.id,
          version: request.query.version,
        });
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    '/unit-plans/:id/review',
    {
      schema: {
        tags: ['records'],
        summary: 'Bộ phận chuyển đổi số chấp nhận hoặc trả lại kế hoạch của đơn vị',
        params: recordParams,
        body: unitPlanReviewBody,
        response: { 200: RECORD_OUTS.unit_plan, ...errorResponses },
      },
    },
    async (request) => {
      const row = await reviewUnitPlan({
        ctx: contextOf(request),
        id: request.params.id,
        ...request.body,
        note: request.body.note || null,
      });
      return presentRecord('unit_plan', row);
    },
  );

  app.get(
    '/record-files/:fileId',
    {
      schema: {
        tags: ['records'],
        summary: 'Tải tệp đính kèm hồ sơ',
        params: recordFileParams,
        response: { 200: z.unknown().describe('Tệp'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const f = await getRecordFile({ ctx: contextOf(request), fileId: request.params.fileId });
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(f.content);
    },
  );

  app.delete(
    '/record-files/:fileId',
    {
      schema: {
        tags: ['records'],
        summary: 'Xoá tệp đính kèm hồ sơ',
        params: recordFileParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeRecordFile({ ctx: contextOf(request), fileId: request.params.fileId });
      return reply.status(204).send(null);
    },
  );
};
