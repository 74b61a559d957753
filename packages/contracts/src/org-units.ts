import { isoDate, ORG_UNIT_KINDS, orgUnitKind, reorganisationInput, unitCode, unitName } from '@dx/domain';
import { z } from 'zod';
import { list, page, pagination, recordVersion } from './common';

// Requests

const asOf = isoDate.optional().describe('Ngày xem cơ cấu (yyyy-mm-dd); mặc định hôm nay');

export const provincesQuery = z.object({ asOf });

export const orgUnitsQuery = z.object({
  provinceId: z.uuid('provinceId không hợp lệ'),
  asOf,
  parentId: z.uuid().optional().describe('Đơn vị cấp trên; bỏ trống khi tìm kiếm'),
  q: z.string().trim().min(1).max(100).optional(),
  kind: z
    .union([orgUnitKind, z.array(orgUnitKind)])
    .optional()
    .transform((k) => (k === undefined ? undefined : Array.isArray(k) ? k : [k])),
  ...pagination,
});

export const orgUnitsSummaryQuery = z.object({ provinceId: z.uuid(), asOf });

export const unitIdParams = z.object({ unitId: z.uuid('unitId không hợp lệ') });

export { reorganisationInput as reorganisationBody };

export const versionIdParams = z.object({ versionId: z.uuid() });

export const correctOrgUnitBody = z.object({
  version: recordVersion,
  name: unitName,
  code: unitCode.transform((c) => c ?? null),
  adminType: z.string().trim().max(60).nullable(),
  kind: orgUnitKind,
});

// Responses

export const unitOut = z.object({
  unitId: z.string(),
  versionId: z.string(),
  version: z.number(),
  provinceId: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  adminType: z.string().nullable(),
  parentUnitId: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  childCount: z.number(),
});
export type UnitOut = z.infer<typeof unitOut>;

export const unitListOut = list(unitOut);
export type UnitListOut = z.infer<typeof unitListOut>;
export const unitPageOut = page(unitOut);
export type UnitPageOut = z.infer<typeof unitPageOut>;

export const unitLinkOut = z.object({
  unitId: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  share: z.string(),
  /** The predecessor's records count for the successor once it has ended (succession roll-up, issue 11). */
  receivesRecords: z.boolean(),
  effectiveDate: z.string(),
});
export type UnitLinkOut = z.infer<typeof unitLinkOut>;

export const unitDetailOut = z.object({
  unitId: z.string(),
  provinceId: z.string(),
  source: z.string().nullable(),
  confidence: z.string().nullable(),
  sourceNote: z.string().nullable(),
  versions: z.array(
    z.object({
      versionId: z.string(),
      version: z.number(),
      code: z.string().nullable(),
      name: z.string(),
      kind: z.enum(ORG_UNIT_KINDS),
      adminType: z.string().nullable(),
      parentUnitId: z.string().nullable(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
    }),
  ),
  predecessors: z.array(unitLinkOut),
  successors: z.array(unitLinkOut),
});
export type UnitDetailOut = z.infer<typeof unitDetailOut>;

export const orgUnitsSummaryOut = z.object({
  asOf: z.string(),
  counts: z.partialRecord(z.enum(ORG_UNIT_KINDS), z.number()),
});
export type OrgUnitsSummaryOut = z.infer<typeof orgUnitsSummaryOut>;

export const reorganisationOut = z.object({
  reorganisationId: z.string(),
  createdUnitIds: z.array(z.string()),
  /** Accounts whose grants on the units this ended moved to their successors (moveGrants; issue 15). */
  grantsMoved: z.array(z.string()),
  /** Accounts still granted on a unit this ended (not asked, no successor, or not managed by the actor). */
  grantsLeft: z.array(z.string()),
});
export type ReorganisationOut = z.infer<typeof reorganisationOut>;

export const correctOrgUnitOut = z.object({ versionId: z.string(), version: z.number() });
export type CorrectOrgUnitOut = z.infer<typeof correctOrgUnitOut>;
