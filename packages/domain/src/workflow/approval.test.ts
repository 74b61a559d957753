import { describe, expect, it } from 'vitest';
import type { Grant } from '../access';
import {
  APPROVAL_ACTION_TYPES,
  type ApprovalAction,
  type ApprovalActionType,
  type ApprovalActor,
  type ApprovalState,
  approvalChain,
  approvalColumnsOf,
  approvalStateOf,
  availableActions,
  budgetChainSettingKey,
  DEFAULT_BUDGET_CHAIN as chain,
  chainFromSetting,
  currentStep,
  transition,
} from './approval';

const g = (role: Grant['role']): Grant => ({ role, unitId: 'u1', provinceId: 'p' });
const unit: ApprovalActor = { grants: [g('unit_officer')], ownsSubject: true };
const otherUnit: ApprovalActor = { grants: [g('unit_officer')], ownsSubject: false };
const dx: ApprovalActor = { grants: [g('dx_office')], ownsSubject: false };
const finance: ApprovalActor = { grants: [g('finance')], ownsSubject: false };
const leader: ApprovalActor = { grants: [g('leadership')], ownsSubject: false };
const draft: ApprovalState = { status: 'draft', round: 1 };
const at = (stepIndex: number): ApprovalState => ({ status: 'in_review', round: 1, stepIndex });

