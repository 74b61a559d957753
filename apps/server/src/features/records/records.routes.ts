import { getRecord, getRecordLinks } from '@dx/db';
import { isoDate, PUBLICATION_IMPORT_COLUMNS, RECORD_INPUTS, type RecordType } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeProvince, contextOf } from '../../http/context';
import { errorResponses, pagination, recordVersion } from '../../http/schemas';
import { templateXlsx } from '../../lib/tabular';
import { createRecord } from './create-record';
import { deleteRecord } from './delete-record';
import { importPublications } from './import-publications';
import { listRecords } from './list-records';
import { recordNotFound } from './record-access';
import { presentRecord, recordOut } from './records.presenter';
import { reviewUnitPlan } from './review-unit-plan';
import { updateRecord } from './update-record';

/** API paths of the record types (BRIEF "Records a unit enters"). */
export const RECORD_PATHS: Record<RecordType, string> = {
  unit_plan: 'unit-plans',
  channel: 'channels',
  publication: 'publications',
  person: 'people',
  training: 'trainings',
  dx_model: 'dx-models',
  event: 'events',
};

export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const [type, path] of Object.entries(RECORD_PATHS) as [RecordType, string][]) {
    const input = RECORD_INPUTS[type];
    const tags = ['records'];

    app.get(
      `/${path}`,
      {
        schema: {
          tags,
          summary: `Danh sách hồ sơ (${type})`,
          querystring: z.object({
            provinceId: z.uuid(),
            unitId: z.uuid().optional(),
            from: isoDate.optional(),
            to: isoDate.optional(),
            ...pagination,
          }),
          response: { 200: z.object({ items: z.array(recordOut), total: z.number() }), ...errorResponses },
        },
      },
      async (request) => {
        const r = await listRecords({ ctx: contextOf(request), type, ...request.query });
        return { items: r.items.map((row) => presentRecord(type, row)), total: r.total };
      },
    );

    app.get(
      `/${path}/:id`,
      {
        schema: {
          tags,
          summary: `Một hồ sơ (${type})`,
          params: z.object({ id: z.uuid() }),
          response: { 200: recordOut, ...errorResponses },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const row = await getRecord(ctx.db, type, request.params.id);
        if (!row) throw recordNotFound(type, request.params.id);
        authorizeProvince(ctx, 'record.read', row.provinceId);
        return presentRecord(type, row, await getRecordLinks(ctx.db, type, row.id));
      },
    );

    app.post(
      `/${path}`,
      {
        schema: {
          tags,
          summary: `Nhập hồ sơ (${type})`,
          body: input,
          response: { 201: recordOut, ...errorResponses },
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
          params: z.object({ id: z.uuid() }),
          body: z.object({ version: recordVersion, record: input }),
          response: { 200: recordOut, ...errorResponses },
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
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) }),
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
        summary: 'Sở TT&TT chấp nhận hoặc trả lại kế hoạch của đơn vị',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          version: recordVersion,
          decision: z.enum(['accept', 'return'], 'Chọn chấp nhận hoặc trả lại'),
          note: z.string().trim().max(4000).nullable().default(null),
        }),
        response: { 200: recordOut, ...errorResponses },
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
    '/imports/publications/template.xlsx',
    { schema: { tags: ['records'], summary: 'Mẫu Excel nhập tin, bài' } },
    async (request, reply) => {
      contextOf(request);
      const bytes = await templateXlsx('Tin bài', PUBLICATION_IMPORT_COLUMNS);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="mau-nhap-tin-bai.xlsx"')
        .send(bytes);
    },
  );

  app.post(
    '/imports/publications',
    {
      schema: {
        tags: ['records'],
        summary: 'Nhập tin, bài từ Excel/CSV: chạy thử (confirm=false) rồi xác nhận lưu trong một giao dịch',
        body: z.object({
          provinceId: z.uuid(),
          fileName: z.string().trim().min(1, 'Thiếu tên tệp').max(255),
          contentBase64: z
            .base64('Nội dung tệp phải mã hoá base64')
            .max(6_000_000, 'Tệp quá lớn (tối đa khoảng 4 MB)'),
          confirm: z.boolean().default(false),
        }),
        response: {
          200: z.object({
            total: z.number(),
            valid: z.number(),
            saved: z.number(),
            batchId: z.number().nullable(),
            issues: z.array(
              z.object({ row: z.number(), column: z.string().nullable(), message: z.string() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      importPublications({
        ctx: contextOf(request),
        provinceId: request.body.provinceId,
        fileName: request.body.fileName,
        content: Buffer.from(request.body.contentBase64, 'base64'),
        confirm: request.body.confirm,
      }),
  );
};
