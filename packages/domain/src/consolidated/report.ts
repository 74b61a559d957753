import { z } from 'zod';
import { formatDateVi, inForceOn } from '../dates';
import type { OrgUnitKind } from '../org-unit';
import { formatPlaceAndDate } from '../plan/format';
import { UNIT_KIND_LABELS } from '../targets/describe';
import type { TargetStatus } from '../targets/evaluation';

/*
 * The consolidated report of a reporting period (plan 54 V.1.a: the DX office "tổng hợp, báo cáo" the units' results
 * to the City People's Committee and the Ministry), laid out as a "Báo cáo" of Nghị định 30/2020/NĐ-CP (Phụ lục I).
 * Pure: the server gathers live figures, this decides every line, the DOCX and PDF renderers only draw them.
 */

const isoDate = z.iso.date();
/** A row of dated data: in force from `validFrom` (inclusive, null = always) to `validTo` (exclusive, null = still). */
const dated = {
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
};

/**
 * Who may issue the consolidated report (plan 54 V.1.a: the DX office "tổng hợp, báo cáo" to the People's Committee
 * and the Ministry): the People's Committee itself, or the DX office's agency under its own name.
 */
export const REPORT_ISSUERS = ['committee', 'dx_office'] as const;
export type ReportIssuer = (typeof REPORT_ISSUERS)[number];

const issuerVersion = z.object({
  ...dated,
  /** The body as a sentence names it: "Ủy ban nhân dân tỉnh …", the DX office's agency by its name (province settings). */
  name: z.string().trim().min(2).max(200),
  /** Header lines (Decree 30 issuer block), e.g. ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ …"]. */
  header: z.array(z.string().trim().min(1).max(200)).min(1).max(3),
  /** The code after the number: "BC-UBND" gives "Số:      /BC-UBND". */
  code: z.string().trim().min(2).max(40),
  signature: z.array(z.string().trim().min(2).max(200)).max(4),
  signer: z.string().trim().max(200).optional(),
});
export type IssuerVersion = z.infer<typeof issuerVersion>;

/**
 * The bodies that may issue the report and the "Nơi nhận" lines, each with the dates it is in force, so a report
 * lists only bodies that exist on its date. Built from the province's settings in force on the report's date
 * (province-settings/documents.ts consolidatedSettingsOf; 2025: the DX office changed agency, districts were
 * abolished); stored with an issued report.
 */
export const consolidatedSettings = z.object({
  /** Place name in "…, ngày … tháng … năm …". */
  place: z.string().trim().min(2).max(100).optional(),
  issuers: z
    .object({
      committee: z.array(issuerVersion).max(20).optional(),
      dx_office: z.array(issuerVersion).max(20).optional(),
    })
    .optional(),
  /** "Nơi nhận" lines after the addressees; `issuers` limits a line to reports of those issuers. */
  recipients: z
    .array(
      z.object({
        ...dated,
        text: z.string().trim().min(2).max(300),
        issuers: z.array(z.enum(REPORT_ISSUERS)).min(1).optional(),
      }),
    )
    .max(40)
    .optional(),
});
export type ConsolidatedSettings = z.infer<typeof consolidatedSettings>;

/**
 * National bodies over time (the `setting` table, key `reporting_bodies:national`, seeded): the Ministry in charge
 * of digital transformation that provinces report to, each with its dates.
 */
export const nationalBodies = z.object({
  ministries: z
    .array(
      z.object({ ...dated, name: z.string().trim().min(2).max(200), basis: z.string().max(300).optional() }),
    )
    .max(20)
    .default([]),
});
export type NationalBodies = z.infer<typeof nationalBodies>;

/** The Ministry in charge on `date` according to the national data, or null when none is recorded for it. */
export function ministryOn(national: NationalBodies, date: string): string | null {
  return national.ministries.find((m) => inForceOn(m, date))?.name ?? null;
}

export const TARGET_STATUS_LABELS_VI: Record<TargetStatus | 'not_defined', string> = {
  achieved: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  behind: 'Chậm tiến độ',
  not_applicable: 'Không áp dụng',
  not_defined: 'Chưa định nghĩa cách tính',
};

