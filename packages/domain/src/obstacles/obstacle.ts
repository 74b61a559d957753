import { z } from 'zod';
import { type Grant, isAllowed, type ScopeTarget } from '../access';
import { addDays, isoDate } from '../dates';

/*
 * The obstacles and proposals register (khó khăn, vướng mắc, kiến nghị). Plan 54, closing paragraph
 * (packages/db/data/plans/54-KH-UBND-2023.vi.md): difficulties are reported to the People's Committee through the DX office, which
 * consolidates them, for its direction — a unit raises, the DX office consolidates and forwards, the People's Committee
 * (leadership) directs, the unit named in the direction answers; the raising unit sees the answer.
 */

export const OBSTACLE_KINDS = ['obstacle', 'proposal'] as const;
export type ObstacleKind = (typeof OBSTACLE_KINDS)[number];

export const OBSTACLE_STATUSES = [
  'raised',
  'forwarded',
  'directed',
  'resolved',
  'merged',
  'declined',
] as const;
export type ObstacleStatus = (typeof OBSTACLE_STATUSES)[number];
/** Statuses with something still to do: these have an owner and a due date and can be overdue. */
export const OPEN_OBSTACLE_STATUSES = [
  'raised',
  'forwarded',
  'directed',
] as const satisfies readonly ObstacleStatus[];

/** Who must act next: the DX office (consolidate), leadership (direct) or a unit (carry out and answer). */
export const OBSTACLE_OWNER_ROLES = ['dx_office', 'leadership', 'unit'] as const;
export type ObstacleOwnerRole = (typeof OBSTACLE_OWNER_ROLES)[number];

/** Steps recorded in an obstacle's history ("raise" is the first). */
export const OBSTACLE_ACTIONS = ['raise', 'forward', 'merge', 'decline', 'direct', 'answer'] as const;
export type ObstacleActionType = (typeof OBSTACLE_ACTIONS)[number];
/** The steps taken on an existing obstacle. */
export type ObstacleTransitionType = Exclude<ObstacleActionType, 'raise'>;
export const OBSTACLE_TRANSITIONS = [
  'forward',
  'merge',
  'decline',
  'direct',
  'answer',
] as const satisfies readonly ObstacleTransitionType[];

/**
 * Default days each owner has (a working rule of the DX office, not a clause of the plan): the DX office
 * consolidates within 10 days of a unit raising; leadership directs within 15 days of the forward.
 */
export const OBSTACLE_DEFAULT_DAYS = { dx_office: 10, leadership: 15 } as const;

export const OBSTACLE_KIND_LABELS_VI: Record<ObstacleKind, string> = {
  obstacle: 'Khó khăn, vướng mắc',
  proposal: 'Kiến nghị, đề xuất',
};
export const OBSTACLE_STATUS_LABELS_VI: Record<ObstacleStatus | 'overdue', string> = {
  raised: 'Chờ Sở tổng hợp',
  forwarded: 'Đã chuyển lãnh đạo UBND',
  directed: 'Đã có chỉ đạo, đang xử lý',
  resolved: 'Đã trả lời',
  merged: 'Đã gộp vào kiến nghị khác',
  declined: 'Không chuyển (có lý do)',
  overdue: 'Quá hạn',
};
export const OBSTACLE_ACTION_LABELS_VI: Record<ObstacleActionType, string> = {
  raise: 'Đơn vị nêu',
  forward: 'Sở tổng hợp, chuyển lãnh đạo UBND',
  merge: 'Gộp vào kiến nghị khác',
  decline: 'Không chuyển',
  direct: 'Lãnh đạo chỉ đạo',
  answer: 'Đơn vị được giao trả lời',
};

/** The state a transition reads and changes. */
export type ObstacleState = {
  status: ObstacleStatus;
  ownerRole: ObstacleOwnerRole | null;
  ownerUnitId: string | null;
  dueDate: string | null;
};

/**
 * What the actor may do on this obstacle, computed from grants and where the units sit (see obstacleActor):
 * - `manages`: the DX office of the obstacle's province (report.manage) — consolidates, merges, forwards, declines;
 * - `directs`: holds obstacle.direct in the province (leadership; the DX office records a direction on its behalf);
 * - `answersForOwner`: may report for the owner unit (report.write over the unit named in the direction).
 */
