import { describe, expect, it } from 'vitest';
import {
  canGrant,
  type Grant,
  hasPermissionAnywhere,
  isAllowed,
  PERMISSION_NAMES,
  type Permission,
  provincesFor,
  ROLES,
  type Role,
  readScopeOf,
} from './access';

const HP = 'hp-province';
const HD = 'hd-province';
const DISTRICT = 'hp-district-le-chan';
const SIBLING = 'hp-district-ngo-quyen';
const COMMUNE = 'hp-commune-under-le-chan';

/** A commune of Lê Chân, in Hải Phòng. */
const commune = { provinceId: HP, path: [HP, DISTRICT, COMMUNE] };
const grant = (
  role: Role,
  unitId: string | null,
  provinceId: string | null = unitId === null ? null : HP,
): Grant => ({ role, unitId, provinceId });

/** Which roles each permission is for, and how far it reaches from the granted unit. */
type Reach = 'province' | 'subtree' | 'national';
const POLICY: Record<
  Permission,
  { roles: readonly Role[]; reach: Reach; reachOf?: Partial<Record<Role, Reach>> }
> = {
  'org_unit.read': { roles: ROLES, reach: 'province' },
  'org_unit.reorganise': { roles: ['administrator'], reach: 'subtree' },
  'org_unit.correct': { roles: ['administrator'], reach: 'subtree' },
  'unit_group.read': { roles: ROLES, reach: 'province' },
  'unit_group.write': { roles: ['administrator', 'dx_office'], reach: 'province' },
  'user.read': { roles: ['administrator'], reach: 'subtree' },
  'user.write': { roles: ['administrator'], reach: 'subtree' },
  'audit.read': { roles: ['administrator'], reach: 'province' },
  'plan.read': { roles: ROLES, reach: 'province' },
  'plan.write': { roles: ['administrator', 'dx_office'], reach: 'province' },
  'record.read': { roles: ROLES, reach: 'province' },
  // A unit officer writes evidence for its own unit and the units below it only.
  'record.write': { roles: ['unit_officer'], reach: 'subtree' },
  'record.write_any': { roles: ['administrator', 'dx_office'], reach: 'province' },
  'unit_plan.review': { roles: ['administrator', 'dx_office'], reach: 'province' },
  'target.read': { roles: ROLES, reach: 'province' },
  'target.remind': { roles: ['administrator', 'dx_office'], reach: 'province' },
  'task.read': { roles: ROLES, reach: 'province' },
  'task.write': { roles: ['administrator', 'dx_office'], reach: 'province' },
  // A unit updates its own part of a task (and those of the units below it); the DX office any part.
  'task.update_progress': { roles: ['unit_officer', 'dx_office'], reach: 'subtree' },
  // A unit drafts estimates for its own subtree; the chain's reviewers read and act across the province.
  'budget.read': { roles: ROLES, reach: 'province' },
  'budget.write': { roles: ['unit_officer', 'dx_office', 'administrator'], reach: 'subtree' },
  'budget.review': { roles: ['dx_office', 'finance', 'leadership', 'administrator'], reach: 'province' },
  'budget.configure': { roles: ['administrator'], reach: 'subtree' },
  'province_settings.read': { roles: ROLES, reach: 'province' },
  'province_settings.write': { roles: ['administrator'], reach: 'subtree' },
  'report.read': { roles: ROLES, reach: 'province' },
  'report.write': { roles: ['unit_officer', 'dx_office', 'administrator'], reach: 'subtree' },
  'report.manage': { roles: ['dx_office', 'administrator'], reach: 'province' },
  'obstacle.direct': { roles: ['leadership', 'dx_office', 'administrator'], reach: 'province' },
  // Scope of reading (docs/security.md): one record, estimate, report, obstacle or a unit's notifications is read
  // by a unit officer within its own subtree only; by every other role province-wide.
  'record.read_item': { roles: ROLES, reach: 'province', reachOf: { unit_officer: 'subtree' } },
  'budget.read_item': { roles: ROLES, reach: 'province', reachOf: { unit_officer: 'subtree' } },
  'report.read_item': { roles: ROLES, reach: 'province', reachOf: { unit_officer: 'subtree' } },
  'notification.read': { roles: ROLES, reach: 'province', reachOf: { unit_officer: 'subtree' } },
  // Names, phones and e-mails of people: within the subtree, except the DX office and administrators.
  'person.read': {
    roles: ROLES,
    reach: 'subtree',
    reachOf: { dx_office: 'province', administrator: 'province' },
  },
  // Every province side by side (issue 13): only through a grant over every province.
  'national.read': { roles: ['administrator', 'viewer'], reach: 'national' },
};

