import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { type ReorganisationInput, reorganisationInput, type UnitVersion } from './org-unit';
import { planReorganisation, type ReorgState } from './reorganisation';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PROVINCE = id(1);
const DISTRICT_A = id(2);
const DISTRICT_B = id(3);
const COMMUNE_1 = id(11);
const COMMUNE_2 = id(12);
const COMMUNE_3 = id(13);

const v = (unitId: string, over: Partial<UnitVersion> = {}): UnitVersion => ({
  unitId,
  code: null,
  name: `Đơn vị ${unitId.slice(-2)}`,
  kind: 'commune',
  adminType: 'Xã',
  parentUnitId: DISTRICT_A,
  validFrom: '2023-01-01',
  validTo: null,
  ...over,
});

/** Hải Phòng-like tree: province → districts A, B; communes 1, 2 under A, 3 under B (all since 2023-01-01). */
function state(
  over: {
    versions?: [string, UnitVersion[]][];
    children?: [string, UnitVersion[]][];
    ancestors?: [string, string[]][];
  } = {},
): ReorgState {
  const versions = new Map<string, UnitVersion[]>([
    [
      PROVINCE,
      [v(PROVINCE, { kind: 'province', parentUnitId: null, validFrom: null, name: 'Thành phố Hải Phòng' })],
    ],
    [DISTRICT_A, [v(DISTRICT_A, { kind: 'district', parentUnitId: PROVINCE, name: 'Quận A' })]],
    [DISTRICT_B, [v(DISTRICT_B, { kind: 'district', parentUnitId: PROVINCE, name: 'Quận B' })]],
    [COMMUNE_1, [v(COMMUNE_1, { name: 'Xã Một' })]],
    [COMMUNE_2, [v(COMMUNE_2, { name: 'Xã Hai' })]],
    [COMMUNE_3, [v(COMMUNE_3, { name: 'Xã Ba', parentUnitId: DISTRICT_B })]],
    ...(over.versions ?? []),
  ]);
  const childrenOn = new Map<string, UnitVersion[]>(over.children ?? []);
  const ancestorsOn = new Map<string, string[]>([
    [PROVINCE, [PROVINCE]],
    [DISTRICT_A, [PROVINCE, DISTRICT_A]],
    [DISTRICT_B, [PROVINCE, DISTRICT_B]],
    [COMMUNE_1, [PROVINCE, DISTRICT_A, COMMUNE_1]],
    ...(over.ancestors ?? []),
  ]);
  return { versionsByUnit: versions, childrenOn, ancestorsOn };
}
const childrenOfA: [string, UnitVersion[]] = [
  DISTRICT_A,
  [v(COMMUNE_1, { name: 'Xã Một' }), v(COMMUNE_2, { name: 'Xã Hai' })],
];

/** Parses like the route does (defaults applied) before planning. */
const plan = (raw: Record<string, unknown>, s = state()) =>
  planReorganisation(reorganisationInput.parse(raw) as ReorganisationInput, s);

/** The field paths of the refusal the planner raises. */
function refusal(fn: () => unknown): { path: (string | number)[]; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION.FAILED');
    return ((error as AppError).details as { issues: { path: (string | number)[]; message: string }[] })
      .issues;
  }
  throw new Error('expected the planner to refuse');
}
const paths = (fn: () => unknown) => refusal(fn).map((i) => i.path);

