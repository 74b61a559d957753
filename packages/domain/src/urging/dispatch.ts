import { formatDateVi } from '../dates';
import { formatPlaceAndDate } from '../plan/format';

/*
 * A công văn đôn đốc (an official dispatch urging units that are behind; plan 54 V.1.a "hướng dẫn, đôn đốc, kiểm
 * tra"), laid out as Nghị định 30/2020/NĐ-CP, Phụ lục III, mẫu 1.5 "Công văn": issuer and number left with the
 * subject "V/v …" under the number, national title and place/date right, "Kính gửi", the body, "Nơi nhận" and the
 * signature. Pure: every line comes from the data, which comes from the province's dated settings.
 */

export const URGING_SOURCES = ['target', 'tasks', 'reports'] as const;
export type UrgingSource = (typeof URGING_SOURCES)[number];

export type UrgingIssuer = {
  /** The governing body above the issuer (e.g. the People's Committee), printed above it in normal type. */
  issuerParent: string | null;
  /** Header lines of the issuer, printed bold. */
  issuer: string[];
  /** The issuer as a sentence names it. */
  issuerName: string;
  /** The issuer's abbreviation after the number ("Số: 12/<code>"). */
  code: string;
  place: string;
  signature: string[];
  signer: string;
};

export type UrgingDocument = {
  frame: UrgingIssuer;
  number: number;
  issuedOn: string;
  /** The day the list stood at. */
  asOf: string;
  /** "V/v đôn đốc …" without "V/v". */
  subject: string;
  /** "Kế hoạch số 54/KH-UBND ngày … của …" or the plan's title. */
  planRef: string;
  /** What the units have not done, as a clause: "thực hiện chỉ tiêu 1.a …", "nộp báo cáo 6 tháng …". */
  what: string;
  lines: { unitName: string; owes: string[] }[];
  /** The day by which units are asked to act (issue date + 10 days by default). */
  actBy: string;
};

/** "Số: 12/SKHCN" — a dispatch's number line (Decree 30 Phụ lục I, mục II.3: number, then the issuer's code). */
export const urgingNumberLine = (number: number, code: string) => `Số: ${number}/${code}`;

/**
 * The issuer's code for a dispatch from a report code such as "BC-SKHCN": a công văn carries no document-type
 * abbreviation (Decree 30 Phụ lục I, mục II.3.b), so the leading "BC-" (báo cáo) is dropped.
 */
export const dispatchCode = (reportCode: string) => reportCode.replace(/^[A-ZĐ]{1,4}-(?=.)/u, '');

/** The body lines of the dispatch (shared by the DOCX and the tests that read it back). */
export function layoutUrging(d: UrgingDocument) {
  const addressees = d.lines.map((l) => l.unitName);
  const table = d.lines.map((l, i) => [String(i + 1), l.unitName, l.owes.join('; ')]);
  return {
    numberLine: urgingNumberLine(d.number, d.frame.code),
    subjectLine: `V/v ${d.subject}`,
    placeAndDate: formatPlaceAndDate(d.frame.place, d.issuedOn),
    kinhGui: addressees.length > 5 ? ['Các cơ quan, đơn vị có tên tại danh sách kèm theo.'] : addressees,
    paragraphs: [
      `Thực hiện ${d.planRef}, ${d.frame.issuerName} theo dõi, tổng hợp trên hệ thống đến ngày ${formatDateVi(d.asOf)}: ${d.lines.length} cơ quan, đơn vị chưa hoàn thành việc ${d.what}, cụ thể như sau:`,
    ],
    table: { columns: ['STT', 'Cơ quan, đơn vị', 'Nội dung chưa hoàn thành'], rows: table },
    closing: [
      `Để bảo đảm tiến độ thực hiện Kế hoạch, ${d.frame.issuerName} đề nghị các cơ quan, đơn vị nêu trên khẩn trương triển khai, cập nhật kết quả trên hệ thống trước ngày ${formatDateVi(d.actBy)}; trường hợp có khó khăn, vướng mắc, phản ánh qua mục "Khó khăn, kiến nghị" trên hệ thống để được hướng dẫn, giải quyết.`,
      `${d.frame.issuerName} đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.`,
    ],
    recipients: ['Như trên;', 'Lưu: VT.'],
    signature: d.frame.signature,
    signer: d.frame.signer,
  };
}

/** The short text a unit receives in the app, by Zalo or SMS: the number, what it owes, the deadline. */
export function urgingMessage(d: UrgingDocument, line: { owes: string[] }): string {
  const owes =
    line.owes.slice(0, 3).join('; ') +
    (line.owes.length > 3 ? `; và ${line.owes.length - 3} nội dung khác` : '');
  return `${d.frame.issuerName} — Công văn số ${d.number}/${d.frame.code} ngày ${formatDateVi(d.issuedOn)} V/v ${d.subject}. Đơn vị chưa hoàn thành: ${owes}. Đề nghị cập nhật trên hệ thống trước ngày ${formatDateVi(d.actBy)}.`;
}