/** One target's figure as the dashboard computes it (features/targets evaluateTarget), and where it came from. */
export type ConsolidatedTarget = {
  planTargetId: string;
  code: string;
  text: string;
  goalText: string;
  isCount: boolean;
  /** Percent for rates (null = not applicable), a number for counts. */
  value: number | null;
  status: TargetStatus | 'not_defined';
  formula: string | null;
  population: number;
  due: number;
  achieved: number;
};

export type ConsolidatedUnitRow = {
  unitId: string;
  unitName: string;
  unitKind: string;
  /** What the annex's "Loại" column prints: the unit's administrative type ("Phường", "Sở"), else its kind's name. */
  unitType: string;
  reportStatus: string;
  submittedAt: string | null;
  /** Per target (same order as `targets`): the unit's own subjects due and achieved, and its value. */
  targets: { due: number; achieved: number; value: number | null }[];
};

export type ConsolidatedData = {
  provinceName: string;
  plan: { number: string | null; title: string; year: number };
  period: { label: string; from: string; to: string; dueDate: string };
  /** Local date the report is generated: its date, the date its issuer, addressees and "Nơi nhận" are taken at. */
  date: string;
  /** The day every figure stands at (domain reportFiguresDate): the period's last day once it has passed, else today. */
  figuresDate: string;
  targets: ConsolidatedTarget[];
  publications: { total: number; dx: number; byTheme: { code: string; name: string; count: number }[] };
  /** Trainings held; distinct people trained and attendances ("lượt"). */
  trainings: { count: number; peopleTrained: number; attendances: number };
  /** DX events (contests, workshops, sessions on digital transformation) and the participants they recorded. */
  events: { dx: number; dxParticipants: number };
  /** Recognised models only: recognised in the period, and those featured by a publication of the period. */
  models: { recognisedInPeriod: number; featuredInPeriod: number };
  tasks: {
    total: number;
    parts: number;
    done: number;
    inProgress: number;
    notStarted: number;
    blocked: number;
    overdue: number;
  };
  reports: { required: number; submitted: number; accepted: number; returned: number; missing: number };
  obstacles: {
    kind: 'obstacle' | 'proposal';
    title: string;
    unitName: string;
    statusLabel: string;
    direction: string | null;
    answer: string | null;
  }[];
  units: ConsolidatedUnitRow[];
  settings: ConsolidatedSettings;
  national: NationalBodies;
  /** Who issues this report (chosen per report). */
  issuer: ReportIssuer;
};

/** "83,3%" / "2" / "không áp dụng": a figure the way Vietnamese documents write it. */
export function formatFigure(t: Pick<ConsolidatedTarget, 'isCount' | 'value'>): string {
  if (t.value === null) return 'không áp dụng';
  return t.isCount ? formatCount(t.value) : `${formatCount(t.value)}%`;
}
/** 1.234 and 83,3 (Vietnamese separators). */
export function formatCount(n: number): string {
  return VI_NUMBER.format(n);
}
// One formatter: toLocaleString builds a new Intl.NumberFormat per call (most of the time of a 300-unit annex).
const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "Tính trên 230 đối tượng, 230 thuộc diện tính, 189 đạt" — the record counts behind a figure. */
export function describeSource(t: ConsolidatedTarget): string {
  if (t.status === 'not_defined') return 'Chỉ tiêu chưa có định nghĩa cách tính.';
  if (t.isCount) return `Đếm được ${formatCount(t.achieved)} bản ghi thỏa điều kiện.`;
  return `Tính trên ${formatCount(t.population)} đối tượng, ${formatCount(t.due)} thuộc diện tính, ${formatCount(t.achieved)} đạt.`;
}

/** A unit's report status as the annex prints it. */
export const UNIT_REPORT_STATUS_VI: Record<string, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
  missing: 'Chưa gửi',
  not_required: 'Không thuộc diện',
};

export type ReportBlock =
  | { kind: 'part' | 'section'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: string[][] };

export type ConsolidatedLayout = {
  issuer: string[];
  numberLine: string;
  nationalTitle: string;
  motto: string;
  placeAndDate: string;
  docType: string;
  subject: string;
  body: ReportBlock[];
  recipients: string[];
  signature: string[];
  signer: string;
};

