import {
  acceptReportBody,
  completenessOut,
  completenessQuery,
  myReportsOut,
  myReportsQuery,
  periodListOut,
  periodOut,
  reminderResultOut,
  remindReportBody,
  reportParams,
  reportPeriodBody,
  reportPeriodParams,
  reportPeriodUnitParams,
  reportPlanParams,
  reportViewOut,
  returnReportBody,
  saveReportBody,
  submitReportBody,
  updateReportPeriodBody,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { acceptUnitReport } from './accept-unit-report';
import { createReportPeriod } from './create-report-period';
import { exportMissingReports } from './export-missing-reports';
import { getPeriodCompleteness } from './get-period-completeness';
import { getUnitReport, getUnitReportForPeriod } from './get-unit-report';
import { listMyReports } from './list-my-reports';
import { listReportPeriods } from './list-report-periods';
import { returnUnitReport } from './return-unit-report';
import { saveUnitReport } from './save-unit-report';
import { sendReportReminders } from './send-report-reminders';
import { startUnitReport } from './start-unit-report';
import { submitUnitReport } from './submit-unit-report';
import { updateReportPeriod } from './update-report-period';

const planParams = reportPlanParams;
const periodParams = reportPeriodParams;
const periodUnitParams = reportPeriodUnitParams;

/** HTTP routes of the reports feature (thin: validate → authorize → one use case → present). */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reports'];

  app.get(
    '/plans/:planId/report-periods',
    {
      schema: {
        tags,
        summary: 'Các kỳ báo cáo định kỳ của kế hoạch, với số đơn vị phải báo cáo và đã nộp',
        params: planParams,
        response: { 200: periodListOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: await listReportPeriods({ ctx: contextOf(request), planId: request.params.planId }),
    }),
  );

  app.post(
    '/plans/:planId/report-periods',
    {
      schema: {
        tags,
        summary: 'Mở kỳ báo cáo (quý, 6 tháng, năm): thời gian, hạn nộp, đơn vị/nhóm đơn vị phải báo cáo',
        params: planParams,
        body: reportPeriodBody,
        response: { 201: periodOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await createReportPeriod({
        ctx: contextOf(request),
        input: { ...request.body, planId: request.params.planId },
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/report-periods/:periodId',
    {
      schema: {
        tags,
        summary: 'Sửa kỳ báo cáo, đổi danh sách đơn vị phải báo cáo, đóng hoặc mở lại kỳ',
        params: periodParams,
        body: updateReportPeriodBody,
        response: { 200: periodOut, ...errorResponses },
      },
    },
    async (request) =>
      updateReportPeriod({ ctx: contextOf(request), periodId: request.params.periodId, input: request.body }),
  );

  app.get(
    '/report-periods/:periodId/missing.xlsx',
    {
      schema: {
        tags,
        summary:
          'Tải danh sách đơn vị chưa nộp báo cáo của kỳ (.xlsx), theo nhóm đơn vị, kèm ngày tính và tiêu chí',
        params: periodParams,
        querystring: completenessQuery,
        response: { 200: z.unknown().describe('Tệp XLSX'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = await exportMissingReports({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        groupId: request.query.groupId,
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(out.bytes);
    },
  );

  app.get(
    '/report-periods/:periodId/completeness',
    {
      schema: {
        tags,
        summary:
          'Tình hình nộp báo cáo của kỳ (đúng hạn / trễ hạn / chưa nộp), theo nhóm đơn vị, với danh sách',
        params: periodParams,
        querystring: completenessQuery,
        response: { 200: completenessOut, ...errorResponses },
      },
    },
    async (request) =>
      getPeriodCompleteness({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        groupId: request.query.groupId,
      }),
  );

  app.post(
    '/report-periods/:periodId/reminders',
    {
      schema: {
        tags,
        summary: 'Đôn đốc các đơn vị chưa nộp báo cáo (thông báo trong hệ thống và e-mail)',
        params: periodParams,
        body: remindReportBody,
        response: { 200: reminderResultOut, ...errorResponses },
      },
    },
    async (request) =>
      sendReportReminders({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        unitIds: request.body.unitIds,
        message: request.body.message,
      }),
  );

  app.get(
    '/report-periods/:periodId/units/:unitId/report',
    {
      schema: {
        tags,
        summary:
          'Báo cáo của một đơn vị trong kỳ: số liệu điền sẵn từ hồ sơ, nội dung, lịch sử, thao tác được phép',
        params: periodUnitParams,
        response: { 200: reportViewOut, ...errorResponses },
      },
    },
    async (request) =>
      getUnitReportForPeriod({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        unitId: request.params.unitId,
      }),
  );

  app.post(
    '/report-periods/:periodId/units/:unitId/report',
    {
      schema: {
        tags,
        summary: 'Đơn vị bắt đầu soạn báo cáo của kỳ (gọi lại trả về bản đang soạn)',
        params: periodUnitParams,
        response: { 200: reportViewOut, ...errorResponses },
      },
    },
    async (request) =>
      startUnitReport({
        ctx: contextOf(request),
        periodId: request.params.periodId,
        unitId: request.params.unitId,
      }),
  );

  app.get(
    '/reports/mine',
    {
      schema: {
        tags,
        summary: 'Báo cáo của tôi: các kỳ mà đơn vị của tôi phải báo cáo và tình trạng',
        querystring: myReportsQuery,
        response: { 200: myReportsOut, ...errorResponses },
      },
    },
    async (request) => listMyReports({ ctx: contextOf(request), planId: request.query.planId }),
  );

  app.get(
    '/reports/:reportId',
    {
      schema: {
        tags,
        summary: 'Một báo cáo',
        params: reportParams,
        response: { 200: reportViewOut, ...errorResponses },
      },
    },
    async (request) => getUnitReport({ ctx: contextOf(request), reportId: request.params.reportId }),
  );

  app.patch(
    '/reports/:reportId',
    {
      schema: {
        tags,
        summary: 'Lưu nội dung báo cáo (kết quả, khó khăn, kiến nghị)',
        params: reportParams,
        body: saveReportBody,
        response: { 200: reportViewOut, ...errorResponses },
      },
    },
    async (request) =>
      saveUnitReport({ ctx: contextOf(request), reportId: request.params.reportId, input: request.body }),
  );

  app.post(
    '/reports/:reportId/submit',
    {
      schema: {
        tags,
        summary: 'Gửi báo cáo (số liệu được chốt tại thời điểm gửi)',
        params: reportParams,
        body: submitReportBody,
        response: { 200: reportViewOut, ...errorResponses },
      },
    },
    async (request) =>
      submitUnitReport({ ctx: contextOf(request), reportId: request.params.reportId, input: request.body }),
  );

  app.post(
    '/reports/:reportId/return',
    {
      schema: {
        tags,
        summary: 'Trả lại báo cáo kèm ý kiến (bắt buộc)',
        params: reportParams,
        body: returnReportBody,
        response: { 200: reportViewOut, ...errorResponses },
      },
    },
    async (request) =>
      returnUnitReport({ ctx: contextOf(request), reportId: request.params.reportId, input: request.body }),
  );

  app.post(
    '/reports/:reportId/accept',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận báo cáo (báo cáo được khoá)',
        params: reportParams,
        body: acceptReportBody,
        response: { 200: reportViewOut, ...errorResponses },
      },
    },
    async (request) =>
      acceptUnitReport({ ctx: contextOf(request), reportId: request.params.reportId, input: request.body }),
  );
};