describe('isAllowed: every permission × role × where the grant sits', () => {
  it('this table covers every permission the policy defines', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  const places = [
    { name: 'the province', grant: (r: Role) => grant(r, HP), inProvince: true, inSubtree: true },
    { name: 'the district above', grant: (r: Role) => grant(r, DISTRICT), inProvince: true, inSubtree: true },
    { name: 'the unit itself', grant: (r: Role) => grant(r, COMMUNE), inProvince: true, inSubtree: true },
    { name: 'a sibling district', grant: (r: Role) => grant(r, SIBLING), inProvince: true, inSubtree: false },
    { name: 'another province', grant: (r: Role) => grant(r, HD, HD), inProvince: false, inSubtree: false },
    {
      name: 'every province (global)',
      grant: (r: Role) => grant(r, null),
      inProvince: true,
      inSubtree: true,
      national: true,
    },
  ];
  // One test per permission: it tries every role on every place and reports one table of the pairs whose answer
  // differs from the rule, so a failure shows the whole picture at once (and the count does not grow with the table).
  for (const [permission, rule] of Object.entries(POLICY) as [Permission, (typeof POLICY)[Permission]][]) {
    it(permission, () => {
      const differences: string[] = [];
      for (const role of ROLES) {
        for (const place of places) {
          const reach = rule.reachOf?.[role] ?? rule.reach;
          const expected =
            rule.roles.includes(role) &&
            (reach === 'national'
              ? 'national' in place
              : reach === 'province'
                ? place.inProvince
                : place.inSubtree);
          const actual = isAllowed([place.grant(role)], permission, commune);
          if (actual !== expected)
            differences.push(
              `${role} granted on ${place.name}: expected ${expected ? 'allowed' : 'refused'}, got ${actual ? 'allowed' : 'refused'}`,
            );
        }
      }
      expect(differences, `roles and places whose answer differs from the rule of ${permission}`).toEqual([]);
    });
  }

  it('refuses with no grants, and any one matching grant among many is enough', () => {
    expect(isAllowed([], 'org_unit.read', commune)).toBe(false);
    expect(
      isAllowed(
        [grant('viewer', HD, HD), grant('administrator', SIBLING), grant('administrator', DISTRICT)],
        'org_unit.reorganise',
        commune,
      ),
    ).toBe(true);
    // Cross-unit grant: a unit officer of Lê Chân also granted on Ngô Quyền reaches both.
    const twoUnits = [grant('unit_officer', DISTRICT), grant('unit_officer', SIBLING)];
    expect(isAllowed(twoUnits, 'org_unit.read', { provinceId: HP, path: [HP, SIBLING] })).toBe(true);
  });
});

describe('hasPermissionAnywhere and provincesFor', () => {
  it('looks only at roles', () => {
    expect(hasPermissionAnywhere([grant('viewer', HP)], 'audit.read')).toBe(false);
    expect(hasPermissionAnywhere([grant('administrator', HD, HD)], 'audit.read')).toBe(true);
    expect(hasPermissionAnywhere([grant('dx_office', HP)], 'unit_group.write')).toBe(true);
    expect(hasPermissionAnywhere([grant('finance', HP)], 'unit_group.write')).toBe(false);
  });

  it('the national view only through a grant over every province (issue 13)', () => {
    expect(hasPermissionAnywhere([grant('administrator', null)], 'national.read')).toBe(true);
    expect(hasPermissionAnywhere([grant('viewer', null)], 'national.read')).toBe(true);
    // A province's own administrator or reader, and any other role even over every province, are refused.
    expect(hasPermissionAnywhere([grant('administrator', HP)], 'national.read')).toBe(false);
    expect(hasPermissionAnywhere([grant('viewer', HP)], 'national.read')).toBe(false);
    expect(hasPermissionAnywhere([grant('dx_office', null)], 'national.read')).toBe(false);
    expect(provincesFor([grant('viewer', null)], 'national.read')).toBeNull();
    expect(provincesFor([grant('administrator', HP)], 'national.read')).toEqual([]);
  });

  it('lists the provinces a permission reaches, null for global', () => {
    expect(
      provincesFor(
        [grant('administrator', DISTRICT), grant('administrator', HD, HD), grant('viewer', HP)],
        'audit.read',
      )?.sort(),
    ).toEqual([HD, HP].sort());
    expect(provincesFor([grant('viewer', HP)], 'audit.read')).toEqual([]);
    expect(provincesFor([grant('administrator', null), grant('administrator', HP)], 'audit.read')).toBeNull();
  });
});

describe('canGrant', () => {
  const sysAdmin = [grant('administrator', null)];
  const provinceAdmin = [grant('administrator', HP)];
  const districtAdmin = [grant('administrator', DISTRICT)];

  it('only a system administrator grants the global scope', () => {
    expect(canGrant(sysAdmin, { role: 'viewer', unitId: null }, null)).toBe(true);
    expect(canGrant(sysAdmin, { role: 'administrator', unitId: null }, null)).toBe(true);
    expect(canGrant(provinceAdmin, { role: 'viewer', unitId: null }, null)).toBe(false);
    expect(canGrant([grant('dx_office', null)], { role: 'viewer', unitId: null }, null)).toBe(false);
  });

  it('an administrator grants within its subtree only', () => {
    expect(canGrant(provinceAdmin, { role: 'administrator', unitId: COMMUNE }, commune)).toBe(true);
    expect(canGrant(districtAdmin, { role: 'unit_officer', unitId: COMMUNE }, commune)).toBe(true);
    expect(
      canGrant(districtAdmin, { role: 'unit_officer', unitId: HP }, { provinceId: HP, path: [HP] }),
    ).toBe(false);
    expect(canGrant([grant('administrator', SIBLING)], { role: 'viewer', unitId: COMMUNE }, commune)).toBe(
      false,
    );
    expect(canGrant([grant('administrator', HD, HD)], { role: 'viewer', unitId: COMMUNE }, commune)).toBe(
      false,
    );
    expect(canGrant(sysAdmin, { role: 'viewer', unitId: COMMUNE }, commune)).toBe(true);
  });

  it('no other role grants anything', () => {
    for (const role of ROLES.filter((r) => r !== 'administrator')) {
      expect(canGrant([grant(role, null)], { role: 'viewer', unitId: COMMUNE }, commune)).toBe(false);
      expect(canGrant([grant(role, HP)], { role: 'viewer', unitId: COMMUNE }, commune)).toBe(false);
    }
  });
});

describe('readScopeOf: where a list read reaches (docs/security.md "Scope of reading")', () => {
  it('a unit officer reads its own subtrees, every other role its whole province, a global grant everything', () => {
    expect(readScopeOf([grant('unit_officer', COMMUNE)], 'record.read_item')).toEqual({
      provinceIds: [],
      subtreeRoots: [COMMUNE],
    });
    expect(readScopeOf([grant('viewer', DISTRICT)], 'record.read_item')).toEqual({
      provinceIds: [HP],
      subtreeRoots: [],
    });
    expect(readScopeOf([grant('viewer', null)], 'report.read_item')).toEqual({
      provinceIds: null,
      subtreeRoots: [],
    });
  });

  it('a subtree inside a province already read whole adds nothing; one in another province is kept', () => {
    expect(
      readScopeOf(
        [grant('unit_officer', COMMUNE), grant('dx_office', HP), grant('unit_officer', 'hd-commune', HD)],
        'budget.read_item',
      ),
    ).toEqual({ provinceIds: [HP], subtreeRoots: ['hd-commune'] });
  });
});
