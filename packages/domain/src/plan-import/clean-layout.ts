import { foldVietnamese } from '../text';

/**
 * Layout repair of OCR text of a Decree 30/2020 document: drops scanner noise, page numbers and the
 * digital-signature trailer, puts the two-column header (issuer | national motto) and the two-column foot
 * (Nơi nhận | signature block) back in reading order, and joins lines broken by the page width into
 * paragraphs. Works on the letters' shapes only, so it runs before diacritics are restored. Pure.
 */

/** Lines from the first trace of a digital signature on: the trailer a signing tool appends (not the document). */
const SIGNATURE_TRAILER = [
  /đã ký lên văn bản/iu,
  /^\s*(loai|muc)_\d+\s*$/u,
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/u,
  /^\s*Văn phòng Chính phủ - ĐT/iu,
];

/** The national motto lines of the header (Nghị định 30/2020, Phụ lục I, mục II.1), as OCR leaves them. */
const MOTTO_TOP = /(c[o0]ng\s+h[o0]a\s+x[a3]\s+h[o0]i\s+ch[u]\s+ngh[i1]a\s+vi[e]t\s+nam)\s*$/u;
const MOTTO_BOTTOM = /(\S+\s+\S+\s+-\s+\S+\s+d[o0]\s+-\s+h\S*nh\s+ph\S*c)\s*$/u;

/** Authority marks that open a signature block (TM., KT., Q., TL., or the bare position in capitals). */
const AUTHORITY = /\s((?:TM|KT|TL|Q|TUQ)\.\s*\S.*)$/u;

function foldOcr(s: string): string {
  return foldVietnamese(s).replace(/6/g, 'o').replace(/1/g, 'l');
}

function isNoise(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (/^\d{1,3}$/.test(t)) return true; // page number
  const tokens = t.split(/\s+/);
  const single = tokens.filter((x) => x.length === 1).length;
  const letters = (t.match(/\p{L}/gu) ?? []).length;
  if (tokens.length >= 4 && single / tokens.length >= 0.7 && !/^[a-zđ]\)|^-/u.test(t)) return true;
  return letters / t.replace(/\s/g, '').length < 0.3 && !/\d/.test(t);
}

/** A line that starts a new block: part I., item 1., lettered a), a bullet, or a closing block. */
export function startsBlock(line: string): boolean {
  return (
    /^(?:[IVX]+)\.\s?\S/u.test(line) ||
    /^\d{1,2}\.\s/u.test(line) ||
    /^[a-zđ¢]\)\s/u.test(line) ||
    /^\)\s/u.test(line) ||
    /^-\s?\S/u.test(line) ||
    /^N[oơ]i\s+nh/iu.test(line) ||
    /^(?:TM|KT|TL|Q|TUQ)\.\s/u.test(line) ||
    /^S[oố6]\s*:/iu.test(line) ||
    /^Ph[uụ]\s+l[uụ]c\b/iu.test(line) ||
    /^(Thực hiện|Căn cứ|Theo đề nghị|Điều \d+\.)\s/u.test(line) ||
    /^Độc lập - Tự do - Hạnh phúc/u.test(line) ||
    /^[\p{Lu}][^,]{1,40}, ngày \d{1,2} tháng \d{1,2} năm \d{4}/u.test(line) ||
    isCapsLine(line)
  );
}

function isCapsLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

const terminal = (s: string) => /[.:;!?]$|\.\/\.$/u.test(s.trim());

export type CleanLayout = { text: string; removed: string[] };

