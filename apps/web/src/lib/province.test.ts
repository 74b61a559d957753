import { describe, expect, it } from 'vitest';
import { chooseProvince } from './province';

const A = 'province-a';
const B = 'province-b';

describe('chooseProvince (issue 15)', () => {
  it("a unit officer's province follows the grant, not a choice stored in the browser", () => {
    const grants = [{ unitId: 'commune-in-b', provinceId: B }];
    expect(chooseProvince({ visible: [A, B], grants, stored: A })).toBe(B);
    expect(chooseProvince({ visible: [A, B], grants, stored: null })).toBe(B);
  });

  it('someone granted in several provinces, or everywhere, keeps the one chosen when it is theirs', () => {
    const two = [
      { unitId: 'a', provinceId: A },
      { unitId: 'b', provinceId: B },
    ];
    expect(chooseProvince({ visible: [A, B], grants: two, stored: B })).toBe(B);
    expect(chooseProvince({ visible: [A, B], grants: two, stored: 'gone' })).toBe(A);
    const all = [{ unitId: null, provinceId: null }];
    expect(chooseProvince({ visible: [A, B], grants: all, stored: B })).toBe(B);
  });

  it('a grant whose province is no longer visible (merged away) falls back to the visible ones', () => {
    const grants = [{ unitId: 'old-commune', provinceId: 'merged-away' }];
    expect(chooseProvince({ visible: [A], grants, stored: null })).toBe(A);
    expect(chooseProvince({ visible: [], grants, stored: null })).toBeNull();
  });
});
