import { describe, expect, it } from 'vitest';
import type { Grant, Role } from '../access';
import {
  availableObstacleActions,
  isObstacleOverdue,
  mergeRefusal,
  OBSTACLE_STATUSES,
  OBSTACLE_TRANSITIONS,
  type ObstacleAction,
  type ObstacleActor,
  type ObstacleStatus,
  type ObstacleTransitionType,
  obstacleAction,
  obstacleActor,
  obstacleTransition,
  raisedState,
  raiseObstacleInput,
} from './obstacle';

const TODAY = '2025-06-10';
const OWNER = '11111111-1111-4111-8111-111111111111';
const HP = 'hp';
const DISTRICT = 'district';
const COMMUNE = 'commune';
const SIBLING = 'sibling';

/** Actors as the use case computes them: by role and where they are granted, for an item owned by the commune. */
const grant = (role: Role, unitId: string | null): Grant => ({
  role,
  unitId,
  provinceId: unitId === null ? null : HP,
});
const where = {
  province: { provinceId: HP, path: [HP] },
  owner: { provinceId: HP, path: [HP, DISTRICT, COMMUNE] },
};
const ACTORS: Record<string, ObstacleActor> = {
  dx_office: obstacleActor([grant('dx_office', HP)], where),
  leadership: obstacleActor([grant('leadership', HP)], where),
  administrator: obstacleActor([grant('administrator', null)], where),
  owner_officer: obstacleActor([grant('unit_officer', COMMUNE)], where),
  district_officer: obstacleActor([grant('unit_officer', DISTRICT)], where),
  sibling_officer: obstacleActor([grant('unit_officer', SIBLING)], where),
  finance: obstacleActor([grant('finance', HP)], where),
  viewer: obstacleActor([grant('viewer', HP)], where),
  other_province_dx: obstacleActor([{ role: 'dx_office', unitId: 'hd', provinceId: 'hd' }], where),
};

const ACTIONS: Record<ObstacleTransitionType, ObstacleAction> = {
  forward: { type: 'forward', note: 'Tổng hợp' },
  merge: { type: 'merge', intoId: OWNER },
  decline: { type: 'decline', reason: 'Đã có hướng dẫn' },
  direct: { type: 'direct', direction: 'Giao xã xử lý', ownerUnitId: OWNER, dueDate: '2025-07-01' },
  answer: { type: 'answer', answer: 'Đã khắc phục xong' },
};

/** The whole table: which status each step starts from, and who may take it. */
const FROM: Record<ObstacleTransitionType, ObstacleStatus> = {
  forward: 'raised',
  merge: 'raised',
  decline: 'raised',
  direct: 'forwarded',
  answer: 'directed',
};
const WHO: Record<ObstacleTransitionType, string[]> = {
  forward: ['dx_office', 'administrator'],
  merge: ['dx_office', 'administrator'],
  decline: ['dx_office', 'administrator'],
  // obstacle.direct: leadership; the DX office records a direction on leadership's behalf.
  direct: ['leadership', 'dx_office', 'administrator'],
  // report.write over the owner unit: its officers, the units above it, the DX office of the province.
  answer: ['owner_officer', 'district_officer', 'dx_office', 'administrator'],
};
const TO: Record<ObstacleTransitionType, ObstacleStatus> = {
  forward: 'forwarded',
  merge: 'merged',
  decline: 'declined',
  direct: 'directed',
  answer: 'resolved',
};

describe('obstacle state machine: every step × every status × every actor', () => {
  // One test per step: it tries every status with every actor and reports one table of the pairs whose answer
  // differs from the machine's rule.
  for (const step of OBSTACLE_TRANSITIONS) {
    it(step, () => {
      const differences: string[] = [];
      for (const status of OBSTACLE_STATUSES) {
        for (const [name, actor] of Object.entries(ACTORS)) {
          const allowedActor = WHO[step].includes(name);
          const rightStatus = FROM[step] === status;
          const r = obstacleTransition({ status, ownerUnitId: OWNER }, ACTIONS[step], actor, TODAY);
          // answer checks the status first (an undirected item has no owner unit to speak for).
          const expected =
            allowedActor && rightStatus
              ? `allowed → ${TO[step]}`
              : !allowedActor
                ? step !== 'answer' || rightStatus
                  ? 'AUTH.FORBIDDEN'
                  : 'refused'
                : 'WORKFLOW.INVALID_TRANSITION';
          const actual = r.ok ? `allowed → ${r.state.status}` : expected === 'refused' ? 'refused' : r.code;
          if (actual !== expected)
            differences.push(`from ${status} by ${name}: expected ${expected}, got ${actual}`);
        }
      }
      expect(differences, `statuses and actors whose answer differs from the rule of ${step}`).toEqual([]);
    });
  }
});

