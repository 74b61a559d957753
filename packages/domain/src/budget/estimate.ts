import { z } from 'zod';
import { dong, multiplyDong, sumDong } from './money';

/**
 * Budget estimates (dự toán kinh phí) of plan 54 IV: "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà
 * nước theo phân cấp hiện hành (dự toán chi thường xuyên của các cơ quan, đơn vị) và các nguồn hợp pháp khác".
 */
export const FUNDING_SOURCES = ['unit_regular', 'city_budget', 'other_lawful'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  unit_regular: 'Dự toán chi thường xuyên của đơn vị',
  city_budget: 'Ngân sách địa phương',
  other_lawful: 'Nguồn hợp pháp khác',
};

export const ESTIMATE_STATUSES = ['draft', 'in_review', 'returned', 'approved'] as const;
export type EstimateStatus = (typeof ESTIMATE_STATUSES)[number];
export const ESTIMATE_STATUS_LABELS: Record<EstimateStatus, string> = {
  draft: 'Bản nháp',
  in_review: 'Đang xem xét',
  returned: 'Bị trả lại',
  approved: 'Đã phê duyệt',
};

/** An estimate, or a supplementary request (V.3.a: "đề xuất bổ sung") that adds to an approved estimate. */
export const ESTIMATE_KINDS = ['estimate', 'supplementary'] as const;
export type EstimateKind = (typeof ESTIMATE_KINDS)[number];
export const ESTIMATE_KIND_LABELS: Record<EstimateKind, string> = {
  estimate: 'Dự toán',
  supplementary: 'Đề xuất bổ sung',
};

/** Largest quantity on a line (people, sessions, months…): integer, so amount = unit cost × quantity stays exact. */
export const MAX_QUANTITY = 1_000_000_000;

/** A line as a unit enters it; `amount` defaults to unit cost × quantity. `id` keeps a line's identity across rounds. */
export const budgetLineInput = z
  .object({
    id: z.uuid('Mã dòng không hợp lệ').optional(),
    taskId: z.uuid('Mã nhiệm vụ không hợp lệ').nullable().default(null),
    content: z.string().trim().min(1, 'Nhập nội dung chi').max(2000, 'Nội dung tối đa 2000 ký tự'),
    unitCost: dong,
    quantity: z
      .number({ error: 'Nhập số lượng' })
      .int('Số lượng phải là số nguyên')
      .min(1, 'Số lượng ít nhất là 1')
      .max(MAX_QUANTITY, 'Số lượng quá lớn'),
    amount: dong.optional(),
    fundingSource: z.enum(FUNDING_SOURCES, { error: 'Nguồn kinh phí không hợp lệ' }),
  })
  .superRefine((l, ctx) => {
    if (l.amount === undefined && typeof l.unitCost === 'number' && typeof l.quantity === 'number') {
      if (multiplyDong(l.unitCost, l.quantity) === null)
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Thành tiền quá lớn' });
    }
  });
export type BudgetLineInput = z.input<typeof budgetLineInput>;
export type ParsedLineInput = z.output<typeof budgetLineInput>;

export const budgetLinesInput = z.array(budgetLineInput).max(500, 'Tối đa 500 dòng');

/** A line with its amount settled. */
export type ResolvedLine = Omit<ParsedLineInput, 'amount'> & { amount: number };

/** Settles a line's amount: as given, else unit cost × quantity (validated to be a safe integer by the schema). */
export function resolveLine(l: ParsedLineInput): ResolvedLine {
  return { ...l, amount: l.amount ?? (multiplyDong(l.unitCost, l.quantity) as number) };
}

/** A line as it stood in one revision (the snapshot kept per round, and after each appraisal). */
export type LineSnapshot = {
  lineId: string;
  taskId: string | null;
  content: string;
  unitCost: number;
  quantity: number;
  amount: number;
  fundingSource: FundingSource;
  /** Why the amount was changed at appraisal (Finance), when it was. */
  adjustReason: string | null;
};

export type LineDiff = {
  lineId: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  content: string;
  before: LineSnapshot | null;
  after: LineSnapshot | null;
  /** after − before amount (đồng); for added = after, for removed = −before. */
  delta: number;
  /** Fields that changed. */
  fields: BudgetDiffField[];
  reason: string | null;
};

