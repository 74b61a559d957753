import { describe, expect, it } from 'vitest';
import { shortThemeTitle } from './theme-names';

describe('shortThemeTitle', () => {
  it('keeps what a theme is about and drops the opening verb (Plan 54 II.4.a–h)', () => {
    expect(shortThemeTitle('Tuyên truyền về Thể chế số')).toBe('Thể chế số');
    expect(shortThemeTitle('Tuyên truyền về Hạ tầng số')).toBe('Hạ tầng số');
  });

  it('drops the list of documents after a colon and ends a long name at a word with an ellipsis (II.2)', () => {
    const ii2 =
      'Tuyên truyền, phổ biến nội dung chỉ đạo về chuyển đổi số của Trung ương và của thành phố tại các văn bản: Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số quốc gia';
    const s = shortThemeTitle(ii2);
    expect(s.startsWith('Nội dung chỉ đạo về chuyển đổi số của Trung ương')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(61);
    expect(s).not.toContain('749');
  });

  it('drops bracketed asides and a trailing full stop (II.1, II.5)', () => {
    expect(
      shortThemeTitle(
        'Tuyên truyền hoạt động chỉ đạo, điều hành của Thành ủy (cơ quan, đơn vị, địa phương) về công tác chuyển đổi số.',
        200,
      ),
    ).toBe('Hoạt động chỉ đạo, điều hành của Thành ủy về công tác chuyển đổi số');
    expect(
      shortThemeTitle('Thông tin, chia sẻ kinh nghiệm, phổ biến mô hình chuyển đổi số thành công.'),
    ).toBe('Thông tin, chia sẻ kinh nghiệm, phổ biến mô hình chuyển đổi…');
  });

  it('leaves a title that is only the verb as it is', () => {
    expect(shortThemeTitle('Tuyên truyền')).toBe('Tuyên truyền');
  });
});