export type ObstacleActor = { manages: boolean; directs: boolean; answersForOwner: boolean };

/** Facts of an actor from their grants (pure: the caller looks up where the units sit). */
export function obstacleActor(
  grants: readonly Grant[],
  where: { province: ScopeTarget; owner: ScopeTarget | null },
): ObstacleActor {
  return {
    manages: isAllowed(grants, 'report.manage', where.province),
    directs: isAllowed(grants, 'obstacle.direct', where.province),
    answersForOwner: where.owner !== null && isAllowed(grants, 'report.write', where.owner),
  };
}

const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);

/** What a unit enters to raise an obstacle or a proposal. */
export const raiseObstacleInput = z.object({
  unitId: z.uuid('Mã đơn vị không hợp lệ'),
  kind: z.enum(OBSTACLE_KINDS),
  title: text(5, 500, 'Nhập tiêu đề (ít nhất 5 ký tự)'),
  description: text(10, 10_000, 'Mô tả khó khăn, kiến nghị (ít nhất 10 ký tự)'),
  /** Optional links: the plan, one of its tasks (III) or targets (I.2), the period report it came from. */
  planId: z.uuid().nullable().optional(),
  taskId: z.uuid().nullable().optional(),
  planTargetId: z.uuid().nullable().optional(),
  reportId: z.uuid().nullable().optional(),
});
export type RaiseObstacleInput = z.infer<typeof raiseObstacleInput>;

export const obstacleAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('forward'),
    note: z.string().trim().max(5000).default(''),
    /** When leadership should direct by (default: 15 days from today). */
    dueDate: isoDate.nullable().optional(),
  }),
  z.object({ type: z.literal('merge'), intoId: z.uuid('Mã kiến nghị không hợp lệ') }),
  z.object({ type: z.literal('decline'), reason: text(5, 5000, 'Nêu lý do (ít nhất 5 ký tự)') }),
  z.object({
    type: z.literal('direct'),
    direction: text(5, 10_000, 'Nhập nội dung chỉ đạo (ít nhất 5 ký tự)'),
    ownerUnitId: z.uuid('Mã đơn vị không hợp lệ'),
    dueDate: isoDate,
  }),
  z.object({ type: z.literal('answer'), answer: text(5, 10_000, 'Nhập nội dung trả lời (ít nhất 5 ký tự)') }),
]);
export type ObstacleAction = z.infer<typeof obstacleAction>;

export type ObstacleTransition =
  | { ok: true; state: ObstacleState }
  | { ok: false; code: 'WORKFLOW.INVALID_TRANSITION' | 'AUTH.FORBIDDEN'; message: string };

/** The state of a freshly raised obstacle: the DX office owns it, due in 10 days (OBSTACLE_DEFAULT_DAYS). */
export function raisedState(today: string): ObstacleState {
  return {
    status: 'raised',
    ownerRole: 'dx_office',
    ownerUnitId: null,
    dueDate: addDays(today, OBSTACLE_DEFAULT_DAYS.dx_office),
  };
}

