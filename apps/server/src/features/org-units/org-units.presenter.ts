import type { UnitDetail, UnitRow } from '@dx/db';
import { ORG_UNIT_KINDS } from '@dx/domain';
import { z } from 'zod';

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

export const presentUnit = (u: UnitRow): z.infer<typeof unitOut> => ({
  unitId: u.unitId,
  versionId: u.versionId,
  version: u.version,
  provinceId: u.provinceId,
  code: u.code,
  name: u.name,
  kind: u.kind,
  adminType: u.adminType,
  parentUnitId: u.parentUnitId,
  parentName: u.parentName,
  validFrom: u.validFrom,
  validTo: u.validTo,
  childCount: u.childCount,
});

const linkOut = z.object({
  unitId: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  share: z.string(),
  effectiveDate: z.string(),
});

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
  predecessors: z.array(linkOut),
  successors: z.array(linkOut),
});

export const presentUnitDetail = (d: UnitDetail): z.infer<typeof unitDetailOut> => ({
  unitId: d.unitId,
  provinceId: d.provinceId,
  source: d.source,
  confidence: d.confidence,
  sourceNote: d.sourceNote,
  versions: d.versions.map((v) => ({
    versionId: v.versionId,
    version: v.version,
    code: v.code,
    name: v.name,
    kind: v.kind,
    adminType: v.adminType,
    parentUnitId: v.parentUnitId,
    validFrom: v.validFrom,
    validTo: v.validTo,
  })),
  predecessors: d.predecessors,
  successors: d.successors,
});