describe('planReorganisation: each type', () => {
  it('create: opens a new unit under its parent from the effective date', () => {
    const p = plan({
      type: 'create',
      effectiveDate: '2024-01-01',
      unit: { name: 'Xã Mới', kind: 'commune', parentUnitId: DISTRICT_A },
    });
    expect(p.creates).toHaveLength(1);
    expect(p.ops).toEqual([
      {
        op: 'open',
        unit: { newIndex: 0 },
        validFrom: '2024-01-01',
        fields: { code: null, name: 'Xã Mới', kind: 'commune', adminType: null, parentUnitId: DISTRICT_A },
      },
    ]);
  });

  it('rename: closes the current version and opens one with the new name, keeping the rest', () => {
    const p = plan({
      type: 'rename',
      effectiveDate: '2024-01-01',
      unitId: DISTRICT_A,
      name: '  Quận   A Mới ',
    });
    expect(p.creates).toEqual([]);
    expect(p.ops).toEqual([
      { op: 'close', unitId: DISTRICT_A, date: '2024-01-01' },
      {
        op: 'open',
        unit: { id: DISTRICT_A },
        validFrom: '2024-01-01',
        fields: { code: null, name: 'Quận A Mới', kind: 'district', adminType: 'Xã', parentUnitId: PROVINCE },
      },
    ]);
  });

  it('rename: may change code, admin type and kind too', () => {
    const p = plan({
      type: 'rename',
      effectiveDate: '2024-01-01',
      unitId: DISTRICT_A,
      name: 'Thành phố A',
      code: '999',
      adminType: 'Thành phố',
      kind: 'district',
    });
    expect(p.ops[1]).toMatchObject({ fields: { name: 'Thành phố A', code: '999', adminType: 'Thành phố' } });
  });

  it('move: reopens the unit under the new parent', () => {
    const p = plan({
      type: 'move',
      effectiveDate: '2024-01-01',
      unitId: COMMUNE_1,
      parentUnitId: DISTRICT_B,
    });
    expect(p.ops).toEqual([
      { op: 'close', unitId: COMMUNE_1, date: '2024-01-01' },
      {
        op: 'open',
        unit: { id: COMMUNE_1 },
        validFrom: '2024-01-01',
        fields: expect.objectContaining({ parentUnitId: DISTRICT_B, name: 'Xã Một' }),
      },
    ]);
  });

  it('end: closes the current version only', () => {
    expect(plan({ type: 'end', effectiveDate: '2024-01-01', unitId: COMMUNE_1 }).ops).toEqual([
      { op: 'close', unitId: COMMUNE_1, date: '2024-01-01' },
    ]);
  });

  it('merge into an existing unit: closes the sources, links them and moves their children to it', () => {
    const p = plan(
      {
        type: 'merge',
        effectiveDate: '2024-01-01',
        sources: [{ unitId: DISTRICT_A }, { unitId: DISTRICT_B, share: 'partial' }],
        intoUnitId: PROVINCE,
      },
      state({ children: [childrenOfA] }),
    );
    expect(p.ops).toEqual([
      { op: 'close', unitId: DISTRICT_A, date: '2024-01-01' },
      {
        op: 'link',
        predecessor: { id: DISTRICT_A },
        successor: { id: PROVINCE },
        share: 'full',
        receivesRecords: true,
      },
      { op: 'close', unitId: COMMUNE_1, date: '2024-01-01' },
      {
        op: 'open',
        unit: { id: COMMUNE_1 },
        validFrom: '2024-01-01',
        fields: expect.objectContaining({ parentUnitId: PROVINCE }),
      },
      { op: 'close', unitId: COMMUNE_2, date: '2024-01-01' },
      {
        op: 'open',
        unit: { id: COMMUNE_2 },
        validFrom: '2024-01-01',
        fields: expect.objectContaining({ parentUnitId: PROVINCE }),
      },
      // A partially merged unit keeps existing, and its records (it still stands for itself).
      {
        op: 'link',
        predecessor: { id: DISTRICT_B },
        successor: { id: PROVINCE },
        share: 'partial',
        receivesRecords: false,
      },
    ]);
  });

  it('merge into a new unit: creates it and links every source to it', () => {
    const p = plan({
      type: 'merge',
      effectiveDate: '2024-01-01',
      sources: [{ unitId: COMMUNE_1 }, { unitId: COMMUNE_2 }],
      intoNew: { name: 'Xã Hợp Nhất', kind: 'commune', parentUnitId: DISTRICT_A },
    });
    expect(p.creates.map((c) => c.name)).toEqual(['Xã Hợp Nhất']);
    expect(p.ops.filter((o) => o.op === 'link')).toEqual([
      {
        op: 'link',
        predecessor: { id: COMMUNE_1 },
        successor: { newIndex: 0 },
        share: 'full',
        receivesRecords: true,
      },
      {
        op: 'link',
        predecessor: { id: COMMUNE_2 },
        successor: { newIndex: 0 },
        share: 'full',
        receivesRecords: true,
      },
    ]);
    expect(p.ops.filter((o) => o.op === 'close').map((o) => (o as { unitId: string }).unitId)).toEqual([
      COMMUNE_1,
      COMMUNE_2,
    ]);
  });

  it('split into new units: the source ends and each new unit gets a partial link', () => {
    const p = plan({
      type: 'split',
      effectiveDate: '2024-01-01',
      unitId: COMMUNE_1,
      into: [
        { name: 'Xã Bắc', kind: 'commune', parentUnitId: DISTRICT_A },
        { name: 'Xã Nam', kind: 'commune', parentUnitId: DISTRICT_A },
      ],
    });
    expect(p.creates).toHaveLength(2);
    expect(p.ops.filter((o) => o.op === 'link').map((o) => (o as { share: string }).share)).toEqual([
      'partial',
      'partial',
    ]);
    expect(p.ops.at(-1)).toEqual({ op: 'close', unitId: COMMUNE_1, date: '2024-01-01' });
    // By default each new unit receives the records by the share recorded.
    expect(
      p.ops.filter((o) => o.op === 'link').map((o) => (o as { receivesRecords: boolean }).receivesRecords),
    ).toEqual([true, true]);
  });

  it('split: the records of the ended unit go to the one successor chosen', () => {
    const p = plan({
      type: 'split',
      effectiveDate: '2024-01-01',
      unitId: COMMUNE_1,
      into: [
        { name: 'Xã Bắc', kind: 'commune', parentUnitId: DISTRICT_A },
        { name: 'Xã Nam', kind: 'commune', parentUnitId: DISTRICT_A },
      ],
      recordsTo: 1,
    });
    expect(
      p.ops.filter((o) => o.op === 'link').map((o) => (o as { receivesRecords: boolean }).receivesRecords),
    ).toEqual([false, true]);
    const bad = refusal(() =>
      plan({
        type: 'split',
        effectiveDate: '2024-01-01',
        unitId: COMMUNE_1,
        into: [
          { name: 'Xã Bắc', kind: 'commune', parentUnitId: DISTRICT_A },
          { name: 'Xã Nam', kind: 'commune', parentUnitId: DISTRICT_A },
        ],
        recordsTo: 2,
      }),
    );
    expect(bad.map((i) => i.path)).toEqual([['recordsTo']]);
  });

  it('split with the source continuing: the source is not closed', () => {
    const p = plan(
      {
        type: 'split',
        effectiveDate: '2024-01-01',
        unitId: DISTRICT_A,
        sourceContinues: true,
        into: [{ name: 'Quận Tách', kind: 'district', parentUnitId: PROVINCE }],
      },
      state({ children: [childrenOfA] }),
    );
    expect(p.ops.some((o) => o.op === 'close')).toBe(false);
    expect(p.ops.find((o) => o.op === 'link')).toMatchObject({ share: 'partial', receivesRecords: false });
  });
});

