import { describe, expect, it } from 'vitest';
import { parseTimeFrame } from './time-frame';

const ctx = { planYear: 2023 };

// Real phrasings from provincial appendices (plan 54 III, V.1.a) and what they must mean.
const understood: [string, string, string, string | null, string][] = [
  ['Thường xuyên', '2023-01-01', '2023-12-31', null, 'continuous'],
  ['Thuờng xuyên', '2023-01-01', '2023-12-31', null, 'continuous'], // OCR tone placement
  ['Hằng năm', '2023-01-01', '2023-12-31', '2023-12-31', 'annual'],
  ['Hàng năm', '2023-01-01', '2023-12-31', '2023-12-31', 'annual'],
  ['Quý II/2023', '2023-04-01', '2023-06-30', '2023-06-30', 'period'],
  ['Quý 2 năm 2023', '2023-04-01', '2023-06-30', '2023-06-30', 'period'],
  ['QIV/2023', '2023-10-01', '2023-12-31', '2023-12-31', 'period'],
  ['Quý III, IV/2023', '2023-07-01', '2023-12-31', '2023-12-31', 'period'],
  ['Tháng 10/2023', '2023-10-01', '2023-10-31', '2023-10-31', 'period'],
  ['Tháng 10 năm 2023', '2023-10-01', '2023-10-31', '2023-10-31', 'period'],
  ['Tháng 9-10/2023', '2023-09-01', '2023-10-31', '2023-10-31', 'period'],
  ['01-10/10/2023', '2023-10-01', '2023-10-10', '2023-10-10', 'period'],
  ['01/9 – 15/10/2023', '2023-09-01', '2023-10-15', '2023-10-15', 'period'],
  ['15/03/2023', '2023-03-15', '2023-03-15', '2023-03-15', 'period'],
  ['6/2023', '2023-06-01', '2023-06-30', '2023-06-30', 'period'],
  ['2/2024', '2024-02-01', '2024-02-29', '2024-02-29', 'period'],
  ['2023-2024', '2023-01-01', '2024-12-31', '2024-12-31', 'period'],
  ['Năm 2023', '2023-01-01', '2023-12-31', '2023-12-31', 'period'],
  ['6 tháng đầu năm 2023', '2023-01-01', '2023-06-30', '2023-06-30', 'period'],
  ['Trước ngày 15/3/2023', '2023-01-01', '2023-03-15', '2023-03-15', 'deadline'],
  // More phrasings seen in appendices (issue 5).
  ['Định kỳ hằng quý', '2023-01-01', '2023-12-31', null, 'continuous'],
  ['Thường xuyên, liên tục', '2023-01-01', '2023-12-31', null, 'continuous'],
  ['Định kỳ hằng năm', '2023-01-01', '2023-12-31', '2023-12-31', 'annual'],
  ['Cả năm', '2023-01-01', '2023-12-31', '2023-12-31', 'annual'],
  ['Trong năm 2023', '2023-01-01', '2023-12-31', '2023-12-31', 'period'],
  ['Cả năm 2023', '2023-01-01', '2023-12-31', '2023-12-31', 'period'],
  ['Quý I-II/2023', '2023-01-01', '2023-06-30', '2023-06-30', 'period'],
  ['Từ tháng 3 đến tháng 6/2023', '2023-03-01', '2023-06-30', '2023-06-30', 'period'],
  ['Từ tháng 11/2023 đến tháng 02/2024', '2023-11-01', '2024-02-29', '2024-02-29', 'period'],
  ['6 tháng cuối năm 2023', '2023-07-01', '2023-12-31', '2023-12-31', 'period'],
];

describe('parseTimeFrame', () => {
  it.each(understood)('understands "%s"', (text, from, to, due, kind) => {
    const r = parseTimeFrame(text, ctx);
    expect(r).toMatchObject({ kind, from, to, dueDate: due, original: text });
  });

  it('takes a missing year from the plan year and says so', () => {
    expect(parseTimeFrame('Quý II', ctx)).toMatchObject({
      from: '2023-04-01',
      to: '2023-06-30',
      yearInferred: true,
    });
    expect(parseTimeFrame('Tháng 10', { planYear: 2024 })).toMatchObject({
      from: '2024-10-01',
      yearInferred: true,
    });
  });

  it('uses the plan period for continuous work', () => {
    expect(
      parseTimeFrame('Thường xuyên', { planYear: 2022, planFrom: '2022-02-09', planTo: '2025-12-31' }),
    ).toMatchObject({
      from: '2022-02-09',
      to: '2025-12-31',
      dueDate: null,
    });
  });

  // What it must refuse to guess: an explanation, never an invented date.
  it.each([
    ['Theo chỉ đạo của UBND thành phố'],
    ['Khi có yêu cầu'],
    ['Sau khi Kế hoạch được phê duyệt'],
    ['Quý V/2023'],
    ['32/10/2023'],
    ['13/2023'],
    ['Tháng 13/2023'],
    ['30/02/2023'],
    [''],
    ['Trước ngày 31/4/2023'],
    ['Năm 2023 và các năm tiếp theo'],
    ['Theo tiến độ dự án'],
    ['Tháng 02/2023 (tùy tình hình thực tế)'],
    ['Từ tháng 9 đến tháng 3/2023'], // ends before it starts
  ])('refuses to guess "%s"', (text) => {
    const r = parseTimeFrame(text, ctx);
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') expect(r.reason.length).toBeGreaterThan(5);
  });
});
