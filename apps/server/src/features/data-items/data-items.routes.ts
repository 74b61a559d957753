import {
  dataGridOut,
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
import { createDataItem } from './create-data-item';
import { getDataGrid } from './get-data-grid';
import { listDataItems } from './list-data-items';
import { reviewDataValues } from './review-data-values';
import { saveUnitDataValues } from './save-unit-data-values';
import { submitUnitDataValues } from './submit-unit-data-values';
import { getUnitDataValues } from './unit-data-values';
import { updateDataItem } from './update-data-item';

/** HTTP routes of reported figures (issue 16; thin: validate → authorize → one use case → present). */
export const dataItemRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['targets'];

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