describe('planReorganisation: refusals', () => {
  it("refuses an effective date not after the unit's last change", () => {
    const issues = refusal(() =>
      plan({ type: 'rename', effectiveDate: '2023-01-01', unitId: DISTRICT_A, name: 'Quận A2' }),
    );
    expect(issues.map((i) => i.path)).toEqual([['unitId']]);
    expect(issues[0]!.message).toContain('01/01/2023');
  });

  it('refuses a unit that is not valid on the date (before it existed, or after it ended)', () => {
    expect(paths(() => plan({ type: 'end', effectiveDate: '2022-06-01', unitId: COMMUNE_1 }))).toEqual([
      ['unitId'],
    ]);
    const ended = state({ versions: [[COMMUNE_1, [v(COMMUNE_1, { validTo: '2024-01-01' })]]] });
    expect(paths(() => plan({ type: 'end', effectiveDate: '2024-06-01', unitId: COMMUNE_1 }, ended))).toEqual(
      [['unitId']],
    );
    // A unit nobody knows about is not valid on any date.
    expect(paths(() => plan({ type: 'end', effectiveDate: '2024-06-01', unitId: id(99) }))).toEqual([
      ['unitId'],
    ]);
  });

  it('refuses a change in the middle of history (later versions exist)', () => {
    const s = state({
      versions: [
        [
          COMMUNE_1,
          [
            v(COMMUNE_1, { validTo: '2025-01-01' }),
            v(COMMUNE_1, { validFrom: '2025-01-01', name: 'Phường Một' }),
          ],
        ],
      ],
    });
    const issues = refusal(() =>
      plan({ type: 'rename', effectiveDate: '2024-01-01', unitId: COMMUNE_1, name: 'Xã Một Mới' }, s),
    );
    expect(issues.map((i) => i.path)).toEqual([['unitId']]);
    expect(issues[0]!.message).toContain('sau ngày này');
  });

  it('refuses merging a unit into itself', () => {
    const p = paths(() =>
      plan({
        type: 'merge',
        effectiveDate: '2024-01-01',
        sources: [{ unitId: COMMUNE_1 }, { unitId: COMMUNE_2 }],
        intoUnitId: COMMUNE_1,
      }),
    );
    expect(p).toContainEqual(['intoUnitId']);
  });

  it('refuses the same source twice', () => {
    const p = paths(() =>
      plan({
        type: 'merge',
        effectiveDate: '2024-01-01',
        sources: [{ unitId: COMMUNE_1 }, { unitId: COMMUNE_1 }],
        intoUnitId: COMMUNE_2,
      }),
    );
    expect(p).toContainEqual(['sources']);
  });

  it('refuses a merge naming both or neither target', () => {
    const sources = [{ unitId: COMMUNE_1 }, { unitId: COMMUNE_2 }];
    expect(paths(() => plan({ type: 'merge', effectiveDate: '2024-01-01', sources }))).toEqual([
      ['intoUnitId'],
    ]);
    expect(
      paths(() =>
        plan({
          type: 'merge',
          effectiveDate: '2024-01-01',
          sources,
          intoUnitId: COMMUNE_3,
          intoNew: { name: 'Xã X', kind: 'commune', parentUnitId: DISTRICT_A },
        }),
      ),
    ).toEqual([['intoUnitId']]);
  });

  it('refuses merging a unit with children into a new unit', () => {
    const p = paths(() =>
      plan(
        {
          type: 'merge',
          effectiveDate: '2024-01-01',
          sources: [{ unitId: DISTRICT_A }, { unitId: DISTRICT_B }],
          intoNew: { name: 'Quận Mới', kind: 'district', parentUnitId: PROVINCE },
        },
        state({ children: [childrenOfA] }),
      ),
    );
    expect(p).toEqual([['sources', 0, 'unitId']]);
  });

  it('refuses ending a unit that still has children', () => {
    const issues = refusal(() =>
      plan(
        { type: 'end', effectiveDate: '2024-01-01', unitId: DISTRICT_A },
        state({ children: [childrenOfA] }),
      ),
    );
    expect(issues.map((i) => i.path)).toEqual([['unitId']]);
    expect(issues[0]!.message).toContain('Xã Một');
  });

  it('refuses moving a unit under itself or under one of its descendants', () => {
    expect(
      paths(() =>
        plan({ type: 'move', effectiveDate: '2024-01-01', unitId: DISTRICT_A, parentUnitId: DISTRICT_A }),
      ),
    ).toEqual([['parentUnitId']]);
    expect(
      paths(() =>
        plan({ type: 'move', effectiveDate: '2024-01-01', unitId: DISTRICT_A, parentUnitId: COMMUNE_1 }),
      ),
    ).toEqual([['parentUnitId']]);
  });

  it('refuses a parent that is not valid on the date', () => {
    const s = state({
      versions: [
        [DISTRICT_B, [v(DISTRICT_B, { kind: 'district', parentUnitId: PROVINCE, validTo: '2023-06-01' })]],
      ],
    });
    expect(
      paths(() =>
        plan({ type: 'move', effectiveDate: '2024-01-01', unitId: COMMUNE_1, parentUnitId: DISTRICT_B }, s),
      ),
    ).toEqual([['parentUnitId']]);
    expect(
      paths(() =>
        plan(
          {
            type: 'create',
            effectiveDate: '2024-01-01',
            unit: { name: 'Xã Mới', kind: 'commune', parentUnitId: DISTRICT_B },
          },
          s,
        ),
      ),
    ).toEqual([['unit', 'parentUnitId']]);
  });

  it('refuses splitting a unit with children unless it continues, and a split into one new unit', () => {
    const into = [{ name: 'Quận Bắc', kind: 'district', parentUnitId: PROVINCE }];
    const p = paths(() =>
      plan(
        { type: 'split', effectiveDate: '2024-01-01', unitId: DISTRICT_A, into },
        state({ children: [childrenOfA] }),
      ),
    );
    expect(p).toEqual([['unitId'], ['into']]);
  });

  it('reports every problem at once, with field paths', () => {
    const p = paths(() =>
      plan({
        type: 'merge',
        effectiveDate: '2022-01-01',
        sources: [{ unitId: COMMUNE_1 }, { unitId: COMMUNE_1 }],
        intoUnitId: COMMUNE_1,
      }),
    );
    expect(p).toEqual(
      expect.arrayContaining([
        ['sources'],
        ['intoUnitId'],
        ['sources', 0, 'unitId'],
        ['sources', 1, 'unitId'],
      ]),
    );
  });
});

