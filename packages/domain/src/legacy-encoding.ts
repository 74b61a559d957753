/*
 * Vietnamese text typed with the pre-Unicode fonts still common in provincial offices: TCVN3 (the "ABC" fonts,
 * .VnTime; TCVN 5712:1993) and VNI (VNI-Times). Saved into Excel, such text arrives as Windows-1252 letters
 * ("ChuyÓn ®æi sè", "Chuyeån ñoåi soá"). An import must never store it as is: it is detected here and the
 * Unicode reading offered. Pure functions, no I/O.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 (ABC): one byte per letter; the capitals with tone marks live in separate "H" fonts and are not here. */
const TCVN3: Record<string, string> = {
  '¡': 'Ă',
  '¢': 'Â',
  '£': 'Ê',
  '¤': 'Ô',
  '¥': 'Ơ',
  '¦': 'Ư',
  '§': 'Đ',
  '¨': 'ă',
  '©': 'â',
  ª: 'ê',
  '«': 'ô',
  '¬': 'ơ',
  '\u00ad': 'ư',
  '®': 'đ',
  µ: 'à',
  '¶': 'ả',
  '·': 'ã',
  '¸': 'á',
  '¹': 'ạ',
  '»': 'ằ',
  '¼': 'ẳ',
  '½': 'ẵ',
  '¾': 'ắ',
  Æ: 'ặ',
  Ç: 'ầ',
  È: 'ẩ',
  É: 'ẫ',
  Ê: 'ấ',
  Ë: 'ậ',
  Ì: 'è',
  Î: 'ẻ',
  Ï: 'ẽ',
  Ð: 'é',
  Ñ: 'ẹ',
  Ò: 'ề',
  Ó: 'ể',
  Ô: 'ễ',
  Õ: 'ế',
  Ö: 'ệ',
  '×': 'ì',
  Ø: 'ỉ',
  Ü: 'ĩ',
  Ý: 'í',
  Þ: 'ị',
  ß: 'ò',
  á: 'ỏ',
  â: 'õ',
  ã: 'ó',
  ä: 'ọ',
  å: 'ồ',
  æ: 'ổ',
  ç: 'ỗ',
  è: 'ố',
  é: 'ộ',
  ê: 'ờ',
  ë: 'ở',
  ì: 'ỡ',
  í: 'ớ',
  î: 'ợ',
  ï: 'ù',
  ñ: 'ủ',
  ò: 'ũ',
  ó: 'ú',
  ô: 'ụ',
  õ: 'ừ',
  ö: 'ử',
  '÷': 'ữ',
  ø: 'ứ',
  ù: 'ự',
  ú: 'ỳ',
  û: 'ỷ',
  ü: 'ỹ',
  ý: 'ý',
  þ: 'ỵ',
};

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';

/** VNI: a base letter followed by a mark character (two characters for most letters with marks). */
const VNI: Map<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (vni: string, base: string, ...marks: string[]) => {
    const u = (base + marks.join('')).normalize('NFC');
    m.set(vni, u);
    m.set(vni.toUpperCase(), u.toUpperCase());
    // Capitals are also met with the lower-case mark character.
    if (vni.length === 2) m.set(vni[0]!.toUpperCase() + vni[1], u.toUpperCase());
  };
  const tones: [string, string][] = [
    ['ù', ACUTE],
    ['ø', GRAVE],
    ['û', HOOK],
    ['õ', TILDE],
    ['ï', DOT],
  ];
  for (const v of ['a', 'e', 'o', 'u', 'y']) for (const [k, t] of tones) add(v + k, v, t);
  for (const [k, t] of tones) {
    add(`ô${k}`, 'o', HORN, t);
    add(`ö${k}`, 'u', HORN, t);
  }
  const hatTones: [string, string][] = [
    ['á', ACUTE],
    ['à', GRAVE],
    ['å', HOOK],
    ['ã', TILDE],
    ['ä', DOT],
  ];
  for (const v of ['a', 'e', 'o']) {
    add(`${v}â`, v, CIRCUMFLEX);
    for (const [k, t] of hatTones) add(v + k, v, CIRCUMFLEX, t);
  }
  add('aê', 'a', BREVE);
  for (const [k, t] of [
    ['é', ACUTE],
    ['è', GRAVE],
    ['ú', HOOK],
    ['ü', TILDE],
    ['ë', DOT],
  ] as const)
    add(`a${k}`, 'a', BREVE, t);
  add('ô', 'o', HORN);
  add('ö', 'u', HORN);
  add('ñ', 'đ');
  add('í', 'i', ACUTE);
  add('ì', 'i', GRAVE);
  add('æ', 'i', HOOK);
  add('ó', 'i', TILDE);
  add('ò', 'i', DOT);
  add('î', 'y', DOT);
  return m;
})();

