import { z } from 'zod';
import { type Grant, type Role, role } from '../access';

/**
 * The approval road of a budget estimate or supplementary request (plan 54 IV, V.1.d, V.2, V.3.a):
 * unit → DX office consolidates → Finance appraises → People's Committee approves, or returns with reasons.
 * The chain is configuration, not code: in 2025 the DX office moved from the Department of Information and
 * Communications to the Department of Science and Technology, so a step names a role and optionally a unit.
 */
export const approvalStep = z.object({
  key: z
    .string()
    .max(40)
    .regex(/^[a-z_]+$/),
  label: z.string().min(2).max(200),
  role,
  /** The unit whose holders of `role` act at this step (e.g. Sở Tài chính); null = any unit in scope. */
  unitId: z.uuid().nullable().default(null),
  /** Whether this step may change amounts line by line (with a reason). */
  canAdjust: z.boolean().default(false),
});
export type ApprovalStep = z.infer<typeof approvalStep>;
export const approvalChain = z
  .array(approvalStep)
  .min(1, 'Quy trình cần ít nhất một bước')
  .max(10, 'Quy trình tối đa 10 bước')
  .superRefine((steps, ctx) => {
    const seen = new Set<string>();
    steps.forEach((s, i) => {
      if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'Mã bước bị trùng' });
      seen.add(s.key);
    });
  });
export type ApprovalChain = z.infer<typeof approvalChain>;

/**
 * Plan 54's default road (V.1.d, V.2): DX office → Finance → People's Committee leadership, in neutral words; a
 * province's own ("Sở KH&CN tổng hợp", "UBND tỉnh phê duyệt") come from its settings (province-settings/documents.ts
 * defaultBudgetChainOf).
 */
export const DEFAULT_BUDGET_CHAIN: ApprovalChain = [
  {
    key: 'dx_office_review',
    label: 'Cơ quan thường trực chuyển đổi số tổng hợp',
    role: 'dx_office',
    unitId: null,
    canAdjust: false,
  },
  {
    key: 'finance_appraisal',
    label: 'Sở Tài chính thẩm định',
    role: 'finance',
    unitId: null,
    canAdjust: true,
  },
  {
    key: 'leadership_approval',
    label: 'Ủy ban nhân dân tỉnh, thành phố phê duyệt',
    role: 'leadership',
    unitId: null,
    canAdjust: false,
  },
];

export type ApprovalState =
  | { status: 'draft'; round: number }
  | { status: 'in_review'; round: number; stepIndex: number }
  | { status: 'returned'; round: number; fromStep: number; reason: string }
  | { status: 'approved'; round: number };

export type ApprovalAction =
  | { type: 'submit' }
  | { type: 'forward' } // accept at this step and pass to the next one
  | { type: 'adjust'; reason: string } // change amounts at a step that may adjust, with a reason (state does not move)
  | { type: 'return'; reason: string }
  | { type: 'approve' };

export type ApprovalActor = {
  grants: readonly Grant[] /** is the actor an officer of the owning unit (or above)? */;
  ownsSubject: boolean;
};

export type TransitionResult =
  | { ok: true; state: ApprovalState }
  | { ok: false; code: 'WORKFLOW.INVALID_TRANSITION' | 'AUTH.FORBIDDEN'; message: string };

/** Whether the actor holds `role` (at `unitId` or anywhere when null). */
const roleCheck = (actor: ApprovalActor) => (r: Role, unitId: string | null) =>
  actor.grants.some((g) => g.role === r && (unitId === null || g.unitId === unitId || g.unitId === null));

