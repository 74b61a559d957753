import { formatDateVi } from './dates';
import { type FieldIssue, validationError } from './errors';
import { isValidOn, type NewUnit, type ReorganisationInput, type UnitVersion } from './org-unit';

/** A unit that exists already (`id`) or is created by this reorganisation (`newIndex` into `creates`). */
export type UnitRef = { id: string } | { newIndex: number };

export type ReorgOp =
  | { op: 'close'; unitId: string; date: string }
  | {
      op: 'open';
      unit: UnitRef;
      validFrom: string;
      fields: Omit<UnitVersion, 'unitId' | 'validFrom' | 'validTo'>;
    }
  | {
      op: 'link';
      predecessor: UnitRef;
      successor: UnitRef;
      share: 'full' | 'partial';
      /** The predecessor's records count for this successor once the predecessor has ended. */
      receivesRecords: boolean;
    };

export type ReorgPlan = { creates: NewUnit[]; ops: ReorgOp[] };

/** What the planner needs to know about the units a reorganisation touches, as of its effective date. */
export type ReorgState = {
  /** Every version of every unit the input names (sources, targets, parents). */
  versionsByUnit: Map<string, UnitVersion[]>;
  /** Children valid on the effective date, for every unit the input names. */
  childrenOn: Map<string, UnitVersion[]>;
  /** Ancestors (ids) of every named parent on the effective date, nearest first. */
  ancestorsOn: Map<string, string[]>;
};

/**
 * Turns a reorganisation into version operations. Only versions in force on the effective date are
 * closed and new ones open on that date, so nothing before the date changes (units have validity dates;
 * history keeps the structure it had at the time — docs/brief.md "Organisations change").
 */
