import {
  type ConsolidatedSummaryOut,
  consolidatedQuery,
  consolidatedSummaryOut,
  issueConsolidatedBody,
  reportPeriodParams,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../http/context';
import { errorResponses } from '../../../http/schemas';
import {
  CONSOLIDATED_TYPES,
  type ConsolidatedFormat,
  exportConsolidatedReport,
} from './export-consolidated-report';
import { issueConsolidatedReport } from './issue-consolidated-report';
import { type ConsolidatedReport, loadConsolidatedReport } from './load-consolidated-report';

const params = reportPeriodParams;
const query = consolidatedQuery;
const summaryOut = consolidatedSummaryOut;
const issueBody = issueConsolidatedBody;

/** What the panel shows: the figures and the words exactly as the files state them (stored ones once issued). */
function present({ data: d, layout: L, issued }: ConsolidatedReport) {
  return {
    subject: L.subject,
    date: d.date,
    figuresDate: d.figuresDate,
    issuer: d.issuer,
    issuerLines: L.issuer,
    recipients: L.recipients,
    period: d.period,
    targets: d.targets,
    publications: d.publications,
    tasks: d.tasks,
    reports: d.reports,
    obstacles: {
      obstacles: d.obstacles.filter((o) => o.kind === 'obstacle').length,
      proposals: d.obstacles.filter((o) => o.kind === 'proposal').length,
    },
    issued,
  } satisfies ConsolidatedSummaryOut;
}

/** The consolidated report of a reporting period (plan 54 V.1.a): summary JSON, DOCX, XLSX annex, PDF. */
export const consolidatedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/report-periods/:periodId/consolidated',
    {
      schema: {
        tags: ['reports'],
        summary: 'Báo cáo tổng hợp của kỳ: các số liệu (tính trực tiếp, trùng với bảng theo dõi chỉ tiêu)',
        params,
        querystring: query,
        response: { 200: summaryOut, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await loadConsolidatedReport({
          ctx: contextOf(request),
          periodId: request.params.periodId,
          issuer: request.query.issuer,
        }),
      ),
  );

  app.post(
    '/report-periods/:periodId/consolidated/issue',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Ban hành báo cáo tổng hợp của kỳ: số liệu và lời văn được lưu lại, không thay đổi theo dữ liệu nhập sau',
        params,
        body: issueBody,
        response: { 200: summaryOut, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await issueConsolidatedReport({
          ctx: contextOf(request),
          periodId: request.params.periodId,
          issuer: request.body.issuer,
        }),
      ),
  );

  for (const format of Object.keys(CONSOLIDATED_TYPES) as ConsolidatedFormat[]) {
    app.get(
      `/report-periods/:periodId/consolidated.${format}`,
      {
        schema: {
          tags: ['reports'],
          summary:
            format === 'xlsx'
              ? 'Phụ lục báo cáo tổng hợp (.xlsx): số liệu từng đơn vị theo chỉ tiêu, tình trạng báo cáo'
              : `Báo cáo tổng hợp theo Nghị định 30/2020/NĐ-CP (.${format})`,
          params,
          querystring: query,
          response: { 200: z.unknown().describe(`Tệp ${format.toUpperCase()}`), ...errorResponses },
        },
      },
      async (request, reply) => {
        const out = await exportConsolidatedReport({
          ctx: contextOf(request),
          periodId: request.params.periodId,
          issuer: request.query.issuer,
          format,
        });
        return reply
          .header('content-type', out.contentType)
          .header('content-disposition', `attachment; filename="${out.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(out.bytes);
      },
    );
  }
};