describe('owners and due dates', () => {
  it('a raised item belongs to the DX office for 10 days', () => {
    expect(raisedState(TODAY)).toEqual({
      status: 'raised',
      ownerRole: 'dx_office',
      ownerUnitId: null,
      dueDate: '2025-06-20',
    });
  });
  it('forward passes it to leadership: the given due date, else 15 days', () => {
    const a = obstacleTransition(
      { status: 'raised', ownerUnitId: null },
      { type: 'forward', note: '' },
      ACTORS.dx_office!,
      TODAY,
    );
    expect(a).toEqual({
      ok: true,
      state: { status: 'forwarded', ownerRole: 'leadership', ownerUnitId: null, dueDate: '2025-06-25' },
    });
    const b = obstacleTransition(
      { status: 'raised', ownerUnitId: null },
      { type: 'forward', note: '', dueDate: '2025-06-12' },
      ACTORS.dx_office!,
      TODAY,
    );
    expect(b.ok && b.state.dueDate).toBe('2025-06-12');
  });
  it('a forward or direction due before today is refused', () => {
    const f = obstacleTransition(
      { status: 'raised', ownerUnitId: null },
      { type: 'forward', note: '', dueDate: '2025-06-09' },
      ACTORS.dx_office!,
      TODAY,
    );
    expect(f).toMatchObject({ ok: false, code: 'WORKFLOW.INVALID_TRANSITION' });
    const d = obstacleTransition(
      { status: 'forwarded', ownerUnitId: null },
      { ...ACTIONS.direct, dueDate: '2025-06-09' } as ObstacleAction,
      ACTORS.leadership!,
      TODAY,
    );
    expect(d).toMatchObject({ ok: false, code: 'WORKFLOW.INVALID_TRANSITION' });
  });
  it('direct names the owner unit and its due date; answer closes it', () => {
    const d = obstacleTransition(
      { status: 'forwarded', ownerUnitId: null },
      ACTIONS.direct,
      ACTORS.leadership!,
      TODAY,
    );
    expect(d).toEqual({
      ok: true,
      state: { status: 'directed', ownerRole: 'unit', ownerUnitId: OWNER, dueDate: '2025-07-01' },
    });
    const a = obstacleTransition(
      { status: 'directed', ownerUnitId: OWNER },
      ACTIONS.answer,
      ACTORS.owner_officer!,
      TODAY,
    );
    expect(a).toEqual({
      ok: true,
      state: { status: 'resolved', ownerRole: null, ownerUnitId: OWNER, dueDate: null },
    });
  });
  it('overdue: open and past its due date (the due day itself is not late)', () => {
    expect(isObstacleOverdue({ status: 'raised', dueDate: '2025-06-09' }, TODAY)).toBe(true);
    expect(isObstacleOverdue({ status: 'forwarded', dueDate: '2025-06-09' }, TODAY)).toBe(true);
    expect(isObstacleOverdue({ status: 'directed', dueDate: '2025-06-09' }, TODAY)).toBe(true);
    expect(isObstacleOverdue({ status: 'directed', dueDate: TODAY }, TODAY)).toBe(false);
    expect(isObstacleOverdue({ status: 'directed', dueDate: null }, TODAY)).toBe(false);
    for (const status of ['resolved', 'merged', 'declined'] as const)
      expect(isObstacleOverdue({ status, dueDate: '2025-01-01' }, TODAY)).toBe(false);
  });
});

describe('available actions (the buttons the web shows)', () => {
  it('match the state machine for each actor and status', () => {
    expect(
      availableObstacleActions({ status: 'raised', ownerUnitId: null }, ACTORS.dx_office!, TODAY),
    ).toEqual(['forward', 'merge', 'decline']);
    expect(
      availableObstacleActions({ status: 'raised', ownerUnitId: null }, ACTORS.leadership!, TODAY),
    ).toEqual([]);
    expect(
      availableObstacleActions({ status: 'forwarded', ownerUnitId: null }, ACTORS.leadership!, TODAY),
    ).toEqual(['direct']);
    expect(
      availableObstacleActions({ status: 'directed', ownerUnitId: OWNER }, ACTORS.owner_officer!, TODAY),
    ).toEqual(['answer']);
    expect(
      availableObstacleActions({ status: 'directed', ownerUnitId: OWNER }, ACTORS.sibling_officer!, TODAY),
    ).toEqual([]);
    for (const status of ['resolved', 'merged', 'declined'] as const)
      expect(availableObstacleActions({ status, ownerUnitId: OWNER }, ACTORS.administrator!, TODAY)).toEqual(
        [],
      );
  });
});

describe('merging duplicates', () => {
  const a = { id: 'a', provinceId: HP };
  it('into another item still with the DX office or with leadership', () => {
    expect(mergeRefusal(a, { id: 'b', provinceId: HP, status: 'raised' })).toBeNull();
    expect(mergeRefusal(a, { id: 'b', provinceId: HP, status: 'forwarded' })).toBeNull();
  });
  it('never into itself, another province, or a closed/merged item', () => {
    expect(mergeRefusal(a, { id: 'a', provinceId: HP, status: 'raised' })).toMatch(/chính nó/);
    expect(mergeRefusal(a, { id: 'b', provinceId: 'hd', status: 'raised' })).toMatch(/cùng tỉnh/);
    for (const status of ['directed', 'resolved', 'merged', 'declined'] as const)
      expect(mergeRefusal(a, { id: 'b', provinceId: HP, status })).not.toBeNull();
  });
});

describe('inputs', () => {
  it('raise: needs a unit, kind, title and description; trims', () => {
    const ok = raiseObstacleInput.safeParse({
      unitId: OWNER,
      kind: 'proposal',
      title: '  Thiếu kinh phí  ',
      description: 'Đề nghị bổ sung kinh phí in tờ rơi',
    });
    expect(ok.success && ok.data.title).toBe('Thiếu kinh phí');
    const bad = raiseObstacleInput.safeParse({ unitId: 'x', kind: 'wish', title: 'a', description: '' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual([
      'description',
      'kind',
      'title',
      'unitId',
    ]);
  });
  it('actions: each type has its own required fields', () => {
    expect(
      obstacleAction.safeParse({ type: 'direct', direction: 'Giao xử lý', dueDate: '2025-02-30' }).success,
    ).toBe(false);
    expect(obstacleAction.safeParse({ type: 'decline', reason: 'x' }).success).toBe(false);
    expect(obstacleAction.safeParse({ type: 'answer', answer: 'Đã xong việc' }).success).toBe(true);
    expect(obstacleAction.safeParse({ type: 'close' }).success).toBe(false);
  });
});
