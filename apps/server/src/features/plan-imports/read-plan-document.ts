import {
  AppError,
  classifyImportText,
  cleanOcrLayout,
  MAX_IMPORT_CHARS,
  type PlanImportDraft,
  parsePlanText,
  repairOcrText,
  said,
  syllableModelFor,
} from '@dx/domain';
import { extractText } from './extract-text';

export type ReadPlanInput = {
  text?: string | undefined;
  contentBase64?: string | undefined;
  /** The province's own names for the OCR repair's model (db provinceNamesForRepair; the corpus names none). */
  names?: readonly string[] | undefined;
};
export type ReadPlan = {
  source: 'text' | 'ocr' | 'docx' | 'pdf';
  sourceText: string;
  draft: PlanImportDraft;
};

/**
 * From an upload to a draft, without the database: the text (DOCX, PDF, pasted), its shape (Vietnamese, OCR,
 * unreadable), OCR repair or PDF line joining, then parsing. CPU-bound (about a second for an OCR'd plan), so
 * the server runs it in a worker thread (read-plan-worker.ts). Refusals are AppErrors with a message for the user.
 */
export async function readPlanDocument(input: ReadPlanInput): Promise<ReadPlan> {
  const extracted = await extractText(input);
  if (extracted.text.length > MAX_IMPORT_CHARS) {
    throw new AppError('IMPORT.TOO_LARGE', said('planImport.tooLong', { max: MAX_IMPORT_CHARS }));
  }
  if (!extracted.text.trim()) throw new AppError('IMPORT.INVALID_FILE', said('planImport.empty'));
  const shape = classifyImportText(extracted.text);
  if (shape === 'unreadable') {
    throw new AppError('IMPORT.INVALID_FILE', said('planImport.unreadable'));
  }
  let sourceText = extracted.text;
  let source: ReadPlan['source'] = extracted.source;
  let doubtful: { start: number; end: number }[] = [];
  if (shape === 'ocr') {
    const repaired = repairOcrText(extracted.text, syllableModelFor(input.names ?? []));
    sourceText = repaired.text;
    doubtful = repaired.doubtful;
    source = 'ocr';
  } else if (extracted.source === 'pdf') {
    // A PDF's text layer breaks lines at the page width: join them into paragraphs.
    sourceText = cleanOcrLayout(extracted.text).text;
  }
  const parsed = parsePlanText(sourceText, { ocr: source === 'ocr', doubtful });
  if (!parsed.ok) throw new AppError('IMPORT.INVALID_FILE', parsed.message, { reason: parsed.code });
  return { source, sourceText, draft: parsed.draft };
}
