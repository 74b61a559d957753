import {
  adjustEstimateBody,
  budgetAttachmentBody,
  budgetAttachmentOut,
  budgetAttachmentParams,
  budgetChainBody,
  budgetChainOut,
  budgetPlanParams,
  budgetProvinceParams,
  budgetTotalsOut,
  createEstimateBody,
  estimateActionBody,
  estimateDiffOut,
  estimateDiffQuery,
  estimateListOut,
  estimateOut,
  estimateParams,
  estimatesQuery,
  saveEstimateLinesBody,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { actOnEstimate } from './act-on-estimate';
import { adjustEstimate } from './adjust-estimate';
import { presentTotals } from './budget.presenter';
import { attachBudgetFile, getBudgetFile } from './budget-attachments';
import { getBudgetChain, setBudgetChain } from './budget-chain';
import { budgetTotals } from './budget-totals';
import { createEstimate } from './create-estimate';
import { diffEstimateRounds } from './diff-estimate-rounds';
import { exportBudgetDocx, exportBudgetXlsx } from './export-budget';
import { getEstimate } from './get-estimate';
import { listEstimates } from './list-estimates';
import { saveEstimateLines } from './save-estimate-lines';

const planParams = budgetPlanParams;
const provinceParams = budgetProvinceParams;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const budgetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:planId/budget-estimates',
    {
      schema: {
        tags: ['budget'],
        summary:
          'Dự toán kinh phí của kế hoạch, lọc theo tình trạng, đơn vị, loại (dự toán / đề xuất bổ sung)',
        params: planParams,
        querystring: estimatesQuery,
        response: { 200: estimateListOut, ...errorResponses },
      },
    },
    async (request) => {
      const { planId } = request.params;
      return listEstimates({ ctx: contextOf(request), planId, filter: request.query });
    },
  );

  app.post(
    '/plans/:planId/budget-estimates',
    {
      schema: {
        tags: ['budget'],
        summary: 'Lập dự toán (bản nháp) của đơn vị, hoặc đề xuất bổ sung cho dự toán đã được phê duyệt',
        description: 'Amounts are integer đồng. A line without `amount` costs unitCost × quantity.',
        params: planParams,
        body: createEstimateBody,
        response: { 201: estimateOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await createEstimate({
        ctx: contextOf(request),
        planId: request.params.planId,
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/budget-estimates/:estimateId',
    {
      schema: {
        tags: ['budget'],
        summary:
          'Một dự toán: các dòng, lịch sử xử lý, các vòng, tệp đính kèm và các thao tác người dùng được làm',
        params: estimateParams,
        response: { 200: estimateOut, ...errorResponses },
      },
    },
    async (request) => getEstimate({ ctx: contextOf(request), estimateId: request.params.estimateId }),
  );

  app.put(
    '/budget-estimates/:estimateId/lines',
    {
      schema: {
        tags: ['budget'],
        summary: 'Đơn vị sửa dự toán nháp hoặc bị trả lại (thêm, sửa, xoá dòng); 409 nếu phiên bản đã cũ',
        params: estimateParams,
        body: saveEstimateLinesBody,
        response: { 200: estimateOut, ...errorResponses },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return saveEstimateLines({
        ctx: contextOf(request),
        estimateId: request.params.estimateId,
        expectedVersion: version,
        input,
      });
    },
  );

  app.post(
    '/budget-estimates/:estimateId/actions',
    {
      schema: {
        tags: ['budget'],
        summary:
          'Gửi, chuyển tiếp (tiếp nhận vào dự toán tổng hợp), trả lại (kèm lý do) hoặc phê duyệt; 409 nếu phiên bản đã cũ',
        params: estimateParams,
        body: estimateActionBody,
        response: { 200: estimateOut, ...errorResponses },
      },
    },
    async (request) => {
      const { version, ...move } = request.body;
      return actOnEstimate({
        ctx: contextOf(request),
        estimateId: request.params.estimateId,
        expectedVersion: version,
        move,
      });
    },
  );

  app.post(
    '/budget-estimates/:estimateId/adjustments',
    {
      schema: {
        tags: ['budget'],
        summary:
          'Thẩm định: điều chỉnh số tiền từng dòng kèm lý do (bước được phép điều chỉnh); 409 nếu phiên bản đã cũ',
        params: estimateParams,
        body: adjustEstimateBody,
        response: { 200: estimateOut, ...errorResponses },
      },
    },
    async (request) =>
      adjustEstimate({
        ctx: contextOf(request),
        estimateId: request.params.estimateId,
        expectedVersion: request.body.version,
        adjustments: request.body.adjustments,
      }),
  );

  app.get(
    '/budget-estimates/:estimateId/diff',
    {
      schema: {
        tags: ['budget'],
        summary: 'So sánh hai phiên bản của dự toán, từng dòng (thêm, bỏ, thay đổi số tiền và lý do)',
        params: estimateParams,
        querystring: estimateDiffQuery,
        response: { 200: estimateDiffOut, ...errorResponses },
      },
    },
    async (request) =>
      diffEstimateRounds({
        ctx: contextOf(request),
        estimateId: request.params.estimateId,
        ...request.query,
      }),
  );

  app.post(
    '/budget-estimates/:estimateId/attachments',
    {
      schema: {
        tags: ['budget'],
        summary:
          'Đính kèm tài liệu vào dự toán (báo giá, căn cứ): PDF, Word, Excel, PowerPoint, OpenDocument, JPG, PNG, TXT; tối đa 4 MB',
        params: estimateParams,
        body: budgetAttachmentBody,
        response: { 201: budgetAttachmentOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await attachBudgetFile({
        ctx: contextOf(request),
        estimateId: request.params.estimateId,
        file: {
          fileName: request.body.fileName,
          content: Buffer.from(request.body.contentBase64, 'base64'),
        },
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/budget-attachments/:attachmentId',
    {
      schema: {
        tags: ['budget'],
        summary: 'Tải tệp đính kèm của dự toán',
        params: budgetAttachmentParams,
        response: { 200: z.unknown().describe('Tệp'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const f = await getBudgetFile({ ctx: contextOf(request), attachmentId: request.params.attachmentId });
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(f.content);
    },
  );

  app.get(
    '/plans/:planId/budget-totals',
    {
      schema: {
        tags: ['budget'],
        summary:
          'Tổng kinh phí theo nguồn, đơn vị, nhiệm vụ, nội dung tuyên truyền (đề nghị, đã tổng hợp, đã phê duyệt)',
        params: planParams,
        response: { 200: budgetTotalsOut, ...errorResponses },
      },
    },
    async (request) =>
      presentTotals((await budgetTotals({ ctx: contextOf(request), planId: request.params.planId })).totals),
  );

  app.get(
    '/plans/:planId/budget-export.xlsx',
    {
      schema: {
        tags: ['budget'],
        summary: 'Tải bảng tổng hợp dự toán (.xlsx)',
        params: planParams,
        response: { 200: z.unknown().describe('Tệp XLSX'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = await exportBudgetXlsx({ ctx: contextOf(request), planId: request.params.planId });
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(out.bytes);
    },
  );

  app.get(
    '/plans/:planId/budget-submission.docx',
    {
      schema: {
        tags: ['budget'],
        summary: 'Tải dự thảo Tờ trình phê duyệt dự toán (.docx, thể thức Nghị định 30/2020)',
        params: planParams,
        response: { 200: z.unknown().describe('Tệp DOCX'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = await exportBudgetDocx({ ctx: contextOf(request), planId: request.params.planId });
      return reply
        .header('content-type', docxType)
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(out.bytes);
    },
  );

  app.get(
    '/provinces/:provinceId/budget-chain',
    {
      schema: {
        tags: ['budget'],
        summary: 'Quy trình phê duyệt dự toán của tỉnh/thành phố (bước, vai trò, đơn vị thực hiện)',
        params: provinceParams,
        response: { 200: budgetChainOut, ...errorResponses },
      },
    },
    async (request) => getBudgetChain({ ctx: contextOf(request), provinceId: request.params.provinceId }),
  );

  app.put(
    '/provinces/:provinceId/budget-chain',
    {
      schema: {
        tags: ['budget'],
        summary:
          'Quản trị tỉnh/thành phố đặt quy trình phê duyệt dự toán; version 0 khi chưa lưu lần nào; 409 nếu đã cũ',
        params: provinceParams,
        body: budgetChainBody,
        response: { 200: budgetChainOut, ...errorResponses },
      },
    },
    async (request) =>
      setBudgetChain({
        ctx: contextOf(request),
        provinceId: request.params.provinceId,
        expectedVersion: request.body.version,
        chain: request.body.chain,
      }),
  );
};
