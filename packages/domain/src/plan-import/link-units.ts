import type { PlanDocumentInput, PlanUnitRef } from '../plan/plan';
import { foldVietnamese } from '../text';

export type UnitName = { unitId: string; name: string };

/** Word-level similarity of two folded names (1 = same words), for names OCR left slightly damaged. */
function similarity(a: string, b: string): number {
  const x = a.split(' ');
  const y = b.split(' ');
  const dp = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++)
      dp[i]![j] = Math.min(
        dp[i - 1]![j]! + 1,
        dp[i]![j - 1]! + 1,
        dp[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
  return 1 - dp[x.length]![y.length]! / Math.max(x.length, y.length);
}

/**
 * The unit a heading of V. TỔ CHỨC THỰC HIỆN names ("Sở Tài chính"), by folded name; a near match (one word in
 * six different, as OCR leaves "Sẻ Khoa học và Công nghệ") is accepted with a lower confidence.
 */
export function matchUnit(
  heading: string,
  units: readonly UnitName[],
): { unitId: string; confidence: number } | null {
  const h = foldVietnamese(heading);
  let best: { unitId: string; confidence: number } | null = null;
  for (const u of units) {
    const n = foldVietnamese(u.name);
    const s = n === h ? 1 : similarity(n, h);
    if (s >= 0.8 && (!best || s > best.confidence))
      best = { unitId: u.unitId, confidence: s === 1 ? 0.95 : s * 0.8 };
  }
  return best;
}

/**
 * Unit groups a paragraph names by their usual wording (plan 54 V.3: "các Sở, ban, ngành", "quận, huyện",
 * "xã, phường", "tổ chức chính trị - xã hội"), kept to the groups the province has.
 */
export function groupRefsForText(text: string, groupCodes: ReadonlySet<string>): PlanUnitRef[] {
  const f = foldVietnamese(text);
  const refs: PlanUnitRef[] = [];
  const add = (code: string) => {
    if (groupCodes.has(code)) refs.push({ type: 'unit_group', unitGroupCode: code });
  };
  if (/\bso, (ban, )?nganh\b/.test(f)) add('all-departments');
  if (f.includes('quan, huyen')) add('all-districts');
  if (f.includes('xa, phuong')) add('all-communes');
  if (f.includes('to chuc chinh tri - xa hoi')) add('all-mass-organisations');
  return refs;
}

/**
 * Links each responsibility to the unit its heading names, or else to the groups its heading and items name
 * (the same rule the seed of plan 54 applies, packages/db/src/seed/seed-plans.ts). Returns the confidence per
 * responsibility (0 when nothing was linked). Mutates and returns the document.
 */
export function linkResponsibilities(
  doc: PlanDocumentInput,
  units: readonly UnitName[],
  groupCodes: ReadonlySet<string>,
): number[] {
  return doc.responsibilities.map((r) => {
    const unit = matchUnit(r.heading, units);
    if (unit) {
      r.unitRefs = [{ type: 'unit', unitId: unit.unitId, name: r.heading }];
      return unit.confidence;
    }
    r.unitRefs = groupRefsForText(r.heading, groupCodes);
    for (const item of r.items ?? []) item.unitRefs = groupRefsForText(item.text, groupCodes);
    return r.unitRefs.length ? 0.7 : 0;
  });
}
