import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanMarkdown } from './parse-markdown';
import { type PlanDocument, validatePlanDocument } from './plan';
import { copyPlanToProvince, planGroupCodes, planUnitIds, suggestUnitMapping } from './province-copy';

const SEED = resolve(import.meta.dirname, '../../../db/data/plans/54-KH-UBND-2023.vi.md');
const u = (unitId: string, name: string, kind = 'department') => ({ unitId, name, kind });

describe('a plan copied into another province (issue 17)', () => {
  const v = validatePlanDocument(parsePlanMarkdown(readFileSync(SEED, 'utf8')).document);
  if (!v.ok) throw new Error('plan 54 invalid');
  const withUnits: PlanDocument = {
    ...v.value,
    responsibilities: v.value.responsibilities.map((r, i) =>
      i === 0
        ? {
            ...r,
            unitRefs: [
              { type: 'unit', unitId: '00000000-0000-4000-8000-0000000000a0', name: 'Sở Tài chính' },
            ],
          }
        : i === 1
          ? {
              ...r,
              unitRefs: [
                { type: 'unit', unitId: '00000000-0000-4000-8000-0000000000a1', name: 'Báo Hải Phòng' },
              ],
            }
          : r,
    ),
  };

  it('suggests the same office of the other province by kind and name; the rest are left to choose', () => {
    const rows = suggestUnitMapping(
      [
        u('00000000-0000-4000-8000-0000000000a0', 'Sở Tài chính'),
        u('00000000-0000-4000-8000-0000000000a1', 'Báo Hải Phòng', 'press_agency'),
      ],
      [
        u('00000000-0000-4000-8000-0000000000b0', 'Sở Tài chính'),
        u('00000000-0000-4000-8000-0000000000b1', 'Sở Nội vụ'),
        u('00000000-0000-4000-8000-0000000000b2', 'Báo Hà Nam', 'press_agency'),
        u('00000000-0000-4000-8000-0000000000b3', 'Đài PT-TH Hà Nam', 'press_agency'),
      ],
      { fromPlace: 'Hải Phòng', toPlace: 'Hà Nam' },
    );
    expect(rows[0]!.suggestion?.unitId).toBe('00000000-0000-4000-8000-0000000000b0');
    // "Báo Hải Phòng" and "Báo Hà Nam" are both "báo" once the province's name is set aside.
    expect(rows[1]!.suggestion?.unitId).toBe('00000000-0000-4000-8000-0000000000b2');
    expect(rows[1]!.candidates.map((c) => c.unitId)).toEqual([
      '00000000-0000-4000-8000-0000000000b2',
      '00000000-0000-4000-8000-0000000000b3',
    ]);
    expect(planUnitIds(withUnits)).toEqual([
      '00000000-0000-4000-8000-0000000000a0',
      '00000000-0000-4000-8000-0000000000a1',
    ]);
    expect(planGroupCodes(withUnits).length).toBeGreaterThan(0);
  });

  it('re-maps units, drops what was mapped to nothing, takes the target issuer and place, leaves the source’s own bases', () => {
    const copy = copyPlanToProvince(withUnits, {
      year: 2026,
      fromPlace: 'Hải Phòng',
      toPlace: 'Hà Nam',
      committee: 'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      unitMap: new Map([
        ['00000000-0000-4000-8000-0000000000a0', u('00000000-0000-4000-8000-0000000000b0', 'Sở Tài chính')],
        ['00000000-0000-4000-8000-0000000000a1', null],
      ]),
      groupMap: new Map(),
    });
    const checked = validatePlanDocument(copy);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    if (!checked.ok) return;
    const d = checked.value;
    expect(d).toMatchObject({
      issuerName: 'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      place: 'Hà Nam',
      year: 2026,
      number: null,
    });
    expect(d.title).toBe('Truyền thông về chuyển đổi số trên địa bàn thành phố Hà Nam năm 2026');
    expect(d.responsibilities[0]!.unitRefs).toEqual([
      { type: 'unit', unitId: '00000000-0000-4000-8000-0000000000b0', name: 'Sở Tài chính' },
    ]);
    expect(d.responsibilities[1]!.unitRefs).toEqual([]);
    expect(JSON.stringify(d)).not.toContain('Hải Phòng');
    // 29/KH-UBND and 03-NQ/TU were the source city's own documents.
    expect(d.legalBases.map((b) => b.number)).not.toContain('29/KH-UBND');
    expect(d.signature.signer).toBe('');
  });
});