/** The fields of a line whose change a diff reports. */
export const BUDGET_DIFF_FIELDS = [
  'content',
  'unitCost',
  'quantity',
  'amount',
  'fundingSource',
  'taskId',
] as const;
export type BudgetDiffField = (typeof BUDGET_DIFF_FIELDS)[number];
const COMPARED = BUDGET_DIFF_FIELDS;

/** Line-by-line difference between two revisions of an estimate ("each round is a version"). Pure. */
export function diffLines(
  from: readonly LineSnapshot[],
  to: readonly LineSnapshot[],
): { lines: LineDiff[]; totalBefore: number; totalAfter: number; delta: number } {
  const before = new Map(from.map((l) => [l.lineId, l]));
  const after = new Map(to.map((l) => [l.lineId, l]));
  const lines: LineDiff[] = [];
  for (const a of to) {
    const b = before.get(a.lineId);
    if (!b) {
      lines.push({
        lineId: a.lineId,
        change: 'added',
        content: a.content,
        before: null,
        after: a,
        delta: a.amount,
        fields: [],
        reason: a.adjustReason,
      });
      continue;
    }
    const fields = COMPARED.filter((k) => b[k] !== a[k]);
    lines.push({
      lineId: a.lineId,
      change: fields.length ? 'changed' : 'unchanged',
      content: a.content,
      before: b,
      after: a,
      delta: a.amount - b.amount,
      fields: [...fields],
      reason: fields.includes('amount') ? a.adjustReason : null,
    });
  }
  for (const b of from) {
    if (!after.has(b.lineId))
      lines.push({
        lineId: b.lineId,
        change: 'removed',
        content: b.content,
        before: b,
        after: null,
        delta: -b.amount,
        fields: [],
        reason: null,
      });
  }
  const totalBefore = sumDong(from.map((l) => l.amount));
  const totalAfter = sumDong(to.map((l) => l.amount));
  return { lines, totalBefore, totalAfter, delta: totalAfter - totalBefore };
}

/** A per-line change of amount at appraisal, with the reason the appraiser gives. */
export const lineAdjustment = z.object({
  lineId: z.uuid('Mã dòng không hợp lệ'),
  amount: dong,
  reason: z
    .string()
    .trim()
    .min(5, 'Nêu lý do điều chỉnh (ít nhất 5 ký tự)')
    .max(2000, 'Lý do tối đa 2000 ký tự'),
});
export type LineAdjustment = z.infer<typeof lineAdjustment>;

/**
 * Applies appraisal adjustments to the current lines (Finance "thẩm định", plan 54 V.2): every adjusted line must
 * exist and each appears once. Returns the new lines, or the problems by adjustment index.
 */
export function applyAdjustments(
  lines: readonly LineSnapshot[],
  adjustments: readonly LineAdjustment[],
):
  | { ok: true; lines: LineSnapshot[] }
  | { ok: false; issues: { path: (string | number)[]; message: string }[] } {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  const seen = new Set<string>();
  adjustments.forEach((a, i) => {
    if (!byId.has(a.lineId))
      issues.push({ path: ['adjustments', i, 'lineId'], message: 'Dòng không thuộc dự toán này' });
    if (seen.has(a.lineId))
      issues.push({ path: ['adjustments', i, 'lineId'], message: 'Mỗi dòng chỉ điều chỉnh một lần' });
    seen.add(a.lineId);
  });
  if (issues.length) return { ok: false, issues };
  const adj = new Map(adjustments.map((a) => [a.lineId, a]));
  return {
    ok: true,
    lines: lines.map((l) => {
      const a = adj.get(l.lineId);
      return a ? { ...l, amount: a.amount, adjustReason: a.reason } : l;
    }),
  };
}

/** Sums amounts by a key (funding source, unit, task, theme): exact integers, largest first. */
export function totalsBy<T>(rows: readonly T[], keyOf: (r: T) => string | null, amountOf: (r: T) => number) {
  const m = new Map<string | null, number>();
  for (const r of rows) {
    const k = keyOf(r);
    m.set(k, sumDong([m.get(k) ?? 0, amountOf(r)]));
  }
  return [...m.entries()].map(([key, amount]) => ({ key, amount })).sort((a, b) => b.amount - a.amount);
}
