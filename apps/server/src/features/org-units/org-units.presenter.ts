import type { UnitDetailOut, UnitOut } from '@dx/contracts';
import type { UnitDetail, UnitRow } from '@dx/db';

export const presentUnit = (u: UnitRow) =>
  ({
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
  }) satisfies UnitOut;

export const presentUnitDetail = (d: UnitDetail) =>
  ({
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
  }) satisfies UnitDetailOut;
