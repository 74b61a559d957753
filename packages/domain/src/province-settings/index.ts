import { z } from 'zod';
import { FUNDING_SOURCE_LABELS, type FundingSource } from '../budget/estimate';
import { REPORT_ISSUERS } from '../consolidated/report';
import { isoDate } from '../dates';
import { periodsOverlap } from '../provinces/catalogue';

/*
 * A province's own words and bodies over time (issue 15, "Province settings"): what the province calls itself
 * (tỉnh / thành phố), its People's Committee, its Party committee, the agency acting as DX office, the default
 * "Nơi nhận", the signature block, the names of the funding sources and the report defaults. The budget's approval
 * road is the budget chain setting (workflow/approval.ts, PUT /api/provinces/:id/budget-chain), not repeated here.
 * Each key holds dated values [validFrom, validTo) (null = open) whose periods do not overlap — the DX office's
 * agency changed in 2025 (the department of information and communications merged into that of science and technology, following
 * Nghị quyết 176/2025/QH15 at national level). Stored in `province_setting` (packages/db province-settings-schema.ts);
 * no province's values live in code: each province's are in its seed or set on its settings screen.
 */

const name = (max = 200) => z.string().trim().min(2, 'Cần ít nhất 2 ký tự').max(max, `Tối đa ${max} ký tự`);

/** The keys and the schema of each key's value. */
export const PROVINCE_SETTING_SCHEMAS = {
  /** "tỉnh" or "thành phố" (trực thuộc trung ương): the word the province's own texts use for it. */
  province_word: z.enum(['tỉnh', 'thành phố'], { error: 'Chọn "tỉnh" hoặc "thành phố"' }),
  /** The committee's full name, as its documents print it ("Ủy ban nhân dân tỉnh …"). */
  peoples_committee_name: name(),
  /** The Party committee's name ("Tỉnh ủy …" or "Thành ủy …"). */
  party_committee_name: name(),
  /** The agency acting as DX office: its full name and the short name labels use. */
  dx_office_agency: z.object({ name: name(), shortName: name(60) }),
  /** Default "Nơi nhận" lines of the documents the province issues. */
  default_recipients: z.array(name(300)).min(1, 'Cần ít nhất một nơi nhận').max(40),
  /** Signature block: the title line(s) ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") and the signer's name. */
  signature_block: z.object({ title: name(300), name: z.string().trim().max(200) }),
  /** What the province calls each funding source of a budget estimate (plan 54 IV). */
  funding_source_names: z.object({
    unit_regular: name(),
    city_budget: name(),
    other_lawful: name(),
  } satisfies Record<FundingSource, unknown>),
  /** Defaults of the consolidated report: the place in "…, ngày … tháng … năm …" and who issues it. */
  report_defaults: z.object({ place: name(100), issuer: z.enum(REPORT_ISSUERS) }),
} as const;

export type ProvinceSettingKey = keyof typeof PROVINCE_SETTING_SCHEMAS;
export const PROVINCE_SETTING_KEYS = Object.keys(PROVINCE_SETTING_SCHEMAS) as ProvinceSettingKey[];
export type ProvinceSettingValue<K extends ProvinceSettingKey> = z.infer<
  (typeof PROVINCE_SETTING_SCHEMAS)[K]
>;

/** Labels of the keys (vi, en), for the settings screen and error messages. */
export const PROVINCE_SETTING_LABELS: Record<ProvinceSettingKey, { vi: string; en: string }> = {
  province_word: { vi: 'Tỉnh hay thành phố', en: 'Province or city' },
  peoples_committee_name: { vi: 'Tên Ủy ban nhân dân', en: "People's Committee name" },
  party_committee_name: { vi: 'Tên cấp ủy (Tỉnh ủy/Thành ủy)', en: 'Party committee name' },
  dx_office_agency: { vi: 'Cơ quan thường trực chuyển đổi số', en: 'DX office agency' },
  default_recipients: { vi: 'Nơi nhận mặc định', en: 'Default recipients' },
  signature_block: { vi: 'Khối chữ ký', en: 'Signature block' },
  funding_source_names: { vi: 'Tên các nguồn kinh phí', en: 'Funding source names' },
  report_defaults: { vi: 'Mặc định của báo cáo', en: 'Report defaults' },
};

