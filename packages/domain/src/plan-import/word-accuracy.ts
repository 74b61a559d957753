/** Word accuracy of a text against a reference: 1 − (substitutions + deletions + insertions) / reference words. */

/** Words of a text for comparison: NFC, lower case, punctuation dropped except inside codes (03-NQ/TU, 5G). */
export function comparisonWords(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:[-/.&@][\p{L}\p{N}]+)*/gu) ?? []
  );
}

export type WordAccuracy = {
  accuracy: number;
  referenceWords: number;
  substitutions: number;
  deletions: number;
  insertions: number;
};

/**
 * Levenshtein alignment over words (the word error rate of speech and OCR evaluation): accuracy is
 * 1 − (S + D + I) / N, where N is the number of reference words; it can fall below 0 for very noisy text.
 */
export function wordAccuracy(hypothesis: string, reference: string): WordAccuracy {
  const h = comparisonWords(hypothesis);
  const r = comparisonWords(reference);
  const n = r.length;
  const m = h.length;
  // One row of the DP table at a time, with the operation counts carried along.
  type Cell = { cost: number; s: number; d: number; i: number };
  let prev: Cell[] = Array.from({ length: m + 1 }, (_, j) => ({ cost: j, s: 0, d: 0, i: j }));
  for (let a = 1; a <= n; a++) {
    const row: Cell[] = [{ cost: a, s: 0, d: a, i: 0 }];
    for (let b = 1; b <= m; b++) {
      const diag = prev[b - 1]!;
      const same = r[a - 1] === h[b - 1];
      const sub = { cost: diag.cost + (same ? 0 : 1), s: diag.s + (same ? 0 : 1), d: diag.d, i: diag.i };
      const up = prev[b]!;
      const del = { cost: up.cost + 1, s: up.s, d: up.d + 1, i: up.i };
      const left = row[b - 1]!;
      const ins = { cost: left.cost + 1, s: left.s, d: left.d, i: left.i + 1 };
      row.push(sub.cost <= del.cost && sub.cost <= ins.cost ? sub : del.cost <= ins.cost ? del : ins);
    }
    prev = row;
  }
  const end = prev[m]!;
  return {
    accuracy: n === 0 ? (m === 0 ? 1 : 0) : 1 - end.cost / n,
    referenceWords: n,
    substitutions: end.s,
    deletions: end.d,
    insertions: end.i,
  };
}

/**
 * The document text of a Markdown transcription: below its first horizontal rule, without Markdown marks,
 * editorial quotes (">") or the trailing note on digital signatures.
 */
export function transcriptionText(md: string): string {
  const lines = md.normalize('NFC').split(/\r?\n/);
  const hr = lines.findIndex((l) => /^---+\s*$/.test(l));
  const body = hr >= 0 ? lines.slice(hr + 1) : lines;
  const out: string[] = [];
  for (const line of body) {
    if (/^Digital signatures on the PDF/i.test(line)) break;
    if (line.startsWith('>')) continue;
    out.push(
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/\*\*/g, '')
        .replace(/^\s*-\s+/, ''),
    );
  }
  return out.join('\n');
}
