import type { SaveReportInput } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { applyReportStep } from './report-step';

/** The unit submits (or resubmits after a return); the pre-filled figures are snapshotted into the report. */
export async function submitUnitReport({
  ctx,
  reportId,
  input,
}: {
  ctx: UseCaseContext;
  reportId: string;
  input: SaveReportInput;
}) {
  const { version, ...narrative } = input;
  return applyReportStep({ ctx, reportId, version, command: { type: 'submit' }, narrative });
}
