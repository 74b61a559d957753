import {
  type DataImportOut,
  dataGridOut,
  dataImportOut,
  dataImportQuery,
  dataItemBody,
  dataItemListOut,
  dataItemOut,
  dataItemParams,
  dataItemPatchBody,
  dataItemsQuery,
  dataPeriodParams,
  dataPeriodUnitParams,
  dataReviewOut,
  dataValuesBody,
  dataValuesReviewBody,
  dataValuesSubmitBody,
  unitDataValuesOut,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { registerUpload, UPLOAD_BODY_LIMIT, uploadedFile } from '../../http/upload';
import { createDataItem } from './create-data-item';
import { dataValuesTemplate } from './data-values-template';
import { getDataGrid } from './get-data-grid';
import { importDataValues } from './import-data-values';
import { listDataItems } from './list-data-items';
import { reviewDataValues } from './review-data-values';
import { saveUnitDataValues } from './save-unit-data-values';
import { submitUnitDataValues } from './submit-unit-data-values';
import { getUnitDataValues } from './unit-data-values';
import { updateDataItem } from './update-data-item';

/** HTTP routes of reported figures (issue 16; thin: validate → authorize → one use case → present). */
export const dataItemRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerUpload(app);
  const tags = ['targets'];

  app.get(
    '/report-periods/:periodId/data-values/template.xlsx',
    {
      schema: {
        tags,
        summary: 'Mẫu Excel nhập số liệu của kỳ: mỗi dòng một đơn vị phải báo cáo, mỗi cột một số liệu',
        params: dataPeriodParams,
      },
    },
    async (request, reply) => {
      const t = await dataValuesTemplate({ ctx: contextOf(request), periodId: request.params.periodId });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${t.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(t.bytes);
    },
  );

  app.post(
    '/report-periods/:periodId/data-values/import',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Nhập số liệu của kỳ từ tệp Excel theo mẫu (multipart, trường "file"): chạy thử giải thích từng dòng (confirm=false), xác nhận ghi tất cả hoặc không',
        consumes: ['multipart/form-data'],
        params: dataPeriodParams,
        querystring: dataImportQuery,
        response: { 200: dataImportOut, ...errorResponses },
      },
    },
    async (request) => {
      const file = await uploadedFile(request, 'so-lieu');
      const report = await importDataValues({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        fileName: file.fileName,
        content: file.content,
        confirm: request.query.confirm === 'true',
      });
      return report satisfies DataImportOut;
    },
  );

  app.get(
    '/data-items',
    {
      schema: {
        tags,
        summary: 'Các số liệu đơn vị báo cáo của tỉnh (tên, đơn vị tính, đơn vị báo cáo, kỳ, cách cộng dồn)',
        querystring: dataItemsQuery,
        response: { 200: dataItemListOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: await listDataItems({ ctx: contextOf(request), provinceId: request.query.provinceId }),
    }),
  );

  app.post(
    '/data-items',
    {
      schema: {
        tags,
        summary: 'Văn phòng CĐS thêm một số liệu đơn vị phải báo cáo',
        body: dataItemBody,
        response: { 201: dataItemOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDataItem({ ctx: contextOf(request), input: request.body })),
  );

  app.patch(
    '/data-items/:itemId',
    {
      schema: {
        tags,
        summary: 'Sửa một số liệu (mã giữ nguyên)',
        params: dataItemParams,
        body: dataItemPatchBody,
        response: { 200: dataItemOut, ...errorResponses },
      },
    },
    async (request) =>
      updateDataItem({ ctx: contextOf(request), itemId: request.params.itemId, input: request.body }),
  );

  app.get(
    '/report-periods/:periodId/data-values',
    {
      schema: {
        tags,
        summary: 'Bảng số liệu của kỳ: đơn vị × số liệu, với tình trạng từng ô (Văn phòng CĐS)',
        params: dataPeriodParams,
        response: { 200: dataGridOut, ...errorResponses },
      },
    },
    async (request) => getDataGrid({ ctx: contextOf(request), periodId: request.params.periodId }),
  );

  app.post(
    '/report-periods/:periodId/data-values/review',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hoặc trả lại (kèm ý kiến) các số liệu đã gửi của kỳ',
        params: dataPeriodParams,
        body: dataValuesReviewBody,
        response: { 200: dataReviewOut, ...errorResponses },
      },
    },
    async (request) =>
      reviewDataValues({ ctx: contextOf(request), periodId: request.params.periodId, input: request.body }),
  );

  app.get(
    '/report-periods/:periodId/units/:unitId/data-values',
    {
      schema: {
        tags,
        summary:
          'Số liệu của một đơn vị trong kỳ: các số liệu được yêu cầu, giá trị đã nhập, thao tác được phép',
        params: dataPeriodUnitParams,
        response: { 200: unitDataValuesOut, ...errorResponses },
      },
    },
    async (request) =>
      getUnitDataValues({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        unitId: request.params.unitId,
      }),
  );

  app.put(
    '/report-periods/:periodId/units/:unitId/data-values',
    {
      schema: {
        tags,
        summary: 'Đơn vị nhập hoặc sửa số liệu của kỳ (giá trị rỗng: xoá số liệu chưa gửi)',
        params: dataPeriodUnitParams,
        body: dataValuesBody,
        response: { 200: unitDataValuesOut, ...errorResponses },
      },
    },
    async (request) =>
      saveUnitDataValues({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        unitId: request.params.unitId,
        input: request.body,
      }),
  );

  app.post(
    '/report-periods/:periodId/units/:unitId/data-values/submit',
    {
      schema: {
        tags,
        summary: 'Đơn vị gửi số liệu của kỳ để Văn phòng CĐS duyệt (gửi báo cáo kỳ cũng gửi số liệu)',
        params: dataPeriodUnitParams,
        body: dataValuesSubmitBody,
        response: { 200: unitDataValuesOut, ...errorResponses },
      },
    },
    async (request) =>
      submitUnitDataValues({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        unitId: request.params.unitId,
      }),
  );
};
