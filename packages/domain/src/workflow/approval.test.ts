import { describe, expect, it } from 'vitest';
import type { Grant } from '../access';
import { type ApprovalActor, type ApprovalState, availableActions, DEFAULT_BUDGET_CHAIN as chain, transition } from './approval';

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
      [{ type: 'adjust' }, finance],
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
    expect(r).toEqual({ ok: true, state: { status: 'returned', round: 1, fromStep: 1, reason: 'Thiếu căn cứ đơn giá' } });
    if (r.ok) expect(transition(chain, r.state, { type: 'submit' }, unit)).toEqual({ ok: true, state: { status: 'in_review', round: 2, stepIndex: 0 } });
  });

  // Every refused transition and actor.
  it.each([
    ['another unit submits', draft, { type: 'submit' }, otherUnit, 'AUTH.FORBIDDEN'],
    ['DX office submits for a unit', draft, { type: 'submit' }, dx, 'AUTH.FORBIDDEN'],
    ['submit twice', at(0), { type: 'submit' }, unit, 'WORKFLOW.INVALID_TRANSITION'],
    ['Finance acts at the DX office step', at(0), { type: 'forward' }, finance, 'AUTH.FORBIDDEN'],
    ['DX office adjusts amounts', at(0), { type: 'adjust' }, dx, 'WORKFLOW.INVALID_TRANSITION'],
    ['DX office approves', at(0), { type: 'approve' }, dx, 'WORKFLOW.INVALID_TRANSITION'],
    ['leadership forwards past the end', at(2), { type: 'forward' }, leader, 'WORKFLOW.INVALID_TRANSITION'],
    ['leadership acts at the Finance step', at(1), { type: 'approve' }, leader, 'AUTH.FORBIDDEN'],
    ['unit forwards its own estimate', at(0), { type: 'forward' }, unit, 'AUTH.FORBIDDEN'],
    ['anything on a draft', draft, { type: 'forward' }, dx, 'WORKFLOW.INVALID_TRANSITION'],
    ['anything once approved', { status: 'approved', round: 1 }, { type: 'return', reason: 'muộn quá rồi' }, leader, 'WORKFLOW.INVALID_TRANSITION'],
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
    const oldDxOffice: ApprovalActor = { grants: [{ role: 'dx_office', unitId: 'old-dic', provinceId: 'p' }], ownsSubject: false };
    const newDxOffice: ApprovalActor = { grants: [{ role: 'dx_office', unitId: dost, provinceId: 'p' }], ownsSubject: false };
    expect(transition(chain2025, at(0), { type: 'forward' }, oldDxOffice).ok).toBe(false);
    expect(transition(chain2025, at(0), { type: 'forward' }, newDxOffice).ok).toBe(true);
  });
});
