import { RECORD_PATHS } from '@dx/contracts/paths';
import { listUnits } from '@dx/db';
import type { OrgUnitKind, RecordType, Role } from '@dx/domain';
import type { Session, TestApp } from './harness';

/**
 * Test factories: units, users and records made through the API (so they are authorized, audited and valid exactly
 * as a user's would be), and seeded units found through the as-of query the product uses (packages/db listUnits),
 * never through raw SQL on org_unit_version.
 */

let seq = 0;
/** A suffix unique within the test process (names, usernames, document numbers). */
export const unique = () => `${++seq}${process.pid}`;

/**
 * A seeded unit of `provinceId` (default: the app's first province, `t.hp`) by its exact name, as in force on
 * `asOf` (default 2023-01-01: the seed's first structure). Throws when no unit, or more than one, has that name.
 */
export async function seededUnit(
  t: TestApp,
  name: string,
  opts: { asOf?: string; provinceId?: string } = {},
): Promise<string> {
  const { items } = await listUnits(t.handle.db, {
    provinceId: opts.provinceId ?? t.hp,
    asOf: opts.asOf ?? '2023-01-01',
    q: name,
    limit: 100,
    offset: 0,
  });
  const exact = items.filter((u) => u.name === name);
  if (exact.length !== 1) throw new Error(`seededUnit: ${exact.length} units named ${name}`);
  return exact[0]!.unitId;
}

/** A new unit created by `admin` through a recorded reorganisation (type create); returns its id. */
export async function createUnit(
  t: TestApp,
  admin: Session,
  unit: { kind: OrgUnitKind; parentUnitId: string; name?: string; effectiveDate?: string },
): Promise<string> {
  const res = await t.call(admin, {
    method: 'POST',
    url: '/api/reorganisations',
    payload: {
      type: 'create',
      effectiveDate: unit.effectiveDate ?? '2023-01-01',
      unit: { name: unit.name ?? `Đơn vị thử ${unique()}`, kind: unit.kind, parentUnitId: unit.parentUnitId },
    },
  });
  if (res.statusCode !== 201) throw new Error(`createUnit: ${res.statusCode} ${res.body}`);
  return res.json().createdUnitIds[0] as string;
}

/** A signed-in user holding one role over one unit (`null`: every province, system administrators only). */
export const createUser = (t: TestApp, role: Role, unitId: string | null, username?: string) =>
  t.userWith([{ role, unitId }], username);

/** A valid input of each record kind, owned by `unitId`; `refs` supplies what a kind links (a publication's channel). */
export function recordInput(
  type: RecordType,
  unitId: string,
  refs: { channelId?: string } = {},
): Record<string, unknown> {
  const n = unique();
  switch (type) {
    case 'unit_plan':
      return { unitId, year: 2025, kind: 'dx_plan', documentNumber: `${n}/KH`, documentDate: '2025-01-15' };
    case 'channel':
      return { ownerUnitId: unitId, kind: 'portal', name: `Trang thông tin ${n}`, hasDxSection: true };
    case 'publication':
      if (!refs.channelId) throw new Error('recordInput: a publication needs refs.channelId');
      return {
        channelId: refs.channelId,
        title: `Tin chuyển đổi số ${n}`,
        publishedOn: '2025-02-01',
        format: 'article',
      };
    case 'person':
      return { unitId, fullName: `Nguyễn Văn ${n}`, role: 'grassroots_officer' };
    case 'training':
      return { organiserUnitId: unitId, title: `Lớp tập huấn ${n}`, heldOn: '2025-03-01' };
    case 'dx_model':
      return { unitId, kind: 'model', name: `Mô hình số ${n}` };
    case 'event':
      return {
        organiserUnitId: unitId,
        kind: 'contest',
        level: 'unit',
        title: `Cuộc thi ${n}`,
        heldOn: '2025-04-01',
      };
  }
}

/**
 * A record of `type` created by `session` through the API, from recordInput with `overrides` on top; returns the
 * created record as the API presents it.
 */
export async function createRecord(
  t: TestApp,
  session: Session,
  type: RecordType,
  unitId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const channelId = overrides.channelId as string | undefined;
  const res = await t.call(session, {
    method: 'POST',
    url: `/api/${RECORD_PATHS[type]}`,
    payload: { ...recordInput(type, unitId, { channelId }), ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`createRecord ${type}: ${res.statusCode} ${res.body}`);
  return res.json();
}