const upperProvince = (name: string) => name.toLocaleUpperCase('vi');
const placeOf = (provinceName: string) => provinceName.replace(/^(Thành phố|Tỉnh)\s+/i, '');

/**
 * The body issuing a report on its date: the version of the chosen issuer in force then (settings), else, for the
 * People's Committee only, its usual header built from the province's name; null when the DX office's agency is not
 * recorded for that date (the caller refuses the report rather than guess a name).
 */
export function issuerOn(
  d: Pick<ConsolidatedData, 'settings' | 'date' | 'provinceName'>,
  issuer: ReportIssuer,
): IssuerVersion | null {
  const found = d.settings.issuers?.[issuer]?.find((v) => inForceOn(v, d.date));
  if (found) return found;
  if (issuer === 'dx_office') return null;
  return {
    name: `Ủy ban nhân dân ${inText(d.provinceName)}`,
    header: ['ỦY BAN NHÂN DÂN', upperProvince(d.provinceName)],
    code: 'BC-UBND',
    signature: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  };
}

/**
 * Whom the report is addressed to (plan 54 V.1.a): the People's Committee reports to the Ministry in charge on the
 * report's date; the DX office reports to the People's Committee and the Ministry. A body never addresses itself.
 */
export function addresseesOf(
  d: Pick<ConsolidatedData, 'settings' | 'date' | 'provinceName' | 'national' | 'issuer'>,
) {
  const self = issuerOn(d, d.issuer)?.name;
  const ministry = ministryOn(d.national, d.date);
  const committee = d.issuer === 'dx_office' ? issuerOn(d, 'committee')!.name : null;
  return [committee, ministry].filter((n): n is string => !!n && n !== self);
}

