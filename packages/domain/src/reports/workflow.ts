import type { ReportAction, ReportStatus } from './constants';

/**
 * The life of a unit's periodic report (plan 54 V.1.a: units report, the DX office consolidates):
 * draft → submitted → accepted (locked) | returned → (edit) → submitted … Every step is recorded.
 *
 * Who: the unit's officers (report.write over the unit) save and submit; the DX office (report.manage over the
 * province) accepts or returns with a comment. An accepted report is locked: nothing more may change it.
 */
export type ReportActor = {
  /** Holds report.write over the reporting unit (its officers, or officers of a unit above it). */
  canWrite: boolean;
  /** Holds report.manage over the report's province (the DX office). */
  canReview: boolean;
};

export type ReportCommand =
  | { type: 'save' }
  | { type: 'submit' }
  | { type: 'return'; comment: string }
  | { type: 'accept' };

export type ReportRefusal = {
  ok: false;
  code:
    | 'REPORT.LOCKED'
    | 'REPORT.PERIOD_CLOSED'
    | 'WORKFLOW.INVALID_TRANSITION'
    | 'AUTH.FORBIDDEN'
    | 'VALIDATION.FAILED';
  message: string;
};
export type ReportDecision = { ok: true; action: ReportAction; to: ReportStatus } | ReportRefusal;

const STATUS_VI: Record<ReportStatus, string> = {
  draft: 'đang soạn',
  submitted: 'đã gửi, đang chờ duyệt',
  returned: 'bị trả lại',
  accepted: 'đã được tiếp nhận',
};

/**
 * Decides one step of a report. Pure: the server loads the report, asks, then stores the result in one
 * transaction. The order of the checks is the order of the messages a user should see: a locked report says it
 * is locked before anything else (UX "every locked record says who locked it and why").
 */
export function decideReport(
  state: { status: ReportStatus; periodOpen: boolean },
  command: ReportCommand,
  actor: ReportActor,
): ReportDecision {
  const refuse = (code: ReportRefusal['code'], message: string): ReportRefusal => ({
    ok: false,
    code,
    message,
  });
  if (state.status === 'accepted')
    return refuse('REPORT.LOCKED', 'Báo cáo đã được tiếp nhận và khoá; không thể thay đổi');
  switch (command.type) {
    case 'save':
    case 'submit': {
      if (!actor.canWrite)
        return refuse('AUTH.FORBIDDEN', 'Chỉ cán bộ của đơn vị báo cáo được soạn và gửi báo cáo');
      if (!state.periodOpen)
        return refuse('REPORT.PERIOD_CLOSED', 'Kỳ báo cáo đã đóng; không nhận thêm báo cáo');
      if (state.status === 'submitted')
        return refuse(
          'WORKFLOW.INVALID_TRANSITION',
          'Báo cáo đã gửi và đang chờ Văn phòng CĐS duyệt; chỉ sửa được khi bị trả lại',
        );
      return command.type === 'save'
        ? { ok: true, action: 'save', to: state.status }
        : { ok: true, action: 'submit', to: 'submitted' };
    }
    case 'return':
    case 'accept': {
      if (!actor.canReview)
        return refuse('AUTH.FORBIDDEN', 'Chỉ Văn phòng CĐS được tiếp nhận hoặc trả lại báo cáo');
      if (state.status !== 'submitted')
        return refuse(
          'WORKFLOW.INVALID_TRANSITION',
          `Chỉ duyệt được báo cáo đã gửi; báo cáo này ${STATUS_VI[state.status]}`,
        );
      if (command.type === 'return') {
        if (command.comment.trim().length === 0)
          return refuse('VALIDATION.FAILED', 'Trả lại báo cáo phải kèm ý kiến (lý do, nội dung cần bổ sung)');
        return { ok: true, action: 'return', to: 'returned' };
      }
      return { ok: true, action: 'accept', to: 'accepted' };
    }
  }
}

/** The steps an actor may take now (the web enables exactly the buttons the server will accept). */
export function availableReportCommands(
  state: { status: ReportStatus; periodOpen: boolean },
  actor: ReportActor,
): ('save' | 'submit' | 'return' | 'accept')[] {
  const probes: ReportCommand[] = [
    { type: 'save' },
    { type: 'submit' },
    { type: 'return', comment: 'x' },
    { type: 'accept' },
  ];
  return probes.filter((c) => decideReport(state, c, actor).ok).map((c) => c.type);
}

/**
 * Whether the DX office may urge a unit to send its report (đôn đốc, plan 54 V.1.a): the unit must report this period
 * and has nothing waiting for review or accepted — no report yet, a draft, or a report returned to it.
 */
export function mayRemindReport(x: { isRequired: boolean; status: ReportStatus | null }): boolean {
  return x.isRequired && x.status !== 'submitted' && x.status !== 'accepted';
}
