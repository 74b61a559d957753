/**
 * Periodic reports (báo cáo định kỳ, plan 54 V.1.a: "tổng hợp, báo cáo kết quả thực hiện"): the vocabularies the
 * schema's CHECK constraints and the state machine share.
 */
export const REPORT_PERIOD_KINDS = ['quarter', 'half_year', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

export const REPORT_PERIOD_STATUSES = ['open', 'closed'] as const;
export type ReportPeriodStatus = (typeof REPORT_PERIOD_STATUSES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Steps recorded in a report's history. */
export const REPORT_ACTIONS = ['save', 'submit', 'return', 'accept'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_PERIOD_KIND_LABELS_VI: Record<ReportPeriodKind, string> = {
  quarter: 'Quý',
  half_year: '6 tháng',
  year: 'Năm',
};

export const REPORT_STATUS_LABELS_VI: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ duyệt',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
};