describe('reorganisationInput schema', () => {
  it('rejects impossible dates, unknown types and short merges', () => {
    expect(
      reorganisationInput.safeParse({ type: 'end', effectiveDate: '2023-02-30', unitId: COMMUNE_1 }).success,
    ).toBe(false);
    expect(
      reorganisationInput.safeParse({ type: 'end', effectiveDate: '30/06/2023', unitId: COMMUNE_1 }).success,
    ).toBe(false);
    expect(
      reorganisationInput.safeParse({ type: 'explode', effectiveDate: '2023-06-30', unitId: COMMUNE_1 })
        .success,
    ).toBe(false);
    expect(
      reorganisationInput.safeParse({
        type: 'merge',
        effectiveDate: '2023-06-30',
        sources: [{ unitId: COMMUNE_1 }],
        intoUnitId: COMMUNE_2,
      }).success,
    ).toBe(false);
  });

  it('normalises names to NFC with single spaces', () => {
    const parsed = reorganisationInput.parse({
      type: 'rename',
      effectiveDate: '2024-01-01',
      unitId: COMMUNE_1,
      name: ' Xa\u0303   Một '.normalize('NFD'),
    });
    expect(parsed.type === 'rename' && parsed.name).toBe('Xã Một'.normalize('NFC'));
  });
});
