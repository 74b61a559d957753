import type { PlanDocument, PlanDocumentInput, PlanHeadings } from './plan';

/** The part headings of Plan 54 (I–V), and the usual "Mục đích, yêu cầu": the default wording for a new plan. */
export const DEFAULT_PLAN_HEADINGS: PlanHeadings = {
  aims: 'MỤC ĐÍCH, YÊU CẦU',
  purpose: 'Mục đích',
  requirements: 'Yêu cầu',
  objectives: 'MỤC TIÊU TUYÊN TRUYỀN',
  generalObjectives: 'Mục tiêu tổng quát',
  targets: 'Mục tiêu cụ thể',
  themes: 'NỘI DUNG TUYÊN TRUYỀN',
  tasks: 'NHIỆM VỤ CỤ THỂ',
  funding: 'KINH PHÍ THỰC HIỆN',
  organisation: 'TỔ CHỨC THỰC HIỆN',
};

/** "Tỉnh X" → issuer "ỦY BAN NHÂN DÂN TỈNH X", place "X". */
export function issuerForProvince(provinceName: string): { issuerName: string; place: string } {
  return {
    issuerName: `ỦY BAN NHÂN DÂN ${provinceName.toLocaleUpperCase('vi')}`,
    place: provinceName.replace(/^(Thành phố|Tỉnh)\s+/u, ''),
  };
}

/** An empty plan (a draft without number or date) for the DX office to fill in. */
export function blankPlanDocument(o: {
  issuerName: string;
  place: string;
  year: number;
  title?: string;
}): PlanDocumentInput {
  return {
    issuerName: o.issuerName,
    number: null,
    place: o.place,
    date: null,
    year: o.year,
    title: o.title ?? `Truyền thông về chuyển đổi số năm ${o.year}`,
    headings: DEFAULT_PLAN_HEADINGS,
    legalBases: [],
    preambleLead: 'Thực hiện',
    preambleClosing: '',
    generalObjectives: [],
    targets: [],
    themes: [],
    tasks: [],
    funding: [],
    responsibilities: [],
    reportingSchedule: [],
    closing: '',
    recipients: ['Lưu: VT.'],
    signature: {
      authority: 'TM. ỦY BAN NHÂN DÂN',
      delegation: 'KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      signer: '',
    },
    notes: [],
  };
}

/**
 * A new draft for another year from an existing plan: every part copied without row ids (new targets and themes
 * get their own ids), no number or date yet, and "năm 2023" in the title moved to the new year.
 */
export function copyPlanDocument(source: PlanDocument, year: number, title?: string): PlanDocumentInput {
  const copy = structuredClone(source);
  return {
    ...copy,
    number: null,
    date: null,
    year,
    title: title ?? copy.title.replace(new RegExp(`\\b${source.year}\\b`, 'g'), String(year)),
    legalBases: copy.legalBases.map(({ id: _id, ...b }) => b),
    targets: copy.targets.map(({ id: _id, ...t }) => t),
    themes: copy.themes.map(({ id: _id, children, ...t }) => ({
      ...t,
      children: children.map(({ id: _c, ...c }) => c),
    })),
    notes: [],
  };
}
