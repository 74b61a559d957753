import { formatDateVi } from '../dates';
import { APPENDIX_HEADERS_VI } from '../tasks/appendix';
import { PLAN_KIND_NAMES, type PlanDocument } from './plan';

/*
 * The appendix of tasks printed with the plan (plan 54 III: "Danh mục nhiệm vụ … tại Phụ lục kèm theo Kế hoạch
 * này"), as provinces print it: a landscape table STT, nhiệm vụ, chủ trì, phối hợp, thời gian, sản phẩm, with a row
 * for each group heading the tasks sit under. Pure: the DOCX and PDF renderers only draw these rows.
 */

/** A task as the appendix prints it (the `task` row's text columns, in order). */
export type PrintedAppendixTask = {
  section: string | null;
  stt: string | null;
  title: string;
  leadText: string;
  coordinatorText: string;
  timeFrameText: string;
  output: string;
};

export type PrintedAppendixRow = { kind: 'group'; text: string } | { kind: 'task'; cells: string[] };

export type AppendixLayout = {
  title: string;
  subtitle: string;
  /** "(Kèm theo Kế hoạch số 54/KH-UBND ngày 22/02/2023)". */
  attachedTo: string;
  columns: string[];
  /** Column widths in percent of the landscape text width. */
  widths: number[];
  rows: PrintedAppendixRow[];
};

/** The printed columns, named as the appendix import reads them (tasks/appendix.ts). */
export const PRINTED_APPENDIX_COLUMNS = (
  ['stt', 'title', 'lead', 'coordinators', 'timeFrame', 'output'] as const
).map((k) => APPENDIX_HEADERS_VI[k]);

/** The appendix of a plan's tasks, or null when the plan has none (nothing is printed then). */
export function layoutPlanAppendix(
  doc: Pick<PlanDocument, 'number' | 'date' | 'title'> & { kind?: PlanDocument['kind'] },
  tasks: PrintedAppendixTask[],
): AppendixLayout | null {
  if (tasks.length === 0) return null;
  const rows: PrintedAppendixRow[] = [];
  let section: string | null = null;
  for (const [i, t] of tasks.entries()) {
    const group = t.section?.trim() || null;
    if (group && group !== section) rows.push({ kind: 'group', text: group });
    section = group;
    rows.push({
      kind: 'task',
      cells: [
        t.stt?.trim() || String(i + 1),
        t.title,
        t.leadText,
        t.coordinatorText,
        t.timeFrameText,
        t.output,
      ],
    });
  }
  // Attached to the numbered document: the Kế hoạch, Chương trình… itself, or the Quyết định the plan is attached to.
  const kindName = PLAN_KIND_NAMES[doc.kind ?? 'KH'];
  const ref = doc.number
    ? `${kindName} số ${doc.number}${doc.date ? ` ngày ${formatDateVi(doc.date)}` : ''}`
    : `${kindName} ${doc.title}`;
  return {
    title: 'PHỤ LỤC',
    subtitle: 'DANH MỤC NHIỆM VỤ',
    attachedTo: `(Kèm theo ${ref})`,
    columns: PRINTED_APPENDIX_COLUMNS,
    widths: [6, 34, 16, 16, 12, 16],
    rows,
  };
}
