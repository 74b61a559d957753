/**
 * Word accuracy of the OCR repair of plan import (issue 17): the OCR text of plan 54 before and after repair,
 * against the clean transcription (document text only), with the syllable model from the shipped corpus alone (it
 * names no place or agency), with the province's own names added as the server adds them (issue 15: Hải Phòng's
 * units through time, its settings and the national bodies, read by provinceNamesForRepair from a seeded in-memory
 * database), and with the `dictionary-vi` lexicon added when that package is installed; and the time the repair
 * takes (p50/p95).
 *
 *   node --import tsx bench/plan-import.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  findProvinceByCode,
  openDatabase,
  provinceNamesForRepair,
  seedProvinceSettings,
  seedReportingBodies,
  seedUnits,
} from '@dx/db';
import {
  buildSyllableModel,
  cleanOcrLayout,
  DX_CORPUS_VI,
  repairOcrText,
  syllableModelFor,
  transcriptionText,
  wordAccuracy,
} from '@dx/domain';

const dir = new URL('../packages/domain/test-data/plan-import/', import.meta.url);
const ocr = readFileSync(new URL('54-KH-UBND-2023.ocr.txt', dir), 'utf8');
const reference = transcriptionText(readFileSync(new URL('54-KH-UBND-2023.vi.md', dir), 'utf8'));

function lexiconFromDictionaryVi(): string[] | null {
  try {
    const require = createRequire(import.meta.url);
    const given = process.argv.find((a) => a.startsWith('--dic='))?.slice(6);
    const dic = readFileSync(given ?? require.resolve('dictionary-vi/index.dic'), 'utf8');
    return dic
      .split('\n')
      .slice(1)
      .map((l) => l.split('/')[0]!.trim())
      .filter(Boolean);
  } catch {
    return null;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const show = (label: string, text: string) => {
  const a = wordAccuracy(text, reference);
  console.log(
    `${label.padEnd(44)} ${pct(a.accuracy)}  (N=${a.referenceWords}, S=${a.substitutions}, D=${a.deletions}, I=${a.insertions})`,
  );
};

show('before repair (raw OCR)', ocr);
show('layout only (no diacritics)', cleanOcrLayout(ocr).text);
const corpusModel = buildSyllableModel({ corpus: DX_CORPUS_VI });
const times: number[] = [];
let repaired = '';
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  repaired = repairOcrText(ocr, corpusModel).text;
  times.push(performance.now() - t0);
}
show('after repair (corpus model)', repaired);
const handle = await openDatabase({});
await seedReportingBodies(handle.db);
await seedUnits(handle.db);
await seedProvinceSettings(handle.db);
const names = await provinceNamesForRepair(handle.db, (await findProvinceByCode(handle.db, '31'))!);
await handle.close();
const provinceModel = syllableModelFor(names);
show(`after repair (corpus + ${names.length} province names)`, repairOcrText(ocr, provinceModel).text);
const lexicon = lexiconFromDictionaryVi();
if (lexicon) {
  const withLexicon = buildSyllableModel({ corpus: DX_CORPUS_VI, lexicon });
  show('after repair (corpus + dictionary-vi)', repairOcrText(ocr, withLexicon).text);
} else console.log('dictionary-vi not installed: lexicon variant skipped');
times.sort((a, b) => a - b);
console.log(
  `repair time p50 ${times[2]!.toFixed(0)} ms, p95 ${times[4]!.toFixed(0)} ms (5 runs, corpus model)`,
);
if (process.argv.includes('--print')) console.log(repaired);
