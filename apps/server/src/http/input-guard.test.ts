import { describe, expect, it } from 'vitest';
import { legacyTextReason, unstorablePaths } from './input-guard';

/* Text typed in a legacy Vietnamese font is refused in form fields (issue 14), ordinary text never is. */
describe('legacy-font text in form fields', () => {
  it('refuses TCVN3 and VNI text and quotes the Unicode reading', () => {
    expect(legacyTextReason('Chuyón ®æi sè')).toMatch(/TCVN3.*đổi số/);
    expect(legacyTextReason('Chuyeån ñoåi soá')).toMatch(/VNI.*"Chuyển đổi số"/);
  });

  it('leaves Unicode Vietnamese, English and a stray symbol alone', () => {
    for (const ok of [
      'Chuyển đổi số',
      'Digital transformation',
      'Trang Zalo® của phường',
      'Giá 1.500.000 ₫ (©2023)',
    ])
      expect(legacyTextReason(ok), ok).toBeNull();
  });

  it('names the field in a body, never judges or quotes a password', () => {
    const body = {
      title: 'Chuyón ®æi sè',
      nested: [{ name: 'Chuyeån ñoåi soá' }],
      newPassword: 'Chuyón ®æi sè',
    };
    const issues = unstorablePaths(body, ['body'], { legacyText: true });
    expect(issues.map((i) => i.path)).toEqual([
      ['body', 'title'],
      ['body', 'nested', 0, 'name'],
    ]);
    expect(unstorablePaths(body, ['querystring'])).toEqual([]);
  });
});
