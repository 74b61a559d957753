import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding, isVietnameseSyllable, tcvn3ToUnicode, vniToUnicode } from './legacy-encoding';

describe('text typed in legacy Vietnamese fonts', () => {
  it('reads TCVN3 (ABC, .VnTime) as Unicode', () => {
    expect(tcvn3ToUnicode('ChuyÓn ®æi sè')).toBe('Chuyển đổi số');
    expect(tcvn3ToUnicode('Thµnh phè H¶i Phßng')).toBe('Thành phố Hải Phòng');
    expect(tcvn3ToUnicode('B¶o Th¾ng')).toBe('Bảo Thắng');
    // ư is a soft hyphen in TCVN3: invisible when shown, but there.
    expect(tcvn3ToUnicode('M\u00adêng Kh\u00ad¬ng')).toBe('Mường Khương');
    expect(tcvn3ToUnicode('§µo t¹o kü n¨ng sè')).toBe('Đào tạo kỹ năng số');
  });

  it('reads VNI (VNI-Times) as Unicode', () => {
    expect(vniToUnicode('Chuyeån ñoåi soá')).toBe('Chuyển đổi số');
    expect(vniToUnicode('Xin chaøo caùc baïn')).toBe('Xin chào các bạn');
    expect(vniToUnicode('Ñaøo taïo kyõ naêng soá')).toBe('Đào tạo kỹ năng số');
    expect(vniToUnicode('Tröôøng hoïc')).toBe('Trường học');
    expect(vniToUnicode('CHUYEÅN ÑOÅI SOÁ')).toBe('CHUYỂN ĐỔI SỐ');
  });

  it('detects which font a cell was typed in, and leaves ordinary text alone', () => {
    expect(detectLegacyEncoding('ChuyÓn ®æi sè')).toEqual({ encoding: 'tcvn3', unicode: 'Chuyển đổi số' });
    expect(detectLegacyEncoding('Héi nghÞ tËp huÊn chuyÓn ®æi sè n¨m 2024')).toEqual({
      encoding: 'tcvn3',
      unicode: 'Hội nghị tập huấn chuyển đổi số năm 2024',
    });
    expect(detectLegacyEncoding('Chuyeån ñoåi soá')).toEqual({ encoding: 'vni', unicode: 'Chuyển đổi số' });
    expect(detectLegacyEncoding('Chuyển đổi số')).toBeNull();
    expect(detectLegacyEncoding('Chuyển đổi số'.normalize('NFD'))).toBeNull();
    expect(detectLegacyEncoding('Fanpage Zalo®')).toBeNull();
    expect(detectLegacyEncoding('Nhiệt độ 30°C')).toBeNull();
    expect(detectLegacyEncoding('https://example.vn/tin/123')).toBeNull();
    // A symbol in Unicode text is not a legacy font: Unicode-only letters, or the symbol standing beside no letter.
    expect(detectLegacyEncoding('Học sinh lớp 5 © 2023')).toBeNull();
    expect(detectLegacyEncoding('Giá 1.500.000 (©2023)')).toBeNull();
    expect(detectLegacyEncoding('Hµ Néi')).toEqual({ encoding: 'tcvn3', unicode: 'Hà Nội' });
  });

  it('knows a Vietnamese syllable', () => {
    for (const w of ['chuyển', 'đổi', 'số', 'nghiêng', 'khuya', 'Trường', 'quốc'])
      expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['zalođ', 'sốố', 'đ', 'xyz']) expect(isVietnameseSyllable(w)).toBe(false);
  });
});
