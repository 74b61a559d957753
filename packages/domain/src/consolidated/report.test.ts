import { describe, expect, it } from 'vitest';
import { evaluationDatesOn, reportFiguresDate } from './as-of';
import {
  type ConsolidatedData,
  consolidatedFileName,
  consolidatedSettings,
  describeSource,
  formatFigure,
  layoutConsolidatedReport,
  ministryOn,
  type NationalBodies,
  unitTypeLabel,
} from './report';

// As the national seed records them (packages/db seed-reporting-bodies.ts): the merger of 01/03/2025.
const national: NationalBodies = {
  ministries: [
    { validTo: '2025-03-01', name: 'Bộ Thông tin và Truyền thông' },
    { validFrom: '2025-03-01', name: 'Bộ Khoa học và Công nghệ' },
  ],
};
const province: ConsolidatedData['settings'] = {
  place: 'Hải Phòng',
  issuers: {
    dx_office: [
      {
        validTo: '2025-07-01',
        name: 'Sở Thông tin và Truyền thông',
        header: ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'],
        code: 'BC-STTTT',
        signature: ['GIÁM ĐỐC'],
      },
      {
        validFrom: '2025-07-01',
        name: 'Sở Khoa học và Công nghệ',
        header: ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
        code: 'BC-SKHCN',
        signature: ['GIÁM ĐỐC'],
      },
    ],
  },
  recipients: [
    { text: 'Chủ tịch, các Phó Chủ tịch UBND thành phố;', issuers: ['committee'] },
    { text: 'Các Sở, ban, ngành, UBND các quận, huyện;', validTo: '2025-07-01', issuers: ['committee'] },
    {
      text: 'Các Sở, ban, ngành, UBND các xã, phường, đặc khu;',
      validFrom: '2025-07-01',
      issuers: ['committee'],
    },
    { text: 'Giám đốc Sở;', issuers: ['dx_office'] },
  ],
};

const target = (
  over: Partial<ConsolidatedData['targets'][number]> = {},
): ConsolidatedData['targets'][number] => ({
  planTargetId: 't',
  code: 'I.2.a',
  text: 'Đơn vị có kế hoạch',
  goalText: '= 100%',
  isCount: false,
  value: 83.3,
  status: 'behind',
  formula: 'Tỷ lệ = A / B.',
  population: 230,
  due: 228,
  achieved: 190,
  ...over,
});
const data = (over: Partial<ConsolidatedData> = {}): ConsolidatedData => ({
  provinceName: 'Thành phố Hải Phòng',
  plan: { number: '54/KH-UBND', title: 'Truyền thông về chuyển đổi số năm 2023', year: 2023 },
  period: { label: 'Quý II/2023', from: '2023-04-01', to: '2023-06-30', dueDate: '2023-07-15' },
  date: '2023-07-20',
  figuresDate: '2023-06-30',
  targets: [
    target(),
    target({ code: 'I.2.đ', isCount: true, value: 2, goalText: 'từ 1 đến 2', status: 'achieved' }),
  ],
  publications: { total: 1234, dx: 1000, byTheme: [{ code: 'II.1', name: 'Thể chế số', count: 12 }] },
  trainings: { count: 2, peopleTrained: 40, attendances: 55 },
  events: { dx: 3, dxParticipants: 500 },
  models: { recognisedInPeriod: 1, featuredInPeriod: 2 },
  tasks: { total: 10, parts: 40, done: 20, inProgress: 10, notStarted: 5, blocked: 5, overdue: 3 },
  reports: { required: 2, submitted: 1, accepted: 1, returned: 0, missing: 1 },
  obstacles: [],
  units: [
    {
      unitId: 'u',
      unitName: 'Phường A',
      unitKind: 'commune',
      unitType: 'Phường',
      reportStatus: 'accepted',
      submittedAt: null,
      targets: [
        { due: 1, achieved: 1, value: 100 },
        { due: 0, achieved: 0, value: 0 },
      ],
    },
  ],
  settings: {},
  national,
  issuer: 'committee',
  ...over,
});
const allText = (d: ConsolidatedData) => {
  const L = layoutConsolidatedReport(d);
  return [
    ...L.issuer,
    L.numberLine,
    L.placeAndDate,
    L.subject,
    ...L.body.flatMap((b) =>
      b.kind === 'table' ? [b.columns.join(' | '), ...b.rows.map((r) => r.join(' | '))] : [b.text],
    ),
    ...L.recipients,
  ].join('\n');
};

