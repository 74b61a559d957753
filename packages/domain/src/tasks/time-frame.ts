import { foldVietnamese } from '../text';

/**
 * "Thời gian thực hiện" as provinces write it in a plan's appendix ("Thường xuyên", "Quý II/2023",
 * "01-10/10/2023", "2023-2024"…), understood as a structured period and a due date where one exists.
 * The original text is always kept; what cannot be read safely is refused with a reason, never guessed.
 */
export type TimeFrame =
  | {
      kind: 'continuous' | 'annual' | 'period' | 'deadline';
      original: string;
      /** Inclusive local dates. */
      from: string;
      to: string;
      /** The date by which the task is due; null for continuous work (reported periodically instead). */
      dueDate: string | null;
      /** True when a missing year was taken from the plan year. */
      yearInferred: boolean;
    }
  | { kind: 'unknown'; original: string; reason: string };

export type TimeFrameContext = {
  planYear: number /** whole plan period, e.g. 2023-01-01..2023-12-31 */;
  planFrom?: string;
  planTo?: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const quarterOf = (token: string): number | null => {
  const t = token.trim().toLowerCase();
  if (/^[1-4]$/.test(t)) return Number(t);
  return ROMAN[t] ?? null;
};

/** Parses one "thời gian thực hiện" cell. Pure; `ctx.planYear` fills in a missing year. */
export function parseTimeFrame(original: string, ctx: TimeFrameContext): TimeFrame {
  const text = original.normalize('NFC').trim();
  const f = foldVietnamese(text)
    .replace(/[–—]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\.$/, '');
  const unknown = (reason: string): TimeFrame => ({ kind: 'unknown', original, reason });
  const planFrom = ctx.planFrom ?? iso(ctx.planYear, 1, 1);
  const planTo = ctx.planTo ?? iso(ctx.planYear, 12, 31);
  const ok = (
    kind: 'continuous' | 'annual' | 'period' | 'deadline',
    from: string,
    to: string,
    due: string | null,
    yearInferred = false,
  ): TimeFrame =>
    from > to
      ? unknown('Ngày bắt đầu sau ngày kết thúc')
      : { kind, original, from, to, dueDate: due, yearInferred };
  const yearOf = (y: string | undefined): [number, boolean] =>
    y ? [Number(y), false] : [ctx.planYear, true];
  const plausibleYear = (y: number) => y >= 2000 && y <= 2100;

  if (f === '') return unknown('Chưa ghi thời gian thực hiện');
  if (
    /^(thuong xuyen|lien tuc|(?:dinh ky )?hang thang|(?:dinh ky )?hang quy|thuong xuyen,? lien tuc)$/.test(f)
  ) {
    return ok('continuous', planFrom, planTo, null);
  }
  if (/^((?:dinh ky )?hang nam|moi nam|ca nam)$/.test(f)) {
    return ok('annual', iso(ctx.planYear, 1, 1), iso(ctx.planYear, 12, 31), iso(ctx.planYear, 12, 31));
  }

  let m: RegExpExecArray | null;
  // "Quý II/2023", "Quý 2 năm 2023", "QII/2023", "Quý III, IV/2023", "Quý III-IV/2023", "Quý II"
  m = /^(?:quy|q)\s*([ivx\d]+)(?:\s*(?:,|-|va)\s*([ivx\d]+))?(?:(?:\/|\s+nam\s+|\s+)(\d{4}))?$/.exec(f);
  if (m) {
    const q1 = quarterOf(m[1]!);
    const q2 = m[2] ? quarterOf(m[2]) : q1;
    if (q1 === null || q2 === null)
      return unknown(`Không có quý "${m[2] && q2 === null ? m[2] : m[1]}" (chỉ có quý I–IV)`);
    const [y, inferred] = yearOf(m[3]);
    if (!plausibleYear(y)) return unknown(`Năm ${y} không hợp lý`);
    const to = iso(y, q2 * 3, lastDay(y, q2 * 3));
    return ok('period', iso(y, q1 * 3 - 2, 1), to, to, inferred);
  }
  // "6 tháng đầu năm 2023", "6 tháng cuối năm"
  m = /^6 thang (dau|cuoi) nam(?:\s+(\d{4}))?$/.exec(f);
  if (m) {
    const [y, inferred] = yearOf(m[2]);
    return m[1] === 'dau'
      ? ok('period', iso(y, 1, 1), iso(y, 6, 30), iso(y, 6, 30), inferred)
      : ok('period', iso(y, 7, 1), iso(y, 12, 31), iso(y, 12, 31), inferred);
  }
  // "Tháng 10/2023", "Tháng 10 năm 2023", "Tháng 9-10/2023", "Tháng 10"
  m = /^thang\s*(\d{1,2})(?:-(\d{1,2}))?(?:(?:\/|\s+nam\s+|\s+)(\d{4}))?$/.exec(f);
  if (m) {
    const m1 = Number(m[1]);
    const m2 = m[2] ? Number(m[2]) : m1;
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12)
      return unknown(`Không có tháng ${m1 > 12 || m1 < 1 ? m1 : m2}`);
    const [y, inferred] = yearOf(m[3]);
    const to = iso(y, m2, lastDay(y, m2));
    return ok('period', iso(y, m1, 1), to, to, inferred);
  }
  // "Trước ngày 15/3/2023", "Trước 30/6/2023", "Chậm nhất ngày 30/6/2023", "Hoàn thành trước 31/12/2023"
  m = /^(?:hoan thanh\s+)?(?:truoc|cham nhat|han)(?:\s+ngay)?\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(f);
  if (m) {
    const [y, inferred] = yearOf(m[3]);
    const [mo, d] = [Number(m[2]), Number(m[1])];
    if (!validDay(y, mo, d)) return unknown(`Ngày ${m[1]}/${m[2]}/${y} không tồn tại`);
    return ok('deadline', planFrom, iso(y, mo, d), iso(y, mo, d), inferred);
  }
  // "01-10/10/2023" (days of one month), "15/03/2023" (one day), "01/9-15/10/2023"
  m = /^(?:ngay\s+)?(\d{1,2})(?:\/(\d{1,2}))?-(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(f);
  if (m) {
    const y = Number(m[5]);
    const mo2 = Number(m[4]);
    const mo1 = m[2] ? Number(m[2]) : mo2;
    const [d1, d2] = [Number(m[1]), Number(m[3])];
    if (!validDay(y, mo1, d1) || !validDay(y, mo2, d2)) return unknown('Ngày không tồn tại');
    return ok('period', iso(y, mo1, d1), iso(y, mo2, d2), iso(y, mo2, d2));
  }
  m = /^(?:ngay\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(f);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) return unknown(`Ngày ${text} không tồn tại`);
    return ok('period', iso(y, mo, d), iso(y, mo, d), iso(y, mo, d));
  }
  // "6/2023", "06/2023" (month/year)
  m = /^(\d{1,2})\/(\d{4})$/.exec(f);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return unknown(`Không có tháng ${mo}`);
    return ok('period', iso(y, mo, 1), iso(y, mo, lastDay(y, mo)), iso(y, mo, lastDay(y, mo)));
  }
  // "Từ tháng 3 đến tháng 6/2023", "Từ tháng 3 đến tháng 6 năm 2023"
  m = /^tu thang\s*(\d{1,2})(?:\/(\d{4}))? den(?: het)? thang\s*(\d{1,2})(?:(?:\/|\s+nam\s+)(\d{4}))?$/.exec(
    f,
  );
  if (m) {
    const [m1, m2] = [Number(m[1]), Number(m[3])];
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12)
      return unknown(`Không có tháng ${m1 > 12 || m1 < 1 ? m1 : m2}`);
    const [y2, inferred] = yearOf(m[4]);
    const y1 = m[2] ? Number(m[2]) : y2;
    const to = iso(y2, m2, lastDay(y2, m2));
    return ok('period', iso(y1, m1, 1), to, to, inferred);
  }
  // "2023-2024", "Giai đoạn 2023-2025", "Năm 2023", "Trong năm 2023", "Cả năm 2023", "2023"
  m = /^(?:giai doan\s+|(?:trong |ca )?nam\s+)?(\d{4})(?:-(\d{4}))?$/.exec(f);
  if (m) {
    const y1 = Number(m[1]);
    const y2 = m[2] ? Number(m[2]) : y1;
    if (!plausibleYear(y1) || !plausibleYear(y2)) return unknown('Năm không hợp lý');
    return ok('period', iso(y1, 1, 1), iso(y2, 12, 31), iso(y2, 12, 31));
  }
  return unknown(
    'Không hiểu được thời gian này; hãy ghi theo dạng "Quý II/2023", "Tháng 10/2023", "01-10/10/2023" hoặc "Thường xuyên"',
  );
}
