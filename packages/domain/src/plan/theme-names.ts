/**
 * A theme's short name for pickers and lists (issue 19: the record form's theme picker showed whole legal
 * paragraphs, two per screen on a phone). Plan 54 II.2 runs to twelve lines naming every decision it
 * implements; an officer tagging a news item needs "Nội dung chỉ đạo về chuyển đổi số của Trung ương…".
 * The full title stays in the plan; this is only how it is shown.
 */
export function shortThemeTitle(title: string, max = 60): string {
  let s = title.replace(/\s+/g, ' ').trim();
  // What follows a colon or semicolon is the list of documents or examples (Plan 54 II.2 "tại các văn bản: …").
  const cut = s.search(/[:;]/);
  if (cut > 10) s = s.slice(0, cut);
  // Bracketed asides ("(cơ quan, đơn vị, địa phương)").
  s = s.replace(/\s*\([^)]*\)/g, '');
  // Every theme opens with the verb "Tuyên truyền" (II.1–4, 4.a–h) or "Thông tin tuyên truyền"; the picker's
  // label says what the theme is about.
  const rest = s.replace(/^(thông tin,?\s+)?tuyên truyền,?\s+(phổ biến\s+)?(về\s+)?/i, '');
  if (rest.length >= 3 && rest !== s) s = rest;
  s = s.replace(/[\s,.;:–-]+$/, '').trim();
  if (s.length > max) {
    const head = s.slice(0, max);
    const space = head.lastIndexOf(' ');
    s = `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,.;:–-]+$/, '')}…`;
  }
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