/** Cleans the layout of OCR text (see the module comment); returns paragraphs separated by blank lines. */
export function cleanOcrLayout(raw: string): CleanLayout {
  const removed: string[] = [];
  let lines = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0]/g, ' ')
    .split('\n');

  const cut = lines.findIndex((l) => SIGNATURE_TRAILER.some((r) => r.test(l)));
  if (cut >= 0) {
    removed.push(...lines.slice(cut).filter((l) => l.trim()));
    lines = lines.slice(0, cut);
  }
  lines = lines.filter((l) => {
    if (isNoise(l)) {
      removed.push(l);
      return false;
    }
    return true;
  });

  // Header: left column (issuer) and right column (motto) share lines until "Số:".
  const left: string[] = [];
  const right: string[] = [];
  let i = 0;
  const headerEnd = lines.findIndex((l) => /^\s*S[oố6]\s*:/iu.test(l));
  if (headerEnd > 0 && headerEnd < 8) {
    for (; i < headerEnd; i++) {
      const l = lines[i]!.trim();
      if (!l) continue;
      const f = foldOcr(l);
      const top = MOTTO_TOP.exec(f);
      const bottom = top ? null : MOTTO_BOTTOM.exec(f);
      const m = top ?? bottom;
      if (m) {
        const at = l.length - (f.length - m.index);
        if (l.slice(0, at).trim()) left.push(l.slice(0, at).trim());
        right.push(l.slice(at).trim());
      } else left.push(l);
    }
  }
  const out: string[] = [];
  if (left.length || right.length) out.push(left.join(' '), '', ...right.flatMap((r) => [r, '']));

  // Foot: "Nơi nhận" beside the signature block.
  const foot: string[] = [];
  let inFoot = false;
  for (; i < lines.length; i++) {
    let l = lines[i]!.replace(/\s+$/u, '');
    // "Số:54  /KH-UBND <place>, ngày …": the number and its code were split by the form's underline.
    // The label "Số:" is fixed by Nghị định 30/2020 (Phụ lục I, mục II.3), whatever OCR made of it.
    l = l.replace(/^(\s*S\S{1,2}\s*:\s*)(\d+)\s+\//u, '$1$2/').replace(/^\s*S\S{1,2}\s*:\s*(?=\d)/u, 'Số: ');
    // An apostrophe inside a word is a stray accent ("V’é").
    l = l.replace(/(\p{L})[’'](\p{L})/gu, '$1$2');
    l = l.replace(/^([IVX]+)\.(?=\S)/u, '$1. ').replace(/^-(?=\S)/u, '- ');
    if (/^N\S{1,2}i\s+nh\S*:?/iu.test(l.trim())) inFoot = true;
    if (inFoot) {
      const a = AUTHORITY.exec(l);
      if (a) {
        foot.push(a[1]!.trim());
        l = l.slice(0, a.index);
      } else if (foot.length && /;\s+\S/.test(l) && /^\s*-/.test(l)) {
        // The right column's next line (the position under "KT. …") sits after the recipient's ";".
        const at = l.indexOf('; ');
        const tail = l.slice(at + 2).trim();
        if (tail) {
          foot.push(tail);
          l = l.slice(0, at + 1);
        }
      }
    }
    out.push(l.trim());
  }
  // Under "KT. <HEAD>" the deputy signs as "PHÓ <HEAD>" (Nghị định 30/2020, Phụ lục I, mục II.8.b); when OCR
  // garbled that line (too few letters), put the position back from the delegation.
  for (let k = 0; k < foot.length; k++) {
    const kt = /^KT\.\s*(.+)$/u.exec(foot[k]!);
    if (!kt) continue;
    const next = foot[k + 1];
    const letters = (next?.match(/\p{L}/gu) ?? []).length;
    if (next === undefined || letters < 5 || /[()\d]/.test(next)) {
      foot.splice(k + 1, next === undefined ? 0 : 1, `PHO ${kt[1]!.trim()}`);
    }
  }
  // The signer's name is the last line of the foot column: keep it after the authority lines.
  if (foot.length) {
    let last = out.length - 1;
    while (last >= 0 && !out[last]) last--;
    const name = out[last] ?? '';
    if (name && !/^-/.test(name) && !/^N\S{1,2}i\s+nh/iu.test(name)) {
      out.splice(last, 1);
      out.push('', ...foot.flatMap((f) => [f, '']), name);
    } else out.push('', ...foot.flatMap((f) => [f, '']));
  }

  // Paragraphs: join wrapped lines; a blank line inside a sentence (a page break) does not end it.
  const paragraphs: string[] = [];
  let current = '';
  let blank = false;
  // A line well short of the page width ends its paragraph (the last line of a justified paragraph, a heading);
  // text layers of PDFs keep no blank line between paragraphs.
  const lengths = out
    .filter(Boolean)
    .map((l) => l.length)
    .sort((a, b) => a - b);
  const wide = lengths[Math.floor(lengths.length * 0.8)] ?? 0;
  let previous = '';
  for (const l of out) {
    if (!l) {
      blank = true;
      continue;
    }
    const endedShort = previous.length < 0.7 * wide && !/[,;-]$/u.test(previous) && /^[\p{Lu}\d]/u.test(l);
    previous = l;
    const continues =
      !endedShort &&
      current !== '' &&
      !startsBlock(l) &&
      (!blank || (!terminal(current) && /^[\p{Ll}\d]/u.test(l))) &&
      !inSignature(current) &&
      // A heading in capitals (KẾ HOẠCH, I. MỤC TIÊU) stands alone.
      !isCapsLine(current);
    if (continues) {
      current = /\p{L}-$|\d-$/u.test(current) && /^\d/.test(l) ? current + l : `${current} ${l}`;
    } else {
      if (current) paragraphs.push(current);
      current = l;
    }
    blank = false;
  }
  if (current) paragraphs.push(current);
  return { text: paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).join('\n\n'), removed };
}

function inSignature(p: string): boolean {
  return /^(?:TM|KT|TL|Q|TUQ)\.\s/u.test(p);
}
