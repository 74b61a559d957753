import { foldVietnamese } from '../text';

/**
 * "Cơ quan chủ trì / phối hợp" as appendices write it (plan 54 III): one unit (a department's full name),
 * an abbreviation (TT&TT, PT&TH, UBND …), several units (a newspaper and a radio station, comma-separated) or a group ("Các sở, ban,
 * ngành; UBND các quận, huyện"). Resolved against the units and groups of the province as of the task's period;
 * what is not certain is returned as a question for the dry run, never guessed.
 */
export type LeadCandidates = {
  units: readonly { id: string; name: string }[];
  groups: readonly { id: string; code: string; name: string }[];
};

export type LeadMatch = {
  type: 'unit' | 'group';
  id: string;
  name: string;
  /** The piece of the cell it was read from. */
  text: string;
  /** exact: same name once folded; abbreviation: same after expanding TT&TT, PT&TH, UBND…; partial: the only unit whose name contains the words. */
  confidence: 'exact' | 'abbreviation' | 'partial';
};

export type LeadQuestion = {
  text: string;
  kind: 'ambiguous' | 'unknown';
  /** Units the text could mean (ambiguous), at most 5. */
  options: { id: string; name: string }[];
  reason: string;
};

export type LeadResolution = { matches: LeadMatch[]; questions: LeadQuestion[] };

