import {
  approvalChain,
  budgetLinesInput,
  ESTIMATE_KINDS,
  ESTIMATE_STATUSES,
  lineAdjustment,
} from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses, pagination, recordVersion } from '../../http/schemas';
import { actOnEstimate } from './act-on-estimate';
import { adjustEstimate } from './adjust-estimate';
import { attachmentOut, estimateOut, estimateSummaryOut } from './budget.presenter';
import { attachBudgetFile, getBudgetFile } from './budget-attachments';
import { getBudgetChain, setBudgetChain } from './budget-chain';
import { budgetTotals } from './budget-totals';
import { createEstimate } from './create-estimate';
import { diffEstimateRounds } from './diff-estimate-rounds';
import { exportBudgetDocx, exportBudgetXlsx } from './export-budget';
import { getEstimate } from './get-estimate';
import { listEstimates } from './list-estimates';
import { saveEstimateLines } from './save-estimate-lines';

const planParams = z.object({ planId: z.uuid('Mã kế hoạch không hợp lệ') });
const estimateParams = z.object({ estimateId: z.uuid('Mã dự toán không hợp lệ') });
const provinceParams = z.object({ provinceId: z.uuid('Mã tỉnh/thành phố không hợp lệ') });
// NUL characters are refused in every body and query by http/input-guard.
const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
const seq = z.coerce.number().int().min(1).max(100_000);

const totalRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  requested: z.number().int(),
  consolidated: z.number().int(),
  approved: z.number().int(),
});
const snapshotLine = z.object({
  lineId: z.string(),
  taskId: z.string().nullable(),
  content: z.string(),
  unitCost: z.number().int(),
  quantity: z.number().int(),
  amount: z.number().int(),
  fundingSource: z.string(),
  adjustReason: z.string().nullable(),
});
const revisionHead = z.object({
  seq: z.number().int(),
  round: z.number().int(),
  kind: z.string(),
  total: z.number().int(),
  at: z.string(),
});
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
        querystring: z.object({
          status: z.enum(ESTIMATE_STATUSES).optional(),
          unitId: z.uuid().optional(),
          kind: z.enum(ESTIMATE_KINDS).optional(),
          parentId: z.uuid().optional(),
          ...pagination,
        }),
        response: {
          200: z.object({ items: z.array(estimateSummaryOut), total: z.number().int() }),
          ...errorResponses,
        },
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
        body: z.object({
          unitId: z.uuid('Mã đơn vị không hợp lệ'),
          title: text(500).min(1, 'Nhập tên dự toán'),
          note: text(5000).optional(),
          kind: z.enum(ESTIMATE_KINDS).default('estimate'),
          parentId: z.uuid('Mã dự toán gốc không hợp lệ').nullable().optional(),
          lines: budgetLinesInput.default([]),
        }),
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
        body: z.object({
          version: recordVersion,
          title: text(500).min(1, 'Nhập tên dự toán').optional(),
          note: text(5000).optional(),
          lines: budgetLinesInput,
        }),
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
        body: z.discriminatedUnion('type', [
          z.object({ type: z.literal('submit'), version: recordVersion }),
          z.object({ type: z.literal('forward'), version: recordVersion }),
          z.object({ type: z.literal('approve'), version: recordVersion }),
          z.object({
            type: z.literal('return'),
            version: recordVersion,
            reason: text(2000).min(5, 'Nêu lý do trả lại (ít nhất 5 ký tự)'),
          }),
        ]),
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
        body: z.object({
          version: recordVersion,
          adjustments: z.array(lineAdjustment).min(1, 'Chọn ít nhất một dòng').max(500),
        }),
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
        querystring: z.object({ from: seq.optional(), to: seq.optional() }),
        response: {
          200: z.object({
            from: revisionHead,
            to: revisionHead,
            totalBefore: z.number().int(),
            totalAfter: z.number().int(),
            delta: z.number().int(),
            lines: z.array(
              z.object({
                lineId: z.string(),
                change: z.enum(['added', 'removed', 'changed', 'unchanged']),
                content: z.string(),
                before: snapshotLine.nullable(),
                after: snapshotLine.nullable(),
                delta: z.number().int(),
                fields: z.array(z.string()),
                reason: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
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
        body: z.object({
          fileName: text(255).min(1, 'Thiếu tên tệp'),
          /** Accepted for older clients and ignored: the type is judged from the extension and the bytes. */
          contentType: text(100).optional(),
          contentBase64: z
            .base64('Nội dung tệp phải mã hoá base64')
            .max(5_500_000, 'Tệp quá lớn (tối đa khoảng 4 MB)'),
        }),
        response: { 201: attachmentOut, ...errorResponses },
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
        params: z.object({ attachmentId: z.uuid('Mã tệp không hợp lệ') }),
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
        response: {
          200: z.object({
            requested: z.number().int(),
            consolidated: z.number().int(),
            approved: z.number().int(),
            bySource: z.array(totalRow),
            byUnit: z.array(totalRow),
            byTask: z.array(totalRow),
            byTheme: z.array(totalRow),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      (await budgetTotals({ ctx: contextOf(request), planId: request.params.planId })).totals,
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

  const chainOut = z.object({
    provinceId: z.string(),
    chain: approvalChain,
    version: z.number().int(),
    isDefault: z.boolean(),
    defaultChain: approvalChain,
    /** Names of the units the steps name, for display. */
    unitNames: z.record(z.string(), z.string()),
  });

  app.get(
    '/provinces/:provinceId/budget-chain',
    {
      schema: {
        tags: ['budget'],
        summary: 'Quy trình phê duyệt dự toán của tỉnh/thành phố (bước, vai trò, đơn vị thực hiện)',
        params: provinceParams,
        response: { 200: chainOut, ...errorResponses },
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
        body: z.object({ version: z.number().int().min(0).max(2_147_483_647), chain: approvalChain }),
        response: { 200: chainOut, ...errorResponses },
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