/** Every line of the report (shared by the DOCX and PDF renderers, and read back by the tests). */
export function layoutConsolidatedReport(d: ConsolidatedData): ConsolidatedLayout {
  const s = d.settings;
  const issuer = issuerOn(d, d.issuer) ?? issuerOn(d, 'committee')!;
  const addressees = addresseesOf(d);
  const planRef = `Kế hoạch${d.plan.number ? ` số ${d.plan.number}` : ''}`;
  const body: ReportBlock[] = [];
  body.push({
    kind: 'paragraph',
    text: `Thực hiện ${planRef} ${planSubject(d.plan.title)}, ${issuer.name} báo cáo kết quả thực hiện ${d.period.label} (từ ngày ${formatDateVi(d.period.from)} đến ngày ${formatDateVi(d.period.to)}) như sau:`,
  });

  body.push({ kind: 'part', text: 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU' });
  body.push({
    kind: 'paragraph',
    text:
      d.figuresDate < d.date
        ? `Số liệu được tính trực tiếp từ dữ liệu các cơ quan, đơn vị đã cập nhật trên hệ thống, tính đến hết ngày ${formatDateVi(d.figuresDate)} (ngày cuối kỳ báo cáo): bản ghi có ngày sau ngày này không được tính; trùng khớp với bảng theo dõi chỉ tiêu xem tại ngày ${formatDateVi(d.figuresDate)}.`
        : `Số liệu được tính trực tiếp từ dữ liệu các cơ quan, đơn vị đã cập nhật trên hệ thống, tính đến ngày ${formatDateVi(d.figuresDate)}; trùng khớp với bảng theo dõi chỉ tiêu cùng thời điểm.`,
  });
  body.push({
    kind: 'table',
    columns: ['Chỉ tiêu', 'Kết quả', 'Mục tiêu', 'Đánh giá', 'Nguồn số liệu'],
    widths: [30, 11, 11, 14, 34],
    rows: d.targets.map((t) => [
      `${t.code}. ${t.text}`,
      t.status === 'not_defined' ? '—' : formatFigure(t),
      t.goalText,
      TARGET_STATUS_LABELS_VI[t.status],
      [t.formula, describeSource(t)].filter(Boolean).join(' '),
    ]),
  });
  for (const t of d.targets)
    body.push({
      kind: 'paragraph',
      text: `- Chỉ tiêu ${t.code}: ${t.status === 'not_defined' ? 'chưa có cách tính' : t.value === null ? 'chưa có đối tượng thuộc diện tính' : `đạt ${formatFigure(t)}`} (mục tiêu ${t.goalText}; ${TARGET_STATUS_LABELS_VI[t.status].toLocaleLowerCase('vi')}). ${describeSource(t)}`,
    });

  body.push({ kind: 'part', text: 'II. KẾT QUẢ TUYÊN TRUYỀN THEO NỘI DUNG' });
  body.push({
    kind: 'paragraph',
    // People are counted once (peopleTrained), attendances as "lượt"; events and models as the sentence names them.
    text: `Trong kỳ, các cơ quan, đơn vị đã đăng ${formatCount(d.publications.total)} tin, bài (trong đó ${formatCount(d.publications.dx)} tin, bài về chuyển đổi số); tổ chức ${formatCount(d.trainings.count)} lớp tập huấn cho ${formatCount(d.trainings.peopleTrained)} người (${formatCount(d.trainings.attendances)} lượt người tham dự); tổ chức ${formatCount(d.events.dx)} sự kiện, cuộc thi, hội thảo về chuyển đổi số với ${formatCount(d.events.dxParticipants)} lượt người tham gia; ${formatCount(d.models.recognisedInPeriod)} mô hình chuyển đổi số được công nhận; ${formatCount(d.models.featuredInPeriod)} mô hình chuyển đổi số đã được công nhận được giới thiệu trên phương tiện thông tin đại chúng.`,
  });
  body.push({
    kind: 'table',
    columns: ['Nội dung tuyên truyền', 'Số tin, bài'],
    widths: [80, 20],
    rows:
      d.publications.byTheme.length > 0
        ? d.publications.byTheme.map((t) => [`${t.code}. ${t.name}`, formatCount(t.count)])
        : [['Chưa có tin, bài gắn nội dung tuyên truyền trong kỳ', '0']],
  });

  body.push({ kind: 'part', text: 'III. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ' });
  const tk = d.tasks;
  body.push({
    kind: 'paragraph',
    text: `Kế hoạch có ${formatCount(tk.total)} nhiệm vụ, giao cho các đơn vị thành ${formatCount(tk.parts)} phần việc: ${formatCount(tk.done)} hoàn thành, ${formatCount(tk.inProgress)} đang thực hiện, ${formatCount(tk.notStarted)} chưa thực hiện, ${formatCount(tk.blocked)} vướng mắc; ${formatCount(tk.overdue)} phần việc quá hạn.`,
  });
  body.push({
    kind: 'table',
    columns: ['Tình trạng', 'Số phần việc'],
    widths: [80, 20],
    rows: [
      ['Hoàn thành', formatCount(tk.done)],
      ['Đang thực hiện', formatCount(tk.inProgress)],
      ['Chưa thực hiện', formatCount(tk.notStarted)],
      ['Vướng mắc', formatCount(tk.blocked)],
      ['Trong đó quá hạn', formatCount(tk.overdue)],
    ],
  });
  const r = d.reports;
  body.push({
    kind: 'paragraph',
    text: `Về báo cáo của các đơn vị: ${formatCount(r.required)} đơn vị phải báo cáo; ${formatCount(r.submitted)} đã gửi, trong đó ${formatCount(r.accepted)} đã được tiếp nhận, ${formatCount(r.returned)} bị trả lại; ${formatCount(r.missing)} chưa gửi (chi tiết tại Phụ lục kèm theo).`,
  });

  body.push({ kind: 'part', text: 'IV. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT' });
  for (const [i, kind] of (['obstacle', 'proposal'] as const).entries()) {
    body.push({
      kind: 'section',
      text: `${i + 1}. ${kind === 'obstacle' ? 'Khó khăn, vướng mắc' : 'Kiến nghị, đề xuất'}`,
    });
    const items = d.obstacles.filter((o) => o.kind === kind);
    if (items.length === 0) body.push({ kind: 'paragraph', text: 'Không có.' });
    for (const o of items) {
      const outcome = [
        o.direction ? `Chỉ đạo: ${o.direction}` : null,
        o.answer ? `Kết quả: ${o.answer}` : null,
      ]
        .filter(Boolean)
        .join(' ');
      body.push({
        kind: 'paragraph',
        text: `- ${o.title} (${o.unitName}; ${o.statusLabel.toLocaleLowerCase('vi')}).${outcome ? ` ${outcome}` : ''}`,
      });
    }
  }
  body.push({
    kind: 'paragraph',
    text: `Trên đây là báo cáo kết quả thực hiện ${planRef} ${d.period.label} của ${issuer.name}${addressees.length ? `, kính gửi ${joinVi(addressees)} xem xét, chỉ đạo` : ''}./.`,
  });

  // Annex in the document itself: each required unit's report and its own result per target (the XLSX has the counts).
  body.push({ kind: 'part', text: 'PHỤ LỤC: TÌNH HÌNH BÁO CÁO VÀ KẾT QUẢ CỦA CÁC ĐƠN VỊ' });
  const targetWidth = d.targets.length ? Math.floor(52 / d.targets.length) : 0;
  body.push({
    kind: 'table',
    columns: ['STT', 'Đơn vị', 'Báo cáo', ...d.targets.map((t) => t.code)],
    widths: [6, 100 - 6 - 16 - targetWidth * d.targets.length, 16, ...d.targets.map(() => targetWidth)],
    rows:
      d.units.length > 0
        ? d.units.map((u, i) => [
            String(i + 1),
            u.unitName,
            UNIT_REPORT_STATUS_VI[u.reportStatus] ?? u.reportStatus,
            ...u.targets.map((t, j) =>
              t.due === 0 && !d.targets[j]!.isCount
                ? '—'
                : formatFigure({ isCount: d.targets[j]!.isCount, value: t.value }),
            ),
          ])
        : [['', 'Kỳ báo cáo chưa chọn đơn vị phải báo cáo', '', ...d.targets.map(() => '')]],
  });

  return {
    issuer: issuer.header,
    numberLine: `Số:       /${issuer.code}`,
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeAndDate: formatPlaceAndDate(s.place ?? placeOf(d.provinceName), d.date),
    docType: 'BÁO CÁO',
    subject: `Kết quả thực hiện ${planRef} ${d.period.label}`,
    body,
    // Only bodies that exist on the report's date, for this issuer; the issuer never sends to itself.
    recipients: [
      ...addressees.map((a) => `${a} (để báo cáo);`),
      ...(s.recipients ?? [])
        .filter((r) => inForceOn(r, d.date) && (!r.issuers || r.issuers.includes(d.issuer)))
        .map((r) => r.text)
        .filter((t) => !t.startsWith(issuer.name)),
      'Lưu: VT.',
    ],
    signature: issuer.signature,
    signer: issuer.signer ?? '',
  };
}

/** "về truyền thông chuyển đổi số …" from a plan title with or without its leading "Kế hoạch". */
const planSubject = (title: string) => {
  const t = title.replace(/^Kế hoạch\s+/iu, '').trim();
  if (!t) return '';
  return /^về\s/iu.test(t) ? t : `về ${t.charAt(0).toLocaleLowerCase('vi')}${t.slice(1)}`;
};
/** "tỉnh …" / "thành phố …" inside a sentence: the level word of the province's name is a common noun there. */
const inText = (provinceName: string) =>
  provinceName.replace(/^(Thành phố|Tỉnh)(?=\s)/u, (m) => m.toLocaleLowerCase('vi'));
const upperFirst = (t: string) => t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
/** The annex's "Loại" of a unit: its administrative type as recorded ("Phường", "Sở"), else its kind's name. */
export function unitTypeLabel(adminType: string | null, kind: string): string {
  if (adminType?.trim()) return adminType.trim();
  const label = UNIT_KIND_LABELS[kind as OrgUnitKind];
  return label ? upperFirst(label) : kind;
}
/** "A, B và C". */
const joinVi = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;

/** A file name safe everywhere: "Bao-cao-Quy-I-2025". */
export function consolidatedFileName(periodLabel: string): string {
  const folded = periodLabel
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `Bao-cao-tong-hop-${folded || 'ky-bao-cao'}`;
}
