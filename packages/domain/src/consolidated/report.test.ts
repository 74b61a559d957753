import { describe, expect, it } from 'vitest';
import {
  type ConsolidatedData,
  consolidatedFileName,
  consolidatedSettings,
  defaultMinistry,
  describeSource,
  formatFigure,
  layoutConsolidatedReport,
} from './report';

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
  targets: [
    target(),
    target({ code: 'I.2.đ', isCount: true, value: 2, goalText: 'từ 1 đến 2', status: 'achieved' }),
  ],
  publications: { total: 1234, dx: 1000, byTheme: [{ code: 'II.1', name: 'Thể chế số', count: 12 }] },
  trainings: { count: 2, peopleTrained: 40 },
  events: { total: 3, participants: 500 },
  models: { total: 5, recognisedInPeriod: 1, featuredInPeriod: 2 },
  tasks: { total: 10, parts: 40, done: 20, inProgress: 10, notStarted: 5, blocked: 5, overdue: 3 },
  reports: { required: 2, submitted: 1, accepted: 1, returned: 0, missing: 1 },
  obstacles: [],
  units: [
    {
      unitId: 'u',
      unitName: 'Phường A',
      unitKind: 'commune',
      reportStatus: 'accepted',
      submittedAt: null,
      targets: [
        { due: 1, achieved: 1, value: 100 },
        { due: 0, achieved: 0, value: 0 },
      ],
    },
  ],
  settings: {},
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
  it('the Ministry receiving it: Information and Communications before 01/07/2025, Science and Technology from then', () => {
    expect(defaultMinistry('2025-06-30')).toBe('Bộ Thông tin và Truyền thông');
    expect(defaultMinistry('2025-07-01')).toBe('Bộ Khoa học và Công nghệ');
    const L = layoutConsolidatedReport(data({ date: '2025-10-01' }));
    expect(L.recipients[0]).toBe('Bộ Khoa học và Công nghệ (để báo cáo);');
    expect(L.recipients.at(-1)).toBe('Lưu: VT.');
  });
  it('header, number, place and date, subject', () => {
    const L = layoutConsolidatedReport(data());
    expect(L.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG']);
    expect(L.numberLine).toMatch(/^Số:\s+\/BC-UBND$/);
    expect(L.placeAndDate).toBe('Hải Phòng, ngày 20 tháng 7 năm 2023');
    expect(L.docType).toBe('BÁO CÁO');
    expect(L.subject).toBe('Kết quả thực hiện Kế hoạch số 54/KH-UBND Quý II/2023');
  });
  it('settings override issuer, code, Ministry and recipients; bad settings are refused by the schema', () => {
    const L = layoutConsolidatedReport(
      data({
        settings: {
          issuer: ['SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
          code: 'BC-SKHCN',
          ministry: 'Bộ X',
          recipients: ['UBND thành phố;'],
        },
      }),
    );
    expect(L.issuer).toEqual(['SỞ KHOA HỌC VÀ CÔNG NGHỆ']);
    expect(L.numberLine).toMatch(/\/BC-SKHCN$/);
    expect(L.recipients).toEqual(['Bộ X (để báo cáo);', 'UBND thành phố;', 'Lưu: VT.']);
    expect(consolidatedSettings.safeParse({ issuer: [] }).success).toBe(false);
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