/** Abbreviations seen in appendices, expanded on folded text (word boundaries). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\btt ?(?:&|va|-|\/) ?tt\b/g, 'thong tin va truyen thong'],
  [/\btttt\b/g, 'thong tin va truyen thong'],
  [/\bpt ?(?:&|va|-|\/) ?th\b/g, 'phat thanh va truyen hinh'],
  [/\bptth\b/g, 'phat thanh va truyen hinh'],
  [/\bgd ?(?:&|va|-|\/) ?dt\b/g, 'giao duc va dao tao'],
  [/\bkh ?(?:&|va|-|\/) ?dt\b/g, 'ke hoach va dau tu'],
  [/\bvh ?(?:&|va|-|\/) ?tt\b/g, 'van hoa va the thao'],
  [/\bkh ?(?:&|va|-|\/) ?cn\b/g, 'khoa hoc va cong nghe'],
  [/\bnn ?(?:&|va|-|\/) ?ptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bld ?-? ?tb ?(?:&|va|-|\/) ?xh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\btn ?(?:&|va|-|\/) ?mt\b/g, 'tai nguyen va moi truong'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bttdt\b/g, 'thong tin dien tu'],
  [/\btp\b/g, 'thanh pho'],
];

/** Folded, abbreviations expanded, punctuation dropped. */
function key(text: string): string {
  let f = foldVietnamese(text).replace(/\(.*?\)/g, ' ');
  for (const [re, full] of ABBREVIATIONS) f = f.replace(re, full);
  return f
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The plain key before expanding abbreviations (for telling "exact" from "abbreviation"). */
const plainKey = (text: string) =>
  foldVietnamese(text)
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Group phrases (folded) → group code. Order matters: the longest phrases first, and each phrase is removed from
 * the text once matched, so "UBND các quận, huyện, xã, phường, thị trấn" is read as two groups, not as units.
 */
const GROUP_PHRASES: [RegExp, string[]][] = [
  [
    /\b(?:uy ban nhan dan |ubnd )?cac quan,? huyen,? (?:thi xa,? )?xa,? phuong,? thi tran/g,
    ['all-districts', 'all-communes'],
  ],
  [/\b(?:cac )?so,? ban,? nganh(?: thanh pho)?/g, ['all-departments']],
  [/\b(?:cac )?so,? nganh(?: thanh pho)?/g, ['all-departments']],
  [/\b(?:uy ban nhan dan |ubnd )?cac quan,? huyen(?:,? thi xa)?/g, ['all-districts']],
  [/\b(?:uy ban nhan dan |ubnd )?cac xa,? phuong,? thi tran/g, ['all-communes']],
  [/\b(?:uy ban nhan dan |ubnd )?cac (?:phuong,? xa|xa,? phuong)/g, ['all-communes']],
];

/** Splits the rest of a cell into unit names: ";" "," newlines and " và " between names. */
function pieces(text: string): string[] {
  return text
    .split(/[;,\n+]|\s-\s/)
    .map((p) => p.replace(/^\s*(?:và|cùng|với)\s+/i, '').trim())
    .filter((p) => p.replace(/[^\p{L}\p{N}]/gu, '').length > 1);
}

/** Resolves a lead/coordinator cell to units and groups. Pure: the caller passes the candidates as of a date. */
export function resolveLeads(cell: string, candidates: LeadCandidates): LeadResolution {
  const matches: LeadMatch[] = [];
  const questions: LeadQuestion[] = [];
  const original = cell.normalize('NFC').replace(/\s+/g, ' ').trim();
  // Fold character by character so positions stay aligned with the original (Vietnamese letters fold 1:1 in NFC).
  let folded = [...original].map((ch) => (foldVietnamese(ch) || ' ').slice(0, 1)).join('');
  const seen = new Set<string>();
  const add = (m: LeadMatch) => {
    if (seen.has(`${m.type}:${m.id}`)) return;
    seen.add(`${m.type}:${m.id}`);
    matches.push(m);
  };

  const groupByCode = new Map(candidates.groups.map((g) => [g.code, g]));
  // The phrases every province writes first (they cover several groups at once).
  for (const [re, codes] of GROUP_PHRASES) {
    folded = folded.replace(re, (found, offset: number) => {
      const text = original.slice(offset, offset + found.length);
      for (const code of codes) {
        const g = groupByCode.get(code);
        if (g) add({ type: 'group', id: g.id, name: g.name, text, confidence: 'abbreviation' });
        else
          questions.push({
            text,
            kind: 'unknown',
            options: [],
            reason: `Tỉnh chưa có nhóm đơn vị "${code}"`,
          });
      }
      return ' '.repeat(found.length);
    });
  }

  // Then group names stored in the province.
  const sortedGroups = [...candidates.groups].sort((a, b) => b.name.length - a.name.length);
  for (const g of sortedGroups) {
    const gk = foldVietnamese(g.name);
    const at = folded.indexOf(gk);
    if (gk.length < 4 || at < 0) continue;
    add({
      type: 'group',
      id: g.id,
      name: g.name,
      text: original.slice(at, at + gk.length),
      confidence: 'exact',
    });
    folded = folded.slice(0, at) + ' '.repeat(gk.length) + folded.slice(at + gk.length);
  }
  const units = candidates.units.map((u) => ({ ...u, key: key(u.name), plain: plainKey(u.name) }));
  // Everything left, cut at separators, on the original text (to quote it back in the dry run).
  const rest = [...folded]
    .map((ch, i) => (ch === ' ' && original[i] !== ' ' ? '\uE000' : original[i]))
    .join('');
  for (const raw of pieces(rest.replace(/\uE000+/g, ';'))) {
    const text = raw.replace(/^[\s.]+|[\s.]+$/g, '');
    const k = key(text);
    if (!k) continue;
    const pk = plainKey(text);
    const exact = units.filter((u) => u.plain === pk);
    if (exact.length === 1) {
      add({ type: 'unit', id: exact[0]!.id, name: exact[0]!.name, text, confidence: 'exact' });
      continue;
    }
    const same = units.filter((u) => u.key === k);
    if (same.length === 1) {
      add({ type: 'unit', id: same[0]!.id, name: same[0]!.name, text, confidence: 'abbreviation' });
      continue;
    }
    // Every word of the text in the unit's name ("Sở Nội vụ" finds "Sở Nội vụ tỉnh …").
    const words = k.split(' ');
    const containing = (same.length > 1 ? same : units).filter((u) => {
      const uw = new Set(u.key.split(' '));
      return words.every((w) => uw.has(w));
    });
    if (containing.length === 1) {
      add({ type: 'unit', id: containing[0]!.id, name: containing[0]!.name, text, confidence: 'partial' });
    } else if (containing.length > 1) {
      questions.push({
        text,
        kind: 'ambiguous',
        options: containing.slice(0, 5).map((u) => ({ id: u.id, name: u.name })),
        reason: `"${text}" có thể là ${containing.length} đơn vị; hãy ghi rõ tên đơn vị`,
      });
    } else {
      questions.push({
        text,
        kind: 'unknown',
        options: [],
        reason: `Không tìm thấy đơn vị "${text}" trong danh mục đơn vị của tỉnh`,
      });
    }
  }
  return { matches, questions };
}
