import type { ConsolidatedSettings, IssuerVersion } from '../consolidated/report';
import { type ApprovalChain, DEFAULT_BUDGET_CHAIN } from '../workflow/approval';
import {
  PROVINCE_SETTING_KEYS,
  PROVINCE_SETTING_SCHEMAS,
  type ProvinceSettingKey,
  type ProvinceSettingValue,
} from './index';

/*
 * The documents a province issues (the consolidated report, the công văn đôn đốc, the budget's Tờ trình) take their
 * bodies and words from the province's settings in force on the document's date (issue 15: "every label, hint,
 * formula and document takes its words from them"). Pure: the server reads the values in force
 * (packages/db provinceSettingsOn), these decide the lines. What is not set falls back to words built from the
 * province's own name, never to another province's.
 */

/** The values of a province's keys in force on one date, each checked against its schema (a stale value is unset). */
export type SettingsInForce = { [K in ProvinceSettingKey]?: ProvinceSettingValue<K> };

/** Rows `{ key, value }` as stored (packages/db provinceSettingsOn) → the values that fit their key's schema. */
export function settingsInForce(rows: readonly { key: string; value: unknown }[]): SettingsInForce {
  const out: Record<string, unknown> = {};
  for (const r of rows) {
    if (!(PROVINCE_SETTING_KEYS as string[]).includes(r.key)) continue;
    const parsed = PROVINCE_SETTING_SCHEMAS[r.key as ProvinceSettingKey].safeParse(r.value);
    if (parsed.success) out[r.key] = parsed.data;
  }
  return out as SettingsInForce;
}

/** "Tỉnh Hải Dương" → "tỉnh Hải Dương": the level word is a common noun inside a sentence. */
const inText = (provinceName: string) =>
  provinceName.replace(/^(Thành phố|Tỉnh)(?=\s)/u, (m) => m.toLocaleLowerCase('vi'));
const upper = (t: string) => t.toLocaleUpperCase('vi');

/** The People's Committee's full name: its setting, else built from the province's name. */
export function committeeNameOf(s: SettingsInForce, provinceName: string): string {
  return s.peoples_committee_name ?? `Ủy ban nhân dân ${inText(provinceName)}`;
}

/** "Ủy ban nhân dân tỉnh Hải Dương" → "tỉnh Hải Dương": the province as its committee's name says it. */
function committeeProvince(s: SettingsInForce, provinceName: string): string {
  return committeeNameOf(s, provinceName).replace(/^Ủy ban nhân dân\s+/iu, '');
}

/**
 * A body's code in document numbers (Nghị định 30/2020/NĐ-CP, Phụ lục VI: the issuing body's abbreviation) from its
 * short name: a word in capitals is kept ("TT&TT" → "TTTT"), any other gives its first letter ("Sở" → "S").
 * e.g. "Sở KH&CN" → "SKHCN".
 */
export function bodyCode(shortName: string): string {
  const plain = shortName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return plain
    .split(/\s+/)
    .map((w) => w.replace(/[^A-Za-z]/g, ''))
    .filter(Boolean)
    .map((w) => (w === w.toUpperCase() ? w : w.charAt(0).toUpperCase()))
    .join('');
}

/** The signature's title lines: the setting's lines (one per line, or "A / B"), else the committee's usual block. */
function signatureLines(s: SettingsInForce): string[] {
  const lines = (s.signature_block?.title ?? '')
    .split(/\n|\s\/\s/u)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines : ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
}

/**
 * The issuing bodies and "Nơi nhận" of the province's reports on one date, in the shape the consolidated report and
 * the công văn đôn đốc read (consolidated/report.ts issuerOn): the People's Committee (its name, header, signature
 * block and signer), the DX office's agency when one is recorded for the date (absent otherwise: such a report is
 * refused rather than guessed), the default recipients for the committee's reports and the report's place.
 */
export function consolidatedSettingsOf(s: SettingsInForce, provinceName: string): ConsolidatedSettings {
  const province = upper(committeeProvince(s, provinceName));
  const committee: IssuerVersion = {
    name: committeeNameOf(s, provinceName),
    header: ['ỦY BAN NHÂN DÂN', province],
    code: 'BC-UBND',
    signature: signatureLines(s),
    ...(s.signature_block?.name ? { signer: s.signature_block.name } : {}),
  };
  const agency = s.dx_office_agency;
  const dxOffice: IssuerVersion | null = agency
    ? {
        name: agency.name,
        header: [`UBND ${province}`, upper(agency.name)],
        code: `BC-${bodyCode(agency.shortName)}`,
        signature: ['GIÁM ĐỐC'],
      }
    : null;
  return {
    ...(s.report_defaults?.place ? { place: s.report_defaults.place } : {}),
    issuers: { committee: [committee], ...(dxOffice ? { dx_office: [dxOffice] } : {}) },
    recipients: [
      ...(s.default_recipients ?? []).map((text) => ({ text, issuers: ['committee' as const] })),
      { text: 'Giám đốc Sở;', issuers: ['dx_office' as const] },
    ],
  };
}

/**
 * The default approval road (plan 54 V.1.d, V.2) in the province's words: the DX office's agency consolidates
 * ("Sở KH&CN tổng hợp"), Finance appraises, the People's Committee of the province's word approves ("UBND tỉnh phê
 * duyệt"). Without settings, the neutral labels of DEFAULT_BUDGET_CHAIN.
 */
export function defaultBudgetChainOf(s: SettingsInForce): ApprovalChain {
  return DEFAULT_BUDGET_CHAIN.map((step) => {
    if (step.key === 'dx_office_review' && s.dx_office_agency)
      return { ...step, label: `${s.dx_office_agency.shortName} tổng hợp` };
    if (step.key === 'leadership_approval' && s.province_word)
      return { ...step, label: `UBND ${s.province_word} phê duyệt` };
    return step;
  });
}