/** One dated value of a key: in force on [validFrom, validTo) (null = since always / still). */
export type DatedSetting<V = unknown> = { validFrom: string | null; validTo: string | null; value: V };
export type ProvinceSettings = { [K in ProvinceSettingKey]?: DatedSetting<ProvinceSettingValue<K>>[] };

const datedOf = <S extends z.ZodType>(value: S) =>
  z
    .object({ validFrom: isoDate.nullable(), validTo: isoDate.nullable(), value })
    .refine((p) => !p.validFrom || !p.validTo || p.validFrom < p.validTo, {
      message: 'Ngày kết thúc phải sau ngày bắt đầu',
      path: ['validTo'],
    });
const periodsOf = <S extends z.ZodType>(value: S) => z.array(datedOf(value)).max(50).optional();
const S = PROVINCE_SETTING_SCHEMAS;

/**
 * The whole settings of a province, checked: each key's values against its schema, each period well formed, and
 * the periods of one key not overlapping (issues carry field paths such as `dx_office_agency.1.validFrom`).
 */
export const provinceSettingsSchema = z
  .object({
    province_word: periodsOf(S.province_word),
    peoples_committee_name: periodsOf(S.peoples_committee_name),
    party_committee_name: periodsOf(S.party_committee_name),
    dx_office_agency: periodsOf(S.dx_office_agency),
    default_recipients: periodsOf(S.default_recipients),
    signature_block: periodsOf(S.signature_block),
    funding_source_names: periodsOf(S.funding_source_names),
    report_defaults: periodsOf(S.report_defaults),
  } satisfies Record<ProvinceSettingKey, unknown>)
  .strict()
  .superRefine((s, ctx) => {
    for (const k of PROVINCE_SETTING_KEYS) {
      const periods = s[k];
      if (!periods) continue;
      for (const o of overlappingPeriods(periods)) {
        ctx.addIssue({
          code: 'custom',
          path: [k, o.index, 'validFrom'],
          message: `Thời gian hiệu lực trùng với dòng ${o.with + 1}`,
        });
      }
    }
  });

/**
 * The periods among `periods` that overlap another one listed before it, with the index of the first such other
 * period (indexes in the caller's order). Half-open periods: one ending on D and the next starting on D do not
 * overlap (periodsOverlap, provinces/catalogue.ts). Pure; empty when the key's periods are disjoint. Quadratic, on
 * a key's few periods (at most 50 by the schema).
 */
export function overlappingPeriods(
  periods: readonly { validFrom: string | null; validTo: string | null }[],
): { index: number; with: number }[] {
  const out: { index: number; with: number }[] = [];
  periods.forEach((p, i) => {
    const j = periods.findIndex((q, k) => k < i && periodsOverlap(p, q));
    if (j >= 0) out.push({ index: i, with: j });
  });
  return out;
}

/** True when the periods of one key do not overlap. */
export function periodsDisjoint(
  periods: readonly { validFrom: string | null; validTo: string | null }[],
): boolean {
  return overlappingPeriods(periods).length === 0;
}

/** The value of `key` in force on `date` (the same half-open rule as org unit versions), or null when none is. */
export function settingOn<K extends ProvinceSettingKey>(
  settings: ProvinceSettings,
  key: K,
  date: string,
): ProvinceSettingValue<K> | null {
  const periods = (settings[key] ?? []) as DatedSetting<ProvinceSettingValue<K>>[];
  const p = periods.find((x) => (!x.validFrom || x.validFrom <= date) && (!x.validTo || x.validTo > date));
  return p ? p.value : null;
}

/**
 * What a province calls each funding source on a date: its `funding_source_names` in force (a stored value that no
 * longer fits the schema counts as none), else the platform's neutral names (FUNDING_SOURCE_LABELS).
 */
export function fundingSourceNames(stored: unknown): Record<FundingSource, string> {
  const parsed = PROVINCE_SETTING_SCHEMAS.funding_source_names.safeParse(stored);
  return parsed.success ? parsed.data : FUNDING_SOURCE_LABELS;
}
