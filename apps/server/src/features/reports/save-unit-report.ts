import type { SaveReportInput } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { applyReportStep } from './report-step';

/** The unit saves the narrative of its draft (or of a returned report). */
export async function saveUnitReport({
  ctx,
  reportId,
  input,
}: {
  ctx: UseCaseContext;
  reportId: string;
  input: SaveReportInput;
}) {
  const { version, ...narrative } = input;
  return applyReportStep({ ctx, reportId, version, command: { type: 'save' }, narrative });
}
