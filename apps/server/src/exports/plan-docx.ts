import { blockText, layoutPlan, type PlanDocument } from '@dx/domain';
import { Packer } from 'docx';
import { bodyParagraph, decree30Document } from './decree30-docx';

/** Renders a plan as a DOCX in the format of Nghị định 30/2020/NĐ-CP. Pure: plan → bytes. */
export async function renderPlanDocx(doc: PlanDocument): Promise<Buffer> {
  const L = layoutPlan(doc);
  const body = L.body.map((b) => bodyParagraph(blockText(b), b.kind === 'part' || b.kind === 'section'));
  return Packer.toBuffer(decree30Document(L, body));
}
