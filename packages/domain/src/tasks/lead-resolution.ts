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
  /** vague: a phrase that names no one in particular ("các đơn vị có liên quan"), asked rather than expanded. */
  kind: 'ambiguous' | 'unknown' | 'vague';
  /** What the text could mean: units (ambiguous, at most 5) or the province's groups (vague, a level alone). */
  options: { id: string; name: string; type?: 'unit' | 'group' }[];
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

/** Between the words of a list of levels: "xã, phường, thị trấn", "xã/phường/thị trấn", "xã - phường". */
const SEP = String.raw`(?:\s*[,/;-]\s*|\s+(?:va\s+)?)`;
const UBND = String.raw`(?:(?:uy ban nhan dan|ubnd)\s+)?`;
const COMMUNES = String.raw`(?:xa${SEP}phuong(?:${SEP}thi tran)?(?:${SEP}dac khu)?|phuong${SEP}xa(?:${SEP}thi tran)?(?:${SEP}dac khu)?)`;

/**
 * Group phrases (folded) → group codes; each alternative list is tried in order and the first the province has is
 * taken ("các cơ quan, đơn vị, địa phương" is the plan's reporting units where the province keeps that group, else
 * its departments and People's Committees). A phrase covering several groups names them all.
 */
const GROUP_PHRASES: [RegExp, string[][]][] = [
  [
    new RegExp(String.raw`\b${UBND}(?:cac |cap )?quan${SEP}huyen${SEP}(?:thi xa${SEP})?${COMMUNES}`),
    [['all-districts'], ['all-communes']],
  ],
  [/\b(?:cac )?co quan,? don vi,? dia phuong\b/, [['all-reporting-units', 'all-local-government']]],
  [/\b(?:cac )?so,? ban,? nganh(?: thanh pho| tinh)?/, [['all-departments']]],
  [/\b(?:cac )?so,? nganh(?: thanh pho| tinh)?/, [['all-departments']]],
  [new RegExp(String.raw`\b${UBND}(?:cac |cap )?quan${SEP}huyen(?:${SEP}thi xa)?`), [['all-districts']]],
  [new RegExp(String.raw`\b${UBND}(?:cac |cap )?${COMMUNES}`), [['all-communes']]],
];

/**
 * Phrases that name no one in particular ("các sở ngành liên quan", "các đơn vị có liên quan", "cơ quan liên
 * quan"): the dry run asks which group is meant; they are never expanded to a whole group on their own.
 */
const VAGUE =
  /\b(?:cac |nhung )?(?:(?:so|ban|nganh|co quan|don vi|dia phuong|to chuc|doan the|hoi)(?:\s*[,/]\s*|\s+))+(?:co )?lien quan\b/;

/** A level's name alone ("phường", "UBND xã", "cấp xã"): not a unit, and not a whole group either. */
const LEVEL_ONLY =
  /^(?:(?:uy ban nhan dan|ubnd) )?(?:cac |cap )?(?:xa|phuong|thi tran|dac khu|quan|huyen|thi xa)$/;

/** A group's name without its trailing explanation: "Các cơ quan, đơn vị, địa phương (sở, ban, ngành; …)". */
const shortName = (name: string) => name.replace(/\s*\([^()]*\)\s*$/, '').trim();

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
  const blank = (at: number, length: number) => {
    folded = folded.slice(0, at) + ' '.repeat(length) + folded.slice(at + length);
  };
  // Vague phrases first: asked, with the province's groups to choose from (the likeliest first), never expanded.
  for (let m = VAGUE.exec(folded); m; m = VAGUE.exec(folded)) {
    const text = original.slice(m.index, m.index + m[0].length);
    const likely = /\b(so|nganh)\b/.test(m[0]) ? 'all-departments' : 'all-local-government';
    const options = [...candidates.groups]
      .sort((a, b) => Number(b.code === likely) - Number(a.code === likely))
      .map((g) => ({ id: g.id, name: g.name, type: 'group' as const }));
    questions.push({
      text,
      kind: 'vague',
      options,
      reason: `"${text}" không chỉ rõ đơn vị nào: chọn nhóm đơn vị được giao, hoặc ghi rõ tên từng đơn vị trong tệp`,
    });
    blank(m.index, m[0].length);
  }
  // Then the longest of: a group's name as the province stores it (with or without its explanation in
  // parentheses) and the phrases every province writes; a name wins a tie (it is the province's own group).
  type Hit = { at: number; length: number; apply: (text: string) => void };
  const nameHits = (): Hit[] =>
    candidates.groups.flatMap((g) =>
      [...new Set([foldVietnamese(g.name), foldVietnamese(shortName(g.name))])]
        .filter((gk) => gk.length >= 4 && folded.includes(gk))
        .map((gk) => ({
          at: folded.indexOf(gk),
          length: gk.length,
          apply: (text: string) => add({ type: 'group', id: g.id, name: g.name, text, confidence: 'exact' }),
        })),
    );
  const phraseHits = (): Hit[] =>
    GROUP_PHRASES.flatMap(([re, alternatives]) => {
      const m = re.exec(folded);
      if (!m) return [];
      return [
        {
          at: m.index,
          length: m[0].length,
          apply: (text: string) => {
            for (const codes of alternatives) {
              const g = codes.map((c) => groupByCode.get(c)).find(Boolean);
              if (g) add({ type: 'group', id: g.id, name: g.name, text, confidence: 'abbreviation' });
              else
                questions.push({
                  text,
                  kind: 'unknown',
                  options: [],
                  reason: `"${text}" là một nhóm đơn vị mà tỉnh chưa có; tạo nhóm ở "Nhóm đơn vị" hoặc ghi tên từng đơn vị`,
                });
            }
          },
        },
      ];
    });
  for (let i = 0; i < 50; i++) {
    const names = nameHits();
    const hits = [...names, ...phraseHits()];
    if (hits.length === 0) break;
    const best = hits.reduce((a, b) => (b.length > a.length ? b : a));
    best.apply(original.slice(best.at, best.at + best.length));
    blank(best.at, best.length);
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
    } else if (LEVEL_ONLY.test(pk)) {
      // A level alone ("phường", "UBND xã"): say which group covers the level, or to name the units.
      const level = /quan|huyen|thi xa/.test(pk) ? 'all-districts' : 'all-communes';
      const g = groupByCode.get(level);
      questions.push({
        text,
        kind: 'unknown',
        options: g ? [{ id: g.id, name: g.name, type: 'group' }] : [],
        reason: g
          ? `"${text}" là tên một cấp, không phải một đơn vị: chọn nhóm "${g.name}" nếu giao cho tất cả, hoặc ghi tên từng đơn vị`
          : `"${text}" là tên một cấp, không phải một đơn vị: ghi tên từng đơn vị`,
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
  // In the order the cell names them (groups were read longest first).
  const at = (text: string) => original.indexOf(text);
  matches.sort((a, b) => at(a.text) - at(b.text));
  questions.sort((a, b) => at(a.text) - at(b.text));
  return { matches, questions };
}
