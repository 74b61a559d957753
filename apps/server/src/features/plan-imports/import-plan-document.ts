import { insertPlanImport, provinceNamesForRepair, unitGroupCodes, unitNamesInProvince } from '@dx/db';
import { linkResponsibilities, localDateOf } from '@dx/domain';
import { audit, authorizeProvince, inTransaction, type UseCaseContext } from '../../use-case/context';
import { readPlanInWorker } from './read-in-worker';

export type ImportPlanDocumentInput = {
  provinceId: string;
  fileName?: string | undefined;
  text?: string | undefined;
  contentBase64?: string | undefined;
};

/**
 * The DX office uploads a plan document (DOCX, PDF with a text layer, or pasted / OCR text): its text is read,
 * repaired when it is OCR that lost its diacritics, parsed into a draft plan, responsibilities linked to the
 * province's units and groups by name, and the draft stored for review. Nothing becomes a plan until confirmed.
 */
export async function importPlanDocument({
  ctx,
  input,
}: {
  ctx: UseCaseContext;
  input: ImportPlanDocumentInput;
}) {
  authorizeProvince(ctx, 'plan.write', input.provinceId);
  // The repair's model learns the province's own names from its data, never from code (issue 15).
  const names = await provinceNamesForRepair(ctx.db, input.provinceId);
  const { source, sourceText, draft } = await readPlanInWorker({
    text: input.text,
    contentBase64: input.contentBase64,
    names,
  });
  const asOf =
    draft.document.date ?? (draft.period.from ? `${draft.period.from}-01-01` : localDateOf(ctx.now));
  const [units, groups] = await Promise.all([
    unitNamesInProvince(ctx.db, input.provinceId, asOf),
    unitGroupCodes(ctx.db, input.provinceId),
  ]);
  const linkConfidence = linkResponsibilities(draft.document, units, groups);
  linkConfidence.forEach((confidence, i) => {
    draft.fields.push({ path: ['responsibilities', i, 'unitRefs'], source: null, confidence });
  });
  return inTransaction(ctx, async (tx) => {
    const row = await insertPlanImport(tx, {
      provinceId: input.provinceId,
      uploadedBy: ctx.actor.userId,
      fileName: input.fileName ?? null,
      source,
      sourceText,
      draft,
    });
    await audit(tx, ctx, {
      action: 'plan_import.create',
      entityType: 'plan_import_draft',
      entityId: row.id,
      provinceId: input.provinceId,
      after: { fileName: row.fileName, source, kind: draft.kind, title: draft.document.title },
    });
    return row;
  });
}
