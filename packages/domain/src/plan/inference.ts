import { foldVietnamese } from '../text';
import type { TargetGoal, TargetSubject } from './plan';

/**
 * Reads a target's goal from its wording (Plan 54 I.2): "100% …" → = 100%; "Tối thiểu 50% …" → ≥ 50%;
 * "Tổ chức 01-02 cuộc thi …" → a count between 1 and 2. Null when the wording names no figure.
 */
export function inferGoal(text: string): TargetGoal | null {
  const folded = foldVietnamese(text);
  const pct = /(\d+(?:[.,]\d+)?)\s*%/.exec(text);
  if (pct) {
    const value = Number(pct[1]!.replace(',', '.'));
    if (/\b(toi thieu|it nhat|khong duoi|tren)\b/.test(folded.slice(0, pct.index + 20)))
      return { comparator: 'gte', value, unit: 'percent' };
    if (/\b(toi da|khong qua|duoi)\b/.test(folded.slice(0, pct.index + 20)))
      return { comparator: 'lte', value, unit: 'percent' };
    return { comparator: 'eq', value, unit: 'percent' };
  }
  const range = /\b(\d{1,4})\s*[-–]\s*(\d{1,4})\b/.exec(text);
  if (range) return { comparator: 'between', value: Number(range[1]), max: Number(range[2]), unit: 'count' };
  const atLeast = /(?:toi thieu|it nhat)\s+(\d{1,4})\b/.exec(folded);
  if (atLeast) return { comparator: 'gte', value: Number(atLeast[1]), unit: 'count' };
  return null;
}

/**
 * What a target is about, from its wording, by the six definitions in docs/brief.md of Plan 54 I.2:
 * schools (e) and units (a) are unit groups; channels (b), people (c), DX models (d) and contests or
 * workshops (đ) are kinds of record. Null when no rule matches (the DX office picks it).
 */
export function inferTargetSubject(text: string): TargetSubject | null {
  const f = foldVietnamese(text);
  if (f.includes('truong hoc')) return { type: 'unit_group', unitGroupCode: 'all-schools' };
  if (f.includes('chuyen muc')) return { type: 'record', recordKind: 'channel' };
  if (f.includes('phong vien') || f.includes('bien tap vien'))
    return { type: 'record', recordKind: 'person' };
  if (f.includes('mo hinh') || f.includes('guong dien hinh'))
    return { type: 'record', recordKind: 'dx_model' };
  if (f.includes('cuoc thi') || f.includes('hoi thao')) return { type: 'record', recordKind: 'event' };
  if (f.includes('co quan, don vi, dia phuong') && f.includes('ke hoach')) {
    return { type: 'unit_group', unitGroupCode: REPORTING_UNITS_GROUP };
  }
  return null;
}

/**
 * The unit group of Plan 54 I.2.a ("các cơ quan, đơn vị, địa phương"): departments, districts, communes and
 * mass organisations (docs/brief.md, target a).
 */
export const REPORTING_UNITS_GROUP = 'all-reporting-units';
