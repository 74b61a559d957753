import { describe, expect, it } from 'vitest';
import { isRowValid, parseBudget, readAppendix } from './appendix';

const candidates = {
  units: [
    { id: 'stttt', name: 'Sở Thông tin và Truyền thông' },
    { id: 'bhp', name: 'Báo Hải Phòng' },
    { id: 'thp', name: 'Đài Phát thanh và Truyền hình Hải Phòng (THP)' },
  ],
  groups: [
    { id: 'g-dep', code: 'all-departments', name: 'Các sở, ban, ngành' },
    { id: 'g-dis', code: 'all-districts', name: 'UBND các quận, huyện' },
  ],
};

// An appendix the way provinces write it: a title row, the header, column numbers, Roman group rows.
const sheet = [
  { row: 1, cells: ['PHỤ LỤC: DANH MỤC NHIỆM VỤ'] },
  {
    row: 2,
    cells: [
      'TT',
      'Nội dung',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian thực hiện',
      'Sản phẩm/Kết quả',
      'Kinh phí',
      'Ghi chú',
    ],
  },
  { row: 3, cells: ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'] },
  { row: 4, cells: ['I', 'Tuyên truyền trên báo chí', null, null, null, null, null, null] },
  {
    row: 5,
    cells: [
      1,
      'Mở chuyên mục "Chuyển đổi số"',
      'Báo Hải Phòng, Đài PT&TH Hải Phòng',
      'Sở TT&TT',
      'Quý II/2023',
      'Chuyên mục',
      '500.000.000',
      null,
    ],
  },
  {
    row: 6,
    cells: [
      2,
      'Tuyên truyền trên trang thông tin',
      'Các sở, ban, ngành; UBND các quận, huyện',
      null,
      'Thường xuyên',
      null,
      'Nguồn thường xuyên',
      null,
    ],
  },
  { row: 7, cells: ['II', 'Tập huấn', null, null, null, null, null, null] },
  { row: 8, cells: [1, 'Tập huấn kỹ năng viết tin', 'Hội Nhà báo', null, 'Tháng 13/2023', null, null, null] },
  { row: 9, cells: [2, null, 'Sở TT&TT', null, '01-10/10/2023', null, null, null] },
];

describe('readAppendix (plan 54 III, Phụ lục)', () => {
  const r = readAppendix(sheet, { planYear: 2023, candidates });

  it('finds the header below a title row and skips the column-number row', () => {
    expect(r.headerRow).toBe(2);
    expect(r.fileIssues).toEqual([]);
    expect(r.rows.map((x) => x.row)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('reads Roman-numeral rows as sections of the tasks below them', () => {
    expect(r.rows[0]).toMatchObject({ kind: 'group', section: 'I. Tuyên truyền trên báo chí' });
    expect(r.rows[1]).toMatchObject({ kind: 'task', section: 'I. Tuyên truyền trên báo chí', stt: '1' });
    expect(r.rows[4]).toMatchObject({ kind: 'task', section: 'II. Tập huấn' });
  });

  it('understands each cell and keeps its text', () => {
    const t = r.rows[1]!;
    expect(t.leads.matches.map((m) => m.id)).toEqual(['bhp', 'thp']);
    expect(t.coordinators.matches.map((m) => m.id)).toEqual(['stttt']);
    expect(t.timeFrame).toMatchObject({ kind: 'period', original: 'Quý II/2023', dueDate: '2023-06-30' });
    expect(t.budgetAmount).toBe(500_000_000);
    expect(isRowValid(t)).toBe(true);
    const g = r.rows[2]!;
    expect(g.leads.matches.map((m) => m.id)).toEqual(['g-dep', 'g-dis']);
    expect(g.timeFrame).toMatchObject({ kind: 'continuous', dueDate: null });
    expect(g.budgetAmount).toBeNull();
  });

  it('explains bad rows by column, in Vietnamese', () => {
    const bad = r.rows[4]!;
    expect(isRowValid(bad)).toBe(false);
    expect(bad.issues).toContainEqual(
      expect.objectContaining({
        column: 'lead',
        severity: 'error',
        message: expect.stringMatching(/Hội Nhà báo/),
      }),
    );
    expect(bad.issues).toContainEqual(expect.objectContaining({ column: 'timeFrame', severity: 'warning' }));
    expect(r.rows[5]!.issues).toContainEqual(
      expect.objectContaining({ column: 'title', message: 'Thiếu tên nhiệm vụ' }),
    );
  });

  it('takes the answers the DX office gave to its questions', () => {
    const answered = readAppendix(sheet, {
      planYear: 2023,
      candidates,
      answers: { 'Hội Nhà báo': { type: 'unit', id: 'stttt' } },
    });
    expect(answered.rows[4]!.leads.matches.map((m) => m.id)).toEqual(['stttt']);
    expect(isRowValid(answered.rows[4]!)).toBe(true);
  });

  it('refuses a sheet without a header', () => {
    expect(
      readAppendix([{ row: 1, cells: ['a', 'b'] }], { planYear: 2023, candidates }).fileIssues[0],
    ).toMatch(/tiêu đề/);
  });
});

describe('parseBudget', () => {
  it.each([
    ['500.000.000', 500_000_000],
    ['500.000.000 đ', 500_000_000],
    ['500 triệu', 500_000_000],
    ['1,5 tỷ', 1_500_000_000],
    ['Nguồn thường xuyên', null],
    ['Lồng ghép', null],
  ])('%s', (text, amount) => expect(parseBudget(text)).toBe(amount));
});
