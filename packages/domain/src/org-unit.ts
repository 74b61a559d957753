import { z } from 'zod';
import { isoDate } from './dates';

/** Kinds of org unit (docs/brief.md: cơ quan, đơn vị, địa phương). Targets and groups select units by kind. */
export const ORG_UNIT_KINDS = [
  'province', // UBND tỉnh / thành phố trực thuộc Trung ương
  'department', // Sở, ban, ngành
  'district', // quận, huyện, thị xã, thành phố thuộc tỉnh (abolished 01/07/2025)
  'commune', // xã, phường, thị trấn, đặc khu
  'press_agency', // cơ quan báo chí
  'school',
  'mass_organisation', // Mặt trận, đoàn thể, hội
  'enterprise',
  'other',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const orgUnitKind = z.enum(ORG_UNIT_KINDS);

/** Administrative type words as official lists write them, mapped to kinds. */
const ADMIN_TYPE_KIND: Record<string, OrgUnitKind> = {
  'thành phố trung ương': 'province',
  tỉnh: 'province',
  'ubnd cấp tỉnh': 'province',
  quận: 'district',
  huyện: 'district',
  'thị xã': 'district',
  phường: 'commune',
  xã: 'commune',
  'thị trấn': 'commune',
  'đặc khu': 'commune',
  sở: 'department',
  ban: 'department',
  'cơ quan chuyên môn': 'department',
  'cơ quan báo chí': 'press_agency',
  'hội nghề nghiệp': 'mass_organisation',
};

/**
 * Kind of a unit from its administrative type ("Quận", "Xã", "Sở (đặc thù)"…).
 * "Thành phố" is a province when it has no parent, a district-level city otherwise (Thành phố Thủy Nguyên, 2025).
 */
export function kindFromAdminType(adminType: string, hasParent: boolean): OrgUnitKind {
  const t = adminType.normalize('NFC').toLowerCase().trim();
  if (t === 'thành phố') return hasParent ? 'district' : 'province';
  const exact = ADMIN_TYPE_KIND[t];
  if (exact) return exact;
  // "Sở (đặc thù)", "Ban (trực thuộc UBND)", "Cơ quan báo chí (hợp nhất)": match on the leading words.
  const head = t.replace(/\s*\(.*\)\s*$/, '');
  return ADMIN_TYPE_KIND[head] ?? (head.startsWith('cơ quan báo chí') ? 'press_agency' : 'other');
}

/** One period of a unit's life during which its name, code, kind and parent did not change. */
export type UnitVersion = {
  unitId: string;
  code: string | null;
  name: string;
  kind: OrgUnitKind;
  adminType: string | null;
  parentUnitId: string | null;
  /** First day valid (inclusive); null = since before our records. */
  validFrom: string | null;
  /** First day no longer valid (exclusive); null = still valid. */
  validTo: string | null;
};

/** True when the version is in force on `date` (half-open interval [validFrom, validTo)). */
export function isValidOn(v: Pick<UnitVersion, 'validFrom' | 'validTo'>, date: string): boolean {
  return (v.validFrom === null || v.validFrom <= date) && (v.validTo === null || date < v.validTo);
}

export const unitName = z
  .string()
  .trim()
  .min(2, 'Tên đơn vị quá ngắn')
  .max(300, 'Tên đơn vị quá dài (tối đa 300 ký tự)')
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' '));

export const unitCode = z
  .string()
  .trim()
  .max(32, 'Mã đơn vị tối đa 32 ký tự')
  .regex(/^[0-9A-Za-z._-]+$/, 'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch')
  .nullable()
  .optional();

const newUnit = z.object({
  name: unitName,
  code: unitCode,
  kind: orgUnitKind,
  adminType: z.string().trim().max(60).nullable().optional(),
  parentUnitId: z.uuid('Đơn vị cấp trên không hợp lệ').nullable(),
});
export type NewUnit = z.infer<typeof newUnit>;

const common = {
  effectiveDate: isoDate,
  legalBasis: z.string().trim().max(500).optional(),
  note: z.string().trim().max(2000).optional(),
  /**
   * Move the grants users hold on the units this ends to the unit standing for each (issue 15), in the same
   * transaction, audited per account. Only for a change already in effect (the planner ignores it).
   */
  moveGrants: z.boolean().optional(),
};

/** A change in the organisation with an effective date; earlier history never changes. */
export const reorganisationInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('create'), ...common, unit: newUnit }),
  z.object({
    type: z.literal('rename'),
    ...common,
    unitId: z.uuid(),
    name: unitName,
    code: unitCode,
    adminType: z.string().trim().max(60).nullable().optional(),
    kind: orgUnitKind.optional(),
  }),
  z.object({ type: z.literal('move'), ...common, unitId: z.uuid(), parentUnitId: z.uuid().nullable() }),
  z.object({ type: z.literal('end'), ...common, unitId: z.uuid() }),
  z.object({
    type: z.literal('merge'),
    ...common,
    sources: z
      .array(z.object({ unitId: z.uuid(), share: z.enum(['full', 'partial']).default('full') }))
      .min(2, 'Sáp nhập cần ít nhất 2 đơn vị'),
    /** Either an existing unit that absorbs the others, or a new unit. */
    intoUnitId: z.uuid().optional(),
    intoNew: newUnit.optional(),
  }),
  z.object({
    type: z.literal('split'),
    ...common,
    unitId: z.uuid(),
    into: z.array(newUnit).min(1, 'Chia tách cần ít nhất 1 đơn vị mới'),
    /** The source keeps existing (part of it splits off) instead of ending. */
    sourceContinues: z.boolean().default(false),
    /**
     * Where the ended unit's records go when it splits into several units (succession roll-up): the index in
     * `into` of the one successor that receives them, or 'share' — each successor by the share recorded.
     */
    recordsTo: z.union([z.literal('share'), z.number().int().min(0)]).default('share'),
  }),
]);
export type ReorganisationInput = z.infer<typeof reorganisationInput>;
