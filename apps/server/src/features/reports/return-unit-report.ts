import type { UseCaseContext } from '../../use-case/context';
import { applyReportStep } from './report-step';

/** The DX office returns a submitted report with its comment (required): what to add or correct. */
export async function returnUnitReport({
  ctx,
  reportId,
  input,
}: {
  ctx: UseCaseContext;
  reportId: string;
  input: { version: number; comment: string };
}) {
  return applyReportStep({
    ctx,
    reportId,
    version: input.version,
    command: { type: 'return', comment: input.comment },
  });
}