describe('consolidated report layout (Nghị định 30/2020, Phụ lục I)', () => {
  it('the Ministry follows the date from the national data: Information and Communications until 28/02/2025', () => {
    expect(ministryOn(national, '2025-02-28')).toBe('Bộ Thông tin và Truyền thông');
    expect(ministryOn(national, '2025-03-01')).toBe('Bộ Khoa học và Công nghệ');
    expect(ministryOn({ ministries: [] }, '2025-03-01')).toBeNull();
    expect(layoutConsolidatedReport(data({ date: '2025-02-28' })).recipients[0]).toBe(
      'Bộ Thông tin và Truyền thông (để báo cáo);',
    );
    const L = layoutConsolidatedReport(data({ date: '2025-10-01' }));
    expect(L.recipients[0]).toBe('Bộ Khoa học và Công nghệ (để báo cáo);');
    expect(L.recipients.at(-1)).toBe('Lưu: VT.');
  });
  it('issued by the People\'s Committee: to the Ministry, never to itself; "Nơi nhận" only bodies of its date', () => {
    const before = layoutConsolidatedReport(data({ settings: province, date: '2025-06-30' }));
    expect(before.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG']);
    expect(before.recipients).toEqual([
      'Bộ Khoa học và Công nghệ (để báo cáo);',
      'Chủ tịch, các Phó Chủ tịch UBND thành phố;',
      'Các Sở, ban, ngành, UBND các quận, huyện;',
      'Lưu: VT.',
    ]);
    const after = layoutConsolidatedReport(data({ settings: province, date: '2025-07-01' }));
    expect(after.recipients.join('\n')).not.toContain('quận, huyện');
    expect(after.recipients).toContain('Các Sở, ban, ngành, UBND các xã, phường, đặc khu;');
    const closing = after.body.find((b) => b.kind === 'paragraph' && b.text.startsWith('Trên đây'));
    expect(closing).toMatchObject({
      text: 'Trên đây là báo cáo kết quả thực hiện Kế hoạch số 54/KH-UBND Quý II/2023 của Ủy ban nhân dân thành phố Hải Phòng, kính gửi Bộ Khoa học và Công nghệ xem xét, chỉ đạo./.',
    });
  });
  it("issued by the DX office: its agency of the date, to the People's Committee and the Ministry", () => {
    const d23 = data({ settings: province, issuer: 'dx_office' });
    const L = layoutConsolidatedReport(d23);
    expect(L.issuer).toEqual(['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(L.numberLine).toMatch(/\/BC-STTTT$/);
    expect(L.signature).toEqual(['GIÁM ĐỐC']);
    expect(L.recipients).toEqual([
      'Ủy ban nhân dân thành phố Hải Phòng (để báo cáo);',
      'Bộ Thông tin và Truyền thông (để báo cáo);',
      'Giám đốc Sở;',
      'Lưu: VT.',
    ]);
    expect(allText(d23)).toContain(
      'Thực hiện Kế hoạch số 54/KH-UBND về truyền thông về chuyển đổi số năm 2023, Sở Thông tin và Truyền thông báo cáo',
    );
    const L25 = layoutConsolidatedReport(
      data({ settings: province, issuer: 'dx_office', date: '2025-08-01' }),
    );
    expect(L25.issuer.at(-1)).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(L25.recipients[1]).toBe('Bộ Khoa học và Công nghệ (để báo cáo);');
    // A body never addresses itself: were the Ministry the issuer's own name, it would not be listed.
    const self = layoutConsolidatedReport(
      data({
        settings: province,
        issuer: 'dx_office',
        national: { ministries: [{ name: 'Sở Thông tin và Truyền thông' }] },
      }),
    );
    expect(self.recipients).toEqual([
      'Ủy ban nhân dân thành phố Hải Phòng (để báo cáo);',
      'Giám đốc Sở;',
      'Lưu: VT.',
    ]);
  });
  it("a past period's figures stand at its last day, and the report says so; the running period is live", () => {
    expect(reportFiguresDate({ to: '2023-06-30' }, '2023-07-20')).toBe('2023-06-30');
    expect(reportFiguresDate({ to: '2023-06-30' }, '2023-06-30')).toBe('2023-06-30');
    expect(reportFiguresDate({ to: '2023-12-31' }, '2023-08-15')).toBe('2023-08-15');
    const definition = {
      period: { type: 'plan_year' as const },
      asOf: null,
      condition: { type: 'linked' as const, link: 'publications' as const, every: 'quarter' as const },
    } as Parameters<typeof evaluationDatesOn>[0]['definition'];
    expect(
      evaluationDatesOn({ definition, planYear: 2023, date: '2023-06-30', today: '2023-08-15' }),
    ).toMatchObject({
      period: { from: '2023-01-01', to: '2023-12-31' },
      asOf: '2023-06-30',
      until: '2023-06-30',
      windows: [
        { from: '2023-01-01', to: '2023-03-31' },
        { from: '2023-04-01', to: '2023-06-30' },
      ],
    });
    expect(
      evaluationDatesOn({ definition, planYear: 2023, date: '2023-08-15', today: '2023-08-15' }).until,
    ).toBeUndefined();
    expect(allText(data())).toContain('tính đến hết ngày 30/06/2023 (ngày cuối kỳ báo cáo)');
    expect(allText(data())).not.toContain('dashboard');
  });
  it('wording matches the figures: people and attendances, DX events, recognised models; the unit type', () => {
    const text = allText(data());
    expect(text).toContain('tổ chức 2 lớp tập huấn cho 40 người (55 lượt người tham dự)');
    expect(text).toContain(
      'tổ chức 3 sự kiện, cuộc thi, hội thảo về chuyển đổi số với 500 lượt người tham gia',
    );
    expect(text).toContain('2 mô hình chuyển đổi số đã được công nhận được giới thiệu');
    expect(unitTypeLabel('Phường', 'commune')).toBe('Phường');
    expect(unitTypeLabel(null, 'commune')).toBe('Xã, phường, thị trấn');
  });
  it('header, number, place and date, subject', () => {
    const L = layoutConsolidatedReport(data());
    expect(L.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG']);
    expect(L.numberLine).toMatch(/^Số:\s+\/BC-UBND$/);
    expect(L.placeAndDate).toBe('Hải Phòng, ngày 20 tháng 7 năm 2023');
    expect(L.docType).toBe('BÁO CÁO');
    expect(L.subject).toBe('Kết quả thực hiện Kế hoạch số 54/KH-UBND Quý II/2023');
  });
  it('bad settings are refused by the schema', () => {
    expect(
      consolidatedSettings.safeParse({ issuers: { committee: [{ name: 'X', header: [] }] } }).success,
    ).toBe(false);
    expect(
      consolidatedSettings.safeParse({ recipients: [{ text: 'A;', validFrom: '01/07/2025' }] }).success,
    ).toBe(false);
    expect(consolidatedSettings.safeParse(province).success).toBe(true);
  });
  it('figures the Vietnamese way, with where they came from', () => {
    expect(formatFigure({ isCount: false, value: 83.3 })).toBe('83,3%');
    expect(formatFigure({ isCount: true, value: 1234 })).toBe('1.234');
    expect(formatFigure({ isCount: false, value: null })).toBe('không áp dụng');
    expect(describeSource(target())).toBe('Tính trên 230 đối tượng, 228 thuộc diện tính, 190 đạt.');
    const text = allText(data());
    expect(text).toContain(
      'I.2.a. Đơn vị có kế hoạch | 83,3% | = 100% | Chậm tiến độ | Tỷ lệ = A / B. Tính trên 230 đối tượng',
    );
    expect(text).toContain(
      '- Chỉ tiêu I.2.đ: đạt 2 (mục tiêu từ 1 đến 2; đã đạt). Đếm được 190 bản ghi thỏa điều kiện.',
    );
    expect(text).toContain('đăng 1.234 tin, bài');
    expect(text).toContain('II.1. Thể chế số | 12');
    // The annex: a unit with nothing due on a rate target shows "—", counts show their number.
    expect(text).toContain('1 | Phường A | Đã tiếp nhận | 100% | 0');
  });
  it('obstacles and proposals under their headings, "Không có." when none', () => {
    const none = allText(data());
    expect(none).toMatch(/1\. Khó khăn, vướng mắc\nKhông có\.\n2\. Kiến nghị, đề xuất\nKhông có\./);
    const some = allText(
      data({
        obstacles: [
          {
            kind: 'proposal',
            title: 'Hỗ trợ kinh phí',
            unitName: 'Phường A',
            statusLabel: 'Đã trả lời',
            direction: 'Giao Sở Tài chính.',
            answer: 'Đã cấp.',
          },
        ],
      }),
    );
    expect(some).toContain(
      '- Hỗ trợ kinh phí (Phường A; đã trả lời). Chỉ đạo: Giao Sở Tài chính. Kết quả: Đã cấp.',
    );
  });
  it('file names are ASCII', () => {
    expect(consolidatedFileName('Quý II/2023')).toBe('Bao-cao-tong-hop-Quy-II-2023');
    expect(consolidatedFileName('6 tháng đầu năm')).toBe('Bao-cao-tong-hop-6-thang-dau-nam');
  });
});
