import { consolidatedFileName, type ReportIssuer } from '@dx/domain';
import type { UseCaseContext } from '../../../use-case/context';
import { renderConsolidatedDocx } from './consolidated-docx';
import { renderConsolidatedPdf } from './consolidated-pdf';
import { renderConsolidatedXlsx } from './consolidated-xlsx';
import { loadConsolidatedReport } from './load-consolidated-report';

export const CONSOLIDATED_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
export type ConsolidatedFormat = keyof typeof CONSOLIDATED_TYPES;

/**
 * The consolidated report of a period as a file: the "Báo cáo" (DOCX or PDF) or its annex (XLSX), rendered from the
 * issued report's stored figures and words once issued, else from the live draft.
 */
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
  const { data, layout } = await loadConsolidatedReport({ ctx, periodId, issuer });
  const bytes =
    format === 'xlsx'
      ? await renderConsolidatedXlsx(data)
      : format === 'docx'
        ? await renderConsolidatedDocx(layout)
        : await renderConsolidatedPdf(layout);
  const suffix = format === 'xlsx' ? '-phu-luc' : '';
  return {
    bytes,
    contentType: CONSOLIDATED_TYPES[format],
    fileName: `${consolidatedFileName(data.period.label)}${suffix}.${format}`,
  };
}
