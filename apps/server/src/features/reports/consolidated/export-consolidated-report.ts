import { consolidatedFileName, layoutConsolidatedReport } from '@dx/domain';
import type { UseCaseContext } from '../../../http/context';
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
  format,
}: {
  ctx: UseCaseContext;
  periodId: string;
  format: ConsolidatedFormat;
}) {
  const data = await buildConsolidatedReport({ ctx, periodId });
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
