import type { UseCaseContext } from '../../use-case/context';
import { applyReportStep } from './report-step';

/** The DX office accepts a submitted report: from now on it is locked (who, when and why are shown with it). */
export async function acceptUnitReport({
  ctx,
  reportId,
  input,
}: {
  ctx: UseCaseContext;
  reportId: string;
  input: { version: number; comment?: string };
}) {
  return applyReportStep({
    ctx,
    reportId,
    version: input.version,
    command: { type: 'accept' },
    acceptComment: input.comment,
  });
}