/** Applies a step; refuses with a stable code what the register does not allow. Pure. */
export function obstacleTransition(
  state: Pick<ObstacleState, 'status' | 'ownerUnitId'>,
  action: ObstacleAction,
  actor: ObstacleActor,
  today: string,
): ObstacleTransition {
  const refuse = (message: string): ObstacleTransition => ({
    ok: false,
    code: 'WORKFLOW.INVALID_TRANSITION',
    message,
  });
  const forbid = (message: string): ObstacleTransition => ({ ok: false, code: 'AUTH.FORBIDDEN', message });
  const label = OBSTACLE_STATUS_LABELS_VI[state.status];
  switch (action.type) {
    case 'forward':
      if (!actor.manages)
        return forbid('Chỉ Sở (cơ quan thường trực chuyển đổi số) tổng hợp và chuyển lãnh đạo UBND');
      if (state.status !== 'raised')
        return refuse(`Chỉ chuyển được kiến nghị đang chờ tổng hợp (hiện: ${label})`);
      if (action.dueDate && action.dueDate < today) return refuse('Hạn chỉ đạo không được trước hôm nay');
      return {
        ok: true,
        state: {
          status: 'forwarded',
          ownerRole: 'leadership',
          ownerUnitId: null,
          dueDate: action.dueDate ?? addDays(today, OBSTACLE_DEFAULT_DAYS.leadership),
        },
      };
    case 'merge':
    case 'decline':
      if (!actor.manages)
        return forbid('Chỉ Sở (cơ quan thường trực chuyển đổi số) được gộp hoặc không chuyển kiến nghị');
      if (state.status !== 'raised')
        return refuse(`Chỉ gộp hoặc không chuyển được kiến nghị đang chờ tổng hợp (hiện: ${label})`);
      return {
        ok: true,
        state: {
          status: action.type === 'merge' ? 'merged' : 'declined',
          ownerRole: null,
          ownerUnitId: null,
          dueDate: null,
        },
      };
    case 'direct':
      if (!actor.directs) return forbid('Chỉ lãnh đạo UBND (hoặc Sở ghi nhận thay) được cho ý kiến chỉ đạo');
      if (state.status !== 'forwarded')
        return refuse(`Chỉ chỉ đạo được kiến nghị đã chuyển lãnh đạo (hiện: ${label})`);
      if (action.dueDate < today) return refuse('Hạn xử lý không được trước hôm nay');
      return {
        ok: true,
        state: {
          status: 'directed',
          ownerRole: 'unit',
          ownerUnitId: action.ownerUnitId,
          dueDate: action.dueDate,
        },
      };
    case 'answer':
      if (state.status !== 'directed')
        return refuse(`Chỉ trả lời được kiến nghị đã có chỉ đạo (hiện: ${label})`);
      if (!actor.answersForOwner) return forbid('Chỉ đơn vị được giao xử lý trả lời kiến nghị này');
      return {
        ok: true,
        state: { status: 'resolved', ownerRole: null, ownerUnitId: state.ownerUnitId, dueDate: null },
      };
  }
}

/** Sample actions used to ask "may this actor do X now?" (texts long enough to pass their own checks). */
const PROBES: Record<ObstacleTransitionType, (today: string) => ObstacleAction> = {
  forward: () => ({ type: 'forward', note: '' }),
  merge: () => ({ type: 'merge', intoId: '00000000-0000-4000-8000-000000000000' }),
  decline: () => ({ type: 'decline', reason: 'kiểm tra' }),
  direct: (today) => ({
    type: 'direct',
    direction: 'kiểm tra',
    ownerUnitId: '00000000-0000-4000-8000-000000000000',
    dueDate: today,
  }),
  answer: () => ({ type: 'answer', answer: 'kiểm tra' }),
};

/** The steps the actor may take now — the web shows exactly these buttons. */
export function availableObstacleActions(
  state: Pick<ObstacleState, 'status' | 'ownerUnitId'>,
  actor: ObstacleActor,
  today: string,
): ObstacleTransitionType[] {
  return OBSTACLE_TRANSITIONS.filter((t) => obstacleTransition(state, PROBES[t](today), actor, today).ok);
}

/** Overdue is derived, never stored: still open after its due date (local dates, Asia/Ho_Chi_Minh). */
export function isObstacleOverdue(
  o: { status: ObstacleStatus; dueDate: string | null },
  today: string,
): boolean {
  return (
    (OPEN_OBSTACLE_STATUSES as readonly string[]).includes(o.status) &&
    o.dueDate !== null &&
    o.dueDate < today
  );
}

/**
 * Whether `source` may be merged into `target` (the DX office consolidates duplicates into one item that goes up):
 * a different item of the same province, still with the DX office or already forwarded to leadership.
 */
export function mergeRefusal(
  source: { id: string; provinceId: string },
  target: { id: string; provinceId: string; status: ObstacleStatus },
): string | null {
  if (source.id === target.id) return 'Không gộp được kiến nghị vào chính nó';
  if (source.provinceId !== target.provinceId) return 'Chỉ gộp được kiến nghị trong cùng tỉnh, thành phố';
  if (target.status !== 'raised' && target.status !== 'forwarded')
    return 'Chỉ gộp được vào kiến nghị đang chờ tổng hợp hoặc đã chuyển lãnh đạo';
  return null;
}
