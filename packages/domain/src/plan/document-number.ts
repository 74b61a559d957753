import { z } from 'zod';

/**
 * Number and code of a document as Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.4) writes it:
 * `<number>/<type code>-<issuer code>`, e.g. `54/KH-UBND` (plan 54 of the People's Committee).
 * Type codes are letters starting upper-case (KH, QĐ, NQ, CTr…); issuer codes may hold letters, digits, `&` and `-`
 * (UBND, SKHCN, VP-UBND).
 */
const PLAN_NUMBER = /^(\d{1,6})\/([A-ZĐ][A-ZĐa-zđ]{0,5})-([A-ZĐa-zđ0-9&]+(?:-[A-ZĐa-zđ0-9&]+)*)$/u;

export type DocumentNumber = { number: number; typeCode: string; issuerCode: string };

/** Parses `54/KH-UBND` → { number: 54, typeCode: 'KH', issuerCode: 'UBND' }; null when malformed. */
export function parseDocumentNumber(code: string): DocumentNumber | null {
  const m = PLAN_NUMBER.exec(code.normalize('NFC').trim());
  if (!m) return null;
  const number = Number(m[1]);
  if (number < 1) return null;
  return { number, typeCode: m[2]!, issuerCode: m[3]! };
}

/** Formats a number back as `54/KH-UBND` (no leading zeros: the decree writes the number as an Arabic number). */
export function formatDocumentNumber(n: DocumentNumber): string {
  return `${n.number}/${n.typeCode}-${n.issuerCode}`;
}

/**
 * Kinds of document a plan is issued as, by type code (Nghị định 30/2020/NĐ-CP, Phụ lục III): Kế hoạch, a
 * Quyết định with the plan attached, Chương trình, Đề án, Hướng dẫn. A plan's number carries its kind's code.
 */
export const PLAN_DOCUMENT_KINDS = ['KH', 'QĐ', 'CTr', 'ĐA', 'HD'] as const;
export type PlanDocumentKind = (typeof PLAN_DOCUMENT_KINDS)[number];

/** A plan's number and code: a Kế hoạch (KH), a Quyết định with the plan attached (QĐ), a CTr, ĐA or HD. */
export const planNumber = z
  .string()
  .trim()
  // A real number is short; the bound keeps any text far inside the btree index's row limit (issue 14).
  .max(60, 'Tối đa 60 ký tự')
  .overwrite((s) => s.normalize('NFC'))
  .superRefine((s, ctx) => {
    const parsed = parseDocumentNumber(s);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message: 'Số, ký hiệu phải có dạng <số>/<loại>-<cơ quan>, ví dụ 54/KH-UBND',
      });
    } else if (!(PLAN_DOCUMENT_KINDS as readonly string[]).includes(parsed.typeCode)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Ký hiệu loại văn bản là KH, QĐ, CTr, ĐA hoặc HD (ví dụ 54/KH-UBND)',
      });
    }
  });
