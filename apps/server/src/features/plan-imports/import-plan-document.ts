import { insertPlanImport, unitGroupCodes, unitNamesInProvince } from '@dx/db';
import {
  AppError,
  classifyImportText,
  cleanOcrLayout,
  linkResponsibilities,
  localDateOf,
  MAX_IMPORT_CHARS,
  parsePlanText,
  repairOcrText,
} from '@dx/domain';
import { audit, authorizeProvince, type UseCaseContext } from '../../use-case/context';
import { extractText } from './extract-text';

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
  const extracted = await extractText(input);
  if (extracted.text.length > MAX_IMPORT_CHARS) {
    throw new AppError(
      'IMPORT.TOO_LARGE',
      `Văn bản dài quá ${MAX_IMPORT_CHARS} ký tự: một kế hoạch ngắn hơn nhiều`,
    );
  }
  if (!extracted.text.trim())
    throw new AppError('IMPORT.INVALID_FILE', 'Văn bản trống: không có chữ nào để đọc');
  const shape = classifyImportText(extracted.text);
  if (shape === 'unreadable') {
    throw new AppError(
      'IMPORT.INVALID_FILE',
      'Không nhận ra văn bản tiếng Việt: nội dung không phải chữ của một kế hoạch (tệp hỏng, ảnh hoặc ký tự ngẫu nhiên)',
    );
  }
  let sourceText = extracted.text;
  let source: 'text' | 'ocr' | 'docx' | 'pdf' = extracted.source;
  let doubtful: { start: number; end: number }[] = [];
  if (shape === 'ocr') {
    const repaired = repairOcrText(extracted.text);
    sourceText = repaired.text;
    doubtful = repaired.doubtful;
    source = 'ocr';
  } else if (extracted.source === 'pdf') {
    // A PDF's text layer breaks lines at the page width: join them into paragraphs.
    sourceText = cleanOcrLayout(extracted.text).text;
  }
  const parsed = parsePlanText(sourceText, { ocr: source === 'ocr', doubtful });
  if (!parsed.ok) throw new AppError('IMPORT.INVALID_FILE', parsed.message, { reason: parsed.code });
  const draft = parsed.draft;
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
  return ctx.db.transaction(async (tx) => {
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