/** Letters of Vietnamese in Unicode (NFC) from the Latin-1 block: anything else there hints at a legacy font. */
const VIETNAMESE_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');

const isSuspect = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c >= 0xa0 && c <= 0xff && !VIETNAMESE_LATIN1.has(ch);
};

/** TCVN3 text → Unicode (characters outside the table are kept). */
export function tcvn3ToUnicode(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3[ch] ?? ch;
  return out.normalize('NFC');
}

/** VNI text → Unicode (characters outside the table are kept). */
export function vniToUnicode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = VNI.get(text.slice(i, i + 2));
    if (pair && text.length > i + 1) {
      out += pair;
      i++;
      continue;
    }
    out += VNI.get(text[i]!) ?? text[i]!;
  }
  return out.normalize('NFC');
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?([aăâeêioôơuưy]{1,3})(ch|ng|nh|c|m|n|p|t)?$/;

const UNICODE_ONLY_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;

/** Whether a word (letters only) reads as one Vietnamese syllable with at most one tone mark. */
export function isVietnameseSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize('NFD');
  if ((d.match(TONES) ?? []).length > 1) return false;
  return SYLLABLE.test(d.replace(TONES, '').normalize('NFC'));
}

/** Every word with a letter beyond ASCII is a Vietnamese syllable, and nothing suspect is left. */
function readsAsVietnamese(text: string): boolean {
  if ([...text].some(isSuspect)) return false;
  const words = text.split(/[^\p{L}]+/u).filter((w) => [...w].some((ch) => ch.charCodeAt(0) > 0x7f));
  return words.length > 0 && words.every(isVietnameseSyllable);
}

/**
 * Detects text typed in a TCVN3 or VNI font: characters no Vietnamese Unicode text uses, which read as Vietnamese
 * syllables once converted. Returns the encoding and the Unicode reading, or null for ordinary text (a stray "®" in
 * "Zalo®" is not Vietnamese after conversion, so it is left alone).
 */
export function detectLegacyEncoding(text: string): { encoding: LegacyEncoding; unicode: string } | null {
  const nfc = text.normalize('NFC');
  if (![...nfc].some(isSuspect)) return null;
  // Letters only Unicode has (ă, đ, ơ, ư, ạ…ỹ): a legacy font's text is 8-bit, so this is Unicode with a symbol in it
  // ("Học sinh lớp 5 © 2023" is not TCVN3).
  if (UNICODE_ONLY_VIETNAMESE.test(nfc)) return null;
  // In a legacy font the odd characters are letters inside words ("Hµ Néi"); one standing beside digits or spaces
  // is a symbol ("©2023", "giá 5 ©").
  const chars = [...nfc];
  const inWord = (ch: string | undefined) => ch !== undefined && (/\p{L}/u.test(ch) || isSuspect(ch));
  if (chars.some((ch, i) => isSuspect(ch) && !inWord(chars[i - 1]) && !inWord(chars[i + 1]))) return null;
  for (const [encoding, convert] of [
    ['tcvn3', tcvn3ToUnicode],
    ['vni', vniToUnicode],
  ] as const) {
    const unicode = convert(nfc);
    if (unicode !== nfc && readsAsVietnamese(unicode)) return { encoding, unicode };
  }
  return null;
}

/** The font family users know each legacy encoding by. */
export const LEGACY_ENCODING_NAMES: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI (phông VNI-Times)',
};

/** The message an import shows for a cell typed in a legacy font, with the Unicode reading offered. */
export function legacyTextMessage(original: string, found: { encoding: LegacyEncoding; unicode: string }) {
  return `Chữ gõ bằng bảng mã cũ ${LEGACY_ENCODING_NAMES[found.encoding]}: "${original}" đọc là "${found.unicode}". Chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã) hoặc sửa ô này, rồi nhập lại`;
}