/** Applies an action; refuses with a stable code what the road does not allow. Pure. */
export function transition(
  chain: ApprovalChain,
  state: ApprovalState,
  action: ApprovalAction,
  actor: ApprovalActor,
): TransitionResult {
  const refuse = (message: string): TransitionResult => ({
    ok: false,
    code: 'WORKFLOW.INVALID_TRANSITION',
    message,
  });
  const forbid = (message: string): TransitionResult => ({ ok: false, code: 'AUTH.FORBIDDEN', message });
  const hasRole = roleCheck(actor);

  if (action.type === 'submit') {
    if (state.status !== 'draft' && state.status !== 'returned')
      return refuse('Chỉ gửi được bản nháp hoặc bản bị trả lại');
    if (!actor.ownsSubject || !hasRole('unit_officer', null))
      return forbid('Chỉ cán bộ của đơn vị lập dự toán được gửi');
    return {
      ok: true,
      state: {
        status: 'in_review',
        round: state.status === 'returned' ? state.round + 1 : state.round,
        stepIndex: 0,
      },
    };
  }
  if (state.status !== 'in_review') return refuse('Hồ sơ không ở bước xem xét');
  const step = chain[state.stepIndex];
  if (!step) return refuse('Bước không tồn tại trong quy trình');
  if (!hasRole(step.role, step.unitId)) return forbid(`Bước "${step.label}" do ${step.role} thực hiện`);
  const isLast = state.stepIndex === chain.length - 1;
  switch (action.type) {
    case 'forward':
      if (isLast) return refuse('Bước cuối: phê duyệt hoặc trả lại');
      return { ok: true, state: { ...state, stepIndex: state.stepIndex + 1 } };
    case 'approve':
      if (!isLast) return refuse('Chỉ bước cuối được phê duyệt');
      return { ok: true, state: { status: 'approved', round: state.round } };
    case 'adjust':
      if (!step.canAdjust) return refuse(`Bước "${step.label}" không được điều chỉnh số tiền`);
      if (action.reason.trim().length < 5) return refuse('Điều chỉnh cần nêu lý do (ít nhất 5 ký tự)');
      return { ok: true, state };
    case 'return':
      if (action.reason.trim().length < 5) return refuse('Trả lại cần nêu lý do (ít nhất 5 ký tự)');
      return {
        ok: true,
        state: {
          status: 'returned',
          round: state.round,
          fromStep: state.stepIndex,
          reason: action.reason.trim(),
        },
      };
  }
}

/** The actions the actor may take now — the web enables exactly these buttons. */
export function availableActions(
  chain: ApprovalChain,
  state: ApprovalState,
  actor: ApprovalActor,
): ApprovalAction['type'][] {
  const candidates: ApprovalAction[] = [
    { type: 'submit' },
    { type: 'forward' },
    { type: 'adjust', reason: 'kiểm tra' },
    { type: 'return', reason: 'kiểm tra' },
    { type: 'approve' },
  ];
  return candidates.filter((a) => transition(chain, state, a, actor).ok).map((a) => a.type);
}

export const APPROVAL_ACTION_TYPES = ['submit', 'forward', 'adjust', 'return', 'approve'] as const;
export type ApprovalActionType = (typeof APPROVAL_ACTION_TYPES)[number];

/** The stored columns of a subject on the road (status, round, step, why it was returned). */
export type ApprovalColumns = {
  status: ApprovalState['status'];
  round: number;
  stepIndex: number | null;
  returnedFromStep: number | null;
  returnReason: string | null;
};

/** Rebuilds the state machine's state from stored columns. */
export function approvalStateOf(c: ApprovalColumns): ApprovalState {
  switch (c.status) {
    case 'draft':
      return { status: 'draft', round: c.round };
    case 'in_review':
      return { status: 'in_review', round: c.round, stepIndex: c.stepIndex ?? 0 };
    case 'returned':
      return {
        status: 'returned',
        round: c.round,
        fromStep: c.returnedFromStep ?? 0,
        reason: c.returnReason ?? '',
      };
    case 'approved':
      return { status: 'approved', round: c.round };
  }
}

/** The columns to store for a state. */
export function approvalColumnsOf(s: ApprovalState): ApprovalColumns {
  return {
    status: s.status,
    round: s.round,
    stepIndex: s.status === 'in_review' ? s.stepIndex : null,
    returnedFromStep: s.status === 'returned' ? s.fromStep : null,
    returnReason: s.status === 'returned' ? s.reason : null,
  };
}

/** The step a subject waits at (null unless in review). */
export function currentStep(chain: ApprovalChain, s: ApprovalState): ApprovalStep | null {
  return s.status === 'in_review' ? (chain[s.stepIndex] ?? null) : null;
}

/** The setting key holding a province's budget approval chain (editable by the province administrator). */
export const budgetChainSettingKey = (provinceId: string) => `budget.approval_chain:${provinceId}`;

/**
 * A stored chain, or the default (the province's own, else DEFAULT_BUDGET_CHAIN) when none is stored or the stored
 * value no longer validates.
 */
export function chainFromSetting(
  value: unknown,
  fallback: ApprovalChain = DEFAULT_BUDGET_CHAIN,
): ApprovalChain {
  if (value === null || value === undefined) return fallback;
  const parsed = approvalChain.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}
