import { formatDateVi } from '../dates';
import { formatPlaceAndDate } from '../plan/format';
import {
  type ConsolidatedLayout,
  type ConsolidatedSettings,
  type ConsolidatedTarget,
  describeSource,
  formatCount,
  formatFigure,
  issuerOn,
  type ReportBlock,
  TARGET_STATUS_LABELS_VI,
} from './report';

/*
 * The targets dashboard printed (issue 19: "Export and print the dashboard … in an official layout, with the as-of
 * date and the formula on the page"): a "Báo cáo" of Nghị định 30/2020 (Phụ lục I) issued by the DX office's agency
 * in force on the day it is printed, every target with its formula in words, its figure, and its breakdowns by
 * district and by unit kind. Pure: the server gathers the same live figures as the dashboard; the consolidated
 * report's PDF renderer draws the blocks.
 */

/** One row of a breakdown (a district or a unit kind), as the dashboard shows it. */
export type BreakdownRow = {
  name: string;
  population: number;
  due: number;
  achieved: number;
  value: number | null;
};

export type DashboardPrintTarget = ConsolidatedTarget & {
  period: { from: string; to: string } | null;
  byDistrict: BreakdownRow[];
  byKind: BreakdownRow[];
};

export type DashboardPrintData = {
  provinceName: string;
  plan: { number: string | null; title: string };
  /** The day the document is printed (its date, the day its issuer is taken at). */
  date: string;
  /** The day every figure stands at (the dashboard's "Số liệu tại ngày"). */
  asOf: string;
  targets: DashboardPrintTarget[];
  settings: ConsolidatedSettings;
};

const placeOf = (provinceName: string) => provinceName.replace(/^(Thành phố|Tỉnh)\s+/i, '');

/** "83,3%", the count for a counted target, or "—" for a cell with nobody due. */
const cell = (t: Pick<ConsolidatedTarget, 'isCount'>, r: BreakdownRow) =>
  t.isCount ? formatCount(r.achieved) : r.due === 0 ? '—' : formatFigure({ isCount: false, value: r.value });

function breakdownTable(t: DashboardPrintTarget, first: string, rows: BreakdownRow[]): ReportBlock {
  return {
    kind: 'table',
    columns: [first, 'Tổng số', 'Phải đạt', 'Đã đạt', 'Kết quả'],
    widths: [44, 14, 14, 14, 14],
    rows: rows.map((r) => [
      r.name,
      formatCount(r.population),
      formatCount(r.due),
      formatCount(r.achieved),
      cell(t, r),
    ]),
  };
}

/** Every line of the printed dashboard (drawn by the consolidated report's PDF renderer, read back by the tests). */
export function layoutDashboardPrint(d: DashboardPrintData): ConsolidatedLayout & { issuerParent?: string } {
  const issuer = issuerOn(d, 'dx_office') ?? issuerOn(d, 'committee')!;
  const planRef = `Kế hoạch${d.plan.number ? ` số ${d.plan.number}` : ''}`;
  const body: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `Số liệu tính đến hết ngày ${formatDateVi(d.asOf)}, tính trực tiếp từ dữ liệu các cơ quan, đơn vị đã cập nhật trên hệ thống; bản in ngày ${formatDateVi(d.date)}, trùng khớp với bảng theo dõi chỉ tiêu xem tại ngày ${formatDateVi(d.asOf)}.`,
    },
    { kind: 'part', text: 'I. TỔNG HỢP CÁC CHỈ TIÊU' },
    {
      kind: 'table',
      columns: ['Chỉ tiêu', 'Kết quả', 'Mục tiêu', 'Đánh giá', 'Nguồn số liệu'],
      widths: [34, 11, 11, 14, 30],
      rows: d.targets.map((t) => [
        `${t.code}. ${t.text}`,
        t.status === 'not_defined' ? '—' : formatFigure(t),
        t.goalText,
        TARGET_STATUS_LABELS_VI[t.status],
        describeSource(t),
      ]),
    },
    { kind: 'part', text: 'II. CHI TIẾT TỪNG CHỈ TIÊU' },
  ];
  d.targets.forEach((t, i) => {
    body.push({ kind: 'section', text: `${i + 1}. Chỉ tiêu ${t.code}. ${t.text}` });
    body.push({
      kind: 'paragraph',
      text: `Cách tính: ${t.formula ?? 'chỉ tiêu chưa có định nghĩa cách tính'}${t.formula && !/[.!?]$/.test(t.formula) ? '.' : ''}`,
    });
    body.push({
      kind: 'paragraph',
      text: `Kết quả: ${t.status === 'not_defined' ? 'chưa tính được' : t.value === null ? 'chưa có đối tượng thuộc diện tính' : formatFigure(t)} (mục tiêu ${t.goalText}; ${TARGET_STATUS_LABELS_VI[t.status].toLocaleLowerCase('vi')})${t.period ? `; kỳ đánh giá từ ngày ${formatDateVi(t.period.from)} đến ngày ${formatDateVi(t.period.to)}` : ''}. ${describeSource(t)}`,
    });
    if (t.byDistrict.length) {
      body.push({ kind: 'paragraph', text: 'Theo quận, huyện:' });
      body.push(breakdownTable(t, 'Quận, huyện', t.byDistrict));
    }
    if (t.byKind.length) {
      body.push({ kind: 'paragraph', text: 'Theo loại đơn vị:' });
      body.push(breakdownTable(t, 'Loại đơn vị', t.byKind));
    }
  });
  const [first, ...rest] = issuer.header;
  return {
    // A department's header: the governing body above, in normal type (Phụ lục I, mục II.3).
    ...(rest.length ? { issuer: rest, issuerParent: first } : { issuer: issuer.header }),
    numberLine: `Số:       /${issuer.code}`,
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeAndDate: formatPlaceAndDate(d.settings.place ?? placeOf(d.provinceName), d.date),
    docType: 'BÁO CÁO',
    subject: `Tình hình thực hiện các chỉ tiêu của ${planRef} tính đến ngày ${formatDateVi(d.asOf)}`,
    body,
    recipients: ['Lưu: VT.'],
    signature: issuer.signature,
    signer: issuer.signer ?? '',
  };
}

/** "bang-theo-doi-chi-tieu-54-KH-UBND-31-12-2023": a file name without spaces or slashes. */
export function dashboardFileName(planNumber: string | null, asOf: string): string {
  const plan = (planNumber ?? 'ke-hoach').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `bang-theo-doi-chi-tieu-${plan}-${asOf}`;
}

/** The title of an exported list of a target's subjects, by state (the dashboard's "who is behind" first). */
export const SUBJECT_STATE_LABELS_VI = {
  behind: 'Danh sách chưa đạt',
  achieved: 'Danh sách đã đạt',
  not_due: 'Danh sách chưa đến hạn',
  all: 'Toàn bộ đối tượng',
} as const;
