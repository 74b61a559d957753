import type { Cell } from './import';
import { MAX_COUNT } from './inputs';

/*
 * Numbers in imported cells. A number cell of the workbook is a number (1.5 stays one and a half, never 15); text
 * is read by the Vietnamese convention: "." groups thousands (1.234 = one thousand two hundred and thirty-four), ","
 * separates decimals (1,5 = one and a half). Text that could be read both ways ("1,000", "1.5") is refused with
 * the reason rather than guessed.
 */

export type NumberReading = { ok: true; value: number | null } | { ok: false; message: string };

const GROUPED = /^\d{1,3}(\.\d{3})+$/; // 1.234 or 12.345.678
const GROUPED_DECIMAL = /^\d{1,3}(\.\d{3})+,\d+$/; // 1.234,5
const PLAIN = /^\d+$/;
const DECIMAL = /^\d+,\d+$/; // 1,5
const ENGLISH_GROUPS = /^\d{1,3}(,\d{3})+$/; // 1,000 — a Vietnamese decimal or an English thousand?

/** Reads a number cell or Vietnamese-written text; empty → null. */
export function readImportNumber(cell: Cell): NumberReading {
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, message: 'Không phải số' };
  if (typeof cell === 'boolean' || cell instanceof Date) return { ok: false, message: 'Không phải số' };
  const original = cell.normalize('NFC').trim();
  const t = original.replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return { ok: true, value: null };
  const negative = t.startsWith('-');
  const s = negative ? t.slice(1) : t;
  let value: number | null = null;
  if (PLAIN.test(s)) value = Number(s);
  else if (GROUPED.test(s)) value = Number(s.replace(/\./g, ''));
  else if (GROUPED_DECIMAL.test(s)) value = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (ENGLISH_GROUPS.test(s))
    return {
      ok: false,
      message: `Số "${original}" không rõ: ghi ${s.replace(/,/g, '.')} (hàng nghìn dùng dấu chấm) hoặc ${s.replace(/,/g, '')}; số thập phân dùng dấu phẩy (1,5)`,
    };
  else if (DECIMAL.test(s)) value = Number(s.replace(',', '.'));
  else if (/^\d+\.\d+$/.test(s))
    return {
      ok: false,
      message: `Số "${original}" không rõ: số thập phân ghi bằng dấu phẩy (${s.replace('.', ',')}), hàng nghìn bằng dấu chấm theo nhóm 3 chữ số (1.234)`,
    };
  if (value === null || !Number.isFinite(value)) return { ok: false, message: `"${original}" không phải số` };
  return { ok: true, value: negative ? -value : value };
}

/** Reads a count (people, reach, a year): a whole number from 0 up; empty → null. */
export function readImportCount(cell: Cell, label = 'Số'): NumberReading {
  const r = readImportNumber(cell);
  if (!r.ok || r.value === null) return r;
  const shown = typeof cell === 'number' ? String(cell).replace('.', ',') : String(cell).trim();
  if (!Number.isInteger(r.value))
    return { ok: false, message: `${label} phải là số nguyên; "${shown}" có phần thập phân` };
  if (r.value < 0 || r.value > MAX_COUNT)
    return { ok: false, message: `${label} "${shown}" phải là số nguyên không âm` };
  return r;
}
