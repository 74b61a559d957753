import { consolidatedFileName, layoutConsolidatedReport, type ReportIssuer } from '@dx/domain';
import type { UseCaseContext } from '../../../use-case/context';
import { buildConsolidatedReport } from './build-consolidated-report';
import { renderConsolidatedDocx } from './consolidated-docx';
import { renderConsolidatedPdf } from './consolidated-pdf';
import { renderConsolidatedXlsx } from './consolidated-xlsx';

export const CONSOLIDATED_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
export type ConsolidatedFormat = keyof typeof CONSOLIDATED_TYPES;

/** The consolidated report of a period as a file: the "Báo cáo" (DOCX or PDF) or its annex (XLSX), generated now. */
export async function exportConsolidatedReport({
  ctx,
  periodId,
  issuer,
  format,
}: {
  ctx: UseCaseContext;
  periodId: string;
  issuer?: ReportIssuer;
  format: ConsolidatedFormat;
}) {
  const data = await buildConsolidatedReport({ ctx, periodId, issuer });
  const bytes =
    format === 'xlsx'
      ? await renderConsolidatedXlsx(data)
      : format === 'docx'
        ? await renderConsolidatedDocx(layoutConsolidatedReport(data))
        : await renderConsolidatedPdf(layoutConsolidatedReport(data));
  const suffix = format === 'xlsx' ? '-phu-luc' : '';
  return {
    bytes,
    contentType: CONSOLIDATED_TYPES[format],
    fileName: `${consolidatedFileName(data.period.label)}${suffix}.${format}`,
  };
}