export function planReorganisation(input: ReorganisationInput, state: ReorgState): ReorgPlan {
  const date = input.effectiveDate;
  const issues: FieldIssue[] = [];
  const creates: NewUnit[] = [];
  const ops: ReorgOp[] = [];

  const current = (unitId: string, path: (string | number)[]): UnitVersion | undefined => {
    const versions = state.versionsByUnit.get(unitId) ?? [];
    const v = versions.find((x) => isValidOn(x, date));
    if (!v) {
      issues.push({ path, message: `Đơn vị không còn hiệu lực vào ngày ${formatDateVi(date)}` });
      return undefined;
    }
    if (v.validTo !== null) {
      issues.push({
        path,
        message: 'Đơn vị đã có thay đổi sau ngày này; chỉ ghi nhận thay đổi sau thay đổi mới nhất',
      });
      return undefined;
    }
    if (v.validFrom !== null && v.validFrom >= date) {
      issues.push({
        path,
        message: `Ngày hiệu lực phải sau ngày ${formatDateVi(v.validFrom)} (lần thay đổi gần nhất của đơn vị)`,
      });
      return undefined;
    }
    return v;
  };
  const checkParent = (parentId: string | null, path: (string | number)[]) => {
    if (parentId === null) return;
    const versions = state.versionsByUnit.get(parentId) ?? [];
    if (!versions.some((x) => isValidOn(x, date))) {
      issues.push({ path, message: `Đơn vị cấp trên không có hiệu lực vào ngày ${formatDateVi(date)}` });
    }
  };
  const fieldsOf = (v: UnitVersion): Omit<UnitVersion, 'unitId' | 'validFrom' | 'validTo'> => ({
    code: v.code,
    name: v.name,
    kind: v.kind,
    adminType: v.adminType,
    parentUnitId: v.parentUnitId,
  });
  const createNew = (u: NewUnit, path: (string | number)[]): UnitRef => {
    checkParent(u.parentUnitId, [...path, 'parentUnitId']);
    const ref = { newIndex: creates.length };
    creates.push(u);
    ops.push({
      op: 'open',
      unit: ref,
      validFrom: date,
      fields: {
        code: u.code ?? null,
        name: u.name,
        kind: u.kind,
        adminType: u.adminType ?? null,
        parentUnitId: u.parentUnitId,
      },
    });
    return ref;
  };
  const reparentChildren = (unitId: string, to: UnitRef) => {
    if (!('id' in to)) return; // new units get their children by id after creation: handled by executor via 'open' with parent placeholder
    for (const child of state.childrenOn.get(unitId) ?? []) {
      ops.push({ op: 'close', unitId: child.unitId, date });
      ops.push({
        op: 'open',
        unit: { id: child.unitId },
        validFrom: date,
        fields: { ...fieldsOf(child), parentUnitId: to.id },
      });
    }
  };

  switch (input.type) {
    case 'create': {
      createNew(input.unit, ['unit']);
      break;
    }
    case 'rename': {
      const v = current(input.unitId, ['unitId']);
      if (v) {
        ops.push({ op: 'close', unitId: v.unitId, date });
        ops.push({
          op: 'open',
          unit: { id: v.unitId },
          validFrom: date,
          fields: {
            ...fieldsOf(v),
            name: input.name,
            code: input.code === undefined ? v.code : input.code,
            adminType: input.adminType === undefined ? v.adminType : input.adminType,
            kind: input.kind ?? v.kind,
          },
        });
      }
      break;
    }
    case 'move': {
      const v = current(input.unitId, ['unitId']);
      checkParent(input.parentUnitId, ['parentUnitId']);
      if (v && input.parentUnitId !== null) {
        const ancestors = state.ancestorsOn.get(input.parentUnitId) ?? [];
        if (input.parentUnitId === v.unitId || ancestors.includes(v.unitId)) {
          issues.push({
            path: ['parentUnitId'],
            message: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó',
          });
        }
      }
      if (v) {
        ops.push({ op: 'close', unitId: v.unitId, date });
        ops.push({
          op: 'open',
          unit: { id: v.unitId },
          validFrom: date,
          fields: { ...fieldsOf(v), parentUnitId: input.parentUnitId },
        });
      }
      break;
    }
    case 'end': {
      const v = current(input.unitId, ['unitId']);
      const children = state.childrenOn.get(input.unitId) ?? [];
      if (children.length > 0) {
        issues.push({
          path: ['unitId'],
          message: `Đơn vị còn ${children.length} đơn vị trực thuộc (${children
            .slice(0, 3)
            .map((c) => c.name)
            .join(', ')}…): chuyển hoặc sáp nhập chúng trước`,
        });
      }
      if (v) ops.push({ op: 'close', unitId: v.unitId, date });
      break;
    }
    case 'merge': {
      if (!input.intoUnitId === !input.intoNew) {
        issues.push({
          path: ['intoUnitId'],
          message: 'Chọn một đơn vị tiếp nhận hoặc khai báo một đơn vị mới (chỉ một)',
        });
        break;
      }
      const ids = input.sources.map((s) => s.unitId);
      if (new Set(ids).size !== ids.length)
        issues.push({ path: ['sources'], message: 'Một đơn vị được chọn hai lần' });
      if (input.intoUnitId && ids.includes(input.intoUnitId)) {
        issues.push({
          path: ['intoUnitId'],
          message: 'Đơn vị tiếp nhận không được nằm trong danh sách bị sáp nhập',
        });
      }
      let into: UnitRef | undefined;
      if (input.intoUnitId) {
        into = current(input.intoUnitId, ['intoUnitId']) ? { id: input.intoUnitId } : undefined;
      } else if (input.intoNew) {
        into = createNew(input.intoNew, ['intoNew']);
      }
      input.sources.forEach((s, i) => {
        const v = current(s.unitId, ['sources', i, 'unitId']);
        if (!v || !into) return;
        // A partially merged unit keeps existing with the rest of its territory.
        if (s.share === 'full') ops.push({ op: 'close', unitId: v.unitId, date });
        // A partially merged unit keeps its records (it still stands for itself); a full one hands them over.
        ops.push({
          op: 'link',
          predecessor: { id: v.unitId },
          successor: into,
          share: s.share,
          receivesRecords: s.share === 'full',
        });
        if (s.share === 'full') {
          if ('id' in into) reparentChildren(v.unitId, into);
          else if ((state.childrenOn.get(v.unitId) ?? []).length > 0) {
            issues.push({
              path: ['sources', i, 'unitId'],
              message:
                'Đơn vị có đơn vị trực thuộc: sáp nhập vào một đơn vị đã có, hoặc chuyển các đơn vị trực thuộc trước',
            });
          }
        }
      });
      break;
    }
    case 'split': {
      const v = current(input.unitId, ['unitId']);
      const children = state.childrenOn.get(input.unitId) ?? [];
      if (!input.sourceContinues && children.length > 0) {
        issues.push({
          path: ['unitId'],
          message: 'Đơn vị còn đơn vị trực thuộc: chuyển chúng về các đơn vị mới trước khi chia tách',
        });
      }
      if (!input.sourceContinues && input.into.length < 2) {
        issues.push({
          path: ['into'],
          message: 'Chia tách thành đơn vị mới cần ít nhất 2 đơn vị (hoặc đơn vị cũ tiếp tục tồn tại)',
        });
      }
      if (v) {
        const share = input.into.length === 1 && !input.sourceContinues ? 'full' : 'partial';
        const recordsTo = input.recordsTo;
        if (typeof recordsTo === 'number' && recordsTo >= input.into.length) {
          issues.push({ path: ['recordsTo'], message: 'Chọn một trong các đơn vị mới' });
        }
        input.into.forEach((u, i) => {
          const ref = createNew(u, ['into', i]);
          // The source that continues keeps its records; an ended one hands them to the chosen successor, or
          // to each successor by the share recorded.
          const receivesRecords =
            !input.sourceContinues && (recordsTo === 'share' || recordsTo === i || share === 'full');
          ops.push({ op: 'link', predecessor: { id: v.unitId }, successor: ref, share, receivesRecords });
        });
        if (!input.sourceContinues) ops.push({ op: 'close', unitId: v.unitId, date });
      }
      break;
    }
  }

  if (issues.length > 0) throw validationError('Không thể ghi nhận thay đổi tổ chức', issues);
  return { creates, ops };
}
