import { blockText, layoutPlan, type PlanDocument } from '@dx/domain';
import { bodyParagraph, renderDecree30Pdf } from './decree30-pdf';

/** Renders a plan as a PDF in the format of Nghị định 30/2020/NĐ-CP. Pure: plan → bytes. */
export async function renderPlanPdf(doc: PlanDocument): Promise<Buffer> {
  const L = layoutPlan(doc);
  return renderDecree30Pdf(
    L,
    L.body.map((b) => bodyParagraph(blockText(b), b.kind === 'part' || b.kind === 'section')),
  );
}