describe('budget approval road (plan 54 IV, V.1.d, V.2)', () => {
  it('goes unit → DX office → Finance → leadership', () => {
    let s: ApprovalState = draft;
    for (const [action, actor] of [
      [{ type: 'submit' }, unit],
      [{ type: 'forward' }, dx],
      [{ type: 'adjust', reason: 'Đơn giá theo định mức' }, finance],
      [{ type: 'forward' }, finance],
      [{ type: 'approve' }, leader],
    ] as const) {
      const r = transition(chain, s, action, actor);
      expect(r.ok).toBe(true);
      if (r.ok) s = r.state;
    }
    expect(s).toEqual({ status: 'approved', round: 1 });
  });

  it('a return needs a reason and a resubmission opens a new round', () => {
    expect(transition(chain, at(1), { type: 'return', reason: '' }, finance).ok).toBe(false);
    const r = transition(chain, at(1), { type: 'return', reason: 'Thiếu căn cứ đơn giá' }, finance);
    expect(r).toEqual({
      ok: true,
      state: { status: 'returned', round: 1, fromStep: 1, reason: 'Thiếu căn cứ đơn giá' },
    });
    if (r.ok)
      expect(transition(chain, r.state, { type: 'submit' }, unit)).toEqual({
        ok: true,
        state: { status: 'in_review', round: 2, stepIndex: 0 },
      });
  });

  // Every refused transition and actor.
  it.each([
    ['another unit submits', draft, { type: 'submit' }, otherUnit, 'AUTH.FORBIDDEN'],
    ['DX office submits for a unit', draft, { type: 'submit' }, dx, 'AUTH.FORBIDDEN'],
    ['submit twice', at(0), { type: 'submit' }, unit, 'WORKFLOW.INVALID_TRANSITION'],
    ['Finance acts at the DX office step', at(0), { type: 'forward' }, finance, 'AUTH.FORBIDDEN'],
    [
      'DX office adjusts amounts',
      at(0),
      { type: 'adjust', reason: 'Đơn giá cao' },
      dx,
      'WORKFLOW.INVALID_TRANSITION',
    ],
    ['DX office approves', at(0), { type: 'approve' }, dx, 'WORKFLOW.INVALID_TRANSITION'],
    ['leadership forwards past the end', at(2), { type: 'forward' }, leader, 'WORKFLOW.INVALID_TRANSITION'],
    ['leadership acts at the Finance step', at(1), { type: 'approve' }, leader, 'AUTH.FORBIDDEN'],
    ['unit forwards its own estimate', at(0), { type: 'forward' }, unit, 'AUTH.FORBIDDEN'],
    ['anything on a draft', draft, { type: 'forward' }, dx, 'WORKFLOW.INVALID_TRANSITION'],
    [
      'anything once approved',
      { status: 'approved', round: 1 },
      { type: 'return', reason: 'muộn quá rồi' },
      leader,
      'WORKFLOW.INVALID_TRANSITION',
    ],
  ] as const)('refuses: %s', (_name, state, action, actor, code) => {
    const r = transition(chain, state as ApprovalState, action, actor);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('lists exactly the actions the server will accept', () => {
    expect(availableActions(chain, draft, unit)).toEqual(['submit']);
    expect(availableActions(chain, at(0), dx)).toEqual(['forward', 'return']);
    expect(availableActions(chain, at(1), finance)).toEqual(['forward', 'adjust', 'return']);
    expect(availableActions(chain, at(2), leader)).toEqual(['return', 'approve']);
    expect(availableActions(chain, at(1), dx)).toEqual([]);
  });

  it('follows a reconfigured chain (2025: the DX office is the Department of Science and Technology)', () => {
    const dost = '11111111-1111-4111-8111-111111111111';
    const chain2025 = [{ ...chain[0]!, unitId: dost }, chain[1]!, chain[2]!];
    const oldDxOffice: ApprovalActor = {
      grants: [{ role: 'dx_office', unitId: 'old-dic', provinceId: 'p' }],
      ownsSubject: false,
    };
    const newDxOffice: ApprovalActor = {
      grants: [{ role: 'dx_office', unitId: dost, provinceId: 'p' }],
      ownsSubject: false,
    };
    expect(transition(chain2025, at(0), { type: 'forward' }, oldDxOffice).ok).toBe(false);
    expect(transition(chain2025, at(0), { type: 'forward' }, newDxOffice).ok).toBe(true);
  });
});

const admin: ApprovalActor = {
  grants: [{ role: 'administrator', unitId: null, provinceId: null }],
  ownsSubject: false,
};
const viewer: ApprovalActor = { grants: [g('viewer')], ownsSubject: true };
const returned: ApprovalState = { status: 'returned', round: 1, fromStep: 1, reason: 'Thiếu căn cứ' };
const approved: ApprovalState = { status: 'approved', round: 1 };
const actionOf = (type: ApprovalActionType, reason = 'Lý do đầy đủ'): ApprovalAction =>
  type === 'return' || type === 'adjust' ? { type, reason } : ({ type } as ApprovalAction);

/**
 * Every state × actor × action on the default road. Written out by hand (not derived from the code): `allowed` lists
 * what succeeds, `forbidden` what is refused because of who acts (403); everything else is refused as a wrong move
 * in this state (409).
 */
const TABLE: [string, ApprovalState, string, ApprovalActor, ApprovalActionType[], ApprovalActionType[]][] = [
  ['draft', draft, 'own unit', unit, ['submit'], []],
  ['draft', draft, 'other unit', otherUnit, [], ['submit']],
  ['draft', draft, 'DX office', dx, [], ['submit']],
  ['draft', draft, 'Finance', finance, [], ['submit']],
  ['draft', draft, 'leadership', leader, [], ['submit']],
  ['draft', draft, 'administrator', admin, [], ['submit']],
  ['draft', draft, 'viewer of the unit', viewer, [], ['submit']],
  ['returned', returned, 'own unit', unit, ['submit'], []],
  ['returned', returned, 'other unit', otherUnit, [], ['submit']],
  ['returned', returned, 'DX office', dx, [], ['submit']],
  ['returned', returned, 'Finance', finance, [], ['submit']],
  ['returned', returned, 'leadership', leader, [], ['submit']],
  ['returned', returned, 'administrator', admin, [], ['submit']],
  ['returned', returned, 'viewer of the unit', viewer, [], ['submit']],
  ['at DX office', at(0), 'own unit', unit, [], ['forward', 'adjust', 'return', 'approve']],
  ['at DX office', at(0), 'other unit', otherUnit, [], ['forward', 'adjust', 'return', 'approve']],
  ['at DX office', at(0), 'DX office', dx, ['forward', 'return'], []],
  ['at DX office', at(0), 'Finance', finance, [], ['forward', 'adjust', 'return', 'approve']],
  ['at DX office', at(0), 'leadership', leader, [], ['forward', 'adjust', 'return', 'approve']],
  ['at DX office', at(0), 'administrator', admin, [], ['forward', 'adjust', 'return', 'approve']],
  ['at DX office', at(0), 'viewer', viewer, [], ['forward', 'adjust', 'return', 'approve']],
  ['at Finance', at(1), 'own unit', unit, [], ['forward', 'adjust', 'return', 'approve']],
  ['at Finance', at(1), 'other unit', otherUnit, [], ['forward', 'adjust', 'return', 'approve']],
  ['at Finance', at(1), 'DX office', dx, [], ['forward', 'adjust', 'return', 'approve']],
  ['at Finance', at(1), 'Finance', finance, ['forward', 'adjust', 'return'], []],
  ['at Finance', at(1), 'leadership', leader, [], ['forward', 'adjust', 'return', 'approve']],
  ['at Finance', at(1), 'administrator', admin, [], ['forward', 'adjust', 'return', 'approve']],
  ['at Finance', at(1), 'viewer', viewer, [], ['forward', 'adjust', 'return', 'approve']],
  ['at leadership', at(2), 'own unit', unit, [], ['forward', 'adjust', 'return', 'approve']],
  ['at leadership', at(2), 'other unit', otherUnit, [], ['forward', 'adjust', 'return', 'approve']],
  ['at leadership', at(2), 'DX office', dx, [], ['forward', 'adjust', 'return', 'approve']],
  ['at leadership', at(2), 'Finance', finance, [], ['forward', 'adjust', 'return', 'approve']],
  ['at leadership', at(2), 'leadership', leader, ['return', 'approve'], []],
  ['at leadership', at(2), 'administrator', admin, [], ['forward', 'adjust', 'return', 'approve']],
  ['at leadership', at(2), 'viewer', viewer, [], ['forward', 'adjust', 'return', 'approve']],
  ['approved', approved, 'own unit', unit, [], []],
  ['approved', approved, 'DX office', dx, [], []],
  ['approved', approved, 'Finance', finance, [], []],
  ['approved', approved, 'leadership', leader, [], []],
  ['approved', approved, 'administrator', admin, [], []],
];

describe('every transition × actor on the default road', () => {
  // One test per state: it tries every actor with every action and reports one table of the differences from TABLE.
  for (const stateName of [...new Set(TABLE.map(([name]) => name))]) {
    it(stateName, () => {
      const differences: string[] = [];
      for (const [name, state, actorName, actor, allowed, forbidden] of TABLE) {
        if (name !== stateName) continue;
        for (const type of APPROVAL_ACTION_TYPES) {
          const expected = allowed.includes(type)
            ? 'ok'
            : forbidden.includes(type)
              ? 'AUTH.FORBIDDEN'
              : 'WORKFLOW.INVALID_TRANSITION';
          const r = transition(chain, state, actionOf(type), actor);
          const actual = r.ok ? 'ok' : r.code;
          if (actual !== expected)
            differences.push(`${actorName} ${type}: expected ${expected}, got ${actual}`);
        }
        const sees = availableActions(chain, state, actor);
        const shouldSee = APPROVAL_ACTION_TYPES.filter((t) => allowed.includes(t));
        if (JSON.stringify(sees) !== JSON.stringify(shouldSee))
          differences.push(`${actorName} sees [${sees.join(', ')}], expected [${shouldSee.join(', ')}]`);
      }
      expect(differences, `actors whose answer differs from the table at ${stateName}`).toEqual([]);
    });
  }

  it('moves to the right next state for each allowed move', () => {
    expect(transition(chain, at(0), { type: 'forward' }, dx)).toEqual({ ok: true, state: at(1) });
    expect(transition(chain, at(1), { type: 'forward' }, finance)).toEqual({ ok: true, state: at(2) });
    expect(transition(chain, at(1), actionOf('adjust'), finance)).toEqual({ ok: true, state: at(1) });
    expect(transition(chain, at(2), { type: 'approve' }, leader)).toEqual({ ok: true, state: approved });
    expect(transition(chain, draft, { type: 'submit' }, unit)).toEqual({ ok: true, state: at(0) });
    expect(transition(chain, at(2), { type: 'return', reason: '  Vượt khả năng cân đối  ' }, leader)).toEqual(
      {
        ok: true,
        state: { status: 'returned', round: 1, fromStep: 2, reason: 'Vượt khả năng cân đối' },
      },
    );
  });

  it('an adjustment needs a reason', () => {
    expect(transition(chain, at(1), { type: 'adjust', reason: ' ab ' }, finance)).toMatchObject({
      ok: false,
      code: 'WORKFLOW.INVALID_TRANSITION',
    });
  });

  it('a step outside the chain refuses everything', () => {
    expect(transition(chain, at(7), { type: 'forward' }, dx)).toMatchObject({
      ok: false,
      code: 'WORKFLOW.INVALID_TRANSITION',
    });
  });
});

describe('a chain of one step and a chain with a unit-bound Finance step', () => {
  const finUnit = '22222222-2222-4222-8222-222222222222';
  const single = approvalChain.parse([{ key: 'approval', label: 'Phê duyệt', role: 'leadership' }]);
  it('the only step both approves and returns; nothing to forward to', () => {
    expect(availableActions(single, at(0), leader)).toEqual(['return', 'approve']);
  });
  it('Finance elsewhere may not act when the step names Sở Tài chính', () => {
    const bound = [chain[0]!, { ...chain[1]!, unitId: finUnit }, chain[2]!];
    const elsewhere: ApprovalActor = {
      grants: [{ role: 'finance', unitId: 'district-finance', provinceId: 'p' }],
      ownsSubject: false,
    };
    const there: ApprovalActor = {
      grants: [{ role: 'finance', unitId: finUnit, provinceId: 'p' }],
      ownsSubject: false,
    };
    expect(transition(bound, at(1), { type: 'forward' }, elsewhere)).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(availableActions(bound, at(1), there)).toEqual(['forward', 'adjust', 'return']);
  });
});

describe('chain configuration and stored state', () => {
  it('validates a chain: at least one step, unique keys, known roles', () => {
    expect(approvalChain.safeParse([]).success).toBe(false);
    expect(approvalChain.safeParse([chain[0], chain[0]]).success).toBe(false);
    expect(approvalChain.safeParse([{ ...chain[0], role: 'mayor' }]).success).toBe(false);
    expect(approvalChain.safeParse([{ ...chain[0], unitId: 'not-a-uuid' }]).success).toBe(false);
    expect(approvalChain.safeParse(chain).success).toBe(true);
  });
  it('a missing or broken setting falls back to the default road', () => {
    expect(chainFromSetting(null)).toEqual(chain);
    expect(chainFromSetting([{ key: 'X' }])).toEqual(chain);
    const one = [{ key: 'approval', label: 'Phê duyệt', role: 'leadership', unitId: null, canAdjust: false }];
    expect(chainFromSetting(one)).toEqual(one);
    expect(budgetChainSettingKey('p1')).toBe('budget.approval_chain:p1');
  });
  it('stored columns round-trip through the state', () => {
    for (const s of [draft, at(2), returned, approved])
      expect(approvalStateOf(approvalColumnsOf(s))).toEqual(s);
    expect(currentStep(chain, at(1))?.key).toBe('finance_appraisal');
    expect(currentStep(chain, draft)).toBeNull();
  });
});
